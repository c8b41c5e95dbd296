// A speck the OCR read as a character (a watermark's stroke, a fragment of a seal, dust on a
// photocopy): a box of its own holding one ideograph, smaller than its line's characters,
// read at a confidence the recogniser hardly believed. It is no part of the text: left in,
// it became an ID card's address's first character and moved where the address's wrapped
// line was looked for, so the address lost its second line.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { pageLines } from '../../src/core/extract/lines';
import { item, ocrPage, page } from './support/positioned';

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

describe('specks of two or three characters', () => {
  // Real PP-OCR output: an ID card photo (tuned, seed offset 4650, dossier-tuned-5-1) read a
  // shadow between 住址 and the address as 护胶 (0.07 and 0.12, a box 15 px high on a line
  // of 24). Old code (a speck was one character): the address read 护胶广东省深圳市南山区
  // 文新街道 and lost its second line.
  const rows: [number, number, number, number, number, string][] = [
    [56, 84, 188, 35, 0.75, '姓名余翔晟'],
    [241, 161, 113, 32, 1, '民族满'],
    [55, 163, 100, 31, 0.99, '性别男'],
    [56, 239, 331, 27, 1, '出生1984年3月7日'],
    [56, 296, 46, 24, 1, '住址'],
    [154, 301, 469, 24, 1, '广东省深圳市南山区文新街道'],
    [111, 303, 26, 15, 0.09, '护胶'],
    [158, 356, 401, 24, 1, '虚构大道705号7幢1703室'],
    [269, 537, 424, 24, 1, '440305198403071054'],
    [57, 542, 160, 22, 1, '公民身份号码'],
  ];
  const photo = (charConfidences: number[]) => {
    const text = ocrPage(rows, 966, 610);
    const speck = text.pages[0]!.items.find((i) => i.text === '护胶')!;
    speck.charConfidences = charConfidences;
    return text;
  };

  it('are no part of the address, which keeps its second line', () => {
    const doc = extractDocument(photo([0.072, 0.117]), 'id.jpg');
    expect(doc.fields.address).toBe('广东省深圳市南山区文新街道虚构大道705号7幢1703室');
  });

  it('are kept whole where one of their characters was believed', () => {
    const lines = pageLines(photo([0.072, 0.6]).pages[0]!);
    const line = lines.find((l) => l.glyphs.some((g) => g.ch === '住'))!;
    expect(line.glyphs.map((g) => g.ch).join('')).toBe('住址护胶广东省深圳市南山区文新街道');
  });
});
