// The ID card's two sides name one place (issue 13): the back's issuing authority is the
// public security office of the place where the holder's household is registered, which
// the front's address (住址) names. An authority whose leading place is only the end of a
// place the address names (圳市公安局南山分局 where the address reads 广东省深圳市…) lost
// that place's first characters: the OCR never saw 深. The address's fuller name is then
// proposed, with its reason, and the authority trusted below 0.9; its value is never
// changed (a person confirms it against the image).
import type { DocumentKind } from '../documents';
import type { Correction, ExtractedDocument } from '../extraction';
import { fullerPlace, leadingPlace } from './places';

/** The most an authority whose place the front's address names more fully is trusted. */
export const PLACE_LOST_CONFIDENCE = 0.6;

/**
 * The dossier's documents with each ID back's issuing authority checked against the ID
 * front's address: where the address names the authority's place more fully, the fuller
 * authority is proposed and the reading trusted at most PLACE_LOST_CONFIDENCE. Needs one
 * ID front with an address; an authority or address a person confirmed is taken as given
 * (a confirmed authority is never questioned). The input is not changed.
 */
export function checkAuthorityPlaces(
  documents: readonly ExtractedDocument[],
  confirmed: Partial<Record<DocumentKind, Record<string, string | boolean>>> = {},
): ExtractedDocument[] {
  const fronts = documents.filter((d) => d.kind === 'id-card-front' && d.error === undefined);
  const byPerson = confirmed['id-card-front']?.address;
  const address =
    typeof byPerson === 'string'
      ? byPerson
      : fronts.length === 1
        ? fronts[0]!.fields.address
        : null;
  if (typeof address !== 'string' || address.trim() === '') return [...documents];
  if (typeof confirmed['id-card-back']?.issuingAuthority === 'string') return [...documents];
  return documents.map((doc) => {
    const authority = doc.fields.issuingAuthority;
    if (doc.kind !== 'id-card-back' || typeof authority !== 'string') return doc;
    const place = leadingPlace(authority);
    const fuller = place === null ? null : fullerPlace(place, address);
    if (place === null || fuller === null) return doc;
    const to = fuller + authority.slice(place.length);
    if (doc.corrections.some((c) => c.field === 'issuingAuthority' && c.to === to)) return doc;
    const proposal: Correction = {
      field: 'issuingAuthority',
      from: authority,
      to,
      reason: 'incomplete-value',
      note: `The authority is the office of the place the ID card's address names: ${fuller} there, ${place} here, so a character seems lost: ${to} unless the image shows ${authority}.`,
    };
    return {
      ...doc,
      confidence: {
        ...doc.confidence,
        issuingAuthority: Math.min(doc.confidence.issuingAuthority ?? 1, PLACE_LOST_CONFIDENCE),
      },
      corrections: [...doc.corrections, proposal],
    };
  });
}
