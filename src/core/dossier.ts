// What a dossier is to the checks: the documents as read, plus what a person states
// (dossier.json in a CLI dossier folder, the vault's records in the app).
import * as z from 'zod';
import { ChangeEventSchema } from './deadlines/change';
import { DocumentKindSchema, FIELDS_BY_KIND } from './documents';
import { ExtractedDocumentSchema } from './extraction';

export const AccountSchema = z.object({
  store: z.string(),
  phone: z.string(),
  email: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;

export const DeclaredSchema = z.object({
  /** The ID expiry date as entered on the platform's form (ISO or `long-term`). */
  idValidUntil: z.string().optional(),
  /** The office address the user gives the platform. */
  officeAddress: z.string().optional(),
});
export type Declared = z.infer<typeof DeclaredSchema>;

/** A known exception a person accepted, with a written reason (spec §3). */
export const AcceptedExceptionSchema = z.object({
  check: z.string(),
  reason: z.string().min(1),
  by: z.string().min(1),
  at: z.string(),
});
export type AcceptedException = z.infer<typeof AcceptedExceptionSchema>;

/**
 * Field values a person checked against the image: they take precedence over OCR. A
 * boolean states what the image shows beyond its fields: `{"bank-permit": {"seal": true}}`
 * (the seal is there, bank.seal); it is never a field value.
 */
export const ConfirmedSchema = z.partialRecord(
  DocumentKindSchema,
  z.record(z.string(), z.union([z.string(), z.boolean()])),
);
export type Confirmed = z.infer<typeof ConfirmedSchema>;

/** `dossier.json` in a dossier folder (spec/cli-contract.md). Unknown keys are refused. */
export const DossierFileSchema = z
  .object({
    accounts: z.array(AccountSchema).default([]),
    declared: DeclaredSchema.default({}),
    confirmed: ConfirmedSchema.default({}),
    exceptions: z.array(AcceptedExceptionSchema).default([]),
    /**
     * Accounts that other dossiers already link with the same legal representative's ID
     * number. The app counts them across the vault; a CLI user may state them here.
     */
    idAccountsElsewhere: z.number().int().min(0).optional(),
    /**
     * Documents a person set aside when two claim one kind (spec §3 docs.complete): each a
     * file name, or `file#page` for one document of a multi-document file.
     */
    setAside: z.array(z.string().min(1)).default([]),
    /** Rule pack id; the default pack when absent. */
    rulePack: z.string().optional(),
    /**
     * Changes to report after linking (spec §4), as the app records them: kind, the day it
     * took effect, and the days it was filed with the platform and told to the bank.
     */
    changes: z.array(ChangeEventSchema.omit({ id: true })).optional(),
  })
  .strict();
export type DossierFile = z.infer<typeof DossierFileSchema>;

/** Everything the checks need, whatever the host. */
export const DossierInputSchema = z.object({
  documents: z.array(ExtractedDocumentSchema),
  accounts: z.array(AccountSchema),
  declared: DeclaredSchema,
  confirmed: ConfirmedSchema,
  exceptions: z.array(AcceptedExceptionSchema),
  /** See DossierFileSchema.idAccountsElsewhere; undefined when unknown. */
  idAccountsElsewhere: z.number().int().min(0).optional(),
  /** See DossierFileSchema.setAside; the checks leave these documents out. */
  setAside: z.array(z.string()).optional(),
  /** Reference date, ISO `YYYY-MM-DD`. */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Size and format of each file that would be exported (for `files.format`). */
  files: z
    .array(z.object({ file: z.string(), mime: z.string(), bytes: z.number().int().min(0) }))
    .default([]),
});
export type DossierInput = z.infer<typeof DossierInputSchema>;

/** dossier.json cannot be used; the message is one sentence naming where it is wrong. */
export class DossierFileError extends Error {}

/** Parses the text of a dossier.json, or throws a DossierFileError. */
export function parseDossierFile(text: string, label = 'dossier.json'): DossierFile {
  if (text.length > MAX_DOSSIER_TEXT) {
    throw new DossierFileError(
      `${label} is ${(text.length / 1048576).toFixed(1)} MB, over the 1 MB limit for a dossier's statements.`,
    );
  }
  // A byte-order mark (Windows Notepad writes one) is not part of the JSON.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new DossierFileError(`${label} is not valid JSON${jsonErrorPlace(body, error)}.`);
  }
  const tooLong = firstLongString(json, []);
  if (tooLong) {
    throw new DossierFileError(
      `${label} has a value of ${tooLong.length.toLocaleString('en')} characters at ${tooLong.path || '(top level)'}; the limit is ${MAX_DOSSIER_STRING.toLocaleString('en')}.`,
    );
  }
  const parsed = DossierFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || '(top level)' : '(top level)';
    throw new DossierFileError(
      `${label} does not match the expected shape at ${where}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  for (const [kind, fields] of Object.entries(parsed.data.confirmed)) {
    const known: readonly string[] = [
      ...FIELDS_BY_KIND[kind as keyof typeof FIELDS_BY_KIND],
      ...(IMAGE_CONFIRMATIONS[kind as keyof typeof FIELDS_BY_KIND] ?? []),
    ];
    const unknown = Object.keys(fields ?? {}).find((field) => !known.includes(field));
    if (unknown !== undefined) {
      throw new DossierFileError(
        `${label} confirms "${unknown}", which is not a field of ${kind} (its fields: ${known.join(', ')}).`,
      );
    }
  }
  return parsed.data;
}

/**
 * What a person may confirm against the image besides the fields: the bank form's seal
 * (`bank.seal`, `{"bank-permit": {"seal": true}}`). The app stores it as a confirmation
 * of the value "true" (audited as any confirmation); `isImageConfirmation` tells it apart.
 */
export const IMAGE_CONFIRMATIONS: Partial<Record<keyof typeof FIELDS_BY_KIND, readonly string[]>> =
  {
    'bank-permit': ['seal'],
  };

export function isImageConfirmation(kind: string, field: string): boolean {
  return IMAGE_CONFIRMATIONS[kind as keyof typeof FIELDS_BY_KIND]?.includes(field) ?? false;
}

/** dossier.json is statements of a few KB: 1 MB of text, 1,000 characters per value. */
export const MAX_DOSSIER_TEXT = 1024 * 1024;
export const MAX_DOSSIER_STRING = 1000;

/** The first string (value or key) over MAX_DOSSIER_STRING, with its path. */
function firstLongString(
  value: unknown,
  path: (string | number)[],
): { path: string; length: number } | null {
  if (typeof value === 'string') {
    return value.length > MAX_DOSSIER_STRING
      ? { path: path.join('.'), length: value.length }
      : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    if (key.length > MAX_DOSSIER_STRING) return { path: at.join('.'), length: key.length };
    const found = firstLongString(child, at);
    if (found) return found;
  }
  return null;
}

/** " at line 3, column 14" from a JSON.parse error that names a position, else "". */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  let line: number | undefined;
  let column: number | undefined;
  if (position !== undefined) {
    const before = text.slice(0, Number(position)).split('\n');
    line = before.length;
    column = before[before.length - 1]!.length + 1;
  } else {
    // Newer engines say "(line 3 column 14)"; an unexpected end is at the end of the text.
    const named = /line (\d+) column (\d+)/.exec(message);
    if (named) [line, column] = [Number(named[1]), Number(named[2])];
    else if (/end of (JSON|data)/i.test(message)) {
      const lines = text.split('\n');
      line = lines.length;
      column = lines[lines.length - 1]!.length + 1;
    }
  }
  return line === undefined ? '' : ` at line ${line}, column ${column}`;
}

/** What the checks need, from the documents as read and what the person stated. */
export function dossierInput(
  dossier: DossierFile,
  documents: DossierInput['documents'],
  files: DossierInput['files'],
  today: string,
): DossierInput {
  return {
    documents,
    accounts: dossier.accounts,
    declared: dossier.declared,
    confirmed: dossier.confirmed,
    exceptions: dossier.exceptions,
    idAccountsElsewhere: dossier.idAccountsElsewhere,
    ...(dossier.setAside.length > 0 ? { setAside: dossier.setAside } : {}),
    today,
    files,
  };
}

/** The field values a person confirmed for one kind (the booleans left out). */
export function confirmedValues(
  confirmed: Confirmed,
  kind: z.infer<typeof DocumentKindSchema>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(confirmed[kind] ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
