// Character diff of two compared values (spec §3): aligned by code points with a weighted
// edit distance, each difference named so a person sees *why* two values differ.
import type { DiffEntry, DiffKind } from './checks/types';
import { foldWidthChar, isWidthVariant } from './text/width';

/** Groups of characters OCR and people confuse; two members of one group are look-alikes. */
export const LOOK_ALIKE_GROUPS: readonly (readonly string[])[] = [
  ['O', '0', 'o', 'Q', 'D'],
  ['I', '1', 'l', '|'],
  ['S', '5', 's'],
  ['Z', '2', 'z'],
  ['B', '8'],
  ['G', '6'],
  ['己', '已', '巳'],
  ['未', '末'],
  ['土', '士'],
  ['人', '入', '八'],
  ['曰', '日'],
  ['目', '日'],
  ['大', '太', '犬'],
  ['天', '夭'],
  ['千', '干'],
  ['戊', '戌', '戍'],
  ['市', '巿'],
  ['〇', '○', '0', 'O'],
  ['一', '-', '—', '－'],
];

/** Whether two different characters look alike (compared after width folding). */
export function isLookAlike(a: string, b: string): boolean {
  if (a === b) return false;
  const fa = foldWidthChar(a);
  const fb = foldWidthChar(b);
  return LOOK_ALIKE_GROUPS.some(
    (group) =>
      (group.includes(a) || group.includes(fa)) && (group.includes(b) || group.includes(fb)),
  );
}

const isSpace = (ch: string): boolean =>
  ch === ' ' || ch === '\u3000' || ch === '\u00A0' || ch === '\t';

/** Cost of reading a as b; cheaper for closer pairs so the alignment pairs them. */
function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  if (isWidthVariant(a, b)) return 0.25;
  if (isLookAlike(a, b)) return 0.5;
  return 1;
}
const indelCost = (ch: string): number => (isSpace(ch) ? 0.75 : 1);

/**
 * The differences between a and b, in order of position in a. `at` is the code-point
 * index in a where the difference occurs (for a character extra in b: the index in a
 * before which it would go). Equal values give an empty list.
 */
export function diffChars(a: string, b: string): DiffEntry[] {
  const A = [...a];
  const B = [...b];
  const n = A.length;
  const m = B.length;
  const width = m + 1;
  const cost = new Float64Array((n + 1) * width);
  for (let i = 1; i <= n; i++)
    cost[i * width] = (cost[(i - 1) * width] ?? 0) + indelCost(A[i - 1] ?? '');
  for (let j = 1; j <= m; j++) cost[j] = (cost[j - 1] ?? 0) + indelCost(B[j - 1] ?? '');
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const ai = A[i - 1] ?? '';
      const bj = B[j - 1] ?? '';
      cost[i * width + j] = Math.min(
        (cost[(i - 1) * width + j - 1] ?? 0) + substitutionCost(ai, bj),
        (cost[(i - 1) * width + j] ?? 0) + indelCost(ai),
        (cost[i * width + j - 1] ?? 0) + indelCost(bj),
      );
    }
  }

  const entries: DiffEntry[] = [];
  let i = n;
  let j = m;
  const at = (k: number): number => cost[k] ?? 0;
  const same = (x: number, y: number): boolean => Math.abs(x - y) < 1e-9;
  while (i > 0 || j > 0) {
    const here = at(i * width + j);
    const ai = A[i - 1] ?? '';
    const bj = B[j - 1] ?? '';
    if (i > 0 && j > 0 && same(here, at((i - 1) * width + j - 1) + substitutionCost(ai, bj))) {
      if (ai !== bj) entries.push({ at: i - 1, a: ai, b: bj, kind: classifySubstitution(ai, bj) });
      i--;
      j--;
    } else if (i > 0 && same(here, at((i - 1) * width + j) + indelCost(ai))) {
      entries.push({ at: i - 1, a: ai, b: '', kind: isSpace(ai) ? 'space' : 'missing' });
      i--;
    } else {
      entries.push({ at: i, a: '', b: bj, kind: isSpace(bj) ? 'space' : 'extra' });
      j--;
    }
  }
  return entries.reverse();
}

