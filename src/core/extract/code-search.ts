// A credit code found by its type over the whole page, not by its label: 18 letters and
// digits whose check character fits (GB 32100). The run may cross OCR boxes on one line
// (a code split in two, letter-spaced, beside a QR code), since a label read wrongly, on
// another line or missing says nothing about where the code is; the checksum does.
import { foldWidth } from '../text/normalise';
import { validateUscc, USCC_LENGTH } from '../codes/uscc';
import type { PageCandidate } from './candidates';
import type { PageLayout } from './page-layout';
import { minConfidence, union, type Glyph } from './lines';

/** Widest gap inside one code, in line heights (letter-spaced print, two OCR boxes). */
const MAX_GAP = 2.5;

/** A code printed this many times is a pattern (a decorative band), not the document's code. */
const PATTERN_REPEATS = 3;

const codeChar = (g: Glyph): string | null => {
  const ch = foldWidth(g.ch).toUpperCase();
  return /^[0-9A-Z]$/u.test(ch) ? ch : null;
};

/** Runs of 18 code characters on each line, joined over spaces and gaps up to MAX_GAP. */
function codeRuns(layout: PageLayout): Glyph[][] {
  const runs: Glyph[][] = [];
  for (const line of layout.lines) {
    let run: Glyph[] = [];
    for (const g of line.glyphs) {
      const prev = run.at(-1);
      const joins = prev !== undefined && (g.x0 - prev.x1) / line.h <= MAX_GAP;
      if (codeChar(g) === null || !joins) {
        if (run.length === USCC_LENGTH) runs.push(run);
        run = codeChar(g) === null ? [] : [g];
      } else run.push(g);
    }
    if (run.length === USCC_LENGTH) runs.push(run);
  }
  return runs;
}

/**
 * Letters the code's alphabet never uses (GB 32100 leaves out I, O, S, V, Z) folded to the
 * digit OCR confuses them with; V has none and stays.
 */
const NOT_IN_ALPHABET: Readonly<Record<string, string>> = { I: '1', O: '0', S: '5', Z: '2' };
const foldAlphabet = (code: string): string => code.replace(/[IOSZ]/gu, (c) => NOT_IN_ALPHABET[c]!);

/**
 * The page's one checksum-valid credit code (a code printed PATTERN_REPEATS times or more
 * is a band, not it), or null when there is none or there are two different ones. Where
 * no run is valid as read, the one run that is valid once the letters the code never uses
 * (O, I, S, Z) are read as the digits they resemble is returned AS READ: it fails its
 * checksum, and the reader proposes the repair (a value is never changed silently).
 */
export function creditCodeSearch(layout: PageLayout): PageCandidate | null {
  const runs = codeRuns(layout).map((run) => ({
    run,
    text: run.map((g) => codeChar(g)).join(''),
  }));
  const pick = (valid: (text: string) => boolean): PageCandidate | null => {
    // Each code with where it is printed (one place, or a band's many).
    const found = new Map<string, { text: string; at: Glyph[][] }>();
    for (const { run, text } of runs) {
      // The whole run: 18 characters inside a longer one (an account number, a band) are not a code.
      if (text.length !== USCC_LENGTH || !valid(text)) continue;
      const key = foldAlphabet(text);
      const seen = found.get(key);
      found.set(key, { text: seen?.text ?? text, at: [...(seen?.at ?? []), run] });
    }
    const codes = [...found.values()].filter(({ at }) => at.length < PATTERN_REPEATS);
    if (codes.length !== 1) return null;
    const { text, at } = codes[0]!;
    const glyphs = at[0];
    if (glyphs === undefined) return null;
    return { text, confidence: minConfidence(glyphs), box: union(glyphs, layout.page) };
  };
  return (
    pick((text) => validateUscc(text).valid) ??
    pick((text) => text !== foldAlphabet(text) && validateUscc(foldAlphabet(text)).valid)
  );
}
