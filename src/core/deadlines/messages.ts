// Wording shared by the deadline messages: one sentence per language, dates as Chinese
// documents print them (2026年12月06日) and ISO in English.

/** One sentence in Chinese and the same in English. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** `2026-12-06` → `2026年12月06日` (zero-padded, as licenses and ID cards print dates). */
export function formatDateZh(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${m}月${d}日`;
}

/** `1 day`, `12 days`. */
export function daysEn(n: number, unit: 'day' | 'working day'): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
