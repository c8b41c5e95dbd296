// A name read by OCR holding a common character that stands for a rare one as often (佘
// read as 余 at 0.90, 逄 as 逢 at 0.95 on the layout families' image-only PDFs) is never
// reported at confidence 0.9 or more: the glyph's confidence cannot tell them apart.
import { describe, expect, it } from 'vitest';
import type { DocumentText, TextItem } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { rareLookAlikes } from '../../src/core/extract/look-alikes';

function item(text: string, x: number, y: number, confidence: number): TextItem {
  const h = 30;
  const w = [...text].reduce((sum, ch) => sum + (ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.55) * h, 0);
  return { page: 0, x, y, w, h, text, confidence };
}

function bankForm(person: string, source: DocumentText['source']): DocumentText {
  return {
    source,
    pages: [
      {
        page: 0,
        width: 1700,
        height: 2400,
        items: [
          item('基本存款账户信息', 600, 200, 0.99),
          item('存款人名称', 200, 400, 0.99),
          item('杭州珩越贸易有限公司', 500, 400, 0.97),
          item('法定代表人', 200, 460, 0.99),
          item(person, 500, 460, 0.97),
          item('开户银行', 200, 520, 0.99),
          item('招商银行股份有限公司杭州滨江支行', 500, 520, 0.97),
          item('账号', 200, 580, 0.99),
          item('3469922317129364594', 500, 580, 0.97),
        ],
      },
    ],
  };
}

describe('rare look-alikes in names', () => {
  it('a legal representative read by OCR as 余瑶恺 is below 0.9 (it may be 佘瑶恺)', () => {
    const doc = extractDocument(bankForm('余瑶恺', 'paddle'), 'bank.pdf');
    expect(doc.fields.legalRepresentative).toBe('余瑶恺');
    expect(doc.confidence.legalRepresentative).toBeLessThan(0.9);
  });

  it('a name without such a character keeps its confidence', () => {
    const doc = extractDocument(bankForm('王瑶恺', 'paddle'), 'bank.pdf');
    expect(doc.confidence.legalRepresentative).toBeCloseTo(0.97);
  });

  it('a text-layer PDF gives its characters exactly: no cap', () => {
    const doc = extractDocument(bankForm('余瑶恺', 'pdf-text'), 'bank.pdf');
    expect(doc.confidence.legalRepresentative).toBeCloseTo(0.97);
  });

  it('names the characters and the rare ones they may stand for', () => {
    expect(rareLookAlikes('逢霖婕')).toEqual([{ read: '逢', mayBe: '逄' }]);
    expect(rareLookAlikes('张三')).toEqual([]);
  });
});
