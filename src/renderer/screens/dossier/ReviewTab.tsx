// Review: the page image with a box around each extracted field, beside it the fields with
// value, confidence and markers (checksum proposals, widths to confirm). A person edits
// and confirms one field (Enter), or every high-confidence one; J/K or ↓/↑ move between
// fields; a click on a field selects its box and the other way round.
import { CheckOutlined, ExclamationCircleOutlined, BulbOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Empty,
  Input,
  Modal,
  Pagination,
  Segmented,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DATE_FIELDS } from '../../../core/documents';
import { printedFieldsOf } from './printed';
import { useUnsavedChanges } from '../../shell/unsaved';
import type { Correction } from '../../../core/extraction';
import type { ExtractedField } from '../../../vault';
import { PageView, type PageBox } from '../../components/PageView';
import { sealBoxes } from '../../components/QualityBadge';
import { flagBoxes, ReviewFindings, selectedFlag } from './ImageFindings';
import { bulkConfirmable, HIGH_CONFIDENCE } from '../../model/confirmable';
import type { DocumentView, DossierView, PageGeometry, Workspace } from '../../model/contract';
import { formatDocumentDate, useI18n, type Language } from '../../i18n';
import { fieldLabel, kindLabel, parseDateInput } from './labels';
import { errorSentence } from '../../shell/errors';

/** The documents in slot order, then the others. */
export function orderedDocuments(view: DossierView): DocumentView[] {
  const inSlots = (['business-license', 'id-card-front', 'id-card-back', 'bank-permit'] as const)
    .map((k) => view.slots[k])
    .filter((d): d is DocumentView => d !== null);
  return [...inSlots, ...view.others];
}

/**
 * Every field of the document's kind in the order they are printed (spec §2), then any
 * others: a field that was not read (or a file whose kind a person chose) is offered
 * empty, for the person to enter from the image.
 */
function orderedFields(doc: DocumentView): ExtractedField[] {
  const order = printedFieldsOf(doc);
  const rank = (f: string) => {
    const i = order.indexOf(f);
    return i < 0 ? order.length : i;
  };
  const have = new Set(doc.fields.map((f) => f.field));
  // A field this design of form does not print (核准号 on a 基本存款账户信息) is not listed.
  const shownFields = doc.fields.filter(
    (f) => order.includes(f.field) || f.value !== null || f.confirmedValue !== null,
  );
  const missing: ExtractedField[] = order
    .filter((f) => !have.has(f))
    .map((field) => ({
      field,
      value: null,
      confidence: 0,
      box: null,
      corrections: [],
      confirmedValue: null,
      confirmedBy: null,
      confirmedAt: null,
    }));
  return [...shownFields, ...missing].sort((a, b) => rank(a.field) - rank(b.field));
}

const shown = (field: string, value: string | null, language: Language): string =>
  value === null ? '' : DATE_FIELDS.has(field) ? formatDocumentDate(value, language) : value;

function confidenceColour(c: number): string {
  return c >= HIGH_CONFIDENCE ? 'success' : c >= 0.7 ? 'warning' : 'error';
}

function usePageImage(workspace: Workspace, doc: DocumentView | null, page: number) {
  const [image, setImage] = useState<{ url: string; geometry: PageGeometry } | null>(null);
  const { t } = useI18n();
  // The failure itself, worded at render: a language switch must not fetch the page again.
  const [failure, setFailure] = useState<unknown>(null);
  const id = doc?.info.id ?? null;
  const hasPages = (doc?.pages.length ?? 0) > 0;
  const geometry = doc?.pages[page];
  // PDF pages are in points (small): draw them at twice the size so text stays sharp.
  const scale = geometry && geometry.width < 1500 ? 2 : 1;
  useEffect(() => {
    setImage(null);
    setFailure(null);
    if (id === null || !hasPages) return;
    let release: (() => void) | null = null;
    let live = true;
    workspace.pageImage(id, page, scale).then(
      (r) => {
        if (!live) return r.release();
        release = r.release;
        setImage({ url: r.url, geometry: r.geometry });
      },
      (e: unknown) => live && setFailure(e ?? new Error('unknown')),
    );
    return () => {
      live = false;
      release?.();
    };
  }, [workspace, id, page, hasPages, scale]);
  return { image, error: failure === null ? null : errorSentence(failure, t) };
}

