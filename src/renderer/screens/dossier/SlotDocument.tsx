// One document as the slots show it: a small picture, its file name and the fields read,
// its quality, a hint when it sits in a slot its content does not match (or fits none),
// and its actions (review, move, set aside, delete), which go to the slots panel.
import { DeleteOutlined, DownOutlined, EyeOutlined, FileOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Typography } from 'antd';
import { memo, useState } from 'react';
import { DOCUMENT_KINDS, type DetectedKind } from '../../../core/documents';
import type { DocumentView, Workspace } from '../../model/contract';
import { EllipsisText } from '../../components/light-text';
import { QualityBadge } from '../../components/QualityBadge';
import { Thumbnail } from '../../components/Thumbnail';
import { useI18n } from '../../i18n';
import { kindLabel } from './labels';
import { fieldsReadOf } from './printed';

/** What a person asked of a document in its slot. */
export type SlotAction =
  | { type: 'review'; doc: DocumentView }
  | { type: 'move'; doc: DocumentView; kind: DetectedKind }
  | { type: 'set-aside'; doc: DocumentView }
  | { type: 'delete'; doc: DocumentView };

function Hint({
  doc,
  slot,
  onAction,
}: {
  doc: DocumentView;
  slot: DetectedKind | null;
  onAction: (action: SlotAction) => void;
}) {
  const { t } = useI18n();
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
          onClick={() => onAction({ type: 'move', doc, kind: detected })}
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
      <Alert type="info" showIcon data-testid="slot-hint" title={t('dossier.slots.setAsideTag')} />
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

/**
 * Where to move the document: a button naming its kind until it is pressed, then antd's
 * Select, open. A Select sets state in a layout effect when it mounts, which makes React
 * render again inside the task that committed it: mounted with every document an import
 * adds, it made that commit one long task (test/e2e/renders.test.ts counts such cascades).
 */
function MoveSelect({
  doc,
  onAction,
}: {
  doc: DocumentView;
  onAction: (action: SlotAction) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button
        size="small"
        style={{ minWidth: 150, display: 'inline-flex', justifyContent: 'space-between' }}
        aria-label={t('dossier.slots.move')}
        aria-haspopup="listbox"
        data-testid="move-select"
        onClick={() => setOpen(true)}
      >
        {kindLabel(t, doc.info.kind)}
        <DownOutlined style={{ fontSize: 10, color: 'rgba(0, 0, 0, 0.25)' }} />
      </Button>
    );
  }
  return (
    <Select<DetectedKind>
      size="small"
      value={doc.info.kind}
      style={{ minWidth: 150 }}
      aria-label={t('dossier.slots.move')}
      data-testid="move-select"
      defaultOpen
      autoFocus
      onOpenChange={(isOpen) => !isOpen && setOpen(false)}
      onChange={(kind) => {
        setOpen(false);
        onAction({ type: 'move', doc, kind });
      }}
      options={[...DOCUMENT_KINDS, 'unknown' as const].map((k) => ({
        value: k,
        label: kindLabel(t, k),
      }))}
    />
  );
}

/**
 * A document in its slot (or among the others): thumbnail, name, fields read, quality,
 * a hint when something is off, and its actions. Memoised: an import that adds another
 * document leaves it as it was (the view's unchanged documents keep their objects).
 */
export const SlotDocument = memo(function SlotDocument({
  workspace,
  doc,
  slot,
  onAction,
}: {
  workspace: Workspace;
  doc: DocumentView;
  slot: DetectedKind | null;
  onAction: (action: SlotAction) => void;
}) {
  const { t } = useI18n();
  const { read, confirmed, total } = fieldsReadOf(doc);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', minWidth: 0 }}>
        <Thumbnail workspace={workspace} doc={doc} alt={doc.info.fileName} />
        <div style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
          <EllipsisText title={doc.info.fileName} data-testid="slot-file">
            <FileOutlined /> {doc.info.fileName}
          </EllipsisText>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="slot-fields-read">
            {t('dossier.slots.fieldsRead', { read, confirmed, total })}
          </Typography.Text>
        </div>
      </div>
      <QualityBadge doc={doc.extracted} />
      <Hint doc={doc} slot={slot} onAction={onAction} />
      <Space wrap>
        <Button
          size="small"
          icon={<EyeOutlined />}
          data-testid="open-review"
          onClick={() => onAction({ type: 'review', doc })}
        >
          {t('dossier.slots.review')}
        </Button>
        <MoveSelect doc={doc} onAction={onAction} />
        {doc.info.kind !== 'unknown' && (slot === null || doc.setAside) && (
          <Button
            size="small"
            data-testid={doc.setAside ? 'use-again' : 'set-aside'}
            onClick={() => onAction({ type: 'set-aside', doc })}
          >
            {doc.setAside ? t('dossier.slots.useAgain') : t('dossier.slots.setAside')}
          </Button>
        )}
        <Button
          size="small"
          danger
          icon={<DeleteOutlined />}
          data-testid="delete-document"
          onClick={() => onAction({ type: 'delete', doc })}
        >
          {t('common.delete')}
        </Button>
      </Space>
    </Space>
  );
});
