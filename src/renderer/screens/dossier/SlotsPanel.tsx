// The four document slots filled by recognised kind, the documents that fit none, a hint
// when a file sits in a slot its content does not match, moving a file, and delete with undo.
import { DeleteOutlined, EyeOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Tag, Typography, Upload } from 'antd';
import type { RcFile } from 'antd/es/upload';
import { useEffect, useState, type DragEvent } from 'react';
import { DOCUMENT_KINDS, type DetectedKind, type DocumentKind } from '../../../core/documents';
import type { UndoTicket } from '../../../vault';
import type { DocumentView, DossierView, Workspace } from '../../model/contract';
import { QualityBadge } from '../../components/QualityBadge';
import { Thumbnail } from '../../components/Thumbnail';
import { useI18n } from '../../i18n';
import { ACCEPT } from './ImportPanel';
import { kindLabel } from './labels';
import { fieldsReadOf } from './printed';
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

  function hint(doc: DocumentView, slot: DetectedKind | null) {
    const detected = doc.detectedKind;
    const placed = doc.info.kind;
    if (doc.extracted.error) {
      return <Alert type="error" showIcon title={doc.extracted.error} />;
    }
    if (detected !== placed && detected !== 'unknown') {
      return (
        <div data-testid="slot-hint" style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          <Alert
            type="warning"
            showIcon
            title={t('dossier.slots.looksLike', {
              detected: kindLabel(t, detected),
              placed: kindLabel(t, placed),
            })}
          />
          <Button
            size="small"
            type="primary"
            ghost
            style={{ whiteSpace: 'normal', height: 'auto', alignSelf: 'flex-start' }}
            onClick={() => void move(doc, detected)}
          >
            {t('dossier.slots.moveTo', { kind: kindLabel(t, detected) })}
          </Button>
        </div>
      );
    }
    if (placed === 'unknown') {
      // Not imported as anything yet: a problem to solve, in amber.
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="slot-hint"
          data-unrecognised="true"
          title={t('dossier.import.unrecognisedHint')}
        />
      );
    }
    if (doc.setAside) {
      return (
        <Alert
          type="info"
          showIcon
          data-testid="slot-hint"
          title={t('dossier.slots.setAsideTag')}
        />
      );
    }
    if (slot === null) {
      return (
        <Alert
          type="info"
          showIcon
          data-testid="slot-hint"
          title={t('dossier.slots.secondCopy', { kind: kindLabel(t, placed) })}
        />
      );
    }
    return null;
  }

  function documentBody(doc: DocumentView, slot: DetectedKind | null) {
    const { read, confirmed, total } = fieldsReadOf(doc);
    return (
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', minWidth: 0 }}>
          <Thumbnail workspace={workspace} doc={doc} alt={doc.info.fileName} />
          <div style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
            <Typography.Text ellipsis title={doc.info.fileName} data-testid="slot-file">
              <FileOutlined /> {doc.info.fileName}
            </Typography.Text>
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              data-testid="slot-fields-read"
            >
              {t('dossier.slots.fieldsRead', { read, confirmed, total })}
            </Typography.Text>
          </div>
        </div>
        <QualityBadge doc={doc.extracted} />
        {hint(doc, slot)}
        <Space wrap>
          <Button
            size="small"
            icon={<EyeOutlined />}
            data-testid="open-review"
            onClick={() => onReview(doc.info.id)}
          >
            {t('dossier.slots.review')}
          </Button>
          <Select<DetectedKind>
            size="small"
            value={doc.info.kind}
            style={{ minWidth: 150 }}
            aria-label={t('dossier.slots.move')}
            data-testid="move-select"
            onChange={(kind) => void move(doc, kind)}
            options={[...DOCUMENT_KINDS, 'unknown' as const].map((k) => ({
              value: k,
              label: kindLabel(t, k),
            }))}
          />
          {doc.info.kind !== 'unknown' && (slot === null || doc.setAside) && (
            <Button
              size="small"
              data-testid={doc.setAside ? 'use-again' : 'set-aside'}
              onClick={() => void run(() => workspace.setAside(doc.info.id, !doc.setAside))}
            >
              {doc.setAside ? t('dossier.slots.useAgain') : t('dossier.slots.setAside')}
            </Button>
          )}
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            data-testid="delete-document"
            onClick={() => void remove(doc)}
          >
            {t('common.delete')}
          </Button>
        </Space>
      </Space>
    );
  }

  const slotCard = (kind: DocumentKind) => {
    const doc = view.slots[kind];
    // Each slot is also a drop target: a file dropped here is put in this slot.
    const drop = {
      onDragOver: (e: DragEvent) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragOver(kind);
      },
      onDragLeave: () => setDragOver(null),
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        setDragOver(null);
        const files = [...e.dataTransfer.files];
        if (files.length > 0) onDropInSlot(files, kind);
      },
    };
    return (
      <Card
        {...drop}
        key={kind}
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
          outline: dragOver === kind ? '2px dashed #1677ff' : undefined,
        }}
      >
        {doc ? (
          documentBody(doc, kind)
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
  };

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
        {DOCUMENT_KINDS.map(slotCard)}
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
                {documentBody(doc, null)}
              </div>
            ))}
          </div>
        </Card>
      )}
    </section>
  );
}