export function ReviewTab({
  workspace,
  view,
  documentId,
  field,
  onSelect,
}: {
  workspace: Workspace;
  view: DossierView;
  documentId: string | null;
  field: string | null;
  onSelect: (documentId: string, field: string | null) => void;
}) {
  const { t, language } = useI18n();
  const documents = orderedDocuments(view);
  const doc = documents.find((d) => d.info.id === documentId) ?? documents[0] ?? null;
  const [page, setPage] = useState(0);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [rowError, setRowError] = useState<{ field: string; text: string } | null>(null);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { image, error: imageError } = usePageImage(workspace, doc, page);
  const list = useRef<HTMLDivElement>(null);

  const fields = useMemo(() => (doc ? orderedFields(doc) : []), [doc]);
  // A field, or a quality flag opened from the checks (its region outlined).
  const selected =
    fields.find((f) => f.field === field)?.field ??
    (selectedFlag(doc, field) === undefined ? null : field);
  const needsConfirmation = new Set(doc?.extracted.needsConfirmation ?? []);
  // Values located with another document's (their label lost): a person confirms them.
  const foundElsewhere = doc?.extracted.found ?? {};
  const docId = doc?.info.id ?? null;

  // A document that is a part of its file (a page of a whole dossier, one side of an ID
  // copy) opens on its own page.
  const firstPage = doc?.extracted.page ?? 0;
  useEffect(() => {
    setPage(firstPage);
    setDrafts({});
    setRowError(null);
  }, [docId, firstPage]);

  // A field on another page brings that page up.
  const selectedBox =
    fields.find((f) => f.field === selected)?.box ?? selectedFlag(doc, selected)?.region ?? null;
  useEffect(() => {
    if (selectedBox && selectedBox.page !== page) setPage(selectedBox.page);
  }, [selectedBox, page]);

  useEffect(() => {
    if (selected === null) return;
    list.current
      ?.querySelector(`[data-field="${CSS.escape(selected)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const current = (f: ExtractedField) => f.confirmedValue ?? f.value;
  const draftOf = (f: ExtractedField) => drafts[f.field] ?? shown(f.field, current(f), language);
  // A value typed but not yet confirmed is an unsaved edit: leaving the tab asks first.
  const typedFields = fields
    .filter((f) => {
      const draft = drafts[f.field];
      return draft !== undefined && draft.trim() !== shown(f.field, current(f), language).trim();
    })
    .map((f) => fieldLabel(t, f.field));
  useUnsavedChanges(
    `review-${docId ?? ''}`,
    typedFields.length > 0 ? typedFields.join(t('unsaved.separator')) : null,
  );

  async function confirm(f: ExtractedField): Promise<void> {
    if (!doc) return;
    const text = draftOf(f).trim();
    let value = text;
    if (DATE_FIELDS.has(f.field)) {
      const iso = parseDateInput(text);
      if (iso === null) {
        setRowError({ field: f.field, text: t('dossier.review.notADate') });
        return;
      }
      value = iso;
    }
    if (value === '') {
      setRowError({ field: f.field, text: t('dossier.review.emptyValue') });
      return;
    }
    setRowError(null);
    try {
      await workspace.confirmField(doc.info.id, f.field, value);
      setDrafts((old) => {
        const { [f.field]: _, ...rest } = old;
        return rest;
      });
      // Move on to the next unconfirmed field: the natural order of a review.
      const i = fields.findIndex((x) => x.field === f.field);
      const next = fields.slice(i + 1).find((x) => x.confirmedValue === null);
      if (next) onSelect(doc.info.id, next.field);
    } catch (e) {
      setRowError({ field: f.field, text: errorSentence(e, t) });
    }
  }

  // Confirm-all: this document only, listed in a dialog; what is confirmed is what it listed.
  const [listing, setListing] = useState<{ field: string; value: string }[] | null>(null);
  async function confirmListed(shownFields: { field: string; value: string }[]): Promise<void> {
    if (!doc) return;
    setBusy(true);
    setNotice(null);
    try {
      const count = await workspace.confirmShown(view.dossier.id, doc.info.id, shownFields);
      setNotice({ type: 'success', text: t('dossier.review.confirmedAll', { count }) });
      setListing(null);
    } catch (e) {
      setNotice({ type: 'error', text: errorSentence(e, t) });
      setListing(null);
    } finally {
      setBusy(false);
    }
  }

  // Keyboard: Enter confirms the selected field; J/K and ↓/↑ move between fields.
  const keyState = useRef({ fields, selected, doc, confirm });
  keyState.current = { fields, selected, doc, confirm };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      const typing =
        target !== null &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (typing) return;
      // Buttons and links handle their own Enter.
      if (e.key === 'Enter' && target !== null && ['BUTTON', 'A'].includes(target.tagName)) return;
      const { fields: fs, selected: sel, doc: d, confirm: c } = keyState.current;
      if (!d || fs.length === 0) return;
      const i = fs.findIndex((f) => f.field === sel);
      if (e.key === 'j' || e.key === 'J' || e.key === 'ArrowDown') {
        e.preventDefault();
        const next = fs[Math.min(fs.length - 1, i + 1)];
        if (next) onSelect(d.info.id, next.field);
      } else if (e.key === 'k' || e.key === 'K' || e.key === 'ArrowUp') {
        e.preventDefault();
        const prev = fs[Math.max(0, i < 0 ? 0 : i - 1)];
        if (prev) onSelect(d.info.id, prev.field);
      } else if (e.key === 'Enter' && i >= 0) {
        e.preventDefault();
        const f = fs[i];
        if (f) void c(f);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onSelect]);

  if (documents.length === 0 || !doc) {
    return <Empty data-testid="review-empty" description={t('dossier.review.empty')} />;
  }

  const corrections = (f: ExtractedField): Correction[] => {
    const own = f.corrections.filter((c) => c.field === f.field);
    return own.length > 0 ? own : doc.extracted.corrections.filter((c) => c.field === f.field);
  };

  const boxes: PageBox[] = fields.flatMap((f) =>
    f.box && f.box.page === page
      ? [
          {
            id: f.field,
            box: f.box,
            label: `${fieldLabel(t, f.field)}: ${shown(f.field, current(f), language)}`,
            attention:
              f.confirmedValue === null &&
              (f.confidence < HIGH_CONFIDENCE ||
                needsConfirmation.has(f.field) ||
                corrections(f).length > 0),
            confirmed: f.confirmedValue !== null,
          },
        ]
      : [],
  );

  boxes.push(...sealBoxes(doc.extracted, page, t('quality.seal')));
  boxes.push(...flagBoxes(doc, page, (f) => t(`quality.flag.${f.flag}`)));

  const pending = fields.filter((f) => f.confirmedValue === null && f.value !== null);
  // "Confirm all" works on the document shown, so its count does too.
  const highPending = bulkConfirmable(doc, HIGH_CONFIDENCE).flatMap((f) =>
    f.value === null ? [] : [{ field: f.field, value: f.value }],
  );

  return (
    <div
      data-testid="review"
      data-document-id={doc.info.id}
      data-kind={doc.info.kind}
      data-page={page}
      style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
    >
      <Segmented<string>
        data-testid="review-documents"
        value={doc.info.id}
        onChange={(id) => onSelect(id, null)}
        options={documents.map((d) => ({
          value: d.info.id,
          label: (
            <span data-testid="review-document" data-kind={d.info.kind}>
              {kindLabel(t, d.info.kind)}
              {/* A second file of a kind (or an unknown one) also needs its name. */}
              {view.slots[d.info.kind as keyof typeof view.slots]?.info.id !== d.info.id &&
                ` · ${d.info.fileName}`}
            </span>
          ),
          title: d.info.fileName,
        }))}
      />
      <ReviewFindings workspace={workspace} doc={doc} selected={selected} />
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <div style={{ flex: '3 1 420px', minWidth: 320 }}>
          {doc.pages.length === 0 ? (
            <Empty description={t('dossier.review.notRead')} />
          ) : imageError ? (
            <Alert type="error" showIcon title={imageError} />
          ) : image ? (
            <PageView
              url={image.url}
              geometry={image.geometry}
              boxes={boxes}
              selected={selected}
              onSelect={(f) => onSelect(doc.info.id, f)}
              {...(doc.extracted.region && page === firstPage
                ? { region: doc.extracted.region }
                : {})}
            />
          ) : (
            <div
              data-testid="page-loading"
              style={{ height: 640, display: 'grid', placeItems: 'center' }}
            >
              {t('dossier.review.loadingPage')}
            </div>
          )}
          {doc.pages.length > 1 && (
            <Pagination
              simple
              style={{ marginTop: 8 }}
              current={page + 1}
              total={doc.pages.length}
              pageSize={1}
              onChange={(p) => setPage(p - 1)}
            />
          )}
        </div>
        <div
          style={{
            flex: '2 1 360px',
            minWidth: 320,
            display: 'flex',
            flexDirection: 'column',
            gap: 8,
          }}
        >
          <Space wrap>
            <Button
              icon={<CheckOutlined />}
              loading={busy}
              disabled={highPending.length === 0}
              data-testid="confirm-all"
              onClick={() => setListing(highPending)}
            >
              {t('dossier.review.confirmShown', { count: highPending.length })}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dossier.review.keys')}
            </Typography.Text>
          </Space>
          <Modal
            open={listing !== null}
            title={t('dossier.review.confirmDialogTitle', { count: listing?.length ?? 0 })}
            okText={t('dossier.review.confirmDialogOk')}
            cancelText={t('common.cancel')}
            confirmLoading={busy}
            okButtonProps={{ id: 'confirm-all-ok' }}
            onOk={() => listing && void confirmListed(listing)}
            onCancel={() => setListing(null)}
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
          {notice && (
            <Alert
              type={notice.type}
              showIcon
              closable
              title={notice.text}
              data-testid="review-notice"
            />
          )}
          {doc.extracted.error && <Alert type="error" showIcon title={doc.extracted.error} />}
          {fields.length === 0 && <Empty description={t('dossier.review.noFields')} />}
          <div
            ref={list}
            data-testid="field-list"
            style={{
              maxHeight: 640,
              overflowY: 'auto',
              display: 'flex',
              flexDirection: 'column',
              gap: 6,
            }}
          >
            {fields.map((f) => {
              const isSelected = f.field === selected;
              const proposals = corrections(f);
              const value = current(f);
              const width = needsConfirmation.has(f.field) && f.confirmedValue === null;
              return (
                <div
                  key={f.field}
                  data-testid="field-row"
                  data-field={f.field}
                  data-confidence={f.confidence.toFixed(2)}
                  data-confirmed={f.confirmedValue !== null ? 'true' : 'false'}
                  data-selected={isSelected ? 'true' : 'false'}
                  onClick={() => onSelect(doc.info.id, f.field)}
                  style={{
                    border: `1px solid ${isSelected ? '#1677ff' : '#f0f0f0'}`,
                    background: isSelected ? '#e6f4ff' : '#fff',
                    borderRadius: 6,
                    padding: '6px 10px',
                    cursor: 'pointer',
                  }}
                >
                  <div
                    style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}
                  >
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
                    {foundElsewhere[f.field] !== undefined && f.confirmedValue === null && (
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
                        disabled={value === null && !(drafts[f.field] ?? '').trim()}
                        onClick={(e) => {
                          e.stopPropagation();
                          void confirm(f);
                        }}
                      >
                        {t('dossier.review.confirm')}
                      </Button>
                    ) : (
                      <Tag color="success" icon={<CheckOutlined />} data-testid="field-confirmed">
                        {t('dossier.review.confirmedBy', {
                          by: f.confirmedBy ?? '',
                          at: f.confirmedAt
                            ? new Date(f.confirmedAt).toLocaleString(
                                language === 'zh' ? 'zh-CN' : 'en-GB',
                              )
                            : '',
                        })}
                      </Tag>
                    )}
                  </div>
                  {f.confirmedValue !== null &&
                    f.value !== null &&
                    f.confirmedValue !== f.value && (
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
                              setDrafts((old) => ({ ...old, [f.field]: c.to }));
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
                        value={draftOf(f)}
                        data-testid="field-edit"
                        aria-label={fieldLabel(t, f.field)}
                        placeholder={
                          value === null ? t('dossier.review.notReadPlaceholder') : undefined
                        }
                        onChange={(e) =>
                          setDrafts((old) => ({ ...old, [f.field]: e.target.value }))
                        }
                        onKeyDown={(e) => {
                          // Enter confirms; Shift+Enter is a line break (addresses, scope).
                          if (e.key === 'Enter' && !e.shiftKey) {
                            e.preventDefault();
                            void confirm(f);
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
                          onClick={() => void confirm(f)}
                        >
                          {t('dossier.review.saveCorrection')}
                        </Button>
                      )}
                      {rowError?.field === f.field && (
                        <Typography.Text type="danger" style={{ display: 'block' }} role="alert">
                          {rowError.text}
                        </Typography.Text>
                      )}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
          {pending.length === 0 && fields.length > 0 && (
            <Typography.Text type="success" data-testid="all-confirmed">
              {t('dossier.review.allConfirmed')}
            </Typography.Text>
          )}
        </div>
      </div>
    </div>
  );
}
