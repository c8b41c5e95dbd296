// The command's streams, passed in so that tests can run a command in-process too.
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether standard error is a terminal (progress redraws in place when it is). */
  isTTY: boolean;
}

/** Exit codes of spec/cli-contract.md. */
export const EXIT = { ok: 0, blocked: 1, usage: 2 } as const;

/** A usage error: the command prints its message and exits 2. */
export class UsageError extends Error {}
