// What the vault's API takes and returns (plaintext, after unlock). Zod schemas are the
// source of truth; the UI validates user input with them.
import * as z from 'zod';
import { ChangeEventSchema } from '../core/deadlines/change';
import type { AccountSchema, DeclaredSchema } from '../core/dossier';
import { DetectedKindSchema } from '../core/documents';
import {
  BoxSchema,
  CorrectionSchema,
  DocumentTextSchema,
  PageGeometrySchema,
  RegionSchema,
  TextSourceSchema,
} from '../core/extraction';
import { DocumentQualitySchema, SealReportSchema } from '../core/image/schema';
import { DossierStatusSchema } from './schema/dossiers';
import { DocumentKindOrUnknownSchema } from './schema/documents';

export const NewDossierSchema = z.object({
  company: z.string().min(1),
  rulePack: z.string().default('aliexpress-account-linking'),
  status: DossierStatusSchema.default('draft'),
  legalRepresentative: z.string().nullable().default(null),
  idNumber: z.string().nullable().default(null),
  creditCode: z.string().nullable().default(null),
});
export type NewDossier = z.input<typeof NewDossierSchema>;

/** Only the fields given change (no defaults: an absent field is left as it is). */
export const DossierPatchSchema = z
  .object({
    company: z.string().min(1),
    rulePack: z.string(),
    status: DossierStatusSchema,
    legalRepresentative: z.string().nullable(),
    idNumber: z.string().nullable(),
    creditCode: z.string().nullable(),
  })
  .partial();
export type DossierPatch = z.input<typeof DossierPatchSchema>;

/** The last check run of a dossier, kept on the dossier so the list shows it without re-running. */
export const DossierCheckSummarySchema = z.object({
  verdict: z.enum(['ready', 'blocked']),
  failed: z.number().int().min(0),
  warnings: z.number().int().min(0),
  computedAt: z.number(),
  idValidUntil: z.string().nullable(),
  licenseValidUntil: z.string().nullable(),
  /**
   * Changes not yet filed with the platform (spec §4), so that the list shows the nearest
   * filing deadline without opening the dossier; summaries stored before it read as [].
   */
  pendingChanges: z.array(ChangeEventSchema).default([]),
});
export type DossierCheckSummary = z.output<typeof DossierCheckSummarySchema>;
/** What `setCheckSummary` takes (`pendingChanges` may be left out: none pending). */
export type DossierCheckSummaryInput = z.input<typeof DossierCheckSummarySchema>;

export interface Dossier {
  id: string;
  company: string;
  rulePack: string;
  status: z.infer<typeof DossierStatusSchema>;
  legalRepresentative: string | null;
  idNumber: string | null;
  creditCode: string | null;
  createdAt: number;
  /** Last user change (edits, imports, kinds, exceptions); a check summary does not count. */
  updatedAt: number;
  checkSummary: DossierCheckSummary | null;
}
/** What the dossier list shows and searches (no ID number). */
export type DossierSummary = Omit<Dossier, 'idNumber'>;

export const ImportFileSchema = z.object({
  name: z.string(),
  bytes: z.custom<Uint8Array<ArrayBuffer>>((v) => v instanceof Uint8Array, 'expected bytes'),
  kind: DocumentKindOrUnknownSchema.default('unknown'),
  /** Page count when the caller knows it (a PDF reader); otherwise estimated. */
  pages: z.number().int().min(1).optional(),
});
export type ImportFile = z.input<typeof ImportFileSchema>;

export interface DocumentInfo {
  id: string;
  dossierId: string;
  kind: z.infer<typeof DocumentKindOrUnknownSchema>;
  fileName: string;
  mime: string;
  size: number;
  pages: number;
  sha256: string;
  createdAt: number;
}

export { PageGeometrySchema, type PageGeometry } from '../core/extraction';

