// The image analysis where people act on it (issue 16): the checks tab lists each quality
// flag of each document with a link that opens review with the flag's region outlined;
// review draws those regions, names the selected flag, and lets a person confirm the
// bank form's seal against the image (audited as a confirmation; it settles bank.seal).
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DocumentKind } from '../../../core/documents';
import type { QualityFlag } from '../../../core/image';
import type { PageBox } from '../../components/PageView';
import type { DocumentView, DossierView, Workspace } from '../../model/contract';
import { useI18n } from '../../i18n';
import { errorSentence } from '../../shell/errors';
import type { CheckTarget } from './CheckRow';
import { kindLabel } from './labels';

const FLAG_PREFIX = 'quality-';

/** The id review selects a document's flag by (its index among the document's flags). */
export const flagId = (index: number): string => `${FLAG_PREFIX}${index}`;

/** The flag a review selection names, if it names one of this document's flags. */
export function selectedFlag(
  doc: DocumentView | null,
  selected: string | null,
): QualityFlag | undefined {
  if (doc === null || selected === null || !selected.startsWith(FLAG_PREFIX)) return undefined;
  return doc.extracted.quality?.flags[Number(selected.slice(FLAG_PREFIX.length))];
}

/** The flags' regions on a page, as boxes review draws beside the fields' (amber). */
export function flagBoxes(
  doc: DocumentView,
  page: number,
  label: (flag: QualityFlag) => string,
): PageBox[] {
  return (doc.extracted.quality?.flags ?? []).flatMap((f, i) =>
    f.region && f.region.page === page
      ? [{ id: flagId(i), box: f.region, label: label(f), attention: true }]
      : [],
  );
}

/** Under files.quality: every flag of the documents the checks use, each a link to review. */
export function QualityFlagList({
  view,
  onOpen,
}: {
  view: DossierView;
  onOpen: (target: CheckTarget) => void;
}) {
  const { t, language } = useI18n();
  const rows = (Object.entries(view.slots) as [DocumentKind, DocumentView | null][]).flatMap(
    ([kind, doc]) =>
      (doc?.extracted.quality?.flags ?? []).map((flag, index) => ({
        kind,
        doc: doc!,
        flag,
        index,
      })),
  );
  if (rows.length === 0) return null;
  return (
    <div data-testid="quality-flags" style={{ paddingLeft: 8 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('quality.listTitle')}
      </Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
        {rows.map(({ kind, doc, flag, index }) => (
          <li
            key={`${doc.info.id}-${index}`}
            data-testid="quality-flag"
            data-flag={flag.flag}
            data-kind={kind}
          >
            <Space size={4} wrap>
              <Typography.Text strong>{kindLabel(t, kind)}</Typography.Text>
              <Tag color="warning">{t(`quality.flag.${flag.flag}`)}</Tag>
              <Typography.Text>{language === 'zh' ? flag.reasonZh : flag.reason}</Typography.Text>
              <Button
                type="link"
                size="small"
                data-testid="quality-flag-open"
                onClick={() => onOpen({ to: 'review', kind, field: flagId(index) })}
              >
                {t('quality.show')}
                {flag.region ? '' : ` (${t('quality.wholeImage')})`}
              </Button>
            </Space>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Above the page in review: the selected flag's reason, and the bank form's seal. */
export function ReviewFindings({
  workspace,
  doc,
  selected,
}: {
  workspace: Workspace;
  doc: DocumentView;
  selected: string | null;
}) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const flag = selectedFlag(doc, selected);
  const seal = doc.extracted.seal;
  const isBank = doc.info.kind === 'bank-permit';

  async function confirmSeal(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await workspace.confirmField(doc.info.id, 'seal', 'true');
    } catch (e) {
      setError(errorSentence(e, t));
    } finally {
      setBusy(false);
    }
  }

  const confirmed = doc.sealConfirmed;
  return (
    <>
      {flag && (
        <Alert
          data-testid="review-flag"
          data-flag={flag.flag}
          type="warning"
          showIcon
          title={`${t(`quality.flag.${flag.flag}`)}: ${language === 'zh' ? flag.reasonZh : flag.reason}`}
        />
      )}
      {isBank && (
        <div
          data-testid="review-seal"
          data-found={seal?.found ? 'true' : 'false'}
          data-confirmed={confirmed ? 'true' : 'false'}
          style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}
        >
          <Tag color={seal?.found || confirmed ? 'success' : 'error'}>
            {seal?.found
              ? t('quality.sealFound', { count: seal.boxes.length })
              : seal?.colour === 'greyscale'
                ? t('quality.sealGreyscale')
                : t('quality.sealMissing')}
          </Tag>
          {confirmed ? (
            <Typography.Text type="success" data-testid="seal-confirmed">
              {t('quality.sealConfirmed', {
                by: confirmed.by ?? '—',
                at:
                  confirmed.at === null
                    ? '—'
                    : new Date(confirmed.at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB'),
              })}
            </Typography.Text>
          ) : seal?.found ? null : (
            <Button
              size="small"
              loading={busy}
              data-testid="confirm-seal"
              onClick={() => void confirmSeal()}
            >
              {t('quality.confirmSeal')}
            </Button>
          )}
          {error && (
            <Typography.Text type="danger" role="alert">
              {error}
            </Typography.Text>
          )}
        </div>
      )}
    </>
  );
}
