// The dialog that creates a dossier from a company name; a name another dossier already
// has is warned about, with what tells the existing ones apart.
import { Alert, App, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import type { DossierRow } from '../../model/contract';
import { useWorkspace } from '../../model/workspace-context';
import { errorSentence } from '../../shell/errors';
import { createdAt, sameNamed, shortId } from './same-name';

export function NewDossierDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const workspace = useWorkspace();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [company, setCompany] = useState('');
  const [busy, setBusy] = useState(false);
  const [existing, setExisting] = useState<DossierRow[]>([]);
  const { language } = useI18n();

  // Every dossier, not the list as searched: a same-named one must be found either way.
  useEffect(() => {
    if (!open) return;
    let live = true;
    workspace.listRows().then(
      (all) => live && setExisting(all),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [open, workspace]);
  const same = sameNamed(company, existing);

  // The name is cleared when the dialog closes, not when it opens: clearing it in an effect
  // after opening raced with a person (or a test) typing at once, and lost what was typed.
  const close = (): void => {
    setCompany('');
    onClose();
  };

  async function submit(): Promise<void> {
    const name = company.trim();
    if (name === '' || busy) return;
    setBusy(true);
    try {
      const id = await workspace.createDossier(name);
      void message.success(t('shell.list.created', { company: name }));
      setCompany('');
      onCreated(id);
    } catch (error) {
      void message.error(errorSentence(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('shell.list.newTitle')}
      okText={same.length > 0 ? t('shell.list.createAnyway') : t('shell.list.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={close}
      okButtonProps={{
        disabled: company.trim() === '',
        loading: busy,
        'data-testid': 'new-dossier-submit',
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('shell.list.newHelp')}</Typography.Paragraph>
      <Input
        autoFocus
        value={company}
        onChange={(e) => setCompany(e.target.value)}
        onPressEnter={() => void submit()}
        placeholder={t('shell.list.companyPlaceholder')}
        data-testid="new-dossier-name"
        aria-label={t('shell.list.company')}
        maxLength={200}
      />
      {same.length > 0 && (
        <Alert
          className="dv-gap"
          type="warning"
          showIcon
          data-testid="same-name-warning"
          title={t('shell.list.sameNameWarning', {
            company: same[0]!.summary.company,
            count: same.length,
          })}
          description={same
            .map((r) =>
              t('shell.list.sameNameMark', {
                code: r.summary.creditCode ?? t('shell.list.noCreditCode'),
                created: createdAt(r.summary.createdAt, language),
                id: shortId(r.summary.id),
              }),
            )
            .join('；')}
        />
      )}
    </Modal>
  );
}
