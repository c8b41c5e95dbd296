// Look-alike name characters measured by bench/name-study.ts (one name per wide-pool
// surname and one per common given-name character, 3 fonts, 14 and 18 px, blurred), fed
// into confusables.ts: a name holding a character PP-OCRv4 was seen to read for a rarer
// one, with no runner-up kept (or one near the decoder's floor, which a sharper print
// loses), is not trusted at 0.9 and the rarer reading is proposed. On real PP-OCRv4 output
// of `法定代表人 <name>` lines rendered by Chromium (Noto Sans CJK SC 18 px, blurred 0.8 px).
import { describe, expect, it } from 'vitest';
import type { DocumentText } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { paddleText } from './support/ocr-fixture';

/** The same reading as a sharper print gives it: no runner-up kept, every character sure. */
function sharp(text: DocumentText): DocumentText {
  return {
    ...text,
    pages: text.pages.map((p) => ({
      ...p,
      items: p.items.map(({ alternatives: _, ...i }) => ({
        ...i,
        confidence: 0.99,
        charConfidences: i.charConfidences?.map(() => 0.99),
      })),
    })),
  };
}

const read = (text: DocumentText) =>
  extractDocument(text, 'line.png', { kind: 'business-license' });
const proposals = (doc: ReturnType<typeof read>): string[] =>
  doc.corrections.filter((c) => c.field === 'legalRepresentative').map((c) => c.to);

describe('measured look-alike name characters', () => {
  it('全煜 for 仝煜 with no runner-up kept: below 0.9, 仝煜 proposed', () => {
    // Read 全煜 in all 6 prints of the study, 仝 kept behind at 0.8-9% (0.79% here).
    const doc = read(sharp(paddleText('name-line-tong-sans-blur.paddle.json')));
    expect(doc.fields.legalRepresentative).toBe('全煜');
    expect(doc.confidence.legalRepresentative).toBeLessThan(0.9);
    expect(proposals(doc)[0]).toBe('仝煜');
  });

  it('向晏 for 向旻 (晏 in a given name) with no runner-up: below 0.9, 向旻 proposed', () => {
    const doc = read(sharp(paddleText('name-line-min-sans-blur.paddle.json')));
    expect(doc.fields.legalRepresentative).toBe('向晏');
    expect(doc.confidence.legalRepresentative).toBeLessThan(0.9);
    expect(proposals(doc)).toContain('向旻');
  });

  it('糕斌琦 for 禚斌琦 (糕 is no surname, 禚 not seen behind it): 禚斌琦 read, 糕斌琦 proposed', () => {
    const doc = read(paddleText('name-line-zhuo-sans-blur.paddle.json'));
    expect(doc.fields.legalRepresentative).toBe('禚斌琦');
    expect(doc.confidence.legalRepresentative).toBeLessThan(0.9);
    expect(proposals(doc)).toContain('糕斌琦');
  });

  it('晏 as a surname, and common name characters, are left trusted', () => {
    const text = sharp(paddleText('name-line-min-sans-blur.paddle.json'));
    for (const name of ['晏明', '余丽华', '王瑶']) {
      const named: DocumentText = {
        ...text,
        pages: text.pages.map((p) => ({
          ...p,
          items: p.items.map((i) => ({
            ...i,
            text: `法定代表人${name}`,
            charConfidences: [...`法定代表人${name}`].map(() => 0.99),
          })),
        })),
      };
      const doc = read(named);
      expect(doc.fields.legalRepresentative).toBe(name);
      expect(doc.confidence.legalRepresentative).toBeGreaterThanOrEqual(0.9);
    }
  });
});
