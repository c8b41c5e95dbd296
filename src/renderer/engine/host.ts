// The vault's side of the worker: it opens the Vault in this thread (Dexie over IndexedDB
// and WebCrypto both work in a dedicated worker), answers the renderer's calls by name, and
// runs the checks here too, so that decrypting, sealing, writing and checking never take
// the renderer's main thread. Every call answers a CallResult: a thrown error crosses as
// data (errors.ts) and is rebuilt as its own class on the other side.
import { transfer } from 'comlink';
import { z } from 'zod';
import { calendarWith, openVault, VaultError, type Vault, type VaultOptions } from '../../vault';
import type { RotationProgress } from '../../vault/rotation';
import type { LockReason } from '../../vault/session';
import type { VaultCallName } from '../model/vault-port';
import { buildDossierView } from '../model/workspace-view';
import { serializeError, type CallResult, type SerializedError } from './errors';

export type DossierViewResult = ReturnType<typeof buildDossierView>;

/** What the renderer may send to rotate the keys: checked here, at the worker's edge. */
export const RotateKeysRequestSchema = z.object({ passphrase: z.string().min(1).max(1024) });

async function answer<T>(work: () => Promise<T>): Promise<CallResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}

/** `options`: the vault's (tests lower the KDF policy); its clock is the renderer's. */
export function createVaultHost(options: Omit<VaultOptions, 'now'> = {}) {
  let vault: Vault | null = null;
  // The vault's clock is the renderer's: each call brings the page's Date.now(), and time
  // runs on from it here. In the app both are the system clock; a test that pins the page's
  // clock pins what the vault stores too (one "now" for what is shown and what is kept).
  let pageClock = { at: Date.now(), here: performance.now() };
  const now = (): number => pageClock.at + (performance.now() - pageClock.here);
  const opened = (): Vault => {
    if (!vault) throw new Error('The vault is not open in its worker.');
    return vault;
  };
  // The backup being read (one at a time): its pieces cross to the renderer one per call.
  let backup: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>> | null = null;
  const endBackup = (): void => {
    void backup?.cancel().catch(() => undefined);
    backup = null;
  };

  return {
    /**
     * Opens the IndexedDB database `name`; answers the names of the vault's operations
     * (the renderer makes one method of each).
     */
    open(name: string): Promise<CallResult<string[]>> {
      return answer(async () => {
        vault ??= await openVault(name, { ...options, now });
        const own = Object.keys(vault).filter(
          (key) => typeof Reflect.get(vault!, key) === 'function',
        );
        const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(vault) as object);
        return [...new Set([...own, ...methods])].filter((key) => key !== 'constructor');
      });
    },

    /** One vault operation by name, with its arguments, at the renderer's time `at`. */
    call(name: VaultCallName, args: unknown[], at: number): Promise<CallResult<unknown>> {
      pageClock = { at, here: performance.now() };
      return answer(async () => {
        const target = opened();
        const method: unknown = Reflect.get(target, name);
        if (typeof method !== 'function') throw new Error(`The vault has no operation ${name}.`);
        return (method as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      });
    },

    /** The dossier's screen and summary, checks included, computed in this thread. */
    dossierView(id: string, day: string, at: number): Promise<CallResult<DossierViewResult>> {
      pageClock = { at, here: performance.now() };
      return answer(async () => {
        const target = opened();
        const calendar = calendarWith(await target.listHolidaySchedules());
        return buildDossierView(await target.dossierRecords(id), day, calendar);
      });
    },

    /**
     * Rotates the vault's keys (Vault.rotateKeys); `onProgress` is a Comlink proxy told
     * after each batch (n of m records). A malformed request is refused as 'invalid'.
     */
    rotateKeys(
      request: unknown,
      onProgress: (progress: RotationProgress) => void,
      at: number,
    ): Promise<CallResult<{ records: number; resumed: boolean }>> {
      pageClock = { at, here: performance.now() };
      return answer(async () => {
        const parsed = RotateKeysRequestSchema.safeParse(request);
        if (!parsed.success)
          throw new VaultError('The request to rotate the keys is malformed.', 'invalid');
        return opened().rotateKeys(parsed.data.passphrase, {
          onProgress: (progress) => void onProgress(progress),
        });
      });
    },

    /** Starts reading the vault's backup stream (a backup still being read is cancelled). */
    backupStart(at: number): Promise<CallResult<true>> {
      pageClock = { at, here: performance.now() };
      return answer(() => {
        endBackup();
        backup = opened().backupStream().getReader();
        return Promise.resolve(true as const);
      });
    },

    /** The backup's next piece, moved (not copied) to the renderer; null at its end. */
    async backupNext(at: number): Promise<CallResult<Uint8Array<ArrayBuffer> | null>> {
      pageClock = { at, here: performance.now() };
      const reader = backup;
      const result = await answer(async () => {
        if (!reader) throw new Error('No backup is being read in the vault worker.');
        const next = await reader.read();
        return next.done ? null : next.value;
      });
      if (!result.ok || result.value === null) {
        if (backup === reader) backup = null;
        return result;
      }
      return transfer(result, [result.value.buffer]);
    },

    /** Stops reading the backup (the save was cancelled or failed). */
    backupCancel(): void {
      endBackup();
    },

    isUnlocked: (): boolean => vault?.isUnlocked ?? false,
    lock: (reason?: LockReason): void => vault?.lock(reason),
    touch: (): void => vault?.touch(),
    setWindowHidden: (hidden: boolean): void => vault?.setWindowHidden(hidden),
    /** `listener` is a Comlink proxy: the renderer hears every lock, whatever caused it. */
    onLock(listener: (reason: LockReason) => void): void {
      opened().onLock((reason) => void listener(reason));
    },
    /** The failures of work nobody awaits (a purge, …), as data: the renderer rebuilds them. */
    onProblem(listener: (problem: SerializedError) => void): void {
      opened().onProblem((problem) => void listener(serializeError(problem)));
    },
    close(): void {
      endBackup();
      vault?.close();
      vault = null;
    },
  };
}

export type VaultHost = ReturnType<typeof createVaultHost>;
