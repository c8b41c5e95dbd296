// A registered capital (注册资本, 出资额, 资金数额) as printed: an amount in words
// (壹佰万元整, 人民币伍拾万元整) or in figures (100万元, 1000.000000万人民币, 50万美元),
// with its currency before or after it. An amount in words that ends at 元 is written
// with 整 (or its 角/分): one read without it was cut short, by a seal over its last
// character or a detector box that stopped early, and is never reported as sure.
import { foldWidth } from '../text/normalise';

const WORD_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const WORD_NUMBER = `[${WORD_DIGITS}拾佰仟万亿]+`;
const CURRENCY = '(?:人民币|美元|港元|港币|欧元|日元|英镑|元|圆)';
/** 人民币 or (人民币) before or after the amount. */
const RMB = '(?:\\(?人民币\\)?)';
/** What ends an amount in words after 元: 整 (正), or its 角 and 分. */
const WORD_END = `(?:[整正]|[${WORD_DIGITS}]角(?:[${WORD_DIGITS}]分)?|[${WORD_DIGITS}]分)`;

const IN_WORDS = new RegExp(
  `^${RMB}?(${WORD_NUMBER})(万|亿)?(${CURRENCY})(${WORD_END})?${RMB}?$`,
  'u',
);
const IN_FIGURES = new RegExp(
  `^${RMB}?\\d[\\d,]*(?:\\.\\d+)?(?:万|亿)?(?:${CURRENCY})(?:${CURRENCY})?${RMB}?$`,
  'u',
);

/** Whether an amount in words ends at 元 (or 圆, 美元 …), which asks for 整 or its 角/分. */
const endsAtYuan = (m: RegExpExecArray): boolean => /[元圆]$/u.test(m[3] ?? '');

/** The amount compared on: width folded, without spaces. */
const compact = (value: string): string => foldWidth(value).replace(/\s+/gu, '');

/** Whether a value is a whole capital amount, in words or in figures, with its currency. */
export function isCapital(value: string): boolean {
  const v = compact(value);
  const words = IN_WORDS.exec(v);
  if (words) return !endsAtYuan(words) || words[4] !== undefined;
  return IN_FIGURES.test(v);
}

/**
 * The amount in words a value would be with the 整 it lacks (壹佰万元 → 壹佰万元整), or
 * null when it is whole or not such an amount.
 */
export function completedAmount(value: string): string | null {
  const words = IN_WORDS.exec(compact(value));
  if (!words || !endsAtYuan(words) || words[4] !== undefined) return null;
  // Only a value that ends at 元 (a trailing （人民币） would have followed the 整).
  return /[元圆]$/u.test(value.trim()) ? `${value.trim()}整` : null;
}
