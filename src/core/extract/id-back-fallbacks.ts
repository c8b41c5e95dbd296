// An ID card back whose small print a photocopy or a photo garbled: the validity term read
// by its type where 有效期限 was lost (its separators too, where its digits alone are the
// two dates: termFromDigits), its end completed from the card's validity rule where
// its second date was garbled, the issuing authority by its type where 签发机关 was lost.
// All below the confidence of a labelled reading.
import { readValue } from './layout';
import type { PageLayout } from './page-layout';
import { minConfidence, union, type Glyph } from './lines';
import { neverValue, typeOf } from './value-types';
import type { FieldReading } from './scoring';
import { afterFirstDate, beforeFirstDate, parseTerm, termFromDigits } from './values';
import { UNLABELLED_CONFIDENCE } from './id-fallbacks';
import { LONG_TERM } from '../document-fields';
import { holdsInOrder } from '../text/in-order';

/** A card back's validity term as printed: two dotted dates, or a date and 长期. */
const TERM_RUN = /\d{4}[.-]\d{2}[.-]\d{2}[-—–~至]+(?:\d{4}[.-]\d{2}[.-]\d{2}|长期)/u;
/** Digits and what separates a term's: a term whose separators the OCR lost or misread. */
const DIGIT_RUN = /\d[\d\s.,\-—–~至]*\d(?:\s*长期)?/gu;

/** A line's term: as printed (TERM_RUN), else a run of its digits that is one (termFromDigits). */
function termOnLine(
  text: string,
): { from: string; until: string; index: number; text: string } | null {
  const m = TERM_RUN.exec(text);
  if (m) {
    const [from, until] = parseTerm(m[0]);
    return from === null || until === null ? null : { from, until, index: m.index, text: m[0] };
  }
  for (const run of text.matchAll(DIGIT_RUN)) {
    const [from, until] = parseTerm(run[0]);
    const term = from !== null && until !== null ? [from, until] : termFromDigits(run[0]);
    if (term) return { from: term[0]!, until: term[1]!, index: run.index, text: run[0] };
  }
  return null;
}

/**
 * The validity of a card back whose 有效期限 label was lost (a photo of a copy): the one
 * line that holds a term, two dates (or a date and 长期), below the confidence of a
 * labelled reading.
 */
export function termRunFallback(
  layouts: readonly PageLayout[],
  readings: Map<string, FieldReading>,
): void {
  if (readings.has('validFrom') || readings.has('validUntil')) return;
  const found = layouts.flatMap((layout) =>
    layout.lines.flatMap((line) => {
      const text = line.glyphs.map((g) => g.ch).join('');
      const m = termOnLine(text);
      if (!m) return [];
      const glyphs = line.glyphs
        .slice([...text.slice(0, m.index)].length)
        .slice(0, [...m.text].length);
      return [{ from: m.from, until: m.until, glyphs, page: layout.page }];
    }),
  );
  const term = found[0];
  if (found.length !== 1 || !term) return;
  const confidence = Math.min(UNLABELLED_CONFIDENCE, minConfidence(term.glyphs));
  const box = union(term.glyphs, term.page);
  readings.set('validFrom', { value: term.from, confidence, box });
  readings.set('validUntil', { value: term.until, confidence, box });
}

/** An ID card is valid 5, 10 or 20 years from its issue, to the same day (or for life). */
const VALIDITY_YEARS = [5, 10, 20] as const;

/** The most an end of validity completed from the card's rule is trusted. */
export const VALIDITY_RULE_CONFIDENCE = 0.6;

/**
 * The end of validity of a card back whose second date the OCR garbled (2041.08.12 read
 * `204812`: dots and a digit lost): an ID card is valid 5, 10 or 20 years to the day, so
 * the end is the one of those three dates whose digits hold the digits read after the
 * first date, in order. Only when exactly one does, and at least 4 digits were read.
 */
