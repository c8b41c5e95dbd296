// The four document slots filled by recognised kind (each document a SlotDocument), the
// documents that fit none, dropping a file on a slot, moving a file, and delete with undo.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Tag, Typography, Upload } from 'antd';
import type { RcFile } from 'antd/es/upload';
import { memo, useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { DOCUMENT_KINDS, type DetectedKind, type DocumentKind } from '../../../core/documents';
import type { UndoTicket } from '../../../vault';
import type { DocumentView, DossierView, Workspace } from '../../model/contract';
import { useI18n } from '../../i18n';
import { ACCEPT } from './ImportPanel';
import { kindLabel } from './labels';
import { SlotDocument, type SlotAction } from './SlotDocument';
import { useAction } from './use-dossier';

interface Deleted {
  ticket: UndoTicket;
  fileName: string;
}

export function SlotsPanel({
  workspace,
  view,
  onReview,
  onDropInSlot,
}: {
  workspace: Workspace;
  view: DossierView;
  onReview: (documentId: string) => void;
  /** Files dropped on (or picked for) one slot. */
  onDropInSlot: (files: File[], kind: DocumentKind) => void;
}) {
  const [dragOver, setDragOver] = useState<DocumentKind | null>(null);
  const { t } = useI18n();
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const { error, run } = useAction();

  // The undo offer disappears when the vault no longer allows it.
  useEffect(() => {
    if (!deleted) return;
    const left = deleted.ticket.undoUntil - Date.now();
    const timer = setTimeout(() => setDeleted(null), Math.max(0, left));
    return () => clearTimeout(timer);
  }, [deleted]);

  const remove = (doc: DocumentView) =>
    run(async () => {
      const ticket = await workspace.deleteDocument(doc.info.id);
      setDeleted({ ticket, fileName: doc.info.fileName });
    });
  const undo = () =>
    run(async () => {
      if (!deleted) return;
      await workspace.undoDelete(deleted.ticket);
      setDeleted(null);
    });
  const move = (doc: DocumentView, kind: DetectedKind) =>
    run(() => workspace.moveDocument(doc.info.id, kind));

  // The documents' actions through one callback that keeps its identity (they are memoised).
  const latest = useRef({ onReview, move, remove, run, workspace });
  latest.current = { onReview, move, remove, run, workspace };
  const onAction = useCallback((action: SlotAction) => {
    const { onReview: review, move: moveTo, remove: del, run: act, workspace: ws } = latest.current;
    const { doc } = action;
    if (action.type === 'review') review(doc.info.id);
    else if (action.type === 'move') void moveTo(doc, action.kind);
    else if (action.type === 'delete') void del(doc);
    else void act(() => ws.setAside(doc.info.id, !doc.setAside));
  }, []);

  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {deleted && (
        <Alert
          type="info"
          showIcon
          data-testid="undo-delete"
          title={t('dossier.slots.deleted', { file: deleted.fileName })}
          action={
            <Button
              size="small"
              type="primary"
              onClick={() => void undo()}
              data-testid="undo-button"
            >
              {t('common.undo')}
            </Button>
          }
        />
      )}
      {error && <Alert type="error" showIcon title={error} />}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
          gap: 12,
        }}
      >
        {DOCUMENT_KINDS.map((kind) => (
          <SlotCard
            key={kind}
            kind={kind}
            doc={view.slots[kind]}
            dragOver={dragOver === kind}
            workspace={workspace}
            onAction={onAction}
            onDropInSlot={onDropInSlot}
            onDragOver={setDragOver}
          />
        ))}
      </div>
      {view.others.length > 0 && (
        <Card size="small" title={t('dossier.slots.others')} data-testid="others">
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
              gap: 12,
            }}
          >
            {view.others.map((doc) => (
              <div key={doc.info.id} data-testid="other-document" data-kind={doc.info.kind}>
                <SlotDocument workspace={workspace} doc={doc} slot={null} onAction={onAction} />
              </div>
            ))}
          </div>
        </Card>
      )}
    </section>
  );
}

/**
 * One slot: its document, or a hint and a picker when empty; also a drop target (a file
 * dropped here is put in this slot). Memoised: a document stored in another slot, or a
 * check run again, leaves it as it was.
 */
const SlotCard = memo(function SlotCard({
  kind,
  doc,
  dragOver,
  workspace,
  onAction,
  onDropInSlot,
  onDragOver,
}: {
  kind: DocumentKind;
  doc: DocumentView | null;
  dragOver: boolean;
  workspace: Workspace;
  onAction: (action: SlotAction) => void;
  onDropInSlot: (files: File[], kind: DocumentKind) => void;
  onDragOver: (kind: DocumentKind | null) => void;
}) {
  const { t } = useI18n();
  return (
    <Card
      onDragOver={(e: DragEvent) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        onDragOver(kind);
      }}
      onDragLeave={() => onDragOver(null)}
      onDrop={(e: DragEvent) => {
        e.preventDefault();
        onDragOver(null);
        const files = [...e.dataTransfer.files];
        if (files.length > 0) onDropInSlot(files, kind);
      }}
      size="small"
      title={kindLabel(t, kind)}
      data-testid="slot"
      data-kind={kind}
      data-filled={doc ? 'true' : 'false'}
      extra={
        doc ? (
          <Tag color="success">{t('dossier.slots.filled')}</Tag>
        ) : (
          <Tag>{t('dossier.slots.empty')}</Tag>
        )
      }
      style={{
        minHeight: 160,
        outline: dragOver ? '2px dashed #1677ff' : undefined,
      }}
    >
      {doc ? (
        <SlotDocument workspace={workspace} doc={doc} slot={kind} onAction={onAction} />
      ) : (
        <Space orientation="vertical" size={8}>
          <Typography.Text type="secondary">
            {t('dossier.slots.emptyHint', { kind: kindLabel(t, kind) })}
          </Typography.Text>
          <Upload
            showUploadList={false}
            accept={ACCEPT}
            data-testid="slot-input"
            beforeUpload={(file: RcFile) => {
              onDropInSlot([file], kind);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />}>
              {t('dossier.slots.pick')}
            </Button>
          </Upload>
        </Space>
      )}
    </Card>
  );
});
