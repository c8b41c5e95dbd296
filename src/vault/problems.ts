// Failures of work nobody awaits (the purge timer, the recovery on open, settings found
// altered on unlock): each is a coded VaultError handed to the listeners, never dropped.
// With no listener, the failure goes to the console, the one report left.
import { VaultError } from './errors';

export type ProblemListener = (problem: VaultError) => void;

export class ProblemReporter {
  private readonly listeners = new Set<ProblemListener>();
  /** Reported before anyone listened (recovery on open): handed to the first listener. */
  private readonly pending: VaultError[] = [];

  /** Hears every problem from now on, and those reported before anyone listened. */
  on(listener: ProblemListener): () => void {
    this.listeners.add(listener);
    for (const problem of this.pending.splice(0)) listener(problem);
    return () => this.listeners.delete(listener);
  }

  report(problem: VaultError): void {
    if (this.listeners.size === 0) {
      this.pending.push(problem);
      console.error(`[vault] ${problem.code}: ${problem.message}`, problem.cause ?? '');
      return;
    }
    for (const listener of this.listeners) listener(problem);
  }
}

/** The coded problem `code`, with what went wrong as its cause. */
export function asProblem(error: unknown, code: VaultError['code'], sentence: string): VaultError {
  const problem = new VaultError(sentence, code);
  problem.cause = error;
  return problem;
}
