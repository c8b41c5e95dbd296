// A lone mark read into a value's row from beside it (a `7` after `…216室` from a
// neighbouring mark) is not part of the value: the value's own characters are set at its
// pitch, one character alone a wide gap beyond them is something else. A value that is
// letter-spaced, or a number printed in groups, keeps its last character.
import { describe, expect, it } from 'vitest';
import type { DocumentText, TextItem } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { withoutLoneTail } from '../../src/core/extract/lone-glyph';
import { item as positioned, ocrText } from './support/positioned';

const H = 20;
/** An OCR item of `text` at x, one ideograph per H pixels (a Latin character half that). */
const item = (text: string, x: number, y = 100): TextItem => positioned(text, x, y, H, 0.99);
const page = (items: TextItem[]): DocumentText => ocrText(items, 1200, 400);
const ADDRESS = '浙江省杭州市西湖区文三路88号2幢216室';

describe('a lone mark beyond a value', () => {
  it('a 7 standing two characters after 216室 is not read into the address', () => {
    const value = item(ADDRESS, 120);
    const stray = item('7', value.x + value.w + 2.5 * H);
    const doc = extractDocument(page([item('住所', 40), value, stray]), 'license.png', {
      kind: 'business-license',
    });
    expect(doc.fields.address).toBe(ADDRESS);
    // The print beside it is still there: the value is not trusted as whole.
    expect(doc.confidence.address).toBeLessThan(0.9);
  });

  it('the same address without the mark is as sure as it was read', () => {
    const doc = extractDocument(page([item('住所', 40), item(ADDRESS, 120)]), 'license.png', {
      kind: 'business-license',
    });
    expect(doc.fields.address).toBe(ADDRESS);
    expect(doc.confidence.address).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the last character of a letter-spaced value and of a number in groups', () => {
    const at = (xs: number[], chs: string): { ch: string; x0: number; x1: number }[] =>
      [...chs].map((ch, i) => ({ ch, x0: xs[i]!, x1: xs[i]! + H }));
    // 张  三 (two characters a wide gap apart) and 欧 阳 峰 set letter-spaced.
    expect(withoutLoneTail(at([0, 60], '张三'), H)).toHaveLength(2);
    expect(withoutLoneTail(at([0, 50, 100, 150], '欧阳峰华'), H)).toHaveLength(4);
    // 6222 0212 7: groups apart by as much as the last digit.
    const grouped = at([0, 11, 22, 33, 70, 81, 92, 103, 140], '622202127').map((g) => ({
      ...g,
      x1: g.x0 + 11,
    }));
    expect(withoutLoneTail(grouped, H)).toHaveLength(9);
    // A run of closely set characters and one alone far beyond it: that one goes.
    expect(
      withoutLoneTail(at([0, 20, 40, 60, 130], '216室7'), H)
        .map((g) => g.ch)
        .join(''),
    ).toBe('216室');
  });
});
