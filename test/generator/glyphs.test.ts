// Every character the fixture generators print is drawn by the faces of the templates'
// font stacks (scripts/fixtures/fonts.ts fontStack, glyph-coverage.ts). ZCOOL XiaoWei has
// no 彧, 璟, 赟, ·… and draws 回 as a black block: before the fallback face, a text-layer PDF
// of an ID card named 李彧 printed an empty box and held U+0000 in its text layer, so the
// truth could not be read from the document (bench:ocr dossier-tuned-0).
import { afterAll, describe, expect, it } from 'vitest';
import { drawStyle, htmlPage } from '../../scripts/fixtures/families/style';
import { CJK_FONT_FAMILIES, fontFaceCss, withoutCharacters } from '../../scripts/fixtures/fonts';
import {
  fallbackFace,
  faceReport,
  generatorCharacters,
  stylesheetGlyphs,
} from '../../scripts/fixtures/glyph-coverage';
import { seededRandom } from '../../scripts/fixtures/random';
import { closeRenderer, renderHtml } from '../../scripts/fixtures/render';
import { nodeImageCodec } from '../../src/ocr/codec.node.ts';
import { readPdfTextNode } from '../../src/ocr/pdfjs.node.ts';

const zcool = CJK_FONT_FAMILIES.find((f) => f.family === 'ZCOOL XiaoWei')!;

afterAll(async () => {
  await closeRenderer();
});

describe('the faces the generators print with', () => {
  const chars = [...generatorCharacters().keys()];

  it("finds the pools' characters in the generators' sources", () => {
    for (const ch of ['彧', '回', '璟', '·', '汉', 'X', '0']) expect(chars).toContain(ch);
  });

  it('the fallback face draws every one of them, none with a hole filled', () => {
    for (const report of faceReport(fallbackFace(), chars)) {
      expect(report.missing, report.stylesheet).toEqual([]);
      expect(report.drawnWrong, report.stylesheet).toEqual([]);
    }
  }, 120_000);

  it("finds ZCOOL XiaoWei's missing glyphs and its filled 回, and leaves 回 to the fallback", () => {
    const pool = ['彧', '璟', '·', '回', '国', '李'];
    const [report] = faceReport(zcool, pool);
    expect(report!.missing).toEqual(['彧', '璟', '·']);
    expect(report!.leftToFallback).toEqual(['回']);
    expect(report!.drawnWrong).toEqual([]);
    // The outline check itself: ZCOOL's 回 has its hole filled, the fallback's has not.
    expect(stylesheetGlyphs(zcool.packageName, '400.css', pool).filledHoles).toEqual(
      new Set(['回'.codePointAt(0)]),
    );
    const noto = fallbackFace();
    expect(stylesheetGlyphs(noto.packageName, '400.css', pool).filledHoles.size).toBe(0);
  });

  it("takes a face's drawn-wrong characters out of its unicode-ranges", () => {
    const css = `@font-face{font-family:'A';src:url(a.woff2);unicode-range:U+56d0-56ef,U+4e00}
@font-face{font-family:'A';src:url(b.woff2);unicode-range:U+56de}
@font-face{font-family:'A';src:url(c.woff2)}`;
    const out = withoutCharacters(css, '回');
    expect(out).toContain('unicode-range: U+56d0-56dd,U+56df-56ef,U+4e00}');
    expect(out).not.toContain('b.woff2');
    expect(out).toContain('unicode-range: U+0-56dd,U+56df-10ffff}');
    expect(fontFaceCss(`'ZCOOL XiaoWei'`)).not.toMatch(/U\+56de\b/i);
  });
});

describe('a family page in ZCOOL XiaoWei, as Chromium prints it', () => {
  const style = { ...drawStyle(seededRandom(4000)), font: 'ZCOOL XiaoWei' };
  const size = { widthMm: 120, heightMm: 30 };
  const page = (body: string): string =>
    htmlPage(size, style, `<div style="font-size:12mm;padding:4mm">${body}</div>`);

  it('has every character of 李彧, 璟·玥 and 回 in its text layer (U+0000 before the fallback)', async () => {
    const bytes = await renderHtml(page('李彧 回 璟·玥'), size, { format: 'pdf' });
    const text = (await readPdfTextNode(bytes)).pages[0]!.items.map((i) => i.text).join('');
    expect(text.replace(/\s/g, '')).toBe('李彧回璟·玥');
  }, 60_000);

  it('draws 回 with its holes, not as a black block', async () => {
    const png = await renderHtml(page('回'), size, { format: 'png', dpi: 96 });
    const { width, height, data } = await nodeImageCodec.decode(png, 'image/png');
    const dark = (x: number, y: number): boolean => data[(y * width + x) * 4]! < 128;
    let [x0, y0, x1, y1] = [width, height, -1, -1];
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        if (dark(x, y))
          [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    expect(x1 - x0).toBeGreaterThan(20);
    // The centre of the inner square is paper; ZCOOL's own 回 is ink there.
    expect(dark(Math.round((x0 + x1) / 2), Math.round((y0 + y1) / 2))).toBe(false);
  }, 60_000);
});
