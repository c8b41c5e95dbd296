// Confirm-all's dialog: the fields of the document shown that it will confirm, listed with
// their values; what is confirmed is what it listed.
import { Modal, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { fieldLabel } from './labels';
import { shown } from './review-model';

export function ConfirmAllDialog({
  listing,
  busy,
  onOk,
  onCancel,
}: {
  /** The fields listed, or null when the dialog is closed. */
  listing: { field: string; value: string }[] | null;
  busy: boolean;
  onOk: (listed: { field: string; value: string }[]) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  return (
    <Modal
      open={listing !== null}
      title={t('dossier.review.confirmDialogTitle', { count: listing?.length ?? 0 })}
      okText={t('dossier.review.confirmDialogOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ id: 'confirm-all-ok' }}
      onOk={() => listing && onOk(listing)}
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
