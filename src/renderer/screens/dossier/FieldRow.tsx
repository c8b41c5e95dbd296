// One field of the review: label, value, confidence and markers (a width to confirm, a
// value found with another document, a checksum proposal), its confirm button or who
// confirmed it; selected, its proposals and an editor. Memoised: a row re-renders only
// when its own props change (its callbacks are stable), not on every change of the review.
import { BulbOutlined, CheckOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Tag, Tooltip, Typography } from 'antd';
import { memo } from 'react';
import type { Correction } from '../../../core/extraction';
import type { ExtractedField } from '../../../vault';
import { useI18n } from '../../i18n';
import { fieldLabel } from './labels';
import { confidenceColour, currentValue, shown } from './review-model';

export interface FieldRowProps {
  f: ExtractedField;
  isSelected: boolean;
  proposals: Correction[];
  /** A width (full/half-width character) a person must confirm. */
  width: boolean;
  /** Located with another document's value (its label lost). */
  foundElsewhere: boolean;
  /** What the editor shows: the typed draft, else the current value. */
  draft: string;
  /** A draft was typed (the confirm button is enabled for an empty value). */
  typed: boolean;
  error: string | null;
  onSelect: (field: string) => void;
  onConfirm: (f: ExtractedField) => void;
  onDraft: (field: string, text: string) => void;
}

export const FieldRow = memo(function FieldRow({
  f,
  isSelected,
  proposals,
  width,
  foundElsewhere,
  draft,
  typed,
  error,
  onSelect,
  onConfirm,
  onDraft,
}: FieldRowProps) {
  const { t, language } = useI18n();
  const value = currentValue(f);
  return (
    <div
      data-testid="field-row"
      data-field={f.field}
      data-confidence={f.confidence.toFixed(2)}
      data-confirmed={f.confirmedValue !== null ? 'true' : 'false'}
      data-selected={isSelected ? 'true' : 'false'}
      onClick={() => onSelect(f.field)}
      style={{
        border: `1px solid ${isSelected ? '#1677ff' : '#f0f0f0'}`,
        background: isSelected ? '#e6f4ff' : '#fff',
        borderRadius: 6,
        padding: '6px 10px',
        cursor: 'pointer',
      }}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" style={{ width: 110, flex: 'none' }}>
          {fieldLabel(t, f.field)}
        </Typography.Text>
        <Typography.Text
          strong
          data-testid="field-value"
          style={{ flex: '1 1 120px', wordBreak: 'break-all' }}
        >
          {value === null ? (
            <Typography.Text type="secondary" italic>
              {t('dossier.review.notFound')}
            </Typography.Text>
          ) : (
            shown(f.field, value, language)
          )}
        </Typography.Text>
        {f.value !== null && (
          <Tooltip title={t('dossier.review.confidence')}>
            <Tag color={confidenceColour(f.confidence)} data-testid="field-confidence">
              {Math.round(f.confidence * 100)}%
            </Tag>
          </Tooltip>
        )}
        {width && (
          <Tooltip title={t('dossier.review.widthHint')}>
            <Tag
              color="orange"
              icon={<ExclamationCircleOutlined />}
              data-testid="needs-confirmation"
            >
              {t('dossier.review.needsConfirmation')}
            </Tag>
          </Tooltip>
        )}
        {foundElsewhere && f.confirmedValue === null && (
          <Tooltip title={t('dossier.review.crossDocumentHint')}>
            <Tag color="gold" data-testid="found-cross-document">
              {t('dossier.review.crossDocument')}
            </Tag>
          </Tooltip>
        )}
        {proposals.length > 0 && f.confirmedValue === null && (
          <Tag color="purple" icon={<BulbOutlined />} data-testid="has-proposal">
            {t('dossier.review.proposal')}
          </Tag>
        )}
        {f.confirmedValue === null ? (
          <Button
            size="small"
            type={isSelected ? 'primary' : 'default'}
            data-testid="confirm-field"
            disabled={value === null && !(typed && draft.trim())}
            onClick={(e) => {
              e.stopPropagation();
              onConfirm(f);
            }}
          >
            {t('dossier.review.confirm')}
          </Button>
        ) : (
          <Tag color="success" icon={<CheckOutlined />} data-testid="field-confirmed">
            {t('dossier.review.confirmedBy', {
              by: f.confirmedBy ?? '',
              at: f.confirmedAt
                ? new Date(f.confirmedAt).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB')
                : '',
            })}
          </Tag>
        )}
      </div>
      {f.confirmedValue !== null && f.value !== null && f.confirmedValue !== f.value && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dossier.review.ocrRead', { value: shown(f.field, f.value, language) })}
        </Typography.Text>
      )}
      {isSelected &&
        proposals.map((c, i) => (
          <Alert
            key={i}
            type="info"
            style={{ marginTop: 6 }}
            data-testid="proposal"
            title={t('dossier.review.proposalText', { from: c.from, to: c.to })}
            description={c.note}
            action={
              <Button
                size="small"
                data-testid="apply-proposal"
                onClick={(e) => {
                  e.stopPropagation();
                  onDraft(f.field, c.to);
                }}
              >
                {t('dossier.review.applyProposal')}
              </Button>
            }
          />
        ))}
      {isSelected && (
        <div style={{ marginTop: 6 }} onClick={(e) => e.stopPropagation()}>
          <Input.TextArea
            rows={2}
            value={draft}
            data-testid="field-edit"
            aria-label={fieldLabel(t, f.field)}
            placeholder={value === null ? t('dossier.review.notReadPlaceholder') : undefined}
            onChange={(e) => onDraft(f.field, e.target.value)}
            onKeyDown={(e) => {
              // Enter confirms; Shift+Enter is a line break (addresses, scope).
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                onConfirm(f);
              } else if (e.key === 'Escape') {
                (e.target as HTMLElement).blur();
              }
            }}
          />
          {f.confirmedValue !== null && (
            <Button
              size="small"
              style={{ marginTop: 4 }}
              data-testid="reconfirm-field"
              onClick={() => onConfirm(f)}
            >
              {t('dossier.review.saveCorrection')}
            </Button>
          )}
          {error !== null && (
            <Typography.Text type="danger" style={{ display: 'block' }} role="alert">
              {error}
            </Typography.Text>
          )}
        </div>
      )}
    </div>
  );
});
