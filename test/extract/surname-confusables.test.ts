// No confident wrong value (issue 13 item 6): a name whose surname is read as a rare
// surname PP-OCRv4 reads for another rare one (亓 read 元, with no runner-up kept) is not
// trusted at 0.9, and the surname it stands for is proposed. On real PP-OCRv4 output of a
// bank form rendered by Chromium (法定代表人 亓婕嘉: Noto Sans 18 px sharp, Noto Serif 18 px
// blurred), read 元婕嘉 at 0.998 and 0.997 before this test (a tuned bank form of the wide
// name pool was read the same at 0.987), and of a `法定代表人：逄琬可` line (Noto Sans 18 px)
// read 逢琬可 at 0.999.
import { describe, expect, it } from 'vitest';
import type { DocumentText } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { paddleText } from './support/ocr-fixture';

/** The same OCR output with the name line's text replaced (its confidences kept). */
function withName(text: DocumentText, name: string): DocumentText {
  return {
    ...text,
    pages: text.pages.map((p) => ({
      ...p,
      items: p.items.map((i) =>
        i.text.startsWith('法定代表人') ? { ...i, text: `法定代表人${name}` } : i,
      ),
    })),
  };
}

describe('a surname read as a rare surname that stands for another', () => {
  for (const file of ['bank-surname-qi-sans.paddle.json', 'bank-surname-qi-serif-blur.paddle.json'])
    it(`元婕嘉 for 亓婕嘉 (${file}): below 0.9, 亓婕嘉 proposed first`, () => {
      const doc = extractDocument(paddleText(file), 'bank.png');
      expect(doc.kind).toBe('bank-permit');
      expect(doc.fields.legalRepresentative).toBe('元婕嘉');
      expect(doc.confidence.legalRepresentative).toBeLessThan(0.9);
      const proposals = doc.corrections.filter((c) => c.field === 'legalRepresentative');
      expect(proposals[0]).toMatchObject({ to: '亓婕嘉', reason: 'ocr-alternative' });
    });

  it('逢琬可 for 逄琬可 (a name line read at 0.999, no runner-up): below 0.9, 逄 proposed', () => {
    const doc = extractDocument(paddleText('name-line-pang-sans.paddle.json'), 'line.png', {
      kind: 'business-license',
    });
    expect(doc.fields.legalRepresentative).toBe('逢琬可');
    expect(doc.confidence.legalRepresentative).toBeLessThan(0.9);
    const proposals = doc.corrections.filter((c) => c.field === 'legalRepresentative');
    expect(proposals[0]).toMatchObject({ to: '逄琬可', reason: 'ocr-alternative' });
  });

  it('leaves a common surname, and 元 inside a given name, trusted', () => {
    const text = paddleText('bank-surname-qi-sans.paddle.json');
    for (const name of ['王婕嘉', '张元嘉']) {
      const doc = extractDocument(withName(text, name), 'bank.png');
      expect(doc.fields.legalRepresentative).toBe(name);
      expect(doc.confidence.legalRepresentative).toBeGreaterThanOrEqual(0.9);
      expect(doc.corrections.filter((c) => c.field === 'legalRepresentative')).toEqual([]);
    }
  });
});
