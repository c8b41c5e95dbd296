// Greedy CTC decoding of PP-OCR recognition output: the best class per time step,
// repeats collapsed, blanks (class 0) dropped. Each character also keeps the recogniser's
// own close second choices (what else the glyph may be), so a checksum repair or a
// reviewer can choose among what the OCR saw rather than a fixed look-alike table.

/** Another class the recogniser gave a character's time steps, with its probability. */
export interface CharAlternative {
  text: string;
  p: number;
}

export interface DecodedLine {
  text: string;
  /** Probability of each emitted character. */
  charConfidences: number[];
  /** Centre of each emitted character, in time steps (0..timeSteps). */
  charCentres: number[];
  /** First time step of each emitted character. */
  charStarts: number[];
  /**
   * Per emitted character, its other choices with p ≥ ALTERNATIVE_MIN_P, best first, at
   * most MAX_ALTERNATIVES (the highest p over the character's time steps); usually empty.
   */
  charAlternatives: CharAlternative[][];
  /**
   * Per emitted character, every class with p ≥ CANDIDATE_MIN_P over its time steps (its
   * own run, the blank steps after it and the step before it), the character itself
   * included: how plausible the recogniser finds what a second reader saw there
   * (second-opinion.ts). Kept only when asked for (`keepCandidates`); else empty.
   */
  charCandidates: Map<string, number>[];
  /**
   * Per emitted character read below DOUBTED_BELOW, every other class with p ≥
   * CANDIDATE_MIN_P over its time steps (as charCandidates), best first, at most
   * MAX_DOUBT_CANDIDATES; empty for a character read surely. What the page says about a
   * character another document reads at this place (core/extract/page-support.ts): the
   * runners-up kept in charAlternatives are only the two best of the character's own run.
   */
  doubtCandidates: CharAlternative[][];
}

/** A runner-up below this is noise: keeping it would only grow the data. */
export const ALTERNATIVE_MIN_P = 0.005;
export const MAX_ALTERNATIVES = 2;
/** A class below this at a character is one the recogniser did not consider there. */
export const CANDIDATE_MIN_P = 0.001;
/** A character read below this keeps doubtCandidates (core's SURE_CHARACTER_P). */
export const DOUBTED_BELOW = 0.9;
export const MAX_DOUBT_CANDIDATES = 8;

/** The recognition alphabet: blank, the dictionary's lines, then a space (use_space_char). */
export function ctcAlphabet(keysFile: string): string[] {
  const keys = keysFile.replace(/\r/g, '').split('\n');
  if (keys[keys.length - 1] === '') keys.pop();
  return ['', ...keys, ' '];
}

/** Merges a time step's runner-up classes into a character's alternatives (max p per class). */
function addAlternatives(
  into: Map<number, number>,
  classes: readonly number[],
  ps: readonly number[],
): void {
  classes.forEach((c, i) => {
    const p = ps[i]!;
    if (c > 0 && p >= ALTERNATIVE_MIN_P && p > (into.get(c) ?? 0)) into.set(c, p);
  });
}

