// The ID card's two sides name one place (issue 13): the back's issuing authority is the
// public security office of the place where the holder's household is registered, which
// the front's address (住址) names. An authority whose leading place is only the end of a
// place the address names (圳市公安局南山分局 where the address reads 广东省深圳市…) lost
// that place's first characters: the OCR never saw 深. The address's fuller name is then
// proposed, with its reason, and the authority trusted below 0.9; its value is never
// changed (a person confirms it against the image).
import type { DocumentKind } from '../documents';
import type { Correction, ExtractedDocument } from '../extraction';
import { foldWidth } from '../text/normalise';

/** The most an authority whose place the front's address names more fully is trusted. */
export const PLACE_LOST_CONFIDENCE = 0.6;

/** Characters that end a place's name (a municipality, county, district, banner, league). */
const PLACE_END = /[市县区旗盟]/u;
/**
 * Where an address's units end (a province and an autonomous prefecture, 自治州, too): a
 * place's name starts after one.
 */
const UNIT_END = /[省州市区县旗盟]/u;

/** The authority's leading place (圳市 of 圳市公安局南山分局), or null when none is named. */
export function leadingPlace(authority: string): string | null {
  const office = authority.indexOf('公安');
  if (office <= 0) return null;
  const chars = [...authority.slice(0, office)];
  const end = chars.findIndex((ch, i) => i > 0 && PLACE_END.test(ch));
  return end < 0 ? null : chars.slice(0, end + 1).join('');
}

/**
 * The place of `address` that `place` is a proper ending of (深圳市 for 圳市 in
 * 广东省深圳市南山区…): the address's unit that ends where `place` ends, starting after the
 * previous unit's end. Null when the address names `place` as a whole, or not at all.
 */
export function fullerPlace(place: string, address: string): string | null {
  const chars = [...foldWidth(address)];
  const want = [...foldWidth(place)];
  for (let k = 1; k + want.length <= chars.length; k++) {
    if (!want.every((ch, i) => chars[k + i] === ch)) continue;
    let start = k;
    while (start > 0 && !UNIT_END.test(chars[start - 1]!)) start--;
    if (start === k) return null;
    return [...address].slice(start, k + want.length).join('');
  }
  return null;
}

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
