// Greedy CTC decoding of PP-OCR recognition output: the best class per time step,
// repeats collapsed, blanks (class 0) dropped.

export interface DecodedLine {
  text: string;
  /** Probability of each emitted character. */
  charConfidences: number[];
  /** Centre of each emitted character, in time steps (0..timeSteps). */
  charCentres: number[];
  /** First time step of each emitted character. */
  charStarts: number[];
}

/** The recognition alphabet: blank, the dictionary's lines, then a space (use_space_char). */
export function ctcAlphabet(keysFile: string): string[] {
  const keys = keysFile.replace(/\r/g, '').split('\n');
  if (keys[keys.length - 1] === '') keys.pop();
  return ['', ...keys, ' '];
}

/** probs: [timeSteps × classes] of one line, already softmaxed by the model. */
export function ctcGreedyDecode(
  probs: Float32Array,
  timeSteps: number,
  classes: number,
  alphabet: readonly string[],
): DecodedLine {
  let text = '';
  const charConfidences: number[] = [];
  const charCentres: number[] = [];
  const charStarts: number[] = [];
  let previous = -1;
  let runStart = 0;
  for (let t = 0; t < timeSteps; t++) {
    let best = 0;
    let bestP = -Infinity;
    const row = t * classes;
    for (let c = 0; c < classes; c++) {
      const p = probs[row + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best === previous) {
      // The character's run goes on: move its centre to the run's middle.
      charCentres[charCentres.length - 1] = (runStart + t + 1) / 2;
      charConfidences[charConfidences.length - 1] = Math.max(
        charConfidences[charConfidences.length - 1]!,
        bestP,
      );
    } else if (best !== 0) {
      text += alphabet[best] ?? '';
      charConfidences.push(bestP);
      charCentres.push(t + 0.5);
      charStarts.push(t);
      runStart = t;
    }
    previous = best;
  }
  return { text, charConfidences, charCentres, charStarts };
}
