// The credit code found by its type and checksum over the whole page, not by its label:
// the label on another line, the code split over two OCR boxes or letter-spaced beside a
// QR code; a decorative band repeating a valid code, or an 18-digit run inside a longer
// number, is never taken for it.
import { describe, expect, it } from 'vitest';
import type { DocumentText, TextItem } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { ocrText } from './support/positioned';

/** A checksum-valid credit code (GB 32100). */
const CODE = '91330106MA2H4B1X73';

function item(text: string, x: number, y: number, h = 20, confidence = 0.97): TextItem {
  const w = [...text].reduce(
    (sum, ch) => sum + (ch === ' ' ? 0.35 : ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.55) * h,
    0,
  );
  return { page: 0, x, y, w, h, text, confidence };
}

function license(codeItems: TextItem[], extra: TextItem[] = []): DocumentText {
  return ocrText(
    [
      item('营业执照', 480, 30, 40),
      item('名称', 60, 200),
      item('杭州星澜芯科技有限公司', 160, 200),
      item('法定代表人', 60, 260),
      item('王示例', 160, 260),
      item('住所', 60, 320),
      item('浙江省杭州市西湖区示例路1号', 160, 320),
      ...codeItems,
      ...extra,
    ],
    1200,
    900,
  );
}

describe('the credit code by its type over the page', () => {
  it('is found split over two OCR boxes, its label on the line above', () => {
    const doc = extractDocument(
      license([
        item('统一社会信用代码', 800, 100),
        item('91330106M', 800, 130),
        item('A2H4B1X73', 920, 130),
      ]),
      'license.jpg',
    );
    expect(doc.fields.creditCode).toBe(CODE);
  });

  it('is found letter-spaced, every character its own box, with no label read at all', () => {
    const spaced = [...CODE].map((ch, i) => item(ch, 700 + i * 24, 130));
    const doc = extractDocument(license(spaced), 'license.jpg');
    expect(doc.fields.creditCode).toBe(CODE);
  });

  it('replaces a label reading that fails its checksum (the 注册号 beside it was read)', () => {
    const doc = extractDocument(
      license([
        item('统一社会信用代码', 60, 100),
        item('注册号330106000012345', 240, 100),
        item(CODE, 800, 130),
      ]),
      'license.jpg',
    );
    expect(doc.fields.creditCode).toBe(CODE);
  });

  it('never reads a band repeating a valid code, nor two different valid codes', () => {
    const band = item(Array.from({ length: 6 }, () => CODE).join(' '), 20, 5, 10);
    const banded = extractDocument(license([], [band]), 'license.jpg');
    expect(banded.fields.creditCode).toBeNull();
    const two = extractDocument(
      license([item(CODE, 700, 130), item('91110105MA01ABCD0X', 700, 400)]),
      'license.jpg',
    );
    // The second code fails its checksum: the one valid code is the code.
    expect(two.fields.creditCode).toBe(CODE);
  });

  it('a valid 18-character window inside a longer number is not a code', () => {
    const doc = extractDocument(license([item(`6${CODE}`, 700, 130)]), 'license.jpg');
    expect(doc.fields.creditCode).not.toBe(CODE);
  });

  it('a run valid only with O read as 0 is reported as read, and the repair proposed', () => {
    const misread = '9133O106MA2H4B1X73';
    const spaced = [...misread].map((ch, i) => item(ch, 700 + i * 24, 130));
    const doc = extractDocument(license(spaced), 'license.jpg');
    expect(doc.fields.creditCode).toBe(misread);
    expect(doc.confidence.creditCode).toBeLessThan(0.9);
    expect(doc.corrections.find((c) => c.field === 'creditCode')?.to).toBe(CODE);
  });
});

describe('a credit code with one character that is no letter or digit', () => {
  // The 0 at position 8 read as # or as 口, a look-alike ideograph.
  for (const misread of ['9133010#MA2H4B1X73', '9133010口MA2H4B1X73']) {
    it(`is reported as read (${misread}), below 0.9, with the checksum's repair proposed`, () => {
      const doc = extractDocument(
        license([item('统一社会信用代码', 60, 100), item(misread, 260, 100)]),
        'license.jpg',
      );
      expect(doc.fields.creditCode).toBe(misread);
      expect(doc.confidence.creditCode).toBeLessThan(0.9);
      expect(doc.corrections.filter((c) => c.field === 'creditCode')).toEqual([
        expect.objectContaining({ from: misread, to: CODE, reason: 'checksum' }),
      ]);
    });
  }

  it('is no code when that character stands at its end or two are misread', () => {
    for (const text of ['#133010MA2H4B1X73', '9133010#MA2H4B#X73']) {
      const doc = extractDocument(
        license([item('统一社会信用代码', 60, 100), item(text, 260, 100)]),
        'license.jpg',
      );
      expect(doc.corrections.filter((c) => c.to === CODE)).toEqual([]);
    }
  });
});
