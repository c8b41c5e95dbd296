// CharDiff: the aligned view of two compared values, each difference marked with its kind,
// rendered to static markup (no browser needed for what it shows).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { diffChars } from '../../src/core/diff';
import { CharDiff, alignDiff } from '../../src/renderer/components/CharDiff';
import { I18nProvider, type Language } from '../../src/renderer/i18n';

function render(a: string, b: string, language: Language = 'zh', withDiff = true): string {
  return renderToStaticMarkup(
    createElement(I18nProvider, {
      language,
      setLanguage: () => undefined,
      children: createElement(CharDiff, {
        a,
        b,
        ...(withDiff ? { diff: diffChars(a, b) } : {}),
        labelA: '营业执照 · 名称',
        labelB: '开户许可证 · 存款人名称',
      }),
    }),
  );
}

/** [side, kind, character] of every marked character, in order. */
function marked(html: string): [string, string, string][] {
  return [...html.matchAll(/data-diff-kind="([^"]+)" data-side="([ab])"[^>]*>([^<]*)</g)].map(
    (m) => [m[2] ?? '', m[1] ?? '', m[3] ?? ''],
  );
}

describe('alignDiff', () => {
  it('rebuilds both values column by column from the diff', () => {
    const cases: [string, string][] = [
      ['杭州青梧屿科技有限公司（分公司）', '杭州青梧屿科技有限公司(分公司)'],
      ['ABC', 'AXBC'],
      ['A B', 'AB'],
      ['91330106MA2H0LXX1Q', '91330106MA2HOLXX1Q'],
      ['', '新'],
      ['旧', ''],
    ];
    for (const [a, b] of cases) {
      const columns = alignDiff(a, b, diffChars(a, b));
      expect(columns.map((c) => c.a).join('')).toBe(a);
      expect(columns.map((c) => c.b).join('')).toBe(b);
    }
  });
});

describe('CharDiff', () => {
  it('marks a bracket width difference on both values and labels each side 全角 / 半角', () => {
    const html = render('青梧屿科技（杭州）有限公司', '青梧屿科技(杭州)有限公司');
    expect(marked(html)).toEqual([
      ['a', 'width', '（'],
      ['a', 'width', '）'],
      ['b', 'width', '('],
      ['b', 'width', ')'],
    ]);
    expect(html).toContain('全角');
    expect(html).toContain('半角');
    // One sentence per difference, from the core's describeDiff.
    expect(html.match(/data-testid="chardiff-sentence"/g)).toHaveLength(2);
    expect(html).toContain('第6个字符');
  });

  it('names a look-alike, a missing space and an extra character', () => {
    expect(marked(render('O1', '01'))).toEqual([
      ['a', 'look-alike', 'O'],
      ['b', 'look-alike', '0'],
    ]);
    const space = marked(render('张 三', '张三'));
    expect(space).toEqual([
      ['a', 'space', '␣'],
      ['b', 'space', '∅'],
    ]);
    const extra = marked(render('李四', '李小四'));
    expect(extra).toEqual([
      ['a', 'extra', '∅'],
      ['b', 'extra', '小'],
    ]);
    expect(render('李四', '李小四')).toContain('多余');
  });

  it('computes the diff itself when the check gives none, and speaks English when asked', () => {
    const html = render('王五', '王六', 'en', false);
    expect(marked(html)).toEqual([
      ['a', 'different', '五'],
      ['b', 'different', '六'],
    ]);
    expect(html).toContain('different');
    expect(html).toContain('position 2');
  });

  it('marks nothing when the values are equal', () => {
    expect(marked(render('同一家公司', '同一家公司'))).toEqual([]);
  });
});
