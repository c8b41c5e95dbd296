// The result of one check (spec §3) and of a whole dossier: the stable JSON of `dossier check`.
import * as z from 'zod';

export const CHECK_IDS = [
  'docs.complete',
  'credit-code.checksum',
  'credit-code.eligible',
  'credit-code.consistent',
  'name.license-vs-bank',
  'legal-rep.license-vs-id',
  'legal-rep.license-vs-bank',
  'id.checksum',
  'id.validity',
  'id.declared-expiry',
  'id.reuse',
  'license.validity',
  'address.declared-office',
  'accounts.limit',
  'accounts.contact',
  'files.format',
  'bank.details',
  'id.period',
  'files.legible',
  'bank.seal',
  'files.quality',
] as const;
export const CheckIdSchema = z.enum(CHECK_IDS);
export type CheckId = z.infer<typeof CheckIdSchema>;

export const CheckStatusSchema = z.enum(['pass', 'fail', 'warn', 'skip']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

/** How two compared characters differ (spec §3). */
export const DiffKindSchema = z.enum(['width', 'space', 'look-alike', 'different', 'missing', 'extra']);
export type DiffKind = z.infer<typeof DiffKindSchema>;

/**
 * One difference between values[0] (a) and values[1] (b). `at` is the index in a (code
 * points) where it occurs; `a` or `b` is empty for a missing or extra character.
 */
export const DiffEntrySchema = z.object({
  at: z.number().int().min(0),
  a: z.string(),
  b: z.string(),
  kind: DiffKindSchema,
});
export type DiffEntry = z.infer<typeof DiffEntrySchema>;

/** Where a check's inputs come from, so the UI can link a check to its field and document. */
export const CheckSubjectSchema = z.object({ kind: z.string(), field: z.string() });

/**
 * A value a check needed that was not read from a document that is there (spec §3): the
 * check fails "not read: confirm it against the image" until a person enters or confirms
 * it. `file` is the document's key (its file name, `#page` added for a multi-document file).
 */
export const NotReadFieldSchema = z.object({ kind: z.string(), field: z.string(), file: z.string() });
export type NotReadField = z.infer<typeof NotReadFieldSchema>;

/** The reason every "not read" failure starts with (spec §3). */
export const NOT_READ_REASON = { en: 'not read: confirm it against the image', zh: '未读取到：请对照原图确认' } as const;

export const CheckResultSchema = z.object({
  id: CheckIdSchema,
  status: CheckStatusSchema,
  /** One sentence in English. */
  message: z.string(),
  /** The same sentence in Chinese. */
  messageZh: z.string(),
  values: z.array(z.string().nullable()).optional(),
  diff: z.array(DiffEntrySchema).optional(),
  subjects: z.array(CheckSubjectSchema).optional(),
  /** The fields that were not read, each a link to the field to enter or confirm. */
  notRead: z.array(NotReadFieldSchema).optional(),
  /** docs.complete: the documents that claim one kind, by key, until a person sets one aside. */
  claimants: z.array(z.object({ kind: z.string(), files: z.array(z.string()) })).optional(),
  /** Present when a person accepted this failure as a known exception. */
  exception: z.object({ reason: z.string(), by: z.string(), at: z.string() }).optional(),
  /** Platform failure codes this check catches beforehand (spec §5). */
  platformCodes: z.array(z.string()).optional(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const VerdictSchema = z.enum(['ready', 'blocked']);
export type Verdict = z.infer<typeof VerdictSchema>;
