// The vault: the app's only storage. Open it with `openVault(name)`, then `create` or
// `unlock`; every sensitive value is sealed with the data key before it reaches IndexedDB.
// The facade: the session (session.ts) runs each operation, one module per table (tables/)
// reads and writes, recordEdit records every edit, retention.ts deletes, undoes and purges.
import type { DexieOptions } from 'dexie';
import { appendAudit, listAudit, verifyAudit, type AuditVerdict } from './audit';
import type { BackupSource } from './backup/restore';
import { recoverInterruptedRestore } from './backup/restore-marker';
import {
  blobOf,
  logRestored,
  restoreChecked,
  sessionBackupStream,
  type RestoreOptions,
} from './backup/session-backup';
import type { StoreContext, VaultContext } from './context';
import { listCopies, recordCopies } from './copy-register';
import { VaultDB } from './db';
import { searchSummaries } from './dossier-list';
import { DEFAULT_KDF_POLICY, type KdfChoice, type KdfPolicy, type VaultKeys } from './envelope';
import {
  dropHolidaySchedule,
  listHolidaySchedules,
  loadHolidaySchedule,
} from './holiday-schedules';
import { changeKeyringPassphrase, createKeyring, keyringExists, unlockKeyring } from './keyring';
import { ProblemReporter, type ProblemListener } from './problems';
import { PurgeTimer } from './purge-timer';
import { purgeDeletedBefore, softDelete, undoDelete } from './retention';
import { finishOnUnlock, rotateInSession, type RotationOptions } from './rotation';
import type { AuditAction, AuditEntry } from './schema/audit-log';
import type { HolidayScheduleRecord } from './schema/holiday-schedules';
import type { VaultSettings } from './schema/settings';
import { VaultSession, type LockReason } from './session';
import * as accounts from './tables/accounts';
import { checkInputs, dossierRecords } from './tables/check-inputs';
import * as documents from './tables/documents';
import * as dossiers from './tables/dossiers';
import * as exceptions from './tables/exceptions';
import * as extractions from './tables/extractions';
import { listChanges } from './tables/history';
import * as readings from './tables/readings';
import { packSigningSecret, SettingsStore } from './tables/settings';
import * as trackedChanges from './tables/tracked-changes';
import type * as T from './types';

export interface VaultOptions {
  /** Dexie options (tests pass fake-indexeddb's `indexedDB` and `IDBKeyRange`). */
  dexie?: DexieOptions;
  /** Clock in epoch ms (tests move time for undo windows). */
  now?: () => number;
  /**
   * The key-derivation floor and upgrade target (default DEFAULT_KDF_POLICY). Code only,
   * never stored: the app uses the default; unit tests lower it to stay fast.
   */
  kdfPolicy?: KdfPolicy;
}

/** Opens (without unlocking) the vault stored in the IndexedDB database `name`. */
export async function openVault(name: string, options: VaultOptions = {}): Promise<Vault> {
  const vault = new Vault(name, options);
  await vault.db.open();
  await vault.recoverOnOpen();
  return vault;
}

export class Vault {
  /** The Dexie database; internal, exposed for tests and raw dumps. */
  readonly db: VaultDB;
  private readonly store: StoreContext;
  private readonly settingsStore: SettingsStore;
  private readonly session: VaultSession;
  private readonly kdfPolicy: KdfPolicy;
  private readonly problems = new ProblemReporter();
  private readonly purgeTimer = new PurgeTimer(() => this.purgeExpired(), this.problems);
  /** The wrong-passphrase delay (settings.ts: the default when the row is damaged). */
  private readonly delay = () => this.settingsStore.wrongPassphraseDelayMs();

  constructor(name: string, options: VaultOptions = {}) {
    this.db = new VaultDB(name, options.dexie);
    this.kdfPolicy = options.kdfPolicy ?? DEFAULT_KDF_POLICY;
    this.store = { db: this.db, now: options.now ?? (() => Date.now()) };
    this.settingsStore = new SettingsStore(this.db);
    this.session = new VaultSession(this.store, this.settingsStore);
  }

  // ── Lifecycle (keyring.ts, session.ts) ──────────────────────────────────────

  /** True once a passphrase has been set on this database. */
  async isCreated(): Promise<boolean> {
    return keyringExists(this.store);
  }

  get isUnlocked(): boolean {
    return this.session.isUnlocked;
  }

  /**
   * Creates the vault with a new random master secret; leaves it unlocked. Key derivation
   * below the floor is refused (code 'weak-kdf').
   */
  async create(passphrase: string, kdf?: KdfChoice): Promise<void> {
    await this.opened(await createKeyring(this.store, passphrase, this.kdfPolicy, kdf));
  }

