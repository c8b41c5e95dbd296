// What the renderer needs of a vault: every asynchronous operation of `Vault`, plus the
// few synchronous calls of its session (lock, idle touch, lock events, window visibility).
// The app hosts the Vault in a worker (src/renderer/engine) and calls it through this
// shape; tests may pass a `Vault` itself, which has the same shape.
import type { VaultError } from '../../vault';
import type { LockReason } from '../../vault/session';
import type { VaultCalls } from '../engine/vault-calls';

/** Every asynchronous operation of the vault: arguments from the schemas, answers the vault's. */
export type { VaultCallName, VaultCalls } from '../engine/vault-calls';

export interface VaultPort extends VaultCalls {
  /** The backup (format 2) as a stream of sealed pieces, read as it is pulled. */
  backupStream(): ReadableStream<Uint8Array<ArrayBuffer>>;
  /** True while the keys are held (as last reported by the vault). */
  readonly isUnlocked: boolean;
  /** Forgets the keys (in the vault's thread); onLock listeners hear it. */
  lock(reason?: LockReason): void;
  /** Restarts the idle timer (the UI calls it on input). */
  touch(): void;
  /** Called when the vault locks itself (idle, hidden) or is locked; returns an unsubscribe. */
  onLock(listener: (reason: LockReason) => void): () => void;
  /**
   * Hears the failures of the vault's work nobody awaits (a purge, …) as coded VaultErrors;
   * returns an unsubscribe.
   */
  onProblem(listener: (problem: VaultError) => void): () => void;
  /** Wires window visibility to the vault's hidden-window lock; returns an unsubscribe. */
  bindVisibility(doc: Document): () => void;
  /** Closes the database and stops timers (the vault is locked). */
  close(): void;
}
