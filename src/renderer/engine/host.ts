// The vault's side of the worker: it opens the Vault in this thread (Dexie over IndexedDB
// and WebCrypto both work in a dedicated worker), answers the renderer's calls by name, and
// runs the checks here too, so that decrypting, sealing, writing and checking never take
// the renderer's main thread. Every message is parsed with its schema first (protocol.ts;
// a vault operation's arguments with vault-calls.ts): a malformed one is refused with
// MalformedMessageError 'invalid-request' and logged without its values. Every call answers
// a CallResult: a thrown error crosses as data (errors.ts) and is rebuilt as its own class
// on the other side.
import { transfer } from 'comlink';
import {
  calendarWith,
  MalformedMessageError,
  openVault,
  type Vault,
  type VaultOptions,
} from '../../vault';
import type { RotationOutcome, RotationProgress } from '../../vault/rotation';
import type { LockReason } from '../../vault/session';
import { buildDossierView } from '../model/workspace-view';
import { serializeError } from './errors';
import {
  checked,
  consoleLog,
  REQUESTS,
  type CallResult,
  type MessageLog,
  type RequestArgs,
  type RequestInput,
  type RequestName,
  type SerializedError,
} from './protocol';
import { isVaultCallName, VAULT_CALLS } from './vault-calls';

export type DossierViewResult = ReturnType<typeof buildDossierView>;

async function answer<T>(work: () => Promise<T>): Promise<CallResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}

export interface VaultHostOptions extends Omit<VaultOptions, 'now'> {
  /** Where refused messages are logged (default: the console). */
  log?: MessageLog;
}

/** `options`: the vault's (tests lower the KDF policy); its clock is the renderer's. */
export function createVaultHost({ log = consoleLog, ...options }: VaultHostOptions = {}) {
  let vault: Vault | null = null;
  /** The request's arguments parsed by its schema, or MalformedMessageError (logged). */
  const request = <K extends RequestName>(name: K, args: readonly unknown[]): RequestArgs<K> =>
    checked('request', name, REQUESTS[name], args, log) as RequestArgs<K>;
  /** For the calls that answer nothing: a malformed one is logged and dropped. */
  const quietly = <K extends RequestName>(
    name: K,
    args: readonly unknown[],
  ): RequestArgs<K> | null => {
    try {
      return request(name, args);
    } catch {
      return null;
    }
  };
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
    /** Opens the IndexedDB database `name` (the renderer makes its methods from vault-calls.ts). */
    open(...args: RequestInput<'open'>): Promise<CallResult<true>> {
      return answer(async () => {
        const [name] = request('open', args);
        vault ??= await openVault(name, { ...options, now });
        return true as const;
      });
    },

    /** One vault operation by name, with its arguments, at the renderer's time `at`. */
    call(...args: RequestInput<'call'>): Promise<CallResult<unknown>> {
      return answer(async () => {
        const [name, callArgs, at] = request('call', args);
        pageClock = { at, here: performance.now() };
        if (!isVaultCallName(name)) {
          const issues = [{ path: '0', code: 'unknown-operation' }];
          log({ code: 'invalid-request', message: 'call', issues });
          throw new MalformedMessageError('request', 'call', issues);
        }
        const parsed = checked('request', `call:${name}`, VAULT_CALLS[name], callArgs, log);
        const target = opened();
        const method = Reflect.get(target, name) as (...a: unknown[]) => Promise<unknown>;
        return method.apply(target, parsed as unknown[]);
      });
    },

    /** The dossier's screen and summary, checks included, computed in this thread. */
    dossierView(...args: RequestInput<'dossierView'>): Promise<CallResult<DossierViewResult>> {
      return answer(async () => {
        const [id, day, at] = request('dossierView', args);
        pageClock = { at, here: performance.now() };
        const target = opened();
        const calendar = calendarWith(await target.listHolidaySchedules());
        return buildDossierView(await target.dossierRecords(id), day, calendar);
      });
    },

    /**
     * Rotates the vault's keys (Vault.rotateKeys); `onProgress` is a Comlink proxy told
     * after each batch (n of m records). A malformed request is refused as 'invalid-request'.
     */
    rotateKeys(...args: RequestInput<'rotateKeys'>): Promise<CallResult<RotationOutcome>> {
      return answer(async () => {
        const [{ passphrase }, onProgress, at] = request('rotateKeys', args);
        pageClock = { at, here: performance.now() };
        const told = onProgress as (progress: RotationProgress) => void;
        return opened().rotateKeys(passphrase, {
          onProgress: (progress) => void told(progress),
        });
      });
    },

    /** Starts reading the vault's backup stream (a backup still being read is cancelled). */
    backupStart(...args: RequestInput<'backupStart'>): Promise<CallResult<true>> {
      return answer(() => {
        const [at] = request('backupStart', args);
        pageClock = { at, here: performance.now() };
        endBackup();
        backup = opened().backupStream().getReader();
        return Promise.resolve(true as const);
      });
    },

    /** The backup's next piece, moved (not copied) to the renderer; null at its end. */
    async backupNext(
      ...args: RequestInput<'backupNext'>
    ): Promise<CallResult<Uint8Array<ArrayBuffer> | null>> {
      const reader = backup;
      const result = await answer(async () => {
        const [at] = request('backupNext', args);
        pageClock = { at, here: performance.now() };
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
    backupCancel(...args: RequestInput<'backupCancel'>): void {
      if (quietly('backupCancel', args)) endBackup();
    },

    isUnlocked: (): boolean => vault?.isUnlocked ?? false,
    lock(...args: RequestInput<'lock'>): void {
      const parsed = quietly('lock', args);
      if (parsed) vault?.lock(parsed[0]);
    },
    touch(...args: RequestInput<'touch'>): void {
      if (quietly('touch', args)) vault?.touch();
    },
    setWindowHidden(...args: RequestInput<'setWindowHidden'>): void {
      const parsed = quietly('setWindowHidden', args);
      if (parsed) vault?.setWindowHidden(parsed[0]);
    },
    /** `listener` is a Comlink proxy: the renderer hears every lock, whatever caused it. */
    onLock(...args: RequestInput<'onLock'>): Promise<CallResult<true>> {
      return answer(() => {
        const [listener] = request('onLock', args);
        const told = listener as (reason: LockReason) => void;
        opened().onLock((reason) => void told(reason));
        return Promise.resolve(true as const);
      });
    },
    /** The failures of work nobody awaits (a purge, …), as data: the renderer rebuilds them. */
    onProblem(...args: RequestInput<'onProblem'>): Promise<CallResult<true>> {
      return answer(() => {
        const [listener] = request('onProblem', args);
        const told = listener as (problem: SerializedError) => void;
        opened().onProblem((problem) => void told(serializeError(problem)));
        return Promise.resolve(true as const);
      });
    },
    close(...args: RequestInput<'close'>): void {
      if (!quietly('close', args)) return;
      endBackup();
      vault?.close();
      vault = null;
    },
  };
}

export type VaultHost = ReturnType<typeof createVaultHost>;
