// Family documents of one fictional company with a label taken off the page (covered by a
// seal, torn, never printed), printed as real text-layer PDFs: the cross-document tests.
import { expect } from 'vitest';
import { familyById } from '../../../scripts/fixtures/families/families';
import type { FamilyDossier } from '../../../scripts/fixtures/families/people';
import { renderFamilyFile } from '../../../scripts/fixtures/families/render-family';
import { drawStyle, FAMILY_FONTS } from '../../../scripts/fixtures/families/style';
import type { FamilyFile } from '../../../scripts/fixtures/families/types';
import { seededRandom } from '../../../scripts/fixtures/random';

export function renderOf(family: string, dossier: FamilyDossier, seed: number): FamilyFile {
  const rng = seededRandom(seed);
  return familyById(family).render({
    dossier,
    style: drawStyle(rng, FAMILY_FONTS),
    rng,
    index: 0,
  });
}

/** The page with a label taken off it: its value stays. */
export function withoutLabel(file: FamilyFile, label: string): FamilyFile {
  // The label may be letter-spaced (ideographic spaces) and followed by a colon.
  const spaced = [...label].map((ch) => ch.replace(/[()（）]/u, '[(（)）]')).join('[\\s\\u3000]*');
  const pattern = new RegExp(`${spaced}[:：]?`, 'u');
  const pages = file.pages.map((p) => ({ ...p, html: p.html.replace(pattern, '') }));
  expect(pages[0]!.html).not.toEqual(file.pages[0]!.html);
  return { ...file, pages };
}

/** The file as a text-layer PDF (Chromium's print). */
export async function textPdf(file: FamilyFile): Promise<Uint8Array> {
  return (await renderFamilyFile(file, 'text-pdf', 1)).bytes;
}
