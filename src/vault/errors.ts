// The vault's errors: one clear sentence each, never a secret or a record's content.
import type { ReadProblem } from '../core/extraction';

/** Base class so the UI can tell vault errors from bugs. */
export class VaultError extends Error {
  override name = 'VaultError';
}

/** The passphrase did not unwrap the data key. */
export class WrongPassphraseError extends VaultError {
  override name = 'WrongPassphraseError';
  constructor() {
    super('The passphrase is wrong.');
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
    );
  }
}

/** An operation needs the data key but the vault is locked. */
export class VaultLockedError extends VaultError {
  override name = 'VaultLockedError';
  constructor() {
    super('The vault is locked; unlock it first.');
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
    super(message);
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
    super(`This file is already in dossier ${company}.`);
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
  | 'vault-has-data';

/** A backup file that cannot be restored (format, passphrase, integrity, counts, hashes). */
export class BackupError extends VaultError {
  override name = 'BackupError';
  constructor(
    message: string,
    readonly reason: BackupRefusal = 'damaged',
    readonly values: Record<string, string | number> = {},
  ) {
    super(message);
  }
}
