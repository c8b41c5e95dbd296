// Drop or pick many files at once, and more while they are read; each gets a progress row
// through read → OCR → extract → save, one cancel for all queued, and its outcome in one
// sentence afterwards. The state lives in import-store.ts.
import { InboxOutlined } from '@ant-design/icons';
import { Button, Progress, Tag, Typography, Upload } from 'antd';
import type { RcFile } from 'antd/es/upload';
import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import type { ImportOutcome, ImportStage, Workspace } from '../../model/contract';
import { useI18n, type MessageKey, type Translate } from '../../i18n';
import type { DocumentKind } from '../../../core/documents';
import { ACCEPT_ATTRIBUTE } from '../../../core/intake';
import { EllipsisText } from '../../components/light-text';
import { kindLabel } from './labels';
import { errorSentence } from '../../shell/errors';
import { createImportController, type ImportController, type ImportRow } from './import-store';

/** What the file pickers offer: the intake policy's admitted types (src/core/intake.ts). */
export const ACCEPT = ACCEPT_ATTRIBUTE;

export type { ImportRow };

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

/** The dossier screen's import controller (import-store.ts), one per dossier shown. */
export function useImporter(workspace: Workspace, dossierId: string): ImportController {
  return useMemo(() => createImportController(workspace, dossierId), [workspace, dossierId]);
}

/**
 * The controller's state, each publication rendered as a transition: React renders it in
 * slices between other tasks and never as one long task (useSyncExternalStore would render
 * every publication at once, synchronously, inside the task that published it: the drop).
 */
function usePublished(controller: ImportController) {
  const [state, setState] = useState(controller.getState);
  useEffect(() => {
    const update = () => startTransition(() => setState(controller.getState()));
    update();
    return controller.subscribe(update);
  }, [controller]);
  return state;
}

/** The import panel over the controller's state: the only component its progress renders. */
export const LiveImportPanel = memo(function LiveImportPanel({
  controller,
}: {
  controller: ImportController;
}) {
  const { t } = useI18n();
  const state = usePublished(controller);
  const importer = useMemo<Importer>(
    () => ({
      rows: state.rows,
      busy: state.busy,
      error: state.failure === null ? null : errorSentence(state.failure, t),
      importBatch: controller.importBatch,
      cancel: controller.cancel,
    }),
    [state, t, controller],
  );
  return <ImportPanel importer={importer} />;
});

export function ImportPanel({ importer }: { importer: Importer }) {
  const { t } = useI18n();
  const { rows, busy, error, importBatch, cancel } = importer;

  return (
    <section
      data-testid="import-panel"
      style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
    >
      <DropZone importBatch={importBatch} />
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
              <Button danger size="small" data-testid="import-cancel" onClick={cancel}>
                {t('dossier.import.cancel')}
              </Button>
            )}
          </div>
          {rows.map((row, i) => (
            <ImportRowView key={`${i}-${row.name}`} row={row} />
          ))}
        </div>
      )}
    </section>
  );
}

/**
 * The drop zone: memoised, with the controller's stable importBatch, so that a file's
 * progress does not render the Upload again.
 */
const DropZone = memo(function DropZone({ importBatch }: { importBatch: Importer['importBatch'] }) {
  const { t } = useI18n();
  return (
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
  );
});

/**
 * One file's row. Memoised: the store keeps the objects of the rows that did not change,
 * so a file's progress renders its own row only.
 */
export const ImportRowView = memo(function ImportRowView({ row }: { row: ImportRow }) {
  const { t } = useI18n();
  const sentence = row.outcome ? outcomeSentence(t, row.outcome) : null;
  return (
    <div
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
      <EllipsisText title={row.name}>{row.name}</EllipsisText>
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
              <span data-testid="import-documents" data-count={row.outcome.documents.length}>
                {t('dossier.import.holds', {
                  count: row.outcome.documents.length,
                  kinds: row.outcome.documents
                    .map((d) => kindLabel(t, d.kind))
                    .join(t('dossier.import.listSeparator')),
                })}
              </span>
            ) : (
              row.outcome.kind &&
              row.outcome.kind !== 'unknown' && <span>{kindLabel(t, row.outcome.kind)}</span>
            ))}
          {row.outcome.alsoIn && (
            <Typography.Text type="secondary" data-testid="import-also-in">
              {' '}
              {t('dossier.import.alsoIn', { companies: row.outcome.alsoIn.join('、') })}
            </Typography.Text>
          )}
          {sentence !== null && (
            <span
              data-testid="import-message"
              data-reason={row.outcome.reason ?? ''}
              title={row.outcome.message}
            >
              {' '}
              {sentence}
            </span>
          )}
        </span>
      ) : (
        // No 'active' status: its endless shimmer repainted the page every frame for
        // the whole read (compositor and GPU process: 3.6 of the browser's 18.9 CPU
        // seconds for four scans, bench:ui); the stage and the percentage say enough.
        <Progress
          className="dv-import-progress"
          percent={Math.round(row.progress.progress * 100)}
          size="small"
          status={
            row.progress.stage === 'failed'
              ? 'exception'
              : row.progress.stage === 'done'
                ? 'success'
                : 'normal'
          }
        />
      )}
    </div>
  );
});
