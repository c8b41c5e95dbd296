// Drop or pick many files at once, and more while they are read; each gets a progress row
// through read → OCR → extract → save, one cancel for all queued, and its outcome in one
// sentence afterwards.
import { InboxOutlined } from '@ant-design/icons';
import { Button, Progress, Tag, Typography, Upload } from 'antd';
import type { RcFile } from 'antd/es/upload';
import { useRef, useState } from 'react';
import type {
  DocumentFileInput,
  ImportOutcome,
  ImportProgress,
  ImportStage,
  Workspace,
} from '../../model/contract';
import { useI18n, type MessageKey, type Translate } from '../../i18n';
import type { DocumentKind } from '../../../core/documents';
import { ACCEPT_ATTRIBUTE } from '../../../core/intake';
import { kindLabel } from './labels';
import { errorSentence } from '../../shell/errors';

/** What the file pickers offer: the intake policy's admitted types (src/core/intake.ts). */
export const ACCEPT = ACCEPT_ATTRIBUTE;

export interface ImportRow {
  name: string;
  progress: ImportProgress;
  outcome?: ImportOutcome;
}

const STAGE_KEYS: Record<ImportStage, MessageKey> = {
  queued: 'dossier.import.stage.queued',
  reading: 'dossier.import.stage.reading',
  'loading-ocr': 'dossier.import.stage.loading-ocr',
  ocr: 'dossier.import.stage.ocr',
  extracting: 'dossier.import.stage.extracting',
  saving: 'dossier.import.stage.saving',
  done: 'dossier.import.stage.done',
  failed: 'dossier.import.stage.failed',
  cancelled: 'dossier.import.stage.cancelled',
};

const OUTCOME_COLOURS: Record<ImportOutcome['status'], string> = {
  imported: 'success',
  duplicate: 'warning',
  refused: 'error',
  unreadable: 'error',
  cancelled: 'default',
};

const OUTCOME_KEYS: Record<ImportOutcome['status'], MessageKey> = {
  imported: 'dossier.import.outcome.imported',
  duplicate: 'dossier.import.outcome.duplicate',
  refused: 'dossier.import.outcome.refused',
  unreadable: 'dossier.import.outcome.unreadable',
  cancelled: 'dossier.import.outcome.cancelled',
};

/**
 * The outcome's one sentence in the interface's language (null when there is nothing to
 * say); a reason the catalogue does not know keeps the English sentence.
 */
export function outcomeSentence(t: Translate, outcome: ImportOutcome): string | null {
  const { reason, message } = outcome;
  if (reason === undefined || (reason === 'other' && !message)) return message ?? null;
  if (reason === 'other') return t('dossier.import.reason.other', { detail: message ?? '' });
  return t(`dossier.import.reason.${reason}`, outcome.values);
}

export interface Importer {
  rows: readonly ImportRow[];
  busy: boolean;
  error: string | null;
  /**
   * Imports a batch. `slot`: the slot a single file was dropped on; the file is put there
   * even when its content says otherwise, and the slot then says what it looks like.
   */
  importBatch: (files: readonly File[], slot?: DocumentKind) => Promise<void>;
  cancel: () => void;
}

/**
 * The import's state, kept by the dossier screen (not the tab) so that a batch keeps its
 * progress rows and its cancel button while the person looks at another tab. The drop zone
 * is never blocked: files dropped while others are read join the list and the queue (the
 * reader reads as many at once as it has OCR workers).
 */
export function useImporter(workspace: Workspace, dossierId: string): Importer {
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [busy, setBusy] = useState(false);
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  /** Batches under way, and the rows listed (a new batch's rows go after them). */
  const active = useRef(0);
  const listed = useRef(0);

  async function importBatch(files: readonly File[], slot?: DocumentKind): Promise<void> {
    if (files.length === 0) return;
    if (active.current === 0) {
      // Nothing running: the finished batch's rows make way for this one.
      listed.current = 0;
      setRows([]);
      setError(null);
    }
    // One cancel for everything queued; after a cancel, a new drop starts afresh.
    if (!controller.current || controller.current.signal.aborted)
      controller.current = new AbortController();
    const abort = controller.current;
    const offset = listed.current;
    listed.current += files.length;
    active.current++;
    setBusy(true);
    const at = (index: number) => offset + index;
    setRows((old) => [
      ...old,
      ...files.map((f) => ({ name: f.name, progress: { stage: 'queued', progress: 0 } as const })),
    ]);
    try {
      const inputs: DocumentFileInput[] = await Promise.all(
        files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      const outcomes = await workspace.importFiles(dossierId, inputs, {
        signal: abort.signal,
        onProgress: (index, progress) =>
          setRows((old) => old.map((r, i) => (i === at(index) ? { ...r, progress } : r))),
      });
      const placed = outcomes[0];
      // A file holding several documents puts each where its content says.
      if (
        slot &&
        files.length === 1 &&
        placed?.status === 'imported' &&
        placed.documentId &&
        !placed.documents
      ) {
        if (placed.kind !== slot) await workspace.moveDocument(placed.documentId, slot);
      }
      setRows((old) =>
        old.map((r, i) => {
          const outcome = outcomes[i - offset];
          if (i < offset || !outcome) return r;
          const stage: ImportStage =
            outcome.status === 'imported'
              ? 'done'
              : outcome.status === 'cancelled'
                ? 'cancelled'
                : 'failed';
          return {
            ...r,
            outcome,
            progress: { stage, progress: stage === 'done' ? 1 : r.progress.progress },
          };
        }),
      );
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') {
        setRows((old) =>
          old.map((r, i) =>
            i < offset || i >= offset + files.length || r.outcome || r.progress.stage === 'done'
              ? r
              : {
                  ...r,
                  outcome: { fileName: r.name, status: 'cancelled' },
                  progress: { stage: 'cancelled', progress: r.progress.progress },
                },
          ),
        );
      } else {
        setError(errorSentence(e, t));
      }
    } finally {
      active.current--;
      if (active.current === 0) {
        controller.current = null;
        setBusy(false);
      }
    }
  }

  return { rows, busy, error, importBatch, cancel: () => controller.current?.abort() };
}

