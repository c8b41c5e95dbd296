// Changes the company must report to the platform (spec §4): record one (address, legal
// representative, closed bank account) with the day it took effect, see its filing
// deadline in working days, mark it filed, or remove a mistaken entry.
import { Button, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CHANGE_KINDS, type ChangeKind } from '../../../core/deadlines';
import { loadRulePack } from '../../../core/rule-pack';
import { formatDocumentDate, useI18n, type MessageKey } from '../../i18n';
import type { DossierView, Workspace } from '../../model/contract';
import { parseDateInput } from './labels';
import { useAction } from './use-dossier';

const KIND_KEY: Record<ChangeKind, MessageKey> = {
  address: 'dossier.changes.kind.address',
  'legal-representative': 'dossier.changes.kind.legal-representative',
  'bank-account-closed': 'dossier.changes.kind.bank-account-closed',
};

/** A typed date that is a real calendar day (not 长期). */
function isoDay(text: string): string | null {
  const parsed = parseDateInput(text);
  return parsed === 'long-term' ? null : parsed;
}

export function ChangesPanel({ workspace, view }: { workspace: Workspace; view: DossierView }) {
  const { t, language } = useI18n();
  const [kind, setKind] = useState<ChangeKind>('address');
  const [occurredOn, setOccurredOn] = useState('');
  const [filedOn, setFiledOn] = useState<Record<string, string>>({});
  const { error, run } = useAction();
  const rules = loadRulePack(view.dossier.rulePack).changes;
  const days = rules.fileWithinWorkingDays;
  const occurred = isoDay(occurredOn);

  return (
    <div data-testid="changes">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('dossier.changes.intro', { days })}
      </Typography.Paragraph>
      {view.changes.length === 0 ? (
        <Typography.Text type="secondary" data-testid="changes-empty">
          {t('dossier.changes.none')}
        </Typography.Text>
      ) : (
        <ul style={{ margin: '0 0 8px', paddingLeft: 20 }}>
          {view.changes.map((c) => {
            const deadline = view.deadlines.find(
              (d) => d.kind === 'change-filing' && d.changeId === c.id,
            );
            return (
              <li
                key={c.id}
                data-testid="change"
                data-kind={c.kind}
                data-filed={c.filedOn ? 'true' : 'false'}
              >
                <Space wrap>
                  <span>
                    {t(KIND_KEY[c.kind])} · {formatDocumentDate(c.occurredOn, language)}
                  </span>
                  {c.filedOn ? (
                    <Tag color="green">
                      {t('dossier.changes.filedOn', {
                        date: formatDocumentDate(c.filedOn, language),
                      })}
                    </Tag>
                  ) : (
                    <>
                      <Tag color="orange">{t('dossier.changes.pending')}</Tag>
                      {deadline && (
                        <Typography.Text type="danger">
                          {deadline.message[language]}
                        </Typography.Text>
                      )}
                      <Input
                        size="small"
                        style={{ width: 130 }}
                        placeholder={view.today}
                        value={filedOn[c.id] ?? ''}
                        aria-label={t('labels.changeFiledOnDate')}
                        data-testid="change-filed-on"
                        onChange={(e) => setFiledOn({ ...filedOn, [c.id]: e.target.value })}
                      />
                      <Button
                        size="small"
                        data-testid="change-mark-filed"
                        onClick={() =>
                          void run(() =>
                            workspace.markChangeFiled(
                              c.id,
                              isoDay(filedOn[c.id] ?? '') ?? view.today,
                            ),
                          )
                        }
                      >
                        {t('dossier.changes.markFiled')}
                      </Button>
                    </>
                  )}
                  {rules.notifyBankOf.includes(c.kind) &&
                    (c.bankNotifiedOn ? (
                      <Tag color="green" data-testid="change-bank-notified">
                        {t('dossier.changes.bankNotifiedOn', {
                          date: formatDocumentDate(c.bankNotifiedOn, language),
                        })}
                      </Tag>
                    ) : (
                      <>
                        <Input
                          size="small"
                          style={{ width: 130 }}
                          placeholder={view.today}
                          value={filedOn[`bank:${c.id}`] ?? ''}
                          aria-label={t('labels.changeBankNotifiedOnDate')}
                          data-testid="change-bank-notified-on"
                          onChange={(e) =>
                            setFiledOn({ ...filedOn, [`bank:${c.id}`]: e.target.value })
                          }
                        />
                        <Button
                          size="small"
                          data-testid="change-mark-bank-notified"
                          onClick={() =>
                            void run(() =>
                              workspace.markBankNotified(
                                c.id,
                                isoDay(filedOn[`bank:${c.id}`] ?? '') ?? view.today,
                              ),
                            )
                          }
                        >
                          {t('dossier.changes.markBankNotified')}
                        </Button>
                      </>
                    ))}
                  <Button
                    size="small"
                    type="link"
                    danger
                    data-testid="change-remove"
                    onClick={() => void run(() => workspace.removeChange(c.id))}
                  >
                    {t('dossier.changes.remove')}
                  </Button>
                </Space>
              </li>
            );
          })}
        </ul>
      )}
      <Space wrap style={{ marginTop: 8 }}>
        <Select<ChangeKind>
          value={kind}
          style={{ width: 170 }}
          aria-label={t('labels.changeKind')}
          data-testid="change-kind"
          onChange={setKind}
          options={CHANGE_KINDS.map((k) => ({ value: k, label: t(KIND_KEY[k]) }))}
        />
        <Input
          style={{ width: 150 }}
          placeholder={t('dossier.changes.occurredOn')}
          value={occurredOn}
          status={occurredOn !== '' && occurred === null ? 'error' : undefined}
          aria-label={t('dossier.changes.occurredOn')}
          data-testid="change-occurred-on"
          onChange={(e) => setOccurredOn(e.target.value)}
        />
        <Button
          disabled={occurred === null}
          data-testid="change-record"
          onClick={() =>
            void run(async () => {
              await workspace.recordChange(view.dossier.id, { kind, occurredOn: occurred! });
              setOccurredOn('');
            })
          }
        >
          {t('dossier.changes.record')}
        </Button>
      </Space>
      {error && (
        <Typography.Text type="danger" style={{ display: 'block' }} data-testid="changes-error">
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
