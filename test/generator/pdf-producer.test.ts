// The second writer of text-layer fixtures (families/producer-pdflib.ts): pdf-lib sets the
// text Chromium laid out, per character or per run, in any order, sideways pages, a form
// XObject, a ToUnicode lacking a name's character, invisible text over the page's image.
// Real Chromium layout, real pdfjs text layer.
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { familyById, familySample } from '../../scripts/fixtures/families/families';
import { drawChoice, parseProducerOptions } from '../../scripts/fixtures/families/producer-choice';
import { renderPdfLibFile } from '../../scripts/fixtures/families/producer-pdflib';
import { closeRenderer } from '../../scripts/fixtures/render';
import { loadPdfjsNode, nodeReadOptions } from '../../src/ocr/pdfjs.node.ts';
import { openPdf, readOpenPdfTextKeepingGaps } from '../../src/ocr/pdf-text';

/** The text layer, a few unmapped glyphs kept as gaps. */
async function layer(bytes: Uint8Array) {
  const pdf = await openPdf(bytes, await loadPdfjsNode(), nodeReadOptions().documentParams);
  try {
    return await readOpenPdfTextKeepingGaps(pdf);
  } finally {
    await pdf.destroy();
  }
}

afterAll(closeRenderer);

const seedWith = (want: (c: ReturnType<typeof drawChoice>) => boolean): number => {
  for (let seed = 1; seed < 1000; seed++) if (want(drawChoice(seed, ['张嘉']))) return seed;
  throw new Error('no seed draws that');
};

describe('the pdf-lib producer', () => {
  it('draws every kind of text layer across seeds', () => {
    const choices = Array.from({ length: 60 }, (_, s) => drawChoice(s, ['张嘉']));
    for (const [key, values] of [
      ['runs', ['char', 'run']],
      ['order', ['reading', 'shuffled']],
      ['xobject', [true, false]],
      ['rotate', [0, 90]],
      ['unmapped', ['', '嘉']],
      ['ocrLayer', [true, false]],
    ] as const)
      for (const value of values)
        expect(
          choices.some((c) => c[key] === value),
          `${key} ${String(value)}`,
        ).toBe(true);
  });

  it('sets an ID card sideways, per character, the name lacking its ToUnicode entry', async () => {
    const family = familyById('id-card');
    const sample = familySample(family, 0, { seedOffset: 4400 });
    const file = family.render(sample);
    const front = file.documents.find((d) => d.kind === 'id-card-front')!;
    const name = String(front.fields.name);
    const seed = seedWith(
      (c) => c.rotate === 90 && c.runs === 'char' && c.unmapped !== '' && !c.ocrLayer,
    );
    const { bytes, applied } = await renderPdfLibFile(file, seed, [name]);
    expect(applied[0]).toMatchObject({ producer: 'pdf-lib', rotate: 90, runs: 'char' });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPage(0).getRotation().angle).toBe(90);
    const { text, unmapped } = await layer(bytes);
    expect(unmapped.length).toBeGreaterThan(0);
    const all = text.pages[0]!.items.map((i) => i.text)
      .join('')
      .replace(/\s/g, '');
    // The card's text (under a CSS transform of no turn) is text, the ID number whole.
    expect(all).toContain(String(front.fields.idNumber));
    // The name's last character is printed but not mapped: the layer says otherwise.
    expect(all).toContain(name.slice(0, -1));
    expect(all).not.toContain(name);
    // The same seed writes the same file.
    expect((await renderPdfLibFile(file, seed, [name])).bytes).toEqual(bytes);
  }, 120_000);

  it('forces choices over the draw, from the command line', () => {
    expect(parseProducerOptions('runs=char,rotate=90,toUnicode=none,unmappedCode=0x20')).toEqual({
      runs: 'char',
      rotate: 90,
      toUnicode: 'none',
      unmappedCode: 32,
    });
    expect(() => parseProducerOptions('runs=word')).toThrow(/runs=word/);
    // Forcing nothing draws what the seed always drew.
    for (let seed = 0; seed < 20; seed++)
      expect(drawChoice(seed, ['张嘉'], {})).toEqual(drawChoice(seed, ['张嘉']));
    expect(drawChoice(3, ['张嘉'], { toUnicode: 'none' })).toMatchObject({ unmapped: '嘉' });
  });

  it('writes fonts without ToUnicode on a page cropped inside its media box', async () => {
    const family = familyById('id-card');
    const file = family.render(familySample(family, 1, { seedOffset: 4800 }));
    const { bytes, applied } = await renderPdfLibFile(file, 4801, [], {
      toUnicode: 'none',
      cropOffset: true,
      ocrLayer: false,
      rotate: 0,
    });
    expect(applied[0]).toMatchObject({ toUnicode: 'none', cropOffset: 'true' });
    const pdf = await PDFDocument.load(bytes);
    const fonts = pdf.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter((o) => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('Font'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect((font as PDFDict).has(PDFName.of('ToUnicode'))).toBe(false);
    const page = pdf.getPage(0);
    expect(page.getCropBox().x).toBeGreaterThan(0);
    expect(page.getMediaBox().width).toBeGreaterThan(page.getCropBox().width);
    // pdfjs gives each glyph's code: the layer says nothing, and OCR takes the file.
    await expect(layer(bytes)).rejects.toMatchObject({ code: 'unmapped-text' });
  }, 120_000);
});
