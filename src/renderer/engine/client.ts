// The renderer's handle on the vault hosted in its worker (host.ts): the same VaultPort the
// screens and the workspace call, every operation one message answered by a promise. Locks
// come back as events. The idle lock is also timed here, on the renderer's clock, where the
// person's activity is seen: it asks the worker to lock (the keys are only ever there), and
// the session's own timer in the worker stays as it was.
// Every answer the page acts on is parsed with its schema (protocol.ts ANSWERS) first; one
// of the wrong shape is a logged MalformedMessageError 'invalid-response', never used.
import { proxy, wrap, type Endpoint } from 'comlink';
import type { z } from 'zod';
import type { VaultError } from '../../vault';
import type { LockReason } from '../../vault/session';
import type { VaultPort } from '../model/vault-port';
import { deserializeError } from './errors';
import type { VaultHost } from './host';
import type { DossierEngine } from '../model/dossier-engine';
import type { DossierView } from '../model/contract';
import { applyViewDelta, type ViewDelta } from './view-delta';
import { ANSWERS, checked, consoleLog, type AnswerName, type MessageLog } from './protocol';
import { VAULT_CALLS, type VaultCallName } from './vault-calls';

/**
 * The vault in its worker, and the dossier engine beside it there (model/dossier-engine.ts):
 * views built and checked, summaries stored and fields confirmed without the records
 * crossing to the page; a view crosses as what changed since the last one (view-delta.ts).
 */
export interface HostedVault extends VaultPort, DossierEngine {}

/** The dossiers whose last view is kept to merge the next one into (one is on screen). */
const VIEWS_KEPT = 4;

/** Operations after which the vault holds its keys. */
const OPENING: readonly string[] = ['create', 'unlock', 'restore', 'changePassphrase'];

type Answer<K extends AnswerName> = z.output<(typeof ANSWERS)[K]>;
type Unwrapped<K extends AnswerName> = Extract<Answer<K>, { ok: true }>['value'];

/** Starts the vault's worker and opens the IndexedDB database `name` there. */
export function openHostedVault(name: string): Promise<HostedVault> {
  const worker = new Worker(new URL('./vault.worker.ts', import.meta.url), {
    type: 'module',
    name: 'vault',
  });
  return connectVault(worker, name, () => worker.terminate());
}

/**
 * The vault behind `endpoint` (a worker running host.ts, or a port in tests), opened on the
 * database `name`; `end` is called once it is closed (or failed to open).
 */
