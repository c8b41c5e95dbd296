// bench:ocr's sets: how many samples a size draws, in which faces, which folder under
// bench/.data/families/ holds them, which file of bench/results/ their figures go to, and
// whether a set already on disk is still the one the generator draws now (its cases'
// digest): a set cached before the generator changed is generated again, never measured as
// if it were the new one.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Partition } from '../scripts/fixtures/families/families';
import { dossierCases, familyCases, type FamilyCase } from '../scripts/fixtures/families/set';
import { FAMILY_FONTS } from '../scripts/fixtures/families/style';

export const SIZES = {
  quick: { perFamily: 2, perMulti: 2, perDossier: 3 },
  full: { perFamily: 6, perMulti: 4, perDossier: 6 },
} as const;
export type BenchSize = keyof typeof SIZES;

/**
 * The `--fonts=` option. The sets are drawn over every npm face (FAMILY_FONTS); `all`
 * names that same draw, as it did when the default was 3 faces (before 2026-12-04), so
 * older commands still measure what they say.
 */
export function checkBenchFonts(value: string | undefined): void {
  if (value !== undefined && value !== 'default' && value !== 'all')
    throw new Error(`bench:ocr --fonts is default or all (the same faces), not ${value}`);
}

/** The set's folder under bench/.data/families/ (also `--set=` of the replays): quick or full. */
export const benchDataDir = (root: string, size: BenchSize): string =>
  join(root, 'bench/.data/families', size);

/** The file under bench/results/ a run writes: ocr.json, ocr-full.json, ocr-dossiers.json … */
export const resultsFile = (size: BenchSize, dossiersOnly: boolean): string =>
  `ocr${dossiersOnly ? '-dossiers' : ''}${size === 'full' ? '-full' : ''}.json`;

/** The cases of one partition's two sets: its families' files, and its dossiers of separate files. */
export function benchCases(
  partition: Partition,
  size: BenchSize,
): { families: () => FamilyCase[]; dossiers: () => FamilyCase[] } {
  return {
    families: () => familyCases(partition, { ...SIZES[size], media: 'mixed' }),
    dossiers: () => dossierCases(partition, SIZES[size].perDossier, { media: 'mixed' }),
  };
}

/** The file in a set's folder holding the digest of the cases it was generated from. */
export const CASES_DIGEST_FILE = 'cases.sha256';

/** What identifies a set's cases (names, seeds, faces, pages): equal digests, equal sets. */
export const casesDigest = (cases: readonly FamilyCase[]): string =>
  createHash('sha256').update(JSON.stringify(cases)).digest('hex');

/** The faces named in a table's header. */
export const facesCaption = (): string =>
  `faces: ${FAMILY_FONTS.length} (${FAMILY_FONTS.join(', ')})`;
