// `npx tsx scripts/glyph-templates.ts`: writes src/ocr/paddle/glyph-templates.data.ts, the
// bitmaps the visual judge of name characters compares a glyph's print with (glyph-
// judge.ts): every character of the look-alike tables (src/core/extract/confusables.ts,
// allLookalikes: the ones read and the rarer ones they may be) drawn in each fixture face
// (the faces the renderer loads from npm; the app cannot draw them itself) at 48 px, cut
// to its ink and fitted into the judge's grid, one bit per cell. Run it again when a table
// gains a character.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { allLookalikes } from '../src/core/extract/confusables';
import { nodeImageCodec } from '../src/ocr/codec.node.ts';
import { GRID, glyphVector, packBits } from '../src/ocr/paddle/glyph-judge';
import { crop } from '../src/ocr/raster';
import { FAMILY_FONTS } from './fixtures/families/style';
import { closeRenderer, renderHtml } from './fixtures/render';

const CELL = 72;
const SIZE = 48;
const PER_ROW = 10;

export function templateCharacters(): string[] {
  const all = new Set<string>();
  for (const [ch, rares] of allLookalikes()) [ch, ...rares].forEach((c) => all.add(c));
  return [...all].sort();
}

/** Each character's bitmap in `font`, packed (GRID × GRID bits); empty where it drew nothing. */
export async function drawFace(font: string, chars: readonly string[]): Promise<Uint8Array[]> {
  const rows = Math.ceil(chars.length / PER_ROW);
  const cells = chars
    .map(
      (c, i) =>
        `<div style="position:absolute;left:${(i % PER_ROW) * CELL}px;top:${Math.floor(i / PER_ROW) * CELL}px;width:${CELL}px;height:${CELL}px;line-height:${CELL}px;text-align:center">${c}</div>`,
    )
    .join('');
  const html = `<html><body style="margin:0;font-family:'${font}';font-size:${SIZE}px;background:#fff">${cells}</body></html>`;
  const mm = (px: number): number => Math.ceil((px / 96) * 25.4) + 1;
  const bytes = await renderHtml(
    html,
    { widthMm: mm(PER_ROW * CELL), heightMm: mm(rows * CELL) },
    { format: 'png', dpi: 96 },
  );
  const page = await nodeImageCodec.decode(bytes, 'image/png');
  return chars.map((_, i) => {
    const cell = crop(page, (i % PER_ROW) * CELL, Math.floor(i / PER_ROW) * CELL, CELL, CELL);
    const v = glyphVector(cell);
    return v ? packBits(v) : new Uint8Array(0);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const chars = templateCharacters();
  const bytesPer = (GRID * GRID) / 8;
  const all = new Uint8Array(FAMILY_FONTS.length * chars.length * bytesPer);
  try {
    for (const [f, font] of FAMILY_FONTS.entries()) {
      const bits = await drawFace(font, chars);
      bits.forEach((b, i) => all.set(b, (f * chars.length + i) * bytesPer));
      process.stderr.write(`${font}: ${bits.filter((b) => b.length === 0).length} empty\n`);
    }
  } finally {
    await closeRenderer();
  }
  const out = fileURLToPath(new URL('../src/ocr/paddle/glyph-templates.data.ts', import.meta.url));
  await writeFile(
    out,
    `// Made by scripts/glyph-templates.ts: do not edit. Per face, per character, GRID × GRID bits.\n` +
      `export const GLYPH_TEMPLATE_DATA = ${JSON.stringify(
        {
          grid: GRID,
          faces: FAMILY_FONTS,
          chars: chars.join(''),
          bits: Buffer.from(all).toString('base64'),
        },
        null,
        2,
      )} as const;\n`,
  );
  process.stderr.write(`${chars.length} characters × ${FAMILY_FONTS.length} faces → ${out}\n`);
}
