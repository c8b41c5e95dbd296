// A word found on an OCR line that may hold one misread or one inserted character.

/** Whether l from index i holds w with one character inserted somewhere inside it. */
function withOneInserted(l: string[], i: number, w: string[]): boolean {
  let skipped = 0;
  for (let k = 0, j = i; k < w.length; j++) {
    if (j >= l.length) return false;
    if (l[j] === w[k]) k++;
    else if (k === 0 || ++skipped > 1) return false;
  }
  return true;
}

/**
 * Whether `line` holds `word`, a word of 4 or more characters tolerating one misread or
 * one inserted character (a watermark's glyph read into a label); shorter words exactly.
 */
export function containsFuzzy(line: string, word: string): boolean {
  if (line.includes(word)) return true;
  const w = [...word];
  if (w.length < 4) return false;
  const l = [...line];
  for (let i = 0; i + w.length <= l.length; i++) {
    if (l[i] !== w[0] && l[i + 1] !== w[1]) continue;
    let diff = 0;
    for (let k = 0; k < w.length && diff <= 1; k++) if (l[i + k] !== w[k]) diff++;
    if (diff <= 1 || withOneInserted(l, i, w)) return true;
  }
  return false;
}