export async function connectVault(
  endpoint: Endpoint,
  name: string,
  end: () => void,
  log: MessageLog = consoleLog,
): Promise<HostedVault> {
  const host = wrap<VaultHost>(endpoint);
  /** The answer `value` to the message `message`, parsed as an answer of kind `kind`. */
  const parse = <K extends AnswerName>(
    kind: K,
    value: unknown,
    message: string = kind,
  ): Answer<K> => checked('response', message, ANSWERS[kind], value, log) as Answer<K>;
  /** A CallResult's value once its envelope parses; its error, rebuilt, is thrown. */
  const unwrap = <K extends AnswerName>(kind: K, value: unknown, message: string = kind) => {
    const result = parse(kind, value, message) as
      | { ok: true; value: Unwrapped<K> }
      | { ok: false; error: Parameters<typeof deserializeError>[0] };
    if (!result.ok) throw deserializeError(result.error);
    return result.value;
  };
  /** An event's value, or null when it was malformed (logged by `parse`, then dropped). */
  const heard = <T>(read: () => T): T | null => {
    try {
      return read();
    } catch {
      return null;
    }
  };
  try {
    unwrap('open', await host.open(name));
  } catch (error) {
    end();
    throw error;
  }
  let unlocked = false;
  let closed = false;
  /** The last view of each dossier the worker sent (its deltas apply to it). */
  const views = new Map<string, { version: number; view: DossierView }>();
  const listeners = new Set<(reason: LockReason) => void>();
  const problemListeners = new Set<(problem: VaultError) => void>();
  /** Problems heard before anyone listened (a purge failing on unlock): for the first listener. */
  const pendingProblems: VaultError[] = [];
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let autoLockMs = 0;
  const settings = async (): Promise<void> => {
    const result = await host.call('settings', [], Date.now());
    // A damaged settings row is repaired (and reported) by the unlock: until then the
    // default idle lock applies, and the vault still opens.
    const envelope = parse('call', result, 'settings');
    if (!envelope.ok && envelope.error.fields.code === 'settings-damaged') return;
    const read = parse('settings', unwrap('call', envelope, 'settings'));
    autoLockMs = read.autoLockMinutes * 60_000;
  };
  await settings();
  /** Restarts the idle lock (as the session does on every operation and on input). */
  function touchIdle(): void {
    clearTimeout(idleTimer);
    if (unlocked && autoLockMs > 0)
      idleTimer = setTimeout(() => void host.lock('idle'), autoLockMs);
  }
  const listening = await host.onLock(
    proxy((data: LockReason) => {
      const reason = heard(() => parse('lockReason', data));
      if (!reason) return;
      unlocked = false;
      views.clear();
      clearTimeout(idleTimer);
      for (const listener of listeners) listener(reason);
    }),
  );

  unwrap('listen', listening, 'onLock');
  const hearing = await host.onProblem(
    proxy((data: unknown) => {
      const problem = heard(() => deserializeError(parse('problem', data)) as VaultError);
      if (!problem) return;
      if (problemListeners.size === 0) pendingProblems.push(problem);
      for (const listener of problemListeners) listener(problem);
    }),
  );
  unwrap('listen', hearing, 'onProblem');

  async function call(method: string, args: unknown[]): Promise<unknown> {
    touchIdle();
    const value = unwrap('call', await host.call(method, args, Date.now()), `call:${method}`);
    if (OPENING.includes(method)) unlocked = true;
    if (method === 'updateSettings' || OPENING.includes(method)) await settings();
    touchIdle();
    return value;
  }

  const calls = Object.fromEntries(
    Object.keys(VAULT_CALLS).map((method) => [method, (...args: unknown[]) => call(method, args)]),
  );
  // rotateKeys is local too: its progress callback crosses as a Comlink proxy.
  const local: Omit<HostedVault, Exclude<VaultCallName, 'rotateKeys'>> = {
    get isUnlocked() {
      return unlocked;
    },
    lock(reason) {
      void host.lock(reason);
    },
    touch() {
      touchIdle();
      void host.touch();
    },
    onLock(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onProblem(listener) {
      problemListeners.add(listener);
      for (const problem of pendingProblems.splice(0)) listener(problem);
      return () => problemListeners.delete(listener);
    },
    bindVisibility(doc) {
      const handler = () => void host.setWindowHidden(doc.visibilityState === 'hidden');
      doc.addEventListener('visibilitychange', handler);
      return () => doc.removeEventListener('visibilitychange', handler);
    },
    close() {
      if (closed) return;
      closed = true;
      unlocked = false;
      views.clear();
      clearTimeout(idleTimer);
      void host.close().finally(end);
    },
    backupStream() {
      let started = false;
      return new ReadableStream<Uint8Array<ArrayBuffer>>(
        {
          async pull(controller) {
            touchIdle();
            if (!started) {
              unwrap('backupStart', await host.backupStart(Date.now()));
              started = true;
            }
            const piece = unwrap('backupNext', await host.backupNext(Date.now()));
            if (piece === null) controller.close();
            else controller.enqueue(piece);
          },
          cancel: () => host.backupCancel(),
        },
        // One piece at a time: nothing is read ahead of the save.
        { highWaterMark: 0 },
      );
    },
    async rotateKeys(passphrase, options = {}) {
      // Long: the idle lock waits for it (the worker's session keeps itself awake).
      clearTimeout(idleTimer);
      const progress = options.onProgress;
      try {
        return unwrap(
          'rotateKeys',
          await host.rotateKeys(
            { passphrase },
            proxy((p: unknown) => {
              const told = heard(() => parse('rotationProgress', p));
              if (told) void progress?.(told);
            }),
            Date.now(),
          ),
        );
      } finally {
        touchIdle();
      }
    },
    async dossierView(id, day) {
      touchIdle();
      const held = views.get(id) ?? null;
      const ask = async (have: { version: number; view: DossierView } | null) =>
        unwrap(
          'dossierView',
          await host.dossierView(id, day, have?.version ?? null, Date.now()),
        ) as unknown as ViewDelta;
      let delta = await ask(held);
      // Another answer moved the view on meanwhile: the whole view, once.
      if (delta.base !== null && views.get(id)?.version !== delta.base) delta = await ask(null);
      const view = applyViewDelta(delta.base === null ? null : views.get(id)!.view, delta);
      views.delete(id);
      views.set(id, { version: delta.version, view });
      for (const old of views.keys()) if (views.size > VIEWS_KEPT) views.delete(old);
      return view;
    },
    async refreshSummary(id, day) {
      touchIdle();
      return unwrap('refreshSummary', await host.refreshSummary(id, day, Date.now()));
    },
    async confirmField(documentId, field, value) {
      touchIdle();
      return unwrap('confirmField', await host.confirmField(documentId, field, value, Date.now()));
    },
    async confirmShown(dossierId, documentId, shown) {
      touchIdle();
      return unwrap(
        'confirmShown',
        await host.confirmShown(dossierId, documentId, [...shown], Date.now()),
      );
    },
  };
  // The getter must stay a getter: define the local members over the forwarded calls.
  return Object.defineProperties(
    calls,
    Object.getOwnPropertyDescriptors(local),
  ) as unknown as HostedVault;
}