export function validityRuleFallback(
  layouts: readonly PageLayout[],
  readings: Map<string, FieldReading>,
): void {
  const from = readings.get('validFrom');
  const until = readings.get('validUntil');
  if (!from && until && until.value !== LONG_TERM) startFromRule(layouts, until, readings);
  if (readings.has('validUntil') || !from) return;
  for (const layout of layouts) {
    const term = layout.hits.find((h) => h.def.id === 'term');
    const region = term ? readValue(term, layout) : null;
    const rest = region ? afterFirstDate(region.text) : null;
    const digits = rest?.replace(/\D/gu, '') ?? '';
    if (!region || digits.length < 4) continue;
    const fits = datesHolding(from.value, VALIDITY_YEARS, digits);
    if (fits.length !== 1) return;
    readings.set('validUntil', {
      value: fits[0]!,
      confidence: Math.min(VALIDITY_RULE_CONFIDENCE, region.confidence),
      box: region.box,
      completed: true,
    });
    return;
  }
}

/**
 * The dates `years` after `iso` (to the same day) whose digits hold `digits` in order: the
 * ones a garbled reading of those digits may stand for.
 */
function datesHolding(iso: string, years: readonly number[], digits: string): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return years
    .map((n) => `${y + n}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    .filter((date) => holdsInOrder(date.replaceAll('-', ''), digits));
}

/**
 * The start of validity of a card back whose first date the OCR garbled (2023.12.26 read
 * `2023.226`: a dot and a digit lost) and whose end was read: by the same rule, the start
 * is the one of the dates 5, 10 or 20 years before the end whose digits hold the digits
 * read before it, in order (at least 6 of them: the year and more).
 */
function startFromRule(
  layouts: readonly PageLayout[],
  until: FieldReading,
  readings: Map<string, FieldReading>,
): void {
  for (const layout of layouts) {
    const term = layout.hits.find((h) => h.def.id === 'term');
    const region = term ? readValue(term, layout) : null;
    const before = region ? beforeFirstDate(region.text) : null;
    const digits = before?.replace(/\D/gu, '') ?? '';
    if (!region || digits.length < 6) continue;
    const fits = datesHolding(until.value, [-5, -10, -20], digits);
    if (fits.length !== 1) return;
    readings.set('validFrom', {
      value: fits[0]!,
      confidence: Math.min(VALIDITY_RULE_CONFIDENCE, region.confidence),
      box: region.box,
      completed: true,
    });
    return;
  }
}

const AUTHORITY_LABEL = [...'签发机关'];

/**
 * How many characters at the start of a line are what is left of the 签发机关 label: all
 * four garbled with two of them in place (`美发机美`), or its end with its start lost
 * (`发机关`, `机关`); 0 when none.
 */
function authorityLabelRemnant(chars: readonly string[]): number {
  const inPlace = AUTHORITY_LABEL.filter((ch, i) => chars[i] === ch).length;
  if (chars.length > AUTHORITY_LABEL.length && inPlace >= 2) return AUTHORITY_LABEL.length;
  for (let k = AUTHORITY_LABEL.length - 1; k >= 2; k--)
    if (AUTHORITY_LABEL.slice(-k).every((ch, i) => chars[i] === ch)) return k;
  return 0;
}

/** An issuing authority as printed: ideographs only, a police authority's name at its end. */
const AUTHORITY = /^\p{Script=Han}{5,}$/u;

/**
 * The issuing authority of a card back whose 签发机关 label was lost or garbled (a photo of
 * a copy): the one line of the back that, without what is left of the label, is of the
 * authority's type (ideographs ending in 公安局, 分局 or 派出所), below the confidence of a
 * labelled reading. Two such lines give nothing.
 */
export function authorityLineFallback(
  layouts: readonly PageLayout[],
  readings: Map<string, FieldReading>,
): void {
  if (readings.has('issuingAuthority')) return;
  const type = typeOf('issuingAuthority');
  const found = layouts.flatMap((layout) =>
    layout.lines.flatMap((line) => {
      const glyphs: Glyph[] = line.glyphs.filter((g) => g.ch.trim() !== '');
      const value = glyphs.slice(authorityLabelRemnant(glyphs.map((g) => g.key)));
      const text = value.map((g) => g.ch).join('');
      const ok =
        AUTHORITY.test(text) && type.valid(text) && neverValue('issuingAuthority', text) === null;
      return ok ? [{ value, text, page: layout.page }] : [];
    }),
  );
  const only = found[0];
  if (found.length !== 1 || !only) return;
  readings.set('issuingAuthority', {
    value: only.text,
    confidence: Math.min(UNLABELLED_CONFIDENCE, minConfidence(only.value)),
    box: union(only.value, only.page),
  });
}