/** How a document was read; stored sealed, one per document (`saveReading` / `getReading`). */
export const DocumentReadingSchema = z.object({
  source: TextSourceSchema.nullable(),
  detectedKind: DetectedKindSchema,
  warnings: z.array(z.string()).default([]),
  needsConfirmation: z.array(z.string()).default([]),
  error: z.string().nullable().default(null),
  pages: z.array(PageGeometrySchema).default([]),
  /** The image analysis (quality flags, seals); absent on records read before it existed. */
  quality: DocumentQualitySchema.optional(),
  seal: SealReportSchema.optional(),
  /**
   * A person set this document aside (two documents claim one kind, spec §3 docs.complete):
   * it stays in the dossier but the checks leave it out.
   */
  setAside: z.boolean().optional(),
  /**
   * Set when the file holds several documents and this record is one of them: its first
   * page, every page it is on, its region of that page (PageGeometry space), and which of
   * the file's documents it is. Kept in the sealed reading (no schema change).
   */
  part: z
    .object({
      page: z.number().int().min(0),
      pages: z.array(z.number().int().min(0)).optional(),
      region: RegionSchema.optional(),
      index: z.number().int().min(0),
      count: z.number().int().min(2),
    })
    .optional(),
  /**
   * The positioned text the fields were read from (sealed with the reading): a value whose
   * label was lost is searched for there with another document's (core/extract/cross-document).
   */
  text: DocumentTextSchema.optional(),
});
export type DocumentReading = z.output<typeof DocumentReadingSchema>;
export type DocumentReadingInput = z.input<typeof DocumentReadingSchema>;

/** What `acceptException` takes (`at` is the vault's clock). */
export const ExceptionInputSchema = z.object({
  check: z.string().min(1),
  reason: z.string(),
  by: z.string(),
});
export type ExceptionInput = z.input<typeof ExceptionInputSchema>;

export const ExtractedFieldInputSchema = z.object({
  field: z.string(),
  value: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  box: BoxSchema.nullable().default(null),
  corrections: z.array(CorrectionSchema).default([]),
});
export type ExtractedFieldInput = z.input<typeof ExtractedFieldInputSchema>;

/** What was read from a file, stored with it by `importFile` in the same transaction. */
export const ImportReadSchema = z.object({
  fields: z.array(ExtractedFieldInputSchema),
  reading: DocumentReadingSchema,
});
export type ImportRead = z.input<typeof ImportReadSchema>;

/** `importFile`'s options. */
export const ImportOptionsSchema = z.object({
  /** Import even when the same bytes are already in this dossier. */
  allowDuplicate: z.boolean().optional(),
  /** The file's extraction and reading, stored atomically with it (issue #4). */
  read: ImportReadSchema.optional(),
});
export type ImportOptions = z.input<typeof ImportOptionsSchema>;

export interface ExtractedField {
  field: string;
  value: string | null;
  confidence: number;
  box: z.infer<typeof BoxSchema> | null;
  corrections: z.infer<typeof CorrectionSchema>[];
  confirmedValue: string | null;
  confirmedBy: string | null;
  confirmedAt: number | null;
}

export type AccountInput = z.infer<typeof AccountSchema>;
export type StoredAccount = AccountInput & { id: string };
export type DeclaredInput = z.infer<typeof DeclaredSchema>;

/** A change to file with the platform (spec §4): what `addTrackedChange` takes. */
export const TrackedChangeInputSchema = ChangeEventSchema.pick({ kind: true, occurredOn: true });
export type TrackedChangeInput = z.input<typeof TrackedChangeInputSchema>;

/** One entry of a dossier's history (`listChanges`): a field that changed, with its before and after. */
export interface HistoryEntry {
  id: string;
  at: number;
  kind: string;
  entity: string;
  entityId: string;
  field: string;
  before: string | null;
  after: string | null;
}

export interface UndoTicket {
  table: 'dossiers' | 'documents';
  id: string;
  undoUntil: number;
}
