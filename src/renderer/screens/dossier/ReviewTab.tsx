// Review: the page image with a box around each extracted field, beside it the fields with
// value, confidence and markers (checksum proposals, widths to confirm). A person edits
// and confirms one field (Enter), or every high-confidence one; J/K or ↓/↑ move between
// fields; a click on a field selects its box and the other way round.
import { CheckOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Pagination, Segmented, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DATE_FIELDS } from '../../../core/documents';
import { useUnsavedChanges } from '../../shell/unsaved';
import type { Correction } from '../../../core/extraction';
import type { ExtractedField } from '../../../vault';
import { PageView, type PageBox } from '../../components/PageView';
import { sealBoxes } from '../../components/QualityBadge';
import { flagBoxes, ReviewFindings, selectedFlag } from './ImageFindings';
import { bulkConfirmable, HIGH_CONFIDENCE } from '../../model/confirmable';
import type { DossierView, Workspace } from '../../model/contract';
import { useI18n } from '../../i18n';
import { fieldLabel, kindLabel, parseDateInput } from './labels';
import { errorSentence } from '../../shell/errors';
import { ConfirmAllDialog } from './ConfirmAllDialog';
import { FieldRow } from './FieldRow';
import {
  correctionsOf,
  currentValue,
  orderedDocuments,
  orderedFields,
  shown,
} from './review-model';
import { usePageImage } from './use-page-image';
import { useShared } from './use-shared';
import { useReviewKeys } from './use-review-keys';

export { orderedDocuments };

const NO_PROPOSALS: Correction[] = [];

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
  const { image, error: imageError } = usePageImage(workspace, doc, page);
  const list = useRef<HTMLDivElement>(null);

  // Shared with the last render where equal: a confirmation changes one field's object,
  // and only its row renders again (the rows are memoised on these props).
  const fields = useShared(useMemo(() => (doc ? orderedFields(doc) : []), [doc]));
  const proposals = useShared(
    useMemo(
      () => new Map(doc ? fields.map((f) => [f.field, correctionsOf(doc, f)]) : []),
      [doc, fields],
    ),
  );
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

  const draftOf = (f: ExtractedField) =>
    drafts[f.field] ?? shown(f.field, currentValue(f), language);
  // A value typed but not yet confirmed is an unsaved edit: leaving the tab asks first.
  const typedFields = fields
    .filter((f) => {
      const draft = drafts[f.field];
      return (
        draft !== undefined && draft.trim() !== shown(f.field, currentValue(f), language).trim()
      );
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
    try {
      const count = await workspace.confirmShown(view.dossier.id, doc.info.id, shownFields);
      setNotice({ type: 'success', text: t('dossier.review.confirmedAll', { count }) });
    } catch (e) {
      setNotice({ type: 'error', text: errorSentence(e, t) });
    }
    setListing(null);
  }

  useReviewKeys({ fields, selected, doc, confirm }, onSelect);

  // The rows' callbacks keep their identity across renders (the rows are memoised).
  const latestConfirm = useRef(confirm);
  latestConfirm.current = confirm;
  const onConfirm = useCallback((f: ExtractedField) => void latestConfirm.current(f), []);
  const onDraft = useCallback(
    (name: string, text: string) => setDrafts((old) => ({ ...old, [name]: text })),
    [],
  );
  const onSelectField = useCallback(
    (name: string) => {
      if (docId !== null) onSelect(docId, name);
    },
    [docId, onSelect],
  );

  // The page's boxes, shared with the last render's where equal (the page view is memoised).
  const boxes = useShared<PageBox[]>(
    doc
      ? [
          ...fields.flatMap((f) =>
            f.box && f.box.page === page
              ? [
                  {
                    id: f.field,
                    box: f.box,
                    label: `${fieldLabel(t, f.field)}: ${shown(f.field, currentValue(f), language)}`,
                    attention:
                      f.confirmedValue === null &&
                      (f.confidence < HIGH_CONFIDENCE ||
                        needsConfirmation.has(f.field) ||
                        (proposals.get(f.field) ?? []).length > 0),
                    confirmed: f.confirmedValue !== null,
                  },
                ]
              : [],
          ),
          ...sealBoxes(doc.extracted, page, t('quality.seal')),
          ...flagBoxes(doc, page, (f) => t(`quality.flag.${f.flag}`)),
        ]
      : [],
  );
  if (documents.length === 0 || !doc) {
    return <Empty data-testid="review-empty" description={t('dossier.review.empty')} />;
  }

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
              onSelect={onSelectField}
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
              disabled={highPending.length === 0}
              data-testid="confirm-all"
              onClick={() => {
                setNotice(null);
                setListing(highPending);
              }}
            >
              {t('dossier.review.confirmShown', { count: highPending.length })}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dossier.review.keys')}
            </Typography.Text>
          </Space>
          <ConfirmAllDialog
            listing={listing}
            onOk={confirmListed}
            onCancel={() => setListing(null)}
          />
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
            {fields.map((f) => (
              <FieldRow
                key={f.field}
                f={f}
                isSelected={f.field === selected}
                proposals={proposals.get(f.field) ?? NO_PROPOSALS}
                width={needsConfirmation.has(f.field) && f.confirmedValue === null}
                foundElsewhere={foundElsewhere[f.field] !== undefined}
                draft={draftOf(f)}
                typed={drafts[f.field] !== undefined}
                error={rowError?.field === f.field ? rowError.text : null}
                onSelect={onSelectField}
                onConfirm={onConfirm}
                onDraft={onDraft}
              />
            ))}
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
