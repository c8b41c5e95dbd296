// A person's name two documents read alike where one side's OCR doubted a character that
// PP-OCR is measured to read for a rarer look-alike (余 at 0.6, which may be 佘; 阙, which
// may be 阚): the two values are equal as read, but the page may print the look-alike on
// one document and not on the other, a real difference no comparison of the readings can
// show. The comparison warns with the place and the look-alike (spec §3 lets a check warn;
// the dossier stays ready, as for equal readings of a width-ambiguous bracket), and a
// person's confirmation of the value ends it. A character read for sure, or one with no
// measured rarer look-alike, passes as before.
import { lookalikesOf } from '../extract/confusables';
import type { EffectiveDocument } from './context';

/** The fields holding a person's name. */
const PERSON_FIELDS: ReadonlySet<string> = new Set(['legalRepresentative', 'name']);

export interface DoubtedLookAlike {
  /** Place in the value (code points). */
  at: number;
  read: string;
  /** The look-alikes it may be, `/`-separated (佘, or 珺/玥). */
  other: string;
}

/**
 * The places of a person's name, as `doc` read it, that its OCR doubted and that hold a
 * character PP-OCR was measured to read for a rarer one (confusables.ts lookalikesOf: 佘
 * for a 余 read, 阚 for 阙; never 隐 for a 隗 read, the common reading of a rare one), with
 * the look-alikes the reader proposes there, else all of them (a value located on the page
 * by the other document's reading keeps no proposal of its own): empty for another field,
 * a value a person confirmed, or a text layer.
 */
export function doubtedLookAlikes(
  doc: EffectiveDocument | undefined,
  field: string,
  value: string,
): DoubtedLookAlike[] {
  if (doc === undefined || !doc.ocr || !PERSON_FIELDS.has(field)) return [];
  const doubted = doc.doubted.get(field);
  if (doubted === undefined) return [];
  const proposed = (doc.proposed.get(field) ?? []).map((p) => [...p]);
  const chars = [...value];
  // A transcribed minority name's first place holds no Han surname (confusables.ts).
  const offset = value.includes('·') ? 1 : 0;
  return chars.flatMap((read, i) => {
    if (!doubted.has(i)) return [];
    const rarer = lookalikesOf(read, i + offset);
    if (rarer.length === 0) return [];
    const seen = proposed.flatMap((p) =>
      p.length === chars.length && rarer.includes(p[i]!) ? [p[i]!] : [],
    );
    return [{ at: i, read, other: [...new Set(seen.length > 0 ? seen : rarer)].join('/') }];
  });
}
