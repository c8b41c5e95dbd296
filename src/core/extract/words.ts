// Words of a license's text PP-OCR was measured to misread as two characters that make no
// word: 技术 as 技市 or 技木 (its 术 one stroke from 木, its dot lost; ZCOOL XiaoWei,
// MaokenAssortedSans and Noto Serif Light photos and scans, bench:ocr --fonts=all's tuned
// quick set and fresh tuned samples at seed offset 2600: 15 readings, 13 技市 and 2 技木,
// never the right word behind them above 30%). Where the misreading is itself part of a
// word (科技市场, a technology market; 科技木, an engineered wood) it is left alone: after
// 科 the 技 ends 科技, and 市场 or 木 starts the next word.
import type { Correction } from '../extraction';

interface Misreading {
  /** The characters as read. */
  read: string;
  /** The word printed. */
  word: string;
  /** Where the reading is a word of its own: the text around it (before, after). */
  words: RegExp;
}

const MISREADINGS: readonly Misreading[] = [
  { read: '技市', word: '技术', words: /科技市|技市场/u },
  { read: '技木', word: '技术', words: /科技木/u },
];

/** The places in `value` where a measured misreading stands for its word (code unit index). */
function misread(value: string): { at: number; m: Misreading }[] {
  const out: { at: number; m: Misreading }[] = [];
  for (const m of MISREADINGS) {
    for (let at = value.indexOf(m.read); at >= 0; at = value.indexOf(m.read, at + 1)) {
      const around = value.slice(Math.max(0, at - 1), at + m.read.length + 1);
      if (!m.words.test(around)) out.push({ at, m });
    }
  }
  return out;
}

/** The value with each measured misreading made its word again. */
export function repairMisreadWords(value: string): string {
  let out = value;
  for (const { at, m } of misread(value).sort((a, b) => b.at - a.at))
    out = out.slice(0, at) + m.word + out.slice(at + m.read.length);
  return out;
}

/**
 * For a compared value (an organisation's name): the value with its measured misreadings
 * made their words again, as a proposal (null when it holds none).
 */
export function misreadWordProposal(field: string, value: string): Correction | null {
  const found = misread(value);
  if (found.length === 0) return null;
  const words = [...new Set(found.map(({ m }) => `${m.read} for ${m.word}`))].join(', ');
  return {
    field,
    from: value,
    to: repairMisreadWords(value),
    reason: 'ocr-alternative',
    note: `PP-OCR was measured to read ${words}, which is no word here: check it against the image.`,
  };
}

const BUREAU = '公安局';

/**
 * An ID card's issuing authority is a public security bureau (深圳市公安局南山分局): where
 * it holds no 公安局 but three characters one off it after its place (公安届, 公女局), they
 * are made 公安局 (the value otherwise as read; null when there is nothing to repair).
 */
export function authorityWording(value: string): string | null {
  const chars = [...value];
  if (value.includes(BUREAU)) return null;
  const wanted = [...BUREAU];
  for (let at = 2; at + 3 <= chars.length; at++) {
    const diff = wanted.filter((w, k) => chars[at + k] !== w).length;
    if (diff === 1) return [...chars.slice(0, at), ...wanted, ...chars.slice(at + 3)].join('');
  }
  return null;
}
