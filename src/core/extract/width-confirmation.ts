// Which read values wait for a person because of width: text from OCR cannot tell （ from
// ( reliably, so a compared value holding a width-ambiguous character is confirmed against
// the image before a comparison may pass (spec §3: "（ and ( differ"). Shared by the reader
// and by bench:ocr's ground truth, where a perfect reader of the same image would still ask.
import type { FieldValues } from '../documents';
import type { TextSource } from '../extraction';
import { hasWidthAmbiguity } from '../text/normalise';

/** Fields the checks compare character for character (the address is compared width-folded). */
export const COMPARED_FIELDS: ReadonlySet<string> = new Set([
  'companyName',
  'accountName',
  'legalRepresentative',
  'name',
]);

/** The compared fields a person must confirm against the image: none from a text layer. */
export function widthToConfirm(fields: FieldValues, source: TextSource): string[] {
  if (source === 'pdf-text') return [];
  return Object.entries(fields)
    .filter(
      ([name, value]) => COMPARED_FIELDS.has(name) && value !== null && hasWidthAmbiguity(value),
    )
    .map(([name]) => name);
}
