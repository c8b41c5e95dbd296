// The vault operations the renderer may ask of its worker, by name, each with the zod
// schema of its arguments: the single source of truth for what crosses into the worker.
// The host parses every call's arguments with its schema before the vault sees them (a
// malformed call is refused with 'invalid-request'), and the renderer's types of these
// operations (VaultCalls, VaultPort) are inferred from the same table. A compile-time check
// below keeps the table and `Vault` in step: every operation the schemas let through is one
// the vault accepts, and every asynchronous operation of the vault is in the table.
import * as z from 'zod';
import { ChangeEventSchema } from '../../core/deadlines/change';
import { AccountSchema, DeclaredSchema } from '../../core/dossier';
import { DetectedKindSchema } from '../../core/documents';
import type { Vault } from '../../vault';
import {
  DocumentReadingSchema,
  DossierCheckSummarySchema,
  DossierPatchSchema,
  ExceptionInputSchema,
  ExtractedFieldInputSchema,
  ImportFileSchema,
  ImportOptionsSchema,
  NewDossierSchema,
  TrackedChangeInputSchema,
} from '../../vault/types';
import { AuditActionSchema } from '../../vault/schema/audit-log';
import { CopyRegisterEntrySchema } from '../../vault/schema/copy-register';
import { KdfChoiceSchema } from '../../vault/schema/sealed';
import { VaultSettingsPatchSchema } from '../../vault/schema/settings';

/** A record's id (dossier, document, account, change): never empty, never a document. */
const Id = z.string().min(1).max(200);
/** A passphrase as the vault takes it (its own rules judge its strength). */
const Passphrase = z.string().max(1024);
/** A short free text (a query, a field name, a detail). */
const Text = z.string().max(10_000);
const IsoDay = ChangeEventSchema.shape.occurredOn;

const none = z.tuple([]);
const byId = z.tuple([Id]);

export const VAULT_CALLS = {
  // Lifecycle and settings.
  isCreated: none,
  create: z.tuple([Passphrase, KdfChoiceSchema.optional()]),
  unlock: z.tuple([Passphrase]),
  changePassphrase: z.tuple([Passphrase, Passphrase, KdfChoiceSchema.optional()]),
  settings: none,
  updateSettings: z.tuple([VaultSettingsPatchSchema]),
  packSigningSecret: none,
  // Dossiers.
  createDossier: z.tuple([NewDossierSchema]),
  updateDossier: z.tuple([Id, DossierPatchSchema]),
  getDossier: byId,
  listDossiers: none,
  searchDossiers: z.tuple([Text]),
  findDossiersByCreditCode: z.tuple([Text]),
  dossiersForIdNumber: z.tuple([Text, Id.optional()]),
  dossierIdOf: z.tuple([z.enum(['documents', 'trackedChanges']), Id]),
  countAccountsForIdNumber: z.tuple([Text, Id.optional()]),
  checkInputs: byId,
  dossierRecords: byId,
  setCheckSummary: z.tuple([Id, DossierCheckSummarySchema]),
  // Documents, readings, extractions.
  importFile: z.tuple([Id, ImportFileSchema, ImportOptionsSchema.optional()]),
  otherDossiersWithFile: byId,
  listDocuments: byId,
  openDocumentBytes: byId,
  setDocumentKind: z.tuple([Id, DetectedKindSchema]),
  saveReading: z.tuple([Id, DocumentReadingSchema]),
  setDocumentAside: z.tuple([Id, z.boolean()]),
  getReading: byId,
  saveExtraction: z.tuple([Id, z.array(ExtractedFieldInputSchema).max(1000)]),
  listExtractions: byId,
  confirm: z.tuple([Id, Text, Text, Text]),
  confirmMany: z.tuple([Id, z.array(z.object({ field: Text, value: Text })).max(1000), Text]),
  // Accounts and declared values.
  addAccount: z.tuple([Id, AccountSchema]),
  listAccounts: byId,
  listAccountsAll: none,
  removeAccount: byId,
  replaceAccounts: z.tuple([Id, z.array(AccountSchema).max(1000).readonly()]),
  setDeclared: z.tuple([Id, DeclaredSchema]),
  getDeclared: byId,
  // Exceptions and tracked changes.
  acceptException: z.tuple([Id, ExceptionInputSchema]),
  revokeException: z.tuple([Id, Text]),
  listExceptions: byId,
  addTrackedChange: z.tuple([Id, TrackedChangeInputSchema]),
  markChangeFiled: z.tuple([Id, IsoDay]),
  markBankNotified: z.tuple([Id, IsoDay]),
  removeTrackedChange: byId,
  listTrackedChanges: byId,
  // Holiday schedules (a parsed JSON file: the vault checks it with its own schema) and copies.
  loadHolidaySchedule: z.tuple([z.unknown().pipe(z.json()), Text]),
  removeHolidaySchedule: z.tuple([z.string().regex(/^\d{4}$/)]),
  listHolidaySchedules: none,
  recordCopies: z.tuple([Id, CopyRegisterEntrySchema]),
  listCopies: z.tuple([z.union([z.object({ dossierId: Id }), z.object({ idNumber: Text })])]),
  // History and audit.
  listChanges: byId,
  audit: z.tuple([AuditActionSchema.optional()]),
  verifyAudit: none,
  logExport: z.tuple([Id, Text.optional()]),
  // Delete with undo.
  deleteDossier: byId,
  deleteDocument: byId,
  undoDelete: z.tuple([z.object({ table: z.enum(['dossiers', 'documents']), id: Id })]),
  purgeExpired: none,
  // Backup and restore.
  backupBlob: none,
  backup: none,
  restore: z.tuple([
    z.union([z.instanceof(Blob), z.instanceof(Uint8Array)]),
    Passphrase,
    z.object({ overwrite: z.boolean(), currentPassphrase: Passphrase }).partial().optional(),
  ]),
  recoverOnOpen: none,
} as const satisfies Record<string, z.ZodTuple>;

export type VaultCallName = keyof typeof VAULT_CALLS;

/** What each call takes (inferred from its schema). */
export type VaultCallArgs<K extends VaultCallName> = z.input<(typeof VAULT_CALLS)[K]>;

/** Every call the renderer may make: its arguments from the schemas, its answer the vault's. */
export type VaultCalls = {
  [K in VaultCallName]: (...args: VaultCallArgs<K>) => ReturnType<Vault[K]>;
} & Pick<Vault, 'rotateKeys'>;

export function isVaultCallName(name: unknown): name is VaultCallName {
  return typeof name === 'string' && Object.hasOwn(VAULT_CALLS, name);
}

// ── Compile-time: the table and Vault agree ─────────────────────────────────────────

type AsyncMemberOf<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T];
/** Operations that do not go through `call` (rotateKeys has its own message: a progress proxy). */
type OwnMessage = 'rotateKeys';
type Missing = Exclude<AsyncMemberOf<Vault>, VaultCallName | OwnMessage>;
type Extra = Exclude<VaultCallName, AsyncMemberOf<Vault>>;
const everyOperation: [Missing, Extra] extends [never, never] ? true : [Missing, Extra] = true;
/** The vault accepts whatever a schema lets through (it may be looser, never stricter). */
const vaultAcceptsTheSchemas = (vault: Vault): VaultCalls => vault;
void everyOperation;
void vaultAcceptsTheSchemas;
