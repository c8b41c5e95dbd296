// The fields of an ID card side its labels did not give, looked for where the card prints
// them (extraction's step after scoring, index.ts; id-fallbacks.ts, id-back-fallbacks.ts,
// ethnicity.ts): an unlabelled ID number, the birth, name, address and sex lines, the
// back's validity and authority, the ethnicity; then the ID number held against them.
import type { DocumentKind } from '../documents';
import type { Correction } from '../extraction';
import { ethnicityFallback } from './ethnicity';
import { authorityLineFallback, termRunFallback, validityRuleFallback } from './id-back-fallbacks';
import {
  addressBlockFallback,
  birthLineFallback,
  idNumberFallback,
  nameLineFallback,
  sexLineFallback,
  unlabelledIdNumber,
} from './id-fallbacks';
import type { PageLayout } from './page-layout';
import type { FieldReading } from './scoring';

/**
 * `readings` completed by the fallbacks of the document's kind, in place; the proposals
 * made where a value was looked for, and the warnings, returned.
 */
export function readFallbacks(
  kind: DocumentKind,
  layouts: readonly PageLayout[],
  readings: Map<string, FieldReading>,
): { placeProposals: Correction[]; warnings: string[] } {
  if (kind === 'id-card-front' && !readings.has('idNumber')) {
    const reading = unlabelledIdNumber(layouts, readings.get('birthDate')?.value ?? null);
    if (reading) readings.set('idNumber', reading);
  }
  if (kind === 'id-card-front') birthLineFallback(layouts, readings);
  if (kind === 'id-card-front') nameLineFallback(layouts, readings);
  if (kind === 'id-card-front') addressBlockFallback(layouts, readings);
  if (kind === 'id-card-back') validityRuleFallback(layouts, readings);
  if (kind === 'id-card-back') termRunFallback(layouts, readings);
  if (kind === 'id-card-back') authorityLineFallback(layouts, readings);
  if (kind === 'id-card-front') sexLineFallback(layouts, readings);
  /** Proposals made where a value was looked for (before its field's own). */
  const placeProposals: Correction[] = [];
  if (kind === 'id-card-front') ethnicityFallback(layouts, readings, placeProposals);
  const warnings: string[] = [];
  if (kind === 'id-card-front') idNumberFallback(readings, warnings);
  return { placeProposals, warnings };
}