function classifySubstitution(a: string, b: string): DiffKind {
  if (isWidthVariant(a, b)) return 'width';
  if (isLookAlike(a, b)) return 'look-alike';
  return 'different';
}

export interface Sentence {
  en: string;
  zh: string;
}

/** What the two compared values are called in a sentence, e.g. the license and the bank form. */
export interface DiffNames {
  a: Sentence;
  b: Sentence;
}

const DEFAULT_NAMES: DiffNames = {
  a: { en: 'the first value', zh: '前一个值' },
  b: { en: 'the second value', zh: '后一个值' },
};

/** Of a width pair, which one is the wide form: not Latin, and not a half-width form (U+FF61..). */
const isFullWidth = (ch: string): boolean => {
  const cp = ch.codePointAt(0) ?? 0;
  return cp > 0xff && !(cp >= 0xff61 && cp <= 0xffdc) && !(cp >= 0xffe8 && cp <= 0xffee);
};
const widthEn = (ch: string): string => (isFullWidth(ch) ? 'full-width' : 'half-width');
const widthZh = (ch: string): string => (isFullWidth(ch) ? '全角' : '半角');
const show = (ch: string): string =>
  ch === ' ' ? 'a space' : ch === '\u3000' ? 'a full-width space' : ch;
const showZh = (ch: string): string =>
  ch === ' ' ? '半角空格' : ch === '\u3000' ? '全角空格' : ch;

/** One sentence (English and Chinese) naming one difference, positions counted from 1. */
export function describeDiff(entry: DiffEntry, names: DiffNames = DEFAULT_NAMES): Sentence {
  const position = entry.at + 1;
  switch (entry.kind) {
    case 'width':
      return {
        en: `${widthEn(entry.a)} ${show(entry.a)} vs ${widthEn(entry.b)} ${show(entry.b)} at position ${position}`,
        zh: `第${position}个字符：${widthZh(entry.a)}${showZh(entry.a)}与${widthZh(entry.b)}${showZh(entry.b)}不同`,
      };
    case 'look-alike':
      return {
        en: `look-alike characters ${entry.a} vs ${entry.b} at position ${position}`,
        zh: `第${position}个字符：形近字${entry.a}与${entry.b}`,
      };
    case 'different':
      return {
        en: `different characters ${show(entry.a)} vs ${show(entry.b)} at position ${position}`,
        zh: `第${position}个字符：${showZh(entry.a)}与${showZh(entry.b)}不同`,
      };
    case 'space':
      return entry.a !== ''
        ? {
            en: `${show(entry.a)} at position ${position} of ${names.a.en} is missing from ${names.b.en}`,
            zh: `${names.a.zh}第${position}个字符是${showZh(entry.a)}，${names.b.zh}没有`,
          }
        : {
            en: `${names.b.en} has an extra ${entry.b === ' ' ? 'space' : 'full-width space'} at position ${position}`,
            zh: `${names.b.zh}在第${position}个字符处多了${showZh(entry.b)}`,
          };
    case 'missing':
      return {
        en: `${entry.a} at position ${position} of ${names.a.en} is missing from ${names.b.en}`,
        zh: `${names.a.zh}第${position}个字符${entry.a}在${names.b.zh}中缺失`,
      };
    case 'extra':
      return {
        en: `${names.b.en} has an extra ${entry.b} at position ${position}`,
        zh: `${names.b.zh}在第${position}个字符处多了${entry.b}`,
      };
  }
}

/** Up to `limit` differences as one sentence each language, e.g. for a check's message. */
export function summariseDiff(
  entries: readonly DiffEntry[],
  names: DiffNames = DEFAULT_NAMES,
  limit = 3,
): Sentence {
  const described = entries.slice(0, limit).map((e) => describeDiff(e, names));
  const more = entries.length - described.length;
  return {
    en:
      described.map((d) => d.en).join('; ') +
      (more > 0 ? `; and ${more} more difference${more === 1 ? '' : 's'}` : ''),
    zh: described.map((d) => d.zh).join('；') + (more > 0 ? `；另有${more}处不同` : ''),
  };
}
