// The vault's errors: each has a code an interface can switch on and one clear sentence,
// never a secret or a record's content.
import * as z from 'zod';
import type { ReadProblem } from '../core/extraction';

export type VaultErrorCode =
  /** Input the vault refuses (a missing name, a date that is not a date, …). */
  | 'invalid'
  /** The dossier, document or entry named does not exist (or was deleted). */
  | 'not-found'
  /** create() on a vault that already exists. */
  | 'exists'
  /** unlock() on a database where no vault was created. */
  | 'not-created'
  | 'weak-passphrase'
  | 'wrong-passphrase'
  /** The key derivation parameters are below the floors (envelope.ts KDF_FLOORS). */
  | 'weak-kdf'
  /** The stored keyring does not parse: damage, not a wrong passphrase. */
  | 'keyring-damaged'
  | 'locked'
  | 'integrity'
  | 'import-refused'
  | 'duplicate'
  /** Two writes raced (the same file imported twice at once); trying again works. */
  | 'conflict'
  | 'undo-closed'
  | 'backup'
  /** The audit log's hash chain is broken (an entry removed, edited or inserted). */
  | 'audit-tampered'
  /** The purge after the undo window failed (reported, not thrown: problems.ts). */
  | 'purge-failed'
  /** A restore was cut short (a crash) before its keyring was written; the vault was wiped on open. */
  | 'restore-interrupted'
  /** The settings row does not parse (read while locked; unlock restores the defaults). */
  | 'settings-damaged'
  /** The settings' MAC does not match: safety limits were lowered outside the app and restored. */
  | 'settings-tampered'
  /** A backup, a key rotation or a restore is running: the operation waits for its end. */
  | 'busy'
  /** A key rotation stopped before its end; it resumes at the next unlock. */
  | 'rotation-pending'
  /** A message to the vault's worker did not match its schema: refused, logged, not acted on. */
  | 'invalid-request'
  /** An answer from the vault's worker did not match its schema: a bug, logged, not used. */
  | 'invalid-response';

/** Base class so the UI can tell vault errors from bugs; `code` says which failure. */
export class VaultError extends Error {
  override name = 'VaultError';
  constructor(
    message: string,
    readonly code: VaultErrorCode = 'invalid',
  ) {
    super(message);
  }
}

/** The dossier, document or entry does not exist (or is deleted). */
export class VaultNotFoundError extends VaultError {
  override name = 'VaultNotFoundError';
  constructor(
    readonly entity: 'dossier' | 'document' | 'tracked change',
    readonly entityId: string,
  ) {
    super(`There is no ${entity} ${entityId}.`, 'not-found');
  }
}

/** The passphrase did not unwrap the data key. */
export class WrongPassphraseError extends VaultError {
  override name = 'WrongPassphraseError';
  constructor() {
    super('The passphrase is wrong.', 'wrong-passphrase');
  }
}

/** The keyring record is damaged (does not parse): the passphrase was never tried. */
export class KeyringDamagedError extends VaultError {
  override name = 'KeyringDamagedError';
  constructor() {
    super(
      'The vault key record is damaged, so no passphrase can open it; restore a backup.',
      'keyring-damaged',
    );
  }
}

/** A stored value failed its AES-GCM check: it was altered, truncated or moved to another record. */
export class VaultIntegrityError extends VaultError {
  override name = 'VaultIntegrityError';
  constructor(
    readonly table: string,
    readonly recordId: string,
    readonly field: string,
  ) {
    super(
      `Record ${table}/${recordId} (field ${field}) failed its integrity check and was not read.`,
      'integrity',
    );
  }
}

/** An operation needs the data key but the vault is locked. */
export class VaultLockedError extends VaultError {
  override name = 'VaultLockedError';
  constructor() {
    super('The vault is locked; unlock it first.', 'locked');
  }
}

/**
 * A file the intake policy refuses (src/core/intake.ts: empty, size, type, pixel count),
 * with its sentence and its coded problem (the reader's vocabulary, with the figures the
 * sentence names), so an interface can word it in its own language.
 */
export class ImportRefusedError extends VaultError {
  override name = 'ImportRefusedError';
  constructor(
    readonly problem: ReadProblem,
    message: string,
  ) {
    super(message, 'import-refused');
  }
  get reason(): ReadProblem['reason'] {
    return this.problem.reason;
  }
}

/** The same file (by keyed hash of its bytes) is already in this dossier. */
export class DuplicateFileError extends VaultError {
  override name = 'DuplicateFileError';
  constructor(
    readonly dossierId: string,
    readonly documentId: string,
    readonly company: string,
  ) {
    super(`This file is already in dossier ${company}.`, 'duplicate');
  }
}

