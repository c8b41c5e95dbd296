// A speck the OCR read as a character (a watermark's stroke, a fragment of a seal, dust on a
// photocopy): a box of its own holding one ideograph, smaller than its line's characters,
// read at a confidence the recogniser hardly believed. It is no part of the text: left in,
// it became an ID card's address's first character and moved where the address's wrapped
// line was looked for, so the address lost its second line.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { pageLines } from '../../src/core/extract/lines';
import { item, page } from './support/positioned';

/** An ID card front whose address has `speck` between 住址 and the address. */
function front(speck: { h: number; confidence: number }) {
  return page(
    [
      item('姓名张睿霖', 60, 80, 30),
      item('性别男', 60, 150, 30),
      item('民族汉', 240, 150, 30),
      item('出生1993年10月15日', 60, 225, 24),
      item('住址', 60, 290, 22),
      { ...item('福', 125, 296, speck.h, speck.confidence), w: speck.h * 0.7 },
      item('江苏省苏州市虎丘区文新街道', 165, 290, 22),
      item('演示巷380号1幢707室', 165, 345, 22),
      item('公民身份号码', 60, 515, 22),
      item('320505199310158079', 230, 515, 22),
    ],
    'paddle',
  );
}

describe('specks read as characters', () => {
  it('are not a value’s first character: the address keeps its wrapped line', () => {
    const doc = extractDocument(front({ h: 14, confidence: 0.03 }), 'id.jpg');
    expect(doc.kind).toBe('id-card-front');
    expect(doc.fields.address).toBe('江苏省苏州市虎丘区文新街道演示巷380号1幢707室');
  });

  it('keep a character of the line’s size, or one the OCR believed, however small its box', () => {
    const asLine = (h: number, confidence: number): string => {
      const lines = pageLines(front({ h, confidence }).pages[0]!);
      const line = lines.find((l) => l.glyphs.some((g) => g.ch === '住'))!;
      return line.glyphs.map((g) => g.ch).join('');
    };
    expect(asLine(14, 0.03)).toBe('住址江苏省苏州市虎丘区文新街道');
    // Printed in the line's size: a character the OCR doubted, not a speck.
    expect(asLine(21, 0.03)).toBe('住址福江苏省苏州市虎丘区文新街道');
    // Small, but read with confidence (a small-print character).
    expect(asLine(14, 0.6)).toBe('住址福江苏省苏州市虎丘区文新街道');
  });
});
