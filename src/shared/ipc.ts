// Every IPC channel between the renderer and main: its `namespace:verb` name and the zod
// schemas of its request and response. The single source of truth: main validates each
// request with these before acting, types are inferred from them, and the VaultBridge
// the renderer sees is derived from the same table.
import * as z from 'zod';
import { HolidayScheduleSchema } from '../core/deadlines/schedule';

/** A pack written through savePack may be at most this big. */
export const MAX_PACK_BYTES = 500 * 1024 * 1024;
/**
 * The largest piece of a streamed save (a backup) one message carries; the renderer splits
 * bigger ones. The file itself has no size limit: main appends each piece as it comes.
 */
export const MAX_SAVE_PIECE_BYTES = 16 * 1024 * 1024;

export const IpcErrorCodeSchema = z.enum([
  /** The payload did not match the channel's request schema. */
  'invalid-request',
  /** The message did not come from the app's own top frame. */
  'forbidden-sender',
  /** A file is over the size limit. */
  'too-large',
  /** Reading or writing failed (disk full, permission, file gone). */
  'io',
  /** The handler failed for another reason: a bug in main, logged there. */
  'internal',
  /** An answer did not match the channel's response schema: a bug, logged, not used. */
  'invalid-response',
  /** The message could not be delivered (no handler, main gone): said by the preload. */
  'unreachable',
  /** revealInFolder was given a path savePack did not write in this session. */
  'not-saved-here',
  /** This host cannot do it (a browser cannot show a file in its folder). */
  'unsupported',
  /**
   * A streamed save's step does not fit its state: no such save open (finished, aborted,
   * never started, or another window's), a piece out of order, or a total that differs.
   */
  'save-sequence',
]);
export type IpcErrorCode = z.infer<typeof IpcErrorCodeSchema>;

export const IpcErrorSchema = z.object({
  code: IpcErrorCodeSchema,
  /** One sentence for the person. */
  message: z.string(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

/** A typed result: the value, or an error with a code. Nothing is thrown across IPC. */
function result<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: IpcErrorSchema }),
  ]);
}

const bytes = z.instanceof(Uint8Array);

/** One deadline as the desktop reminders know it: no document data, only what is shown. */
export const ReminderSchema = z
  .object({
    /** Stable key (the calendar UID). */
    key: z.string().min(1).max(300),
    /** The last day, ISO. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** What falls due and whose, as the notification shows it. */
    title: z.string().min(1).max(300),
  })
  .strict();
export type Reminder = z.infer<typeof ReminderSchema>;

export const RemindersRequestSchema = z
  .object({
    enabled: z.boolean(),
    language: z.enum(['zh', 'en']),
    reminders: z.array(ReminderSchema).max(5000),
    /** The holiday schedules loaded in Settings (public data), laid over the bundled ones. */
    schedules: HolidayScheduleSchema.nullable(),
  })
  .strict();
export type RemindersRequest = z.infer<typeof RemindersRequestSchema>;

/** A file name without any folder part (the renderer never sees nor sends folders). */
const FileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..', {
    message: 'a file name without folders',
  });

/** Names one streamed save: 128 random bits from main, in hex. */
export const SaveIdSchema = z.string().regex(/^[0-9a-f]{32}$/);

export const IPC = {
  /** Shows a save dialog; writes the bytes only where the user chose. null when cancelled. */
  savePack: {
    channel: 'pack:save',
    request: z
      .object({
        suggestedName: FileNameSchema.refine((n) => n.toLowerCase().endsWith('.zip'), {
          message: 'a .zip file name',
        }),
        bytes: bytes.refine((b) => b.byteLength <= MAX_PACK_BYTES, { message: 'at most 500 MB' }),
      })
      .strict(),
    response: result(z.object({ path: z.string().min(1) }).nullable()),
  },
  /**
   * A vault backup is saved as a stream (it may be larger than any one buffer): start shows
   * the save dialog (null when cancelled) and opens a temporary file beside the chosen one;
   * append writes each piece at its offset; finish renames the temporary file over the
   * chosen name; abort (or a failure, or the window closing) deletes it. No partial file is
   * ever left under the chosen name.
   */
  startBackupSave: {
    channel: 'backup:saveStart',
    request: z
      .object({
        suggestedName: FileNameSchema.refine((n) => n.toLowerCase().endsWith('.dvbackup'), {
          message: 'a .dvbackup file name',
        }),
      })
      .strict(),
    response: result(z.object({ saveId: SaveIdSchema }).nullable()),
  },
  appendBackupSave: {
    channel: 'backup:saveAppend',
    request: z
      .object({
        saveId: SaveIdSchema,
        /** Bytes written before this piece: main refuses a piece out of order. */
        offset: z.number().int().min(0),
        bytes: bytes.refine((b) => b.byteLength > 0 && b.byteLength <= MAX_SAVE_PIECE_BYTES, {
          message: 'between 1 byte and 16 MB',
        }),
      })
      .strict(),
    response: result(z.object({ written: z.number().int().min(0) })),
  },
  finishBackupSave: {
    channel: 'backup:saveFinish',
    request: z
      .object({
        saveId: SaveIdSchema,
        /** The file's length as the renderer sent it: main refuses a file of another length. */
        totalBytes: z.number().int().min(0),
      })
      .strict(),
    response: result(z.object({ path: z.string().min(1) })),
  },
  abortBackupSave: {
    channel: 'backup:saveAbort',
    request: z.object({ saveId: SaveIdSchema }).strict(),
    response: result(z.object({ aborted: z.literal(true) })),
  },
  /** The app's version (package.json). */
  appVersion: {
    channel: 'app:version',
    request: z.object({}).strict(),
    response: result(z.object({ version: z.string() })),
  },
  /**
   * Opt-in desktop reminders: the deadlines to watch, kept in main's memory only (never
   * written), shown as an OS notification when within 2 working days: at once on the first
   * call of a day, then daily at 09:00 while the app runs. `enabled: false` forgets them.
   */
  setReminders: {
    channel: 'reminders:set',
    request: RemindersRequestSchema,
    response: result(
      z.object({ watching: z.number().int().min(0), dueToday: z.number().int().min(0) }),
    ),
  },
  /** Shows a pack savePack wrote in this session in the system's file manager. */
  revealInFolder: {
    channel: 'pack:reveal',
    request: z.object({ path: z.string().min(1).max(4096) }).strict(),
    response: result(z.object({ shown: z.literal(true) })),
  },
} as const;

export type Capability = keyof typeof IPC;
export type IpcRequest<K extends Capability> = z.input<(typeof IPC)[K]['request']>;
export type IpcParsedRequest<K extends Capability> = z.output<(typeof IPC)[K]['request']>;
export type IpcResponse<K extends Capability> = z.output<(typeof IPC)[K]['response']>;

/** The channel names, for a test that they are unique and `namespace:verb`. */
export const IPC_CHANNELS: readonly string[] = Object.values(IPC).map((c) => c.channel);

export function ipcError(code: IpcErrorCode, message: string): { ok: false; error: IpcError } {
  return { ok: false, error: { code, message } };
}