/** probs: [timeSteps × classes] of one line, already softmaxed by the model. */
export function ctcGreedyDecode(
  probs: Float32Array,
  timeSteps: number,
  classes: number,
  alphabet: readonly string[],
  /** Keep charCandidates: only a second reader uses them (every class at every step). */
  keepCandidates = false,
): DecodedLine {
  let text = '';
  const charConfidences: number[] = [];
  const charCentres: number[] = [];
  const charStarts: number[] = [];
  const runners: Map<number, number>[] = [];
  const emitted: number[] = [];
  const candidates: Map<number, number>[] = [];
  /** The classes at CANDIDATE_MIN_P or more of the step before (for a character starting now). */
  let before: [number, number][] = [];
  let previous = -1;
  let runStart = 0;
  /** Per emitted character, the blank's p at each step of its run (repeatDoubt). */
  const runBlanks: number[][] = [];
  for (let t = 0; t < timeSteps; t++) {
    const here: [number, number][] = [];
    // The best three classes of the step: the argmax and two runners-up.
    let best = 0;
    let bestP = -Infinity;
    let second = 0;
    let secondP = -Infinity;
    let third = 0;
    let thirdP = -Infinity;
    const row = t * classes;
    for (let c = 0; c < classes; c++) {
      const p = probs[row + c]!;
      if (keepCandidates && p >= CANDIDATE_MIN_P && c > 0) here.push([c, p]);
      if (p <= thirdP) continue;
      if (p > bestP) {
        third = second;
        thirdP = secondP;
        second = best;
        secondP = bestP;
        best = c;
        bestP = p;
      } else if (p > secondP) {
        third = second;
        thirdP = secondP;
        second = c;
        secondP = p;
      } else {
        third = c;
        thirdP = p;
      }
    }
    if (best !== 0 && best === previous) {
      // The character's run goes on: move its centre to the run's middle.
      charCentres[charCentres.length - 1] = (runStart + t + 1) / 2;
      charConfidences[charConfidences.length - 1] = Math.max(
        charConfidences[charConfidences.length - 1]!,
        bestP,
      );
      addAlternatives(runners[runners.length - 1]!, [second, third], [secondP, thirdP]);
      runBlanks[runBlanks.length - 1]!.push(probs[row]!);
    } else if (best !== 0) {
      text += alphabet[best] ?? '';
      charConfidences.push(bestP);
      charCentres.push(t + 0.5);
      charStarts.push(t);
      const alternatives = new Map<number, number>();
      addAlternatives(alternatives, [second, third], [secondP, thirdP]);
      runners.push(alternatives);
      emitted.push(best);
      runBlanks.push([probs[row]!]);
      // The step before belongs to this character too when it was a blank.
      if (keepCandidates) candidates.push(new Map(previous === 0 ? before : []));
      runStart = t;
    }
    if (keepCandidates) {
      const current = candidates[candidates.length - 1];
      if (current) for (const [c, p] of here) if (p > (current.get(c) ?? 0)) current.set(c, p);
      before = here;
    }
    previous = best;
  }
  runBlanks.forEach((blanks, k) => {
    charConfidences[k] = Math.min(charConfidences[k]!, 1 - repeatDoubt(blanks));
  });
  const charAlternatives = runners.map((alternatives, i) =>
    [...alternatives]
      .filter(([c]) => c !== emitted[i])
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_ALTERNATIVES)
      .map(([c, p]) => ({ text: alphabet[c] ?? '', p })),
  );
  const charCandidates = candidates.map(
    (m) => new Map([...m].map(([c, p]) => [alphabet[c] ?? '', p] as const)),
  );
  // A doubted character's candidates: the classes the decoding kept at its steps for a
  // second reader, else those steps scanned again (only a doubted character's, 2-4 steps).
  const doubtCandidates = emitted.map((cls, k) =>
    charConfidences[k]! < DOUBTED_BELOW
      ? bestFirst(
          keepCandidates
            ? candidates[k]!
            : stepClasses(probs, classes, charSteps(probs, timeSteps, classes, charStarts, k)),
          cls,
        )
          .slice(0, MAX_DOUBT_CANDIDATES)
          .map(([c, p]) => ({ text: alphabet[c] ?? '', p }))
      : [],
  );
  return {
    text,
    charConfidences,
    charCentres,
    charStarts,
    charAlternatives,
    charCandidates,
    doubtCandidates,
  };
}

/**
 * How likely one character's run of steps is two of it: the blank's highest p at a step
 * inside the run (not its first or last). CTC writes a character twice only with a blank
 * between; where two like glyphs stand close (711, 丽丽) the blank may rise between them
 * without winning, and greedy decoding writes one. The character is then trusted no more
 * than the run's weakest inside step says it is one (711 read 71: the blank rose to 0.23
 * between the two 1s, so the 1 is trusted at 0.77, not 0.97).
 */
function repeatDoubt(blanks: readonly number[]): number {
  let most = 0;
  for (let i = 1; i < blanks.length - 1; i++) most = Math.max(most, blanks[i]!);
  return most;
}

/** Whether the step's best class is the blank. */
function blankStep(probs: Float32Array, classes: number, t: number): boolean {
  const row = t * classes;
  const blank = probs[row]!;
  for (let c = 1; c < classes; c++) if (probs[row + c]! > blank) return false;
  return true;
}

/**
 * The time steps of emitted character k, as the decoding's candidates take them: the step before
 * its first when that was a blank, its own run, and the blank steps after it.
 */
function charSteps(
  probs: Float32Array,
  timeSteps: number,
  classes: number,
  starts: readonly number[],
  k: number,
): [number, number] {
  const first = starts[k]!;
  const from = first > 0 && blankStep(probs, classes, first - 1) ? first - 1 : first;
  return [from, starts[k + 1] ?? timeSteps];
}

/**
 * Every class but the blank at CANDIDATE_MIN_P or more in [from, to), with its highest p
 * there: what the decoding keeps as a character's candidates when asked to.
 */
function stepClasses(
  probs: Float32Array,
  classes: number,
  [from, to]: [number, number],
): Map<number, number> {
  const best = new Map<number, number>();
  for (let t = from; t < to; t++) {
    const row = t * classes;
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c]!;
      if (p >= CANDIDATE_MIN_P && p > (best.get(c) ?? 0)) best.set(c, p);
    }
  }
  return best;
}

/** The classes of `best` but `own`, best first (ties in the order they were found). */
function bestFirst(best: ReadonlyMap<number, number>, own: number): [number, number][] {
  return [...best].filter(([c]) => c !== own).sort((a, b) => b[1] - a[1]);
}
