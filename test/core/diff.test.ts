import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiffEntry } from '../../src/core/checks/types';
import { describeDiff, diffChars, summariseDiff } from '../../src/core/diff';

/** b rebuilt from a and the diff: proves the entries and their positions are complete. */
function apply(a: string, entries: readonly DiffEntry[]): string {
  const chars = [...a];
  let out = '';
  let k = 0;
  for (let i = 0; i <= chars.length; i++) {
    while (k < entries.length && entries[k]?.at === i && entries[k]?.a === '')
      out += entries[k++]?.b ?? '';
    if (i === chars.length) break;
    const e = entries[k];
    if (e !== undefined && e.at === i && e.a !== '') {
      out += e.b;
      k++;
    } else {
      out += chars[i] ?? '';
    }
  }
  return out;
}

describe('diffChars', () => {
  it('is empty for equal strings', () =>
    expect(diffChars('杭州（滨江）', '杭州（滨江）')).toEqual([]));

  it('classifies width differences', () => {
    expect(diffChars('A（1）', 'A(1)')).toEqual([
      { at: 1, a: '（', b: '(', kind: 'width' },
      { at: 3, a: '）', b: ')', kind: 'width' },
    ]);
    expect(diffChars('２０３６', '2036').every((d) => d.kind === 'width')).toBe(true);
    expect(diffChars('ＡＢ', 'AB').map((d) => d.kind)).toEqual(['width', 'width']);
    expect(diffChars('甲\u3000乙', '甲 乙')).toEqual([
      { at: 1, a: '\u3000', b: ' ', kind: 'width' },
    ]);
  });

  it('classifies spaces inserted or removed', () => {
    expect(diffChars('张三', '张 三')).toEqual([{ at: 1, a: '', b: ' ', kind: 'space' }]);
    expect(diffChars('张\u3000三', '张三')).toEqual([{ at: 1, a: '\u3000', b: '', kind: 'space' }]);
  });

  it('classifies look-alikes', () => {
    expect(diffChars('9135O1', '913501')).toEqual([{ at: 4, a: 'O', b: '0', kind: 'look-alike' }]);
    for (const [a, b] of [
      ['己', '已'],
      ['未', '末'],
      ['土', '士'],
      ['人', '入'],
      ['曰', '日'],
      ['目', '日'],
      ['大', '太'],
      ['天', '夭'],
      ['I', '1'],
      ['l', '1'],
      ['S', '5'],
      ['Z', '2'],
      ['B', '8'],
      ['G', '6'],
    ] as const) {
      expect(diffChars(`x${a}y`, `x${b}y`), `${a}/${b}`).toEqual([
        { at: 1, a, b, kind: 'look-alike' },
      ]);
    }
  });

  it('classifies different, missing and extra characters, with positions in a by code point', () => {
    expect(diffChars('王小明', '王晓明')).toEqual([{ at: 1, a: '小', b: '晓', kind: 'different' }]);
    expect(diffChars('有限公司', '有公司')).toEqual([{ at: 1, a: '限', b: '', kind: 'missing' }]);
    expect(diffChars('有限公司', '有限责任公司')).toEqual([
      { at: 2, a: '', b: '责', kind: 'extra' },
      { at: 2, a: '', b: '任', kind: 'extra' },
    ]);
    // 𠘨 is one code point but two UTF-16 units: positions count code points.
    expect(diffChars('𠘨（', '𠘨(')).toEqual([{ at: 1, a: '（', b: '(', kind: 'width' }]);
  });

  it('rebuilds b from a and the diff, for any strings', () => {
    const text = fc.string({ unit: fc.constantFrom(...'甲乙（(）) 　0O1Il己已ab'), maxLength: 12 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const entries = diffChars(a, b);
        expect(apply(a, entries)).toBe(b);
        expect(entries.every((e) => e.at >= 0 && e.at <= [...a].length)).toBe(true);
        if (a === b) expect(entries).toEqual([]);
      }),
    );
  });
});

describe('describeDiff', () => {
  it('says which side is full-width, counting positions from 1', () => {
    expect(describeDiff({ at: 8, a: '（', b: '(', kind: 'width' })).toEqual({
      en: 'full-width （ vs half-width ( at position 9',
      zh: '第9个字符：全角（与半角(不同',
    });
    expect(describeDiff({ at: 0, a: '0', b: '０', kind: 'width' }).en).toBe(
      'half-width 0 vs full-width ０ at position 1',
    );
  });

  it('names the compared values', () => {
    const names = {
      a: { en: 'the license name', zh: '执照名称' },
      b: { en: 'the bank name', zh: '银行户名' },
    };
    expect(describeDiff({ at: 2, a: '', b: ' ', kind: 'space' }, names).en).toBe(
      'the bank name has an extra space at position 3',
    );
    expect(describeDiff({ at: 2, a: '限', b: '', kind: 'missing' }, names)).toEqual({
      en: '限 at position 3 of the license name is missing from the bank name',
      zh: '执照名称第3个字符限在银行户名中缺失',
    });
  });

  it('summarises several differences in one sentence', () => {
    const s = summariseDiff(diffChars('ABCDE', 'abcde'), undefined, 2);
    expect(s.en).toBe(
      'different characters A vs a at position 1; different characters B vs b at position 2; and 3 more differences',
    );
    expect(s.zh).toBe('第1个字符：A与a不同；第2个字符：B与b不同；另有3处不同');
  });
});

describe('describeDiff for half-width CJK punctuation', () => {
  it('calls 。 full-width and ｡ half-width', () => {
    const [entry] = diffChars('甲。', '甲｡');
    expect(entry?.kind).toBe('width');
    expect(entry && describeDiff(entry).en).toBe('full-width 。 vs half-width ｡ at position 2');
  });
});
