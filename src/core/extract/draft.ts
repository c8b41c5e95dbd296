// One document's fields while extraction settles them (index.ts): the values read, their
// confidences and boxes, the proposals and warnings so far, and what the OCR itself
// doubted of each value's characters. The steps after reading (code-proposals.ts,
// name-doubts.ts, wording-doubts.ts, second-choices.ts, completions.ts) change it in place.
import type { DocumentKind, FieldValues } from '../documents';
import type { Box, Correction, DocumentText } from '../extraction';
import type { OcrOptions } from '../codes/correct';
import { charDoubts, valueAlternatives, type ValueAlternatives } from './alternatives';
import type { PlaceGlyph } from './known-wording';
import type { Line } from './lines';
import { lookAlikePunctuation } from './punctuation';
import type { FieldReading } from './scoring';

export interface Draft {
  readonly kind: DocumentKind;
  readonly text: DocumentText;
  readonly fields: FieldValues;
  readonly confidence: Record<string, number>;
  readonly boxes: Record<string, Box>;
  readonly corrections: Correction[];
  readonly warnings: string[];
  /** Fields whose value a rule completed rather than the OCR read (FieldReading.completed). */
  readonly completedByRule: Set<string>;
  /** The lines of the page a box stands on (null: no such page). */
  readonly linesAt: (box: Box) => readonly Line[] | null;
  /** What the OCR itself doubted in a value's characters (a text layer has no doubts). */
  readonly alternativesOf: (name: string) => ValueAlternatives | null;
  /** The OCR's confidence and runners-up of each character of a value (null: not found). */
  readonly placeGlyphsOf: (name: string) => (PlaceGlyph | null)[] | null;
  /** The OCR's options per character of a value, for a checksum repair. */
  readonly ocrOptions: (name: string) => OcrOptions | undefined;
  /** A field is no surer than `cap`. */
  readonly capConfidence: (name: string, cap: number) => void;
  /** The proposals not already made (same field, same value). */
  readonly unproposed: (proposals: readonly Correction[]) => Correction[];
}

/**
 * The draft of the fields `readings` gave, each value's look-alike punctuation proposed;
 * `placeProposals` (made where a value was looked for) and `warnings` come first.
 */
export function startDraft(
  kind: DocumentKind,
  text: DocumentText,
  pageLinesOf: readonly (readonly Line[])[],
  fields: FieldValues,
  readings: ReadonlyMap<string, FieldReading>,
  placeProposals: readonly Correction[],
  warnings: string[],
): Draft {
  const confidence: Record<string, number> = {};
  const boxes: Record<string, Box> = {};
  const corrections: Correction[] = [...placeProposals];
  const completedByRule = new Set<string>();
  for (const name of Object.keys(fields)) {
    const reading = readings.get(name);
    if (!reading) continue;
    if (reading.completed) completedByRule.add(name);
    const { value, correction } = lookAlikePunctuation(name, reading.value);
    if (correction) corrections.push(correction);
    fields[name] = value;
    confidence[name] = reading.confidence;
    if (reading.box) boxes[name] = reading.box;
  }

  const linesAt = (box: Box): readonly Line[] | null => {
    const i = text.pages.findIndex((p) => p.page === box.page);
    return i < 0 ? null : pageLinesOf[i]!;
  };
  const alternativesOf = (name: string): ValueAlternatives | null => {
    const value = fields[name];
    const box = boxes[name];
    if (text.source === 'pdf-text' || typeof value !== 'string' || box === undefined) return null;
    const lines = linesAt(box);
    return lines === null ? null : valueAlternatives(value, box, lines);
  };
  const placeGlyphsOf = (name: string): (PlaceGlyph | null)[] | null => {
    const value = fields[name];
    const box = boxes[name];
    const lines = box === undefined ? null : linesAt(box);
    if (typeof value !== 'string' || box === undefined || lines === null) return null;
    return charDoubts(value, box, lines);
  };
  return {
    kind,
    text,
    fields,
    confidence,
    boxes,
    corrections,
    warnings,
    completedByRule,
    linesAt,
    alternativesOf,
    placeGlyphsOf,
    ocrOptions: (name) => alternativesOf(name)?.map((a) => a?.options ?? null),
    capConfidence: (name, cap) => {
      if (confidence[name] !== undefined) confidence[name] = Math.min(confidence[name], cap);
    },
    unproposed: (proposals) =>
      proposals.filter((p) => !corrections.some((c) => c.field === p.field && c.to === p.to)),
  };
}
