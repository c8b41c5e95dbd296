// How surely the characters of each field were read (spec §3 files.legible): the OCR
// confidence of the characters inside the field's box. The extraction's own confidence is
// the least sure line, capped where a label was not found or where a wide gap may hide a
// lost character; legibility asks whether the field's characters can be read from the
// image. An OCR line often holds the label and the value ("姓名  王样例"): the label's
// letter spacing looked like a lost character and capped clean ID scans at 0.6, and a
// date's dots (the recogniser's weakest characters) held its digits at 0.79. So, where
// the engine reports each character's confidence, only the letters, digits and
// ideographs whose place falls inside the field's box count, averaged (as cloud OCR's
// field probability): the line's "weakest character decides" held clean scans' credit
// codes at 0.6-0.7 for the last character of the line alone (0.55-0.64, the rest ≥ 0.98),
// which the checksum judges; a blurred field reads unsure throughout.
import { itemGlyphs } from '../extract/lines';
import type { Box, DocumentText, TextItem } from '../extraction';

const READABLE = /[\p{L}\p{N}]/u;

/** The item's confidence over its readable characters inside [x0, x1], with their count. */
function insideConfidence(
  item: TextItem,
  x0: number,
  x1: number,
): { confidence: number; n: number } | null {
  const chars = item.charConfidences;
  if (chars === undefined) return null;
  const glyphs = itemGlyphs(item);
  // The estimate of each character's place must line up with the engine's characters.
  if (glyphs.length !== chars.length) return null;
  const inside: number[] = [];
  glyphs.forEach((g, i) => {
    const centre = (g.x0 + g.x1) / 2;
    if (centre >= x0 && centre <= x1 && READABLE.test(g.ch)) inside.push(chars[i]!);
  });
  if (inside.length === 0) return { confidence: 0, n: 0 };
  return { confidence: inside.reduce((a, v) => a + v, 0) / inside.length, n: inside.length };
}

export function fieldTextConfidence(
  text: DocumentText,
  boxes: Readonly<Record<string, Box>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [field, box] of Object.entries(boxes)) {
    const page = text.pages.find((p) => p.page === box.page);
    if (page === undefined) continue;
    let weight = 0;
    let sum = 0;
    for (const item of page.items) {
      // An OCR line may hold the label and the value: it counts when it covers most of
      // the field's box or lies mostly inside it.
      const w = Math.min(item.x + item.w, box.x + box.w) - Math.max(item.x, box.x);
      const h = Math.min(item.y + item.h, box.y + box.h) - Math.max(item.y, box.y);
      if (w <= 0 || h <= 0) continue;
      const smaller = Math.min(item.w * item.h, box.w * box.h);
      if (smaller <= 0 || (w * h) / smaller < 0.5) continue;
      const chars = insideConfidence(item, box.x, box.x + box.w);
      if (chars !== null) {
        weight += chars.n;
        sum += chars.confidence * chars.n;
        continue;
      }
      const n = [...item.text.replace(/\s/g, '')].length;
      weight += n;
      sum += item.confidence * n;
    }
    if (weight > 0) out[field] = Math.round((sum / weight) * 1000) / 1000;
  }
  return out;
}
