// The command's streams, passed in so that tests can run a command in-process too.
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether standard error is a terminal (progress redraws in place when it is). */
  isTTY: boolean;
}

/**
 * Exit codes of spec/cli-contract.md. `verify` adds two: 3, intact but signed by a key
 * not on the trusted list; 4, intact but unsigned (a pack made before signing existed).
 * 1 stays "blocked" for check and pack and "altered" for verify; 2 is bad usage or a file
 * that cannot be read or written.
 */
export const EXIT = { ok: 0, blocked: 1, usage: 2, unknownKey: 3, unsigned: 4 } as const;

/** A usage error: the command prints its message and exits 2. */
export class UsageError extends Error {}