  /** Holds the keys, then checks the settings' MAC (a loosened safety limit is reported). */
  private async opened(keys: VaultKeys): Promise<void> {
    this.session.open(keys);
    const problem = await this.settingsStore.verify({ ...this.store, keys });
    if (problem) this.problems.report(problem);
  }

  /**
   * Unlocks with the passphrase; a wrong one fails after a deliberate delay and is logged.
   * A damaged keyring is KeyringDamagedError before any passphrase is tried; a keyring
   * weaker than the policy is wrapped again at its target ('kdf-upgrade').
   */
  async unlock(passphrase: string): Promise<void> {
    const unlocked = await unlockKeyring(this.store, passphrase, this.delay, this.kdfPolicy);
    // A rotation cut short (a crash, a lock) is finished before the vault opens.
    await this.opened(await finishOnUnlock(this.session, this.store, unlocked, this.problems));
    await this.purgeTimer.run();
    // Decrypt the dossier list in the background: the first screen after unlock shows it.
    void this.listDossiers().catch(() => undefined);
  }

  /** Forgets the keys and every decrypted value held in memory. */
  lock(reason: LockReason = 'manual'): void {
    this.session.lock(reason);
  }

  /** Called when the vault locks itself (idle, hidden) or is locked; returns an unsubscribe. */
  onLock(listener: (reason: LockReason) => void): () => void {
    return this.session.onLock(listener);
  }

  /** Re-wraps the master secret under the new passphrase (and KDF); no data is re-encrypted. */
  async changePassphrase(current: string, next: string, kdf?: KdfChoice): Promise<void> {
    const { store, delay, kdfPolicy } = this;
    this.session.open(await changeKeyringPassphrase(store, current, next, delay, kdfPolicy, kdf));
  }

  /**
   * Seals everything again under a new random master secret, in batches a crash cannot
   * break (the next unlock finishes them); asks the passphrase again; nothing else runs
   * meanwhile (VaultBusyError), nor during a backup or a restore (rotation.ts).
   */
  async rotateKeys(
    passphrase: string,
    options: Pick<RotationOptions, 'onProgress' | 'batchRecords'> = {},
  ): ReturnType<typeof rotateInSession> {
    return rotateInSession(this.session, this.store, passphrase, this.delay, options);
  }

  /**
   * Hears the failures of work nobody awaits (the purge timer, …) as coded VaultErrors;
   * returns an unsubscribe. Problems reported before the first listener reach it.
   */
  onProblem(listener: ProblemListener): () => void {
    return this.problems.on(listener);
  }

  /** Closes the database and stops timers (the vault is locked). */
  close(): void {
    this.lock();
    this.purgeTimer.stop();
    this.db.close();
  }

  // ── Settings and timers ─────────────────────────────────────────────────────

  async settings(): Promise<VaultSettings> {
    return this.settingsStore.get();
  }

  /** Changes settings (unlocked only); logged as 'settings' with the names of what changed. */
  async updateSettings(patch: Partial<VaultSettings>): Promise<VaultSettings> {
    return this.session.run((ctx) => this.settingsStore.update(ctx, patch));
  }

  /** Restarts the idle timer; every operation does this, the UI calls it on input. */
  touch(): void {
    this.session.touch();
  }

  /**
   * The host reports window visibility (document.visibilitychange, or Electron's
   * blur/minimize); hidden for longer than `hiddenLockMinutes` locks the vault.
   */
  setWindowHidden(hidden: boolean): void {
    this.session.setWindowHidden(hidden);
  }

  /** Wires `setWindowHidden` to a DOM document's visibility; returns an unsubscribe. */
  bindVisibility(doc: Document): () => void {
    const handler = () => this.setWindowHidden(doc.visibilityState === 'hidden');
    doc.addEventListener('visibilitychange', handler);
    return () => doc.removeEventListener('visibilitychange', handler);
  }

  /** The vault's Ed25519 pack signing key (made on first use, kept sealed). */
  readonly packSigningSecret = this.op(packSigningSecret);

  // ── Dossiers (tables/dossiers.ts) ───────────────────────────────────────────

  readonly createDossier = this.op(dossiers.createDossier);
  readonly updateDossier = this.op(dossiers.updateDossier);
  readonly getDossier = this.op(dossiers.getDossier);

  /** Live dossiers, most recently changed first (decrypted once per unlock, then in memory). */
  async listDossiers(): Promise<T.DossierSummary[]> {
    return this.session.run(async (ctx) => {
      const summaries = await ctx.list.load(
        () => dossiers.readLiveDossiers(ctx),
        () => this.session.holds(ctx.keys),
      );
      return [...summaries.values()].sort((a, b) => b.updatedAt - a.updatedAt);
    });
  }

