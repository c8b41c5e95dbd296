// Which fields "confirm all high-confidence" may confirm in one click: the review's count
// and the workspace's action use this one rule.
import type { DocumentView } from './contract';

/** Fields read at least this sure count as high-confidence. */
export const HIGH_CONFIDENCE = 0.9;

/**
 * Unconfirmed fields with a value read at least `threshold` sure. A width-ambiguous value
 * or a checksum proposal needs a person's eye, not a bulk click.
 */
export function bulkConfirmable(
  doc: Pick<DocumentView, 'fields' | 'extracted'>,
  threshold = HIGH_CONFIDENCE,
): DocumentView['fields'] {
  const waiting = new Set(doc.extracted.needsConfirmation ?? []);
  return doc.fields.filter(
    (f) =>
      f.value !== null &&
      f.confirmedValue === null &&
      f.confidence >= threshold &&
      !waiting.has(f.field) &&
      f.corrections.length === 0,
  );
}
