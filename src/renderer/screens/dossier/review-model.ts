// What the review lists, from a dossier view: the documents in slot order and each one's
// fields in the order they are printed, with the values as a person reads them.
import { DATE_FIELDS } from '../../../core/documents';
import type { Correction } from '../../../core/extraction';
import type { ExtractedField } from '../../../vault';
import { HIGH_CONFIDENCE } from '../../model/confirmable';
import type { DocumentView, DossierView } from '../../model/contract';
import { formatDocumentDate, type Language } from '../../i18n';
import { printedFieldsOf } from './printed';

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
export function orderedFields(doc: DocumentView): ExtractedField[] {
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

/** A value as the document prints it (dates in the interface's language). */
export const shown = (field: string, value: string | null, language: Language): string =>
  value === null ? '' : DATE_FIELDS.has(field) ? formatDocumentDate(value, language) : value;

/** The value a field has now: a person's confirmation over what was read. */
export const currentValue = (f: ExtractedField): string | null => f.confirmedValue ?? f.value;

export function confidenceColour(c: number): string {
  return c >= HIGH_CONFIDENCE ? 'success' : c >= 0.7 ? 'warning' : 'error';
}

/** The proposals for a field: its own, else the document's for that field. */
export function correctionsOf(doc: DocumentView, f: ExtractedField): Correction[] {
  const own = f.corrections.filter((c) => c.field === f.field);
  return own.length > 0 ? own : doc.extracted.corrections.filter((c) => c.field === f.field);
}
