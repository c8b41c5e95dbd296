import { describe, expect, it } from 'vitest';
import {
  CJK_RADICALS_SUPPLEMENT,
  KANGXI_RADICALS,
  RADICAL_TO_IDEOGRAPH,
  SIMPLIFIED_CHINESE_OVERRIDES,
} from '../../src/core/text/radicals';
import {
  foldWidth,
  hasWidthAmbiguity,
  mapRadicals,
  normaliseText,
} from '../../src/core/text/normalise';

const isUnifiedIdeograph = (cp: number): boolean =>
  /^\p{Unified_Ideograph}$/u.test(String.fromCodePoint(cp));
const overridden = new Map(SIMPLIFIED_CHINESE_OVERRIDES);

describe('radical table', () => {
  it('covers every Kangxi radical U+2F00..U+2FD5 with its NFKC ideograph (or the documented override)', () => {
    expect(KANGXI_RADICALS).toHaveLength(214);
    for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
      const nfkc = String.fromCodePoint(cp).normalize('NFKC');
      const table = KANGXI_RADICALS.find(([from]) => from === cp);
      expect(table?.[1], `U+${cp.toString(16)}`).toBe(nfkc.codePointAt(0));
      const expected = overridden.get(cp) ?? nfkc.codePointAt(0);
      expect(mapRadicals(String.fromCodePoint(cp))).toBe(String.fromCodePoint(expected ?? 0));
    }
  });

  it('covers every CJK Radicals Supplement code point that has a unified equivalent (all but U+2E80 and unassigned U+2E9A)', () => {
    const mapped = new Set(CJK_RADICALS_SUPPLEMENT.map(([from]) => from));
    for (let cp = 0x2e80; cp <= 0x2ef3; cp++) {
      expect(mapped.has(cp), `U+${cp.toString(16)}`).toBe(cp !== 0x2e80 && cp !== 0x2e9a);
    }
    expect(mapped.size).toBe(114);
  });

  it('maps only to unified ideographs', () => {
    for (const [from, to] of RADICAL_TO_IDEOGRAPH) {
      expect(isUnifiedIdeograph(to), `U+${from.toString(16)}`).toBe(true);
      expect(isUnifiedIdeograph(from)).toBe(false);
    }
  });

  it('agrees with NFKC wherever NFKC folds a supplement radical', () => {
    for (const [from, to] of CJK_RADICALS_SUPPLEMENT) {
      const nfkc = String.fromCodePoint(from).normalize('NFKC');
      if (nfkc !== String.fromCodePoint(from)) expect(nfkc.codePointAt(0)).toBe(to);
    }
  });

  it('maps the radicals Chromium-printed PDFs are known to contain', () => {
    expect(mapRadicals('⼈⻓⺠⼾⻅⻔⻋⻉⻓')).toBe('人长民户见门车贝长');
  });
});

describe('normaliseText', () => {
  it('normalises a sentence with radicals and OCR spacing', () => {
    expect(normaliseText(' 法定代表⼈ ：张  ⺠  ')).toBe('法定代表人：张民');
    expect(normaliseText('⻓ 沙 市 ⼾ 籍 地')).toBe('长沙市户籍地');
    expect(normaliseText('名\u3000称')).toBe('名称');
  });

  it('keeps full-width and half-width characters as printed', () => {
    expect(normaliseText('杭州某某科技有限公司（分公司）')).toBe('杭州某某科技有限公司（分公司）');
    expect(normaliseText('杭州某某科技有限公司(分公司)')).toBe('杭州某某科技有限公司(分公司)');
    expect(normaliseText('１２３ＡＢＣ，：')).toBe('１２３ＡＢＣ，：');
  });

  it('collapses spacing elsewhere and trims', () => {
    expect(normaliseText('  Room   1203 \n Tower  B ')).toBe('Room 1203 Tower B');
    expect(normaliseText('88号 B座')).toBe('88号 B座');
    expect(normaliseText('A\u3000\u3000B')).toBe('A\u3000B');
    expect(normaliseText('a\u200Bb\u00ADc')).toBe('abc');
  });

  it('is idempotent', () => {
    for (const s of [' ⼈ ⻓  x  y 名 称 ', 'A\u3000 B', '（ 北 京 ） 1 2']) {
      expect(normaliseText(normaliseText(s))).toBe(normaliseText(s));
    }
  });
});

describe('width', () => {
  it('finds characters that exist in both widths', () => {
    expect(hasWidthAmbiguity('张三')).toBe(false);
    expect(hasWidthAmbiguity('某某（北京）有限公司')).toBe(true);
    expect(hasWidthAmbiguity('某某(北京)有限公司')).toBe(true);
    expect(hasWidthAmbiguity('2036')).toBe(true);
    expect(hasWidthAmbiguity('甲：乙')).toBe(true);
  });

  it('folds full-width forms to half-width', () => {
    expect(foldWidth('（１２Ａ）\u3000，')).toBe('(12A) ,');
  });
});
