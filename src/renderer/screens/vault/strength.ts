// Passphrase strength with zxcvbn-ts, loaded on first use (its dictionaries are ~1 MB and
// only the vault screens need them).
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** A passphrase must reach this zxcvbn score (0..4: "strong") to create a vault. */
export const MIN_SCORE: StrengthScore = 3;

type Estimate = (passphrase: string, userInputs: readonly string[]) => StrengthScore;

let loading: Promise<Estimate> | null = null;

export function loadStrength(): Promise<Estimate> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary },
      graphs: common.adjacencyGraphs,
    });
    return (passphrase, userInputs) => zxcvbn.check(passphrase, [...userInputs]).score;
  })();
  // A failed load (a missing chunk) can be retried on the next keystroke.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
