// The vault's side of the worker: it opens the Vault in this thread (Dexie over IndexedDB
// and WebCrypto both work in a dedicated worker), answers the renderer's calls by name, and
// runs the checks here too, so that decrypting, sealing, writing and checking never take
// the renderer's main thread. Every message is parsed with its schema first (protocol.ts;
// a vault operation's arguments with vault-calls.ts): a malformed one is refused with
// MalformedMessageError 'invalid-request' and logged without its values. Every call answers
// a CallResult: a thrown error crosses as data (errors.ts) and is rebuilt as its own class
// on the other side.
import { transfer } from 'comlink';
import { MalformedMessageError, openVault, type Vault, type VaultOptions } from '../../vault';
import type { RotationOutcome, RotationProgress } from '../../vault/rotation';
import type { LockReason } from '../../vault/session';
import { createDossierEngine } from '../model/dossier-engine';
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
import { encodeViewDelta, type ViewDelta } from './view-delta';
import type { DossierView } from '../model/contract';

/** The dossiers whose last view sent is remembered (the page shows one at a time). */
const VIEWS_KEPT = 4;

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
  // The last view sent of each dossier (view-delta.ts), most recent last.
  const sent = new Map<string, { version: number; view: DossierView }>();
  let versions = 0;
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
        if (!vault) {
          vault = await openVault(name, { ...options, now });
          // The views remembered are plaintext: they go with the keys.
          vault.onLock(() => sent.clear());
        }
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

    /**
     * The dossier's screen, checks included, computed in this thread; sent as what changed
     * since the version the page holds (`have`), when that is the last one sent.
     */
    dossierView(...args: RequestInput<'dossierView'>): Promise<CallResult<ViewDelta>> {
      return answer(async () => {
        const [id, day, have, at] = request('dossierView', args);
        pageClock = { at, here: performance.now() };
        const view = await createDossierEngine(opened()).dossierView(id, day);
        const last = sent.get(id);
        const delta = encodeViewDelta(
          last && last.version === have ? last : null,
          view,
          ++versions,
        );
        sent.delete(id);
        sent.set(id, { version: delta.version, view });
        for (const old of sent.keys()) if (sent.size > VIEWS_KEPT) sent.delete(old);
        return delta;
      });
    },

    /** After a write: the dossier's list summary stored again where it changed. */
    refreshSummary(...args: RequestInput<'refreshSummary'>): Promise<CallResult<boolean>> {
      return answer(() => {
        const [id, day, at] = request('refreshSummary', args);
        pageClock = { at, here: performance.now() };
        return createDossierEngine(opened()).refreshSummary(id, day);
      });
    },

    /** One field confirmed as the person named in Settings; answers its dossier's id. */
    confirmField(...args: RequestInput<'confirmField'>): Promise<CallResult<string>> {
      return answer(() => {
        const [documentId, field, value, at] = request('confirmField', args);
        pageClock = { at, here: performance.now() };
        return createDossierEngine(opened()).confirmField(documentId, field, value);
      });
    },

    /** Exactly the fields the confirm-all dialog listed, confirmed here; answers how many. */
    confirmShown(...args: RequestInput<'confirmShown'>): Promise<CallResult<number>> {
      return answer(() => {
        const [dossierId, documentId, shown, at] = request('confirmShown', args);
        pageClock = { at, here: performance.now() };
        return createDossierEngine(opened()).confirmShown(dossierId, documentId, shown);
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
      sent.clear();
      vault?.close();
      vault = null;
    },
  };
}

export type VaultHost = ReturnType<typeof createVaultHost>;
