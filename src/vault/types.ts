// What the vault's API takes and returns (plaintext, after unlock). Zod schemas are the
// source of truth; the UI validates user input with them.
import { z } from 'zod';
import type { AccountSchema, DeclaredSchema } from '../core/dossier';
import { BoxSchema, CorrectionSchema } from '../core/extraction';
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

export interface Dossier {
  id: string;
  company: string;
  rulePack: string;
  status: z.infer<typeof DossierStatusSchema>;
  legalRepresentative: string | null;
  idNumber: string | null;
  creditCode: string | null;
  createdAt: number;
  updatedAt: number;
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

export const ExtractedFieldInputSchema = z.object({
  field: z.string(),
  value: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  box: BoxSchema.nullable().default(null),
  corrections: z.array(CorrectionSchema).default([]),
});
export type ExtractedFieldInput = z.input<typeof ExtractedFieldInputSchema>;

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

export interface ChangeEvent {
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