  /** Case-insensitive substring search over company, legal representative and credit code, in memory. */
  async searchDossiers(query: string): Promise<T.DossierSummary[]> {
    return searchSummaries(await this.listDossiers(), query);
  }

  /** Dossiers whose credit code is exactly `creditCode` (blind index; no decryption). */
  async findDossiersByCreditCode(creditCode: string): Promise<string[]> {
    return this.session.run((ctx) => dossiers.dossiersWith(ctx, 'creditCode', creditCode));
  }

  /** Live dossiers whose legal representative has this ID number (blind index). */
  async dossiersForIdNumber(idNumber: string, exceptDossierId?: string): Promise<string[]> {
    return this.session.run((ctx) =>
      dossiers.dossiersWith(ctx, 'idNumber', idNumber, exceptDossierId),
    );
  }

  /** The dossier a document or a tracked change belongs to. */
  readonly dossierIdOf = this.op(dossiers.dossierIdOf);
  /** Accounts that other dossiers link with the same ID number (the `id.reuse` check). */
  readonly countAccountsForIdNumber = this.op(dossiers.countAccountsForIdNumber);
  /** What the checks need from the vault for one dossier (documents are read separately). */
  readonly checkInputs = this.op(checkInputs);
  /** One dossier's documents, fields, readings, accounts, … for the checks, each decrypted once. */
  readonly dossierRecords = this.op(dossierRecords);
  /** The last check run's result on the dossier (no history, audit or updatedAt). */
  readonly setCheckSummary = this.op(dossiers.setCheckSummary);

  // ── Documents, readings, extractions (tables/documents.ts, readings.ts, extractions.ts) ──

  /** Imports one file (and what was read from it) in one transaction; see tables/documents.ts. */
  async importFile(
    dossierId: string,
    file: T.ImportFile,
    options: T.ImportOptions = {},
  ): Promise<T.DocumentInfo> {
    const settings = await this.settings();
    return this.session.run((ctx) => documents.importFile(ctx, settings, dossierId, file, options));
  }

  /** The companies of the other live dossiers holding the same file ("also in dossier X"). */
  readonly otherDossiersWithFile = this.op(documents.otherDossiersWithFile);
  readonly listDocuments = this.op(documents.listDocuments);
  /** The file's bytes, decrypted (VaultIntegrityError when altered). */
  readonly openDocumentBytes = this.op(documents.fileBytes);
  /** A person corrects the classifier: history and audit; the dossier counts as changed. */
  readonly setDocumentKind = this.op(documents.setDocumentKind);
  /** Stores how a document was read (replacing an earlier reading), sealed as one JSON value. */
  readonly saveReading = this.op(readings.saveReading);
  /** Sets a document aside (or uses it again): sealed reading, history and audit 'set-aside'. */
  readonly setDocumentAside = this.op(readings.setDocumentAside);
  readonly getReading = this.op(readings.getReading); // How it was read; null if never saved.
  /** Stores what OCR read for a document (replacing earlier OCR values, keeping confirmations). */
  readonly saveExtraction = this.op(extractions.saveExtraction);
  readonly listExtractions = this.op(extractions.listExtractions);
  /** A person confirms a field's value (or several of a document's, as one edit); who and when. */
  readonly confirm = this.op(extractions.confirm);
  readonly confirmMany = this.op(extractions.confirmMany);

  // ── Accounts and declared values (tables/accounts.ts): history and audit on each edit ──

  readonly addAccount = this.op(accounts.addAccount);
  readonly listAccounts = this.op(accounts.listAccounts);
  /** Every account of every live dossier, decrypted, for in-memory search. */
  readonly listAccountsAll = this.op(accounts.listAccountsAll);
  readonly removeAccount = this.op(accounts.removeAccount);
  /** Replaces a dossier's accounts in one transaction (unchanged ones kept). */
  readonly replaceAccounts = this.op(accounts.replaceAccounts);
  readonly setDeclared = this.op(accounts.setDeclared);
  readonly getDeclared = this.op(accounts.getDeclared);

  // ── Accepted exceptions and tracked changes (tables/exceptions.ts, tracked-changes.ts) ──

  /** A person accepts a check's failure with a written reason (spec/linking-rules.md §3). */
  readonly acceptException = this.op(exceptions.acceptException);
  /** Withdraws an accepted exception (nothing happens when there is none). */
  readonly revokeException = this.op(exceptions.revokeException);
  readonly listExceptions = this.op(exceptions.listExceptions);
  /** Tracks a change to file with the platform (spec §4); returns its id. */
  readonly addTrackedChange = this.op(trackedChanges.addTrackedChange);
  readonly markChangeFiled = this.op(trackedChanges.markChangeFiled);
  readonly markBankNotified = this.op(trackedChanges.markBankNotified);
  readonly removeTrackedChange = this.op(trackedChanges.removeTrackedChange);
  readonly listTrackedChanges = this.op(trackedChanges.listTrackedChanges);