/** Why a backup cannot be restored: the interface words each in its own language. */
export type BackupRefusal =
  | 'not-a-backup'
  | 'format'
  | 'truncated'
  | 'header-damaged'
  | 'newer-version'
  | 'wrong-passphrase'
  | 'damaged'
  | 'records'
  | 'count'
  | 'no-keyring'
  | 'document-integrity'
  | 'document-hash'
  | 'vault-has-data'
  /** Overwriting asks for an unlocked vault, or its passphrase. */
  | 'overwrite-locked'
  /** Writing stopped midway after the checks passed (a full disk); the vault was wiped. */
  | 'interrupted';

/** A backup file that cannot be restored (format, passphrase, integrity, counts, hashes). */
export class BackupError extends VaultError {
  override name = 'BackupError';
  constructor(
    message: string,
    readonly reason: BackupRefusal = 'damaged',
    readonly values: Record<string, string | number> = {},
  ) {
    super(message, 'backup');
  }
}

/** The settings row does not parse; the sentence says what happens next. */
export class SettingsDamagedError extends VaultError {
  override name = 'SettingsDamagedError';
  constructor() {
    super(
      "The vault's settings record is damaged; unlocking restores the default settings.",
      'settings-damaged',
    );
  }
}

/** The settings' MAC did not match (or was missing) and safety limits were restored. */
export class SettingsTamperedError extends VaultError {
  override name = 'SettingsTamperedError';
  constructor(readonly restored: string[]) {
    super(
      `The vault's settings were changed outside the app; these were restored to their defaults: ${restored.join(', ')}.`,
      'settings-tampered',
    );
  }
}

/** What holds the vault exclusively while it runs (session.ts). */
export type ExclusiveOperation = 'backup' | 'rotation' | 'restore';

const BUSY_SENTENCES: Record<ExclusiveOperation, string> = {
  backup: 'A backup is being written; nothing can change in the vault until it has finished.',
  rotation: 'The keys are being rotated; the vault is unavailable until the rotation has finished.',
  restore: 'A backup is being restored; the vault is unavailable until it has finished.',
};

/** Refused because a backup, a key rotation or a restore holds the vault; try again after it. */
export class VaultBusyError extends VaultError {
  override name = 'VaultBusyError';
  constructor(readonly operation: ExclusiveOperation) {
    super(BUSY_SENTENCES[operation], 'busy');
  }
}

/** A key rotation stopped before its end (a crash, a lock); the next unlock finishes it. */
export class RotationPendingError extends VaultError {
  override name = 'RotationPendingError';
  constructor() {
    super(
      'A key rotation stopped before its end; unlock the vault to finish it before anything else.',
      'rotation-pending',
    );
  }
}

/** Where a malformed message went wrong: the path and zod's code, never the value. */
export interface MessageIssue {
  path: string;
  code: string;
}

/**
 * A message across the vault worker's edge that does not match its schema (src/renderer/
 * engine/vault-calls.ts, protocol.ts): `message` names which, `issues` say where (paths and
 * codes only: no value of the payload, which may hold a passphrase or a document).
 */
export class MalformedMessageError extends VaultError {
  override name = 'MalformedMessageError';
  constructor(
    readonly direction: 'request' | 'response',
    readonly messageName: string,
    readonly issues: MessageIssue[],
  ) {
    super(
      direction === 'request'
        ? `The request ${messageName} to the vault was malformed and was refused.`
        : `The vault's answer to ${messageName} was malformed (a bug) and was not used.`,
      direction === 'request' ? 'invalid-request' : 'invalid-response',
    );
  }
}

/** A record a key rotation could not open with the keys it was sealed with: where, never what. */
export const DamagedRecordSchema = z.object({
  table: z.string().max(100),
  recordId: z.string().max(200),
  field: z.string().max(100),
});
export type DamagedRecord = z.infer<typeof DamagedRecordSchema>;

/** The damaged records as a person reads them: `table/id`, the first three, then (+n). */
export function damagedRecordList(damaged: readonly DamagedRecord[]): string {
  const named = damaged.slice(0, 3).map((d) => `${d.table}/${d.recordId}`);
  return named.join(', ') + (damaged.length > 3 ? ` (+${damaged.length - 3})` : '');
}
const recordList = damagedRecordList;

/**
 * Damaged records met by a key rotation, named. `rotated` false: found by the check before
 * anything changed, and the rotation was refused; true: met midway (or when an unlock
 * finished a rotation), left as they were while everything else was rotated.
 */
export class RotationDamagedError extends VaultError {
  override name = 'RotationDamagedError';
  /** The first damaged record (as a VaultIntegrityError names it). */
  readonly table: string;
  readonly recordId: string;
  readonly field: string;
  constructor(
    readonly damaged: DamagedRecord[],
    readonly rotated: boolean,
  ) {
    super(
      rotated
        ? `The keys were rotated, but damaged record ${recordList(damaged)} could not be encrypted again and was left as it was; delete it or restore a backup.`
        : `The keys were not rotated because record ${recordList(damaged)} is damaged; delete it or restore a backup, then rotate again.`,
      'integrity',
    );
    const first = damaged[0]!;
    this.table = first.table;
    this.recordId = first.recordId;
    this.field = first.field;
  }
}
