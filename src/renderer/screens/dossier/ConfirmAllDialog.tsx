// Confirm-all's dialog: the fields of the document shown that it will confirm, listed with
// their values; what is confirmed is what it listed. It shows its own progress: the click
// on OK renders the dialog alone, not the review screen around it.
import { Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { fieldLabel } from './labels';
import { shown } from './review-model';

export function ConfirmAllDialog({
  listing,
  onOk,
  onCancel,
}: {
  /** The fields listed, or null when the dialog is closed. */
  listing: { field: string; value: string }[] | null;
  /** Confirms them; the dialog shows it is busy until this settles. */
  onOk: (listed: { field: string; value: string }[]) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  async function ok(listed: { field: string; value: string }[]): Promise<void> {
    setBusy(true);
    try {
      await onOk(listed);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open={listing !== null}
      title={t('dossier.review.confirmDialogTitle', { count: listing?.length ?? 0 })}
      okText={t('dossier.review.confirmDialogOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ id: 'confirm-all-ok' }}
      onOk={() => listing && !busy && void ok(listing)}
      onCancel={onCancel}
    >
      <Typography.Paragraph type="secondary">
        {t('dossier.review.confirmDialogNote')}
      </Typography.Paragraph>
      <ul data-testid="confirm-all-list" style={{ paddingLeft: 18 }}>
        {(listing ?? []).map((f) => (
          <li key={f.field} data-testid="confirm-all-item" data-field={f.field}>
            {fieldLabel(t, f.field)}：<strong>{shown(f.field, f.value, language)}</strong>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
