// The unlocked state: the keys held in memory, the lock (by hand, when idle, when the
// window stays hidden) and `run`, the one wrapper every operation goes through, reads
// included: it checks the keys, restarts the idle timer and logs integrity failures.
// `hold` gives the vault to one exclusive operation at a time: a backup (reads go on, every
// write is refused by the database's write gate, so the file is one snapshot), a key
// rotation or a restore (every other operation is refused with VaultBusyError).
import { appendAudit, auditIntegrityFailure } from './audit';
import type { StoreContext, VaultContext } from './context';
import { DossierList } from './dossier-list';
import type { VaultKeys } from './envelope';
import {
  VaultBusyError,
  VaultIntegrityError,
  VaultLockedError,
  type ExclusiveOperation,
} from './errors';
import * as z from 'zod';
import type { SettingsStore } from './tables/settings';

export const LockReasonSchema = z.enum(['manual', 'idle', 'hidden']);
export type LockReason = z.infer<typeof LockReasonSchema>;

export class VaultSession {
  private keys: VaultKeys | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private hiddenTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly lockListeners = new Set<(reason: LockReason) => void>();
  /** Integrity failures already logged (an error passing through nested operations). */
  private readonly logged = new WeakSet<Error>();
  /** The exclusive operation running (hold), if any. */
  private holder: ExclusiveOperation | null = null;
  readonly list = new DossierList();

  constructor(
    private readonly store: StoreContext,
    private readonly settings: SettingsStore,
  ) {}

  get isUnlocked(): boolean {
    return this.keys !== null;
  }

  /** Holds the keys from now on (create, unlock, restore). */
  open(keys: VaultKeys): void {
    this.keys = keys;
    this.touch();
  }

  /** Forgets the keys and every decrypted value held in memory. */
  lock(reason: LockReason = 'manual'): void {
    const keys = this.keys;
    if (!keys) return;
    this.keys = null;
    // A backup stops with the lock (its next piece is refused): writes open again. A
    // rotation sees the keys gone at its next batch and releases its own hold.
    if (this.holder === 'backup') this.release('backup');
    this.list.clear();
    this.clear('idleTimer');
    this.clear('hiddenTimer');
    void appendAudit({ ...this.store, keys }, 'lock', null, null, reason).catch(() => undefined);
    for (const listener of this.lockListeners) listener(reason);
  }

  onLock(listener: (reason: LockReason) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** Restarts the idle timer (run does it on every operation; the UI on input). */
  touch(): void {
    if (!this.keys) return;
    this.clear('idleTimer');
    const minutes = this.settings.current.autoLockMinutes;
    this.idleTimer = setTimeout(() => this.lock('idle'), minutes * 60_000);
  }

  /** Hidden for longer than `hiddenLockMinutes` locks the vault. */
  setWindowHidden(hidden: boolean): void {
    this.clear('hiddenTimer');
    if (!hidden || !this.keys) return;
    const minutes = this.settings.current.hiddenLockMinutes;
    this.hiddenTimer = setTimeout(() => this.lock('hidden'), minutes * 60_000);
  }

  /** True while these keys are still the vault's (no lock or restore since). */
  holds(keys: VaultKeys): boolean {
    return this.keys === keys;
  }

  /** The exclusive operation holding the vault (backup, rotation, restore), or null. */
  get busyWith(): ExclusiveOperation | null {
    return this.holder;
  }

  /**
   * Gives the vault to `operation` until the returned release is called (it may be called
   * more than once): VaultBusyError when another exclusive operation holds it. A backup
   * closes the database to writes; a rotation or a restore refuses every other operation.
   */
  hold(operation: ExclusiveOperation): () => void {
    if (this.holder !== null) throw new VaultBusyError(this.holder);
    this.holder = operation;
    if (operation === 'backup') this.store.db.writesClosedBy = 'backup';
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(operation);
    };
  }

  /** Runs `work` holding the vault for `operation`; released however it ends. */
  async exclusively<T>(operation: ExclusiveOperation, work: () => Promise<T>): Promise<T> {
    const release = this.hold(operation);
    try {
      return await work();
    } finally {
      release();
    }
  }

  private release(operation: ExclusiveOperation): void {
    if (this.holder !== operation) return;
    this.holder = null;
    if (operation === 'backup') this.store.db.writesClosedBy = null;
  }

  /** The context of an unlocked vault, or VaultLockedError. */
  context(): VaultContext {
    if (!this.keys) throw new VaultLockedError();
    return { ...this.store, keys: this.keys, list: this.list };
  }

  /**
   * Runs one operation of an unlocked vault: VaultLockedError when locked, VaultBusyError
   * while a rotation or a restore holds the vault (a backup lets reads through); the idle timer
   * restarts before and after; a value that failed its integrity check is logged once.
   */
  async run<T>(op: (ctx: VaultContext) => Promise<T>): Promise<T> {
    const ctx = this.context();
    if (this.holder === 'rotation' || this.holder === 'restore')
      throw new VaultBusyError(this.holder);
    this.touch();
    try {
      return await op(ctx);
    } catch (error) {
      if (error instanceof VaultIntegrityError && !this.logged.has(error)) {
        this.logged.add(error);
        await auditIntegrityFailure(ctx, error);
      }
      throw error;
    } finally {
      this.touch();
    }
  }

  private clear(name: 'idleTimer' | 'hiddenTimer'): void {
    const timer = this[name];
    if (timer !== null) clearTimeout(timer);
    this[name] = null;
  }
}
