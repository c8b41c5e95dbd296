// bench:ocr's sets: how many samples a size draws, in which faces (`--fonts=default|all`),
// which folder under bench/.data/families/ holds them and which file of bench/results/
// their figures go to. `default` is the set bench:ocr has always measured (the faces of
// FAMILY_FONTS, folders quick/ and full/, ocr.json and ocr-full.json); `all` draws the same
// samples over every npm face (ALL_FAMILY_FONTS) into folders and files of their own, so
// neither set's cache nor figures are ever taken for the other's.
import { join } from 'node:path';
import type { Partition } from '../scripts/fixtures/families/families';
import { dossierCases, familyCases, type FamilyCase } from '../scripts/fixtures/families/set';
import { fontsOption } from '../scripts/fixtures/families/style';

export const SIZES = {
  quick: { perFamily: 2, perMulti: 2, perDossier: 3 },
  full: { perFamily: 6, perMulti: 4, perDossier: 6 },
} as const;
export type BenchSize = keyof typeof SIZES;

export const BENCH_FONTS = ['default', 'all'] as const;
export type BenchFonts = (typeof BENCH_FONTS)[number];

/** The `--fonts=` option: `default` when absent. */
export function benchFonts(value: string | undefined): BenchFonts {
  const fonts = value ?? 'default';
  if (!(BENCH_FONTS as readonly string[]).includes(fonts))
    throw new Error(`bench:ocr --fonts is ${BENCH_FONTS.join(' or ')}, not ${fonts}`);
  return fonts as BenchFonts;
}

/** The faces a set's samples are drawn in (style.ts fontsOption). */
export const benchFaces = (fonts: BenchFonts): readonly string[] => fontsOption(fonts);

/** What a set's name and its results' name end with: nothing for the default faces. */
const suffix = (fonts: BenchFonts): string => (fonts === 'default' ? '' : '-all-fonts');

/** The set's folder under bench/.data/families/ (also `--set=` of the replays): quick, full-all-fonts … */
export const setName = (size: BenchSize, fonts: BenchFonts): string => `${size}${suffix(fonts)}`;

/** The folder of one set: `<root>/bench/.data/families/<setName>`. */
export const benchDataDir = (root: string, size: BenchSize, fonts: BenchFonts): string =>
  join(root, 'bench/.data/families', setName(size, fonts));

/** The file under bench/results/ a run writes: ocr.json, ocr-full.json, ocr-dossiers-all-fonts.json … */
export function resultsFile(size: BenchSize, fonts: BenchFonts, dossiersOnly: boolean): string {
  return `ocr${dossiersOnly ? '-dossiers' : ''}${size === 'full' ? '-full' : ''}${suffix(fonts)}.json`;
}

/** The cases of one partition's two sets: its families' files, and its dossiers of separate files. */
export function benchCases(
  partition: Partition,
  size: BenchSize,
  fonts: BenchFonts,
): { families: () => FamilyCase[]; dossiers: () => FamilyCase[] } {
  // The default faces are what familyCases and dossierCases draw without `fonts`.
  const faces = fonts === 'default' ? {} : { fonts: benchFaces(fonts) };
  return {
    families: () => familyCases(partition, { ...SIZES[size], media: 'mixed', ...faces }),
    dossiers: () => dossierCases(partition, SIZES[size].perDossier, { media: 'mixed', ...faces }),
  };
}

/** The faces named in a table's header (`--fonts=all` only; the default tables are unchanged). */
export const facesCaption = (fonts: BenchFonts): string | undefined =>
  fonts === 'default'
    ? undefined
    : `faces: ${fonts} ${benchFaces(fonts).length} (${benchFaces(fonts).join(', ')})`;
