// The messages between the renderer and the vault's worker (host.ts, client.ts), each with
// its zod schema: the single source of truth for their shapes (the types are inferred
// here). The worker parses every request before acting (the vault operations' arguments
// by vault-calls.ts); the renderer parses what it acts on in the answers: the result's
// envelope, the errors it rebuilds, the settings, the lock reasons, the rotation's progress
// and result, the backup's pieces. A mismatch is a MalformedMessageError ('invalid-request'
// or 'invalid-response'), logged with the message's name and the issues' paths and codes,
// never with a value (a passphrase, a document).
import * as z from 'zod';
import { ChangeEventSchema } from '../../core/deadlines/change';
import { DamagedRecordSchema, MalformedMessageError, type MessageIssue } from '../../vault/errors';
import { RotationProgressSchema } from '../../vault/rotation';
import { LockReasonSchema } from '../../vault/session';
import { VaultSettingsSchema } from '../../vault/schema/settings';
import { ViewDeltaSchema } from './view-delta';

// ── Requests (renderer → worker) ───────────────────────────────────────────────────

/** The page's Date.now() each call brings (the vault's clock follows it). */
const Clock = z.number().finite().min(0);
const Id = z.string().min(1).max(200);
const Day = ChangeEventSchema.shape.occurredOn;

/** A callback that crosses as a Comlink proxy (a function-like object). */
const Callback = z.custom<(...args: never[]) => unknown>(
  (v) => typeof v === 'function',
  'expected a callback',
);

export const REQUESTS = {
  open: z.tuple([z.string().min(1).max(200)]),
  call: z.tuple([z.string().max(100), z.array(z.unknown()).max(8), Clock]),
  /** A dossier's view on a day, as a delta from the version the page holds (null: none). */
  dossierView: z.tuple([Id, Day, z.number().int().min(1).nullable(), Clock]),
  /** After a write: the dossier's list summary stored again where it changed. */
  refreshSummary: z.tuple([Id, Day, Clock]),
  /** One field confirmed (document, field, value) as the person named in Settings. */
  confirmField: z.tuple([Id, z.string().min(1).max(100), z.string().max(10_000), Clock]),
  /** Exactly the fields the confirm-all dialog listed (dossier, document, fields). */
  confirmShown: z.tuple([
    Id,
    Id,
    z
      .array(z.object({ field: z.string().min(1).max(100), value: z.string().max(10_000) }))
      .max(200),
    Clock,
  ]),
  /** What the renderer may send to rotate the keys. */
  rotateKeys: z.tuple([
    z.object({ passphrase: z.string().min(1).max(1024) }).strict(),
    Callback,
    Clock,
  ]),
  backupStart: z.tuple([Clock]),
  backupNext: z.tuple([Clock]),
  backupCancel: z.tuple([]),
  lock: z.tuple([LockReasonSchema.optional()]),
  touch: z.tuple([]),
  setWindowHidden: z.tuple([z.boolean()]),
  onLock: z.tuple([Callback]),
  onProblem: z.tuple([Callback]),
  close: z.tuple([]),
} as const satisfies Record<string, z.ZodTuple>;

export type RequestName = keyof typeof REQUESTS;
export type RequestArgs<K extends RequestName> = z.output<(typeof REQUESTS)[K]>;
/** What the renderer sends (the host's method signatures). */
export type RequestInput<K extends RequestName> = z.input<(typeof REQUESTS)[K]>;

// ── Answers (worker → renderer) ────────────────────────────────────────────────────

/** Keys an error's fields may not have: Object.assign would change the rebuilt object. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'name', 'message', 'stack']);

export const SerializedErrorSchema = z.object({
  /** The vault error class's export name (class names do not survive minification). */
  kind: z.string().max(100).optional(),
  name: z.string().max(100),
  message: z.string().max(10_000),
  stack: z.string().max(100_000).optional(),
  /** The error's own fields (code, table, problem, values, …): structured-cloneable data. */
  fields: z.custom<Record<string, unknown>>(
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      Object.getPrototypeOf(v) === Object.prototype &&
      Object.keys(v).every((key) => !UNSAFE_KEYS.has(key)),
    'expected plain fields',
  ),
});
export type SerializedError = z.infer<typeof SerializedErrorSchema>;

/** What a call answers: its value, or the error it threw (never a rejected message). */
export const callResult = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: SerializedErrorSchema }),
  ]);
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

export const RotationDoneSchema = z.object({
  records: z.number().int().min(0),
  resumed: z.boolean(),
  damaged: z.array(DamagedRecordSchema),
});

export const ANSWERS = {
  open: callResult(z.literal(true)),
  /** A vault operation's value: shown, not acted on by the page (checked where it is). */
  call: callResult(z.unknown()),
  settings: VaultSettingsSchema,
  dossierView: callResult(ViewDeltaSchema),
  refreshSummary: callResult(z.boolean()),
  confirmField: callResult(z.string()),
  confirmShown: callResult(z.number().int().min(0)),
  rotateKeys: callResult(RotationDoneSchema),
  rotationProgress: RotationProgressSchema,
  backupStart: callResult(z.literal(true)),
  /** onLock, onProblem: the listener was registered. */
  listen: callResult(z.literal(true)),
  backupNext: callResult(z.instanceof(Uint8Array).nullable()),
  isUnlocked: z.boolean(),
  lockReason: LockReasonSchema,
  problem: SerializedErrorSchema,
} as const satisfies Record<string, z.ZodType>;

export type AnswerName = keyof typeof ANSWERS;

// ── Checking ─────────────────────────────────────────────────────────────────────

export interface MessageLogEntry {
  code: 'invalid-request' | 'invalid-response';
  /** Which message: a request's name (`call:importFile`) or an answer's. */
  message: string;
  issues: MessageIssue[];
}
export type MessageLog = (entry: MessageLogEntry) => void;

/** The default log: the console (the app's DevTools, Electron's log), one line per refusal. */
export const consoleLog: MessageLog = ({ code, message, issues }) =>
  console.error(
    `[vault-worker] ${message} ${code}: ${issues.map((i) => `${i.path || '(root)'} ${i.code}`).join('; ')}`,
  );

/** Where and why, without the value: zod's messages may quote the input, paths never do. */
export function issuesOf(error: z.ZodError): MessageIssue[] {
  return error.issues.slice(0, 10).map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
  }));
}

/**
 * `value` parsed by `schema`, or a logged MalformedMessageError: 'invalid-request' for a
 * request (the worker refuses it), 'invalid-response' for an answer (the page does not use it).
 */
export function checked<T extends z.ZodType>(
  direction: 'request' | 'response',
  message: string,
  schema: T,
  value: unknown,
  log: MessageLog,
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error);
  const code = direction === 'request' ? 'invalid-request' : 'invalid-response';
  log({ code, message, issues });
  throw new MalformedMessageError(direction, message, issues);
}
