// The unlocked state: the keys held in memory, the lock (by hand, when idle, when the
// window stays hidden) and `run`, the one wrapper every operation goes through, reads
// included: it checks the keys, restarts the idle timer and logs integrity failures.
import { appendAudit } from './audit';
import type { StoreContext, VaultContext } from './context';
import { DossierList } from './dossier-list';
import type { VaultKeys } from './envelope';
import { VaultIntegrityError, VaultLockedError } from './errors';
import type { SettingsStore } from './tables/settings';

export type LockReason = 'manual' | 'idle' | 'hidden';

export class VaultSession {
  private keys: VaultKeys | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private hiddenTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly lockListeners = new Set<(reason: LockReason) => void>();
  /** Integrity failures already logged (an error passing through nested operations). */
  private readonly logged = new WeakSet<Error>();
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

  /** The context of an unlocked vault, or VaultLockedError. */
  context(): VaultContext {
    if (!this.keys) throw new VaultLockedError();
    return { ...this.store, keys: this.keys, list: this.list };
  }

  /**
   * Runs one operation of an unlocked vault: VaultLockedError when locked; the idle timer
   * restarts before and after; a value that failed its integrity check is logged once.
   */
  async run<T>(op: (ctx: VaultContext) => Promise<T>): Promise<T> {
    const ctx = this.context();
    this.touch();
    try {
      return await op(ctx);
    } catch (error) {
      if (error instanceof VaultIntegrityError && !this.logged.has(error)) {
        this.logged.add(error);
        await appendAudit(
          ctx,
          'integrity-failure',
          null,
          error.recordId,
          `${error.table}.${error.field}`,
        );
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