export function ImportPanel({ importer }: { importer: Importer }) {
  const { t } = useI18n();
  const { rows, busy, error, importBatch } = importer;

  return (
    <section
      data-testid="import-panel"
      style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
    >
      <Upload.Dragger
        multiple
        showUploadList={false}
        accept={ACCEPT}
        data-testid="file-input"
        beforeUpload={(file: RcFile, batch: RcFile[]) => {
          // Called once per file of a batch: start the batch on its first file only.
          if (file === batch[0]) void importBatch(batch);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('dossier.import.drop')}</p>
        <p className="ant-upload-hint">{t('dossier.import.hint')}</p>
      </Upload.Dragger>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
      {rows.length > 0 && (
        <div data-testid="import-rows" style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography.Text strong>
              {busy
                ? t('dossier.import.running', { count: rows.length })
                : t('dossier.import.finished')}
            </Typography.Text>
            {busy && (
              <Button danger size="small" data-testid="import-cancel" onClick={importer.cancel}>
                {t('dossier.import.cancel')}
              </Button>
            )}
          </div>
          {rows.map((row, i) => (
            <div
              key={`${i}-${row.name}`}
              data-testid="import-row"
              data-file={row.name}
              data-stage={row.progress.stage}
              data-status={row.outcome?.status ?? ''}
              style={{
                display: 'grid',
                gridTemplateColumns: 'minmax(120px, 1fr) 110px minmax(160px, 2fr)',
                gap: 12,
                alignItems: 'center',
              }}
            >
              <Typography.Text ellipsis title={row.name}>
                {row.name}
              </Typography.Text>
              <span style={{ color: '#595959' }}>{t(STAGE_KEYS[row.progress.stage])}</span>
              {row.outcome ? (
                <span>
                  {row.outcome.status === 'imported' && row.outcome.kind === 'unknown' ? (
                    // Stored, but not as anything yet: a problem to solve, not an import.
                    <Tag color="warning" data-testid="import-unrecognised">
                      {t('dossier.import.unrecognisedHint')}
                    </Tag>
                  ) : (
                    <Tag color={OUTCOME_COLOURS[row.outcome.status]}>
                      {t(OUTCOME_KEYS[row.outcome.status])}
                    </Tag>
                  )}
                  {row.outcome.status === 'imported' &&
                    (row.outcome.documents ? (
                      <span
                        data-testid="import-documents"
                        data-count={row.outcome.documents.length}
                      >
                        {t('dossier.import.holds', {
                          count: row.outcome.documents.length,
                          kinds: row.outcome.documents
                            .map((d) => kindLabel(t, d.kind))
                            .join(t('dossier.import.listSeparator')),
                        })}
                      </span>
                    ) : (
                      row.outcome.kind &&
                      row.outcome.kind !== 'unknown' && (
                        <span>{kindLabel(t, row.outcome.kind)}</span>
                      )
                    ))}
                  {row.outcome.alsoIn && (
                    <Typography.Text type="secondary" data-testid="import-also-in">
                      {' '}
                      {t('dossier.import.alsoIn', { companies: row.outcome.alsoIn.join('、') })}
                    </Typography.Text>
                  )}
                  {outcomeSentence(t, row.outcome) !== null && (
                    <span
                      data-testid="import-message"
                      data-reason={row.outcome.reason ?? ''}
                      title={row.outcome.message}
                    >
                      {' '}
                      {outcomeSentence(t, row.outcome)}
                    </span>
                  )}
                </span>
              ) : (
                <Progress
                  percent={Math.round(row.progress.progress * 100)}
                  size="small"
                  status={
                    row.progress.stage === 'failed'
                      ? 'exception'
                      : row.progress.stage === 'done'
                        ? 'success'
                        : row.progress.stage === 'cancelled'
                          ? 'normal'
                          : 'active'
                  }
                />
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
