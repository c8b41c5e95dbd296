// A dossier: one company's set of documents for one marketplace rule pack.
import * as z from 'zod';
import { DeletedAtSchema, SealedSchema } from './sealed';

export const DossierStatusSchema = z.enum(['draft', 'checking', 'ready', 'exported']);
export type DossierStatus = z.infer<typeof DossierStatusSchema>;

/** Sensitive fields, each sealed on its own (AAD = dossiers/id/field). */
export const DOSSIER_SEALED_FIELDS = [
  'company',
  'legalRepresentative',
  'idNumber',
  'creditCode',
] as const;

export const DossierRecordSchema = z.object({
  id: z.string(),
  rulePack: z.string(),
  status: DossierStatusSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Added in version 2 (soft delete with undo). */
  deletedAt: DeletedAtSchema,
  company: SealedSchema,
  legalRepresentative: SealedSchema.nullable(),
  idNumber: SealedSchema.nullable(),
  creditCode: SealedSchema.nullable(),
  /** HMAC blind index of the legal representative's ID number ('' when unknown). */
  idNumberIndex: z.string(),
  /** HMAC blind index of the unified social credit code ('' when unknown). */
  creditCodeIndex: z.string(),
  /**
   * The last check run's DossierCheckSummary (src/vault/types.ts) as sealed JSON (it holds
   * ID and licence expiry dates). Added in version 3; null until checked, absent in older
   * records and backups.
   */
  checkSummary: SealedSchema.nullable().optional(),
});
export type DossierRecord = z.infer<typeof DossierRecordSchema>;

/** Version 1 had no soft delete. */
export const DossierRecordV1Schema = DossierRecordSchema.omit({
  deletedAt: true,
  checkSummary: true,
});
/** Version 2 had no check summary. */
export const DossierRecordV2Schema = DossierRecordSchema.omit({ checkSummary: true });
