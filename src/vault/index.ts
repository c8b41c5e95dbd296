// The vault's public surface for the renderer.
export { openVault, Vault, type VaultOptions } from './vault';
export * from './errors';
export * from './types';
export {
  DEFAULT_KDF,
  DEFAULT_KDF_POLICY,
  PBKDF2_MIN_ITERATIONS,
  type KdfChoice,
  type KdfPolicy,
} from './envelope';
export { VaultSettingsSchema, type VaultSettings } from './schema/settings';
export {
  AuditActionSchema,
  auditActionsOf,
  type AuditAction,
  type AuditEntry,
} from './schema/audit-log';
export type { AuditProblem, AuditVerdict } from './audit';
export { LATEST_VAULT_VERSION } from './db';
export type { AcceptedException } from '../core/dossier';
export type { DetectedKind } from '../core/documents';
// The core's change to file (spec §4), named for the vault's table of them.
export type { ChangeEvent as TrackedChange, ChangeKind } from '../core/deadlines/change';
export { calendarWith } from './holiday-schedules';
export { copyRegisterCsv, type CopyRegisterRow } from './copy-register';
export type { CopyRegisterEntry } from './schema/copy-register';
export type { HolidayScheduleRecord } from './schema/holiday-schedules';
export type { DossierRecords, CheckInputs } from './tables/check-inputs';
export { confirmedOf, extractedFromVault, setAsideOf, type DocumentSource } from './dossier-source';
