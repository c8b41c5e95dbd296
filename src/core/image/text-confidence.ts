// How surely the characters of each field were read: the OCR confidence of the text
// inside the field's box, weighted by length. The extraction's own confidence is the
// least sure line, capped where a label was not found; legibility (files.legible) asks
// whether the characters can be read, so it averages what the engine saw in the box.
import type { Box, DocumentText } from '../extraction';

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
      const n = [...item.text.replace(/\s/g, '')].length;
      weight += n;
      sum += item.confidence * n;
    }
    if (weight > 0) out[field] = Math.round((sum / weight) * 1000) / 1000;
  }
  return out;
}