  // ── Holiday schedules and the copy register (holiday-schedules.ts, copy-register.ts) ──

  /** Stores the years of a holiday schedule file (validated); returns them. */
  readonly loadHolidaySchedule = this.op(loadHolidaySchedule);
  readonly removeHolidaySchedule = this.op(dropHolidaySchedule);
  /** The loaded years (readable while locked: public data). */
  readonly listHolidaySchedules = (): Promise<HolidayScheduleRecord[]> =>
    listHolidaySchedules(this.db);
  /** Records where a pack's copies went (使用登记); returns the entry's id. */
  readonly recordCopies = this.op(recordCopies);
  /** A dossier's register, or every entry showing this ID number; newest first. */
  readonly listCopies = this.op(listCopies);

  // ── History and audit (tables/history.ts, audit.ts) ────────────────────────

  readonly listChanges = this.op(listChanges);

  /** The audit log, oldest first (readable while locked: it holds no secret). */
  async audit(action?: AuditAction): Promise<AuditEntry[]> {
    return listAudit(this.db, action);
  }

  /**
   * Checks the audit log's hash chain and MACs from the first entry: the first broken
   * link (an entry edited, removed or re-chained without the key), or `broken: null`.
   */
  async verifyAudit(): Promise<AuditVerdict> {
    return this.session.run((ctx) => verifyAudit(ctx.db, ctx.keys.audit));
  }

  /** The UI records an export of a dossier (the pack itself is written elsewhere). */
  async logExport(dossierId: string, detail = ''): Promise<void> {
    return this.session.run((ctx) => appendAudit(ctx, 'export', dossierId, dossierId, detail));
  }

  // ── Delete with undo (retention.ts) ─────────────────────────────────────────

  /** Hides a dossier (and with it its documents); removed for good after the undo window. */
  readonly deleteDossier = (id: string) => this.softDelete('dossiers', id);
  readonly deleteDocument = (id: string) => this.softDelete('documents', id);

  private async softDelete(table: T.UndoTicket['table'], id: string): Promise<T.UndoTicket> {
    const windowMs = (await this.settings()).undoWindowSeconds * 1000;
    const ticket = await this.session.run((ctx) => softDelete(ctx, table, id, windowMs));
    this.purgeTimer.schedule(windowMs + 50);
    return ticket;
  }

  /** Brings back a soft-deleted dossier or document while its undo window is open. */
  async undoDelete(ticket: Pick<T.UndoTicket, 'table' | 'id'>): Promise<void> {
    const windowMs = (await this.settings()).undoWindowSeconds * 1000;
    return this.session.run((ctx) => undoDelete(ctx, ticket, windowMs));
  }

  /** Removes for good what was deleted longer ago than the undo window; returns how many. */
  async purgeExpired(): Promise<number> {
    // Not while a backup, a rotation or a restore holds the vault: the next purge does it.
    if (this.session.busyWith !== null) return 0;
    const cutoff = this.store.now() - (await this.settings()).undoWindowSeconds * 1000;
    return purgeDeletedBefore(this.store, cutoff);
  }

  // ── Backup and restore (backup/*.ts) ────────────────────────────────────────

  /** The backup as a stream (format 2, sealed a frame at a time as read), a Blob, or bytes. */
  readonly backupStream = () => sessionBackupStream(this.session);
  readonly backupBlob = () => blobOf(this.backupStream());
  readonly backup = async () => new Uint8Array(await (await this.backupBlob()).arrayBuffer());

  /** Restores a backup, checked before anything is written (backup/); leaves it unlocked. */
  async restore(file: BackupSource, passphrase: string, options: RestoreOptions = {}) {
    const keys = await this.session.exclusively('restore', () =>
      restoreChecked(this.store, file, passphrase, options, {
        isUnlocked: () => this.isUnlocked,
        openCurrent: (p) => unlockKeyring(this.store, p, this.delay, this.kdfPolicy),
      }),
    );
    this.session.list.clear();
    await this.opened(keys);
    await logRestored(this.store, keys);
  }

  /** A restore cut short by a crash is wiped (backup/restore-marker.ts) and reported. */
  async recoverOnOpen(): Promise<void> {
    const problem = await recoverInterruptedRestore(this.db);
    if (problem) this.problems.report(problem);
  }

  /** A table module's operation as a method, run by the session with the unlocked context. */
  private op<A extends unknown[], R>(
    fn: (ctx: VaultContext, ...args: A) => Promise<R>,
  ): (...args: A) => Promise<R> {
    return (...args) => this.session.run((ctx) => fn(ctx, ...args));
  }
}
