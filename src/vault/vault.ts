// The vault: the app's only storage. Open it with `openVault(name)`, then `create` or
// `unlock`; every sensitive value is sealed with the data key before it reaches IndexedDB.
import type { DexieOptions, Table } from 'dexie';
import type { z } from 'zod';
import {
  AccountSchema,
  DeclaredSchema,
  type AcceptedException,
  type Confirmed,
} from '../core/dossier';
import { isIsoDate } from '../core/dates';
import {
  CHANGE_KINDS,
  ChangeEventSchema,
  ChangeKindSchema,
  type ChangeEvent as TrackedChange,
} from '../core/deadlines/change';
import { DetectedKindSchema, DocumentKindSchema, type DetectedKind } from '../core/documents';
import { BoxSchema, CorrectionSchema } from '../core/extraction';
import { sniffMime } from '../core/file-type';
import { admit } from '../core/intake';
import { newSigningSecret } from '../core/pack/signature';
import { backupVault, restoreVault } from './backup';
import {
  blindIndex,
  deriveVaultKeys,
  deriveWrappingKey,
  fileFingerprint,
  newKdfParams,
  openBytes,
  openJson,
  openText,
  randomBytes,
  sealBytes,
  sealJson,
  sealText,
  sha256Hex,
  unwrapSecret,
  wrapSecret,
  type KdfChoice,
  type VaultKeys,
} from './envelope';
import { VaultDB } from './db';
import {
  DuplicateFileError,
  ImportRefusedError,
  VaultError,
  VaultIntegrityError,
  VaultLockedError,
  WrongPassphraseError,
} from './errors';
import { newId } from './ids';
import type { AccountRecord } from './schema/accounts';
import type { AuditAction, AuditEntry } from './schema/audit-log';
import type { ChangeEventRecord } from './schema/change-events';
import type { DocumentRecord } from './schema/documents';
import type { DossierRecord } from './schema/dossiers';
import type { ExceptionRecord } from './schema/exceptions';
import type { ExtractionRecord } from './schema/extractions';
import { KEYRING_ID, KeyringRecordSchema } from './schema/keyring';
import type { ReadingRecord } from './schema/readings';
import type { Bytes, Sealed } from './schema/sealed';
import { VaultSettingsSchema, type VaultSettings } from './schema/settings';
import { listCopies, recordCopies, type CopyRegisterRow } from './copy-register';
import {
  listHolidaySchedules,
  removeHolidaySchedule,
  saveHolidaySchedule,
} from './holiday-schedules';
import type { CopyRegisterEntry } from './schema/copy-register';
import type { HolidayScheduleRecord } from './schema/holiday-schedules';
import type { TrackedChangeRecord } from './schema/tracked-changes';
import {
  DocumentReadingSchema,
  DossierCheckSummarySchema,
  DossierPatchSchema,
  ExceptionInputSchema,
  ExtractedFieldInputSchema,
  ImportFileSchema,
  ImportReadSchema,
  NewDossierSchema,
  type AccountInput,
  type ChangeEvent,
  type DeclaredInput,
  type DocumentInfo,
  type DocumentReading,
  type DocumentReadingInput,
  type Dossier,
  type DossierCheckSummary,
  type DossierCheckSummaryInput,
  type DossierPatch,
  type DossierSummary,
  type ExceptionInput,
  type ExtractedField,
  type ExtractedFieldInput,
  type ImportFile,
  type ImportOptions,
  type NewDossier,
  type StoredAccount,
  type TrackedChangeInput,
  type UndoTicket,
} from './types';

export interface VaultOptions {
  /** Dexie options (tests pass fake-indexeddb's `indexedDB` and `IDBKeyRange`). */
  dexie?: DexieOptions;
  /** Clock in epoch ms (tests move time for undo windows). */
  now?: () => number;
}

const SETTINGS_KEY = 'vault';
/** Settings row holding the sealed pack signing key. */
const PACK_SIGNING_KEY = 'pack-signing-key';
const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** Opens (without unlocking) the vault stored in the IndexedDB database `name`. */
export async function openVault(name: string, options: VaultOptions = {}): Promise<Vault> {
  const vault = new Vault(name, options);
  await vault.db.open();
  return vault;
}

export class Vault {
  /** The Dexie database; internal, exposed for tests and raw dumps. */
  readonly db: VaultDB;
  private readonly now: () => number;
  private keys: VaultKeys | null = null;
  private summaries: Map<string, DossierSummary> | null = null;
  private summariesLoad: Promise<{
    generation: number;
    summaries: Map<string, DossierSummary>;
  }> | null = null;
  /** Counts writes to dossiers, so that a list decrypted meanwhile is not cached stale. */
  private dossierWrites = 0;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private hiddenTimer: ReturnType<typeof setTimeout> | null = null;
  private purgeTimer: ReturnType<typeof setTimeout> | null = null;
  private settingsCache: VaultSettings | null = null;
  private readonly lockListeners = new Set<(reason: 'manual' | 'idle' | 'hidden') => void>();

  constructor(name: string, options: VaultOptions = {}) {
    this.db = new VaultDB(name, options.dexie);
    this.now = options.now ?? (() => Date.now());
  }

  // ── Lifecycle ────────────────────────────────────────────────────────────────

  /** True once a passphrase has been set on this database. */
  async isCreated(): Promise<boolean> {
    return (await this.db.keyring.get(KEYRING_ID)) !== undefined;
  }

  get isUnlocked(): boolean {
    return this.keys !== null;
  }

  /** Creates the vault with a new random master secret; leaves it unlocked. */
  async create(passphrase: string, kdf?: KdfChoice): Promise<void> {
    if (await this.isCreated())
      throw new VaultError('This vault already exists; unlock it instead.');
    if (passphrase.length < 8)
      throw new VaultError('The passphrase must be at least 8 characters long.');
    const params = newKdfParams(kdf);
    const secret = randomBytes(32);
    const wrappedSecret = await wrapSecret(await deriveWrappingKey(passphrase, params), secret);
    const keys = await deriveVaultKeys(secret);
    secret.fill(0);
    const at = this.now();
    await this.db.transaction('rw', [this.db.keyring, this.db.auditLog], async () => {
      await this.db.keyring.add({
        id: KEYRING_ID,
        kdf: params,
        wrappedSecret,
        createdAt: at,
        changedAt: at,
      });
      await this.appendAudit('create-vault', null, null, params.algorithm);
    });
    this.keys = keys;
    this.touch();
  }

  /** Unlocks with the passphrase; a wrong one fails after a deliberate delay and is logged. */
  async unlock(passphrase: string): Promise<void> {
    const keyring = KeyringRecordSchema.parse((await this.db.keyring.get(KEYRING_ID)) ?? null, {
      error: () => 'This vault has not been created yet.',
    });
    let secret: Bytes;
    try {
      secret = await unwrapSecret(
        await deriveWrappingKey(passphrase, keyring.kdf),
        keyring.wrappedSecret,
      );
    } catch (error) {
      if (!(error instanceof WrongPassphraseError)) throw error;
      await this.appendAudit('unlock-failed', null, null, '');
      await sleep((await this.settings()).wrongPassphraseDelayMs);
      throw error;
    }
    this.keys = await deriveVaultKeys(secret);
    secret.fill(0);
    await this.appendAudit('unlock', null, null, '');
    this.touch();
    await this.purgeExpired();
    // Decrypt the dossier list in the background: the first screen after unlock shows it.
    void this.loadSummaries().catch(() => undefined);
  }

  /** Forgets the keys and every decrypted value held in memory. */
  lock(reason: 'manual' | 'idle' | 'hidden' = 'manual'): void {
    if (!this.keys) return;
    this.keys = null;
    this.summaries = null;
    this.clearTimer('idleTimer');
    this.clearTimer('hiddenTimer');
    void this.appendAudit('lock', null, null, reason).catch(() => undefined);
    for (const listener of this.lockListeners) listener(reason);
  }

  /** Called when the vault locks itself (idle, hidden) or is locked; returns an unsubscribe. */
  onLock(listener: (reason: 'manual' | 'idle' | 'hidden') => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** Re-wraps the master secret under the new passphrase (and KDF); no data is re-encrypted. */
  async changePassphrase(current: string, next: string, kdf?: KdfChoice): Promise<void> {
    if (next.length < 8) throw new VaultError('The passphrase must be at least 8 characters long.');
    const keyring = KeyringRecordSchema.parse(await this.db.keyring.get(KEYRING_ID));
    let secret: Bytes;
    try {
      secret = await unwrapSecret(
        await deriveWrappingKey(current, keyring.kdf),
        keyring.wrappedSecret,
      );
    } catch (error) {
      if (error instanceof WrongPassphraseError) {
        await this.appendAudit('unlock-failed', null, null, 'change-passphrase');
        await sleep((await this.settings()).wrongPassphraseDelayMs);
      }
      throw error;
    }
    const params = newKdfParams(kdf ?? keyring.kdf);
    const wrappedSecret = await wrapSecret(await deriveWrappingKey(next, params), secret);
    this.keys = await deriveVaultKeys(secret);
    secret.fill(0);
    await this.db.transaction('rw', [this.db.keyring, this.db.auditLog], async () => {
      await this.db.keyring.put({ ...keyring, kdf: params, wrappedSecret, changedAt: this.now() });
      await this.appendAudit('change-passphrase', null, null, params.algorithm);
    });
    this.touch();
  }

  /** Closes the database and stops timers (the vault is locked). */
  close(): void {
    this.lock();
    this.clearTimer('purgeTimer');
    this.db.close();
  }

  // ── Settings and timers ─────────────────────────────────────────────────────

  async settings(): Promise<VaultSettings> {
    if (this.settingsCache) return this.settingsCache;
    const row = await this.db.settings.get(SETTINGS_KEY);
    this.settingsCache = VaultSettingsSchema.parse(row?.value ?? {});
    return this.settingsCache;
  }

  /** Changes settings (unlocked only); logged as 'settings' with the names of what changed. */
  async updateSettings(patch: Partial<VaultSettings>): Promise<VaultSettings> {
    this.requireKeys();
    const before = await this.settings();
    const next = VaultSettingsSchema.parse({ ...before, ...patch });
    const changed = (Object.keys(next) as (keyof VaultSettings)[]).filter(
      // By value: a list setting (trustedKeys) is a new array on every parse.
      (k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]),
    );
    await this.db.transaction('rw', [this.db.settings, this.db.auditLog], async () => {
      await this.db.settings.put({ key: SETTINGS_KEY, value: next });
      if (changed.length > 0) await this.appendAudit('settings', null, null, changed.join(' '));
    });
    this.settingsCache = next;
    this.touch();
    return next;
  }

  /** Restarts the idle timer; every API call does this, the UI calls it on input. */
  touch(): void {
    if (!this.keys) return;
    this.clearTimer('idleTimer');
    const minutes =
      this.settingsCache?.autoLockMinutes ?? VaultSettingsSchema.parse({}).autoLockMinutes;
    this.idleTimer = setTimeout(() => this.lock('idle'), minutes * 60_000);
  }

  /**
   * The host reports window visibility (document.visibilitychange, or Electron's
   * blur/minimize); hidden for longer than `hiddenLockMinutes` locks the vault.
   */
  setWindowHidden(hidden: boolean): void {
    this.clearTimer('hiddenTimer');
    if (!hidden || !this.keys) return;
    const minutes =
      this.settingsCache?.hiddenLockMinutes ?? VaultSettingsSchema.parse({}).hiddenLockMinutes;
    this.hiddenTimer = setTimeout(() => this.lock('hidden'), minutes * 60_000);
  }

  /** Wires `setWindowHidden` to a DOM document's visibility; returns an unsubscribe. */
  bindVisibility(doc: Document): () => void {
    const handler = () => this.setWindowHidden(doc.visibilityState === 'hidden');
    doc.addEventListener('visibilitychange', handler);
    return () => doc.removeEventListener('visibilitychange', handler);
  }

  private clearTimer(name: 'idleTimer' | 'hiddenTimer' | 'purgeTimer'): void {
    const timer = this[name];
    if (timer !== null) clearTimeout(timer);
    this[name] = null;
  }

  /**
   * The vault's Ed25519 key that signs exported packs: made on first use, kept sealed in
   * the settings table (no schema change), so it never leaves the vault in plain text.
   */
  async packSigningSecret(): Promise<Uint8Array> {
    const keys = this.requireKeys();
    const row = await this.db.settings.get(PACK_SIGNING_KEY);
    if (row) return openBytes(keys.data, 'settings', PACK_SIGNING_KEY, 'secret', row.value);
    const secret = newSigningSecret();
    const sealed = await sealBytes(
      keys.data,
      'settings',
      PACK_SIGNING_KEY,
      'secret',
      new Uint8Array(secret),
    );
    await this.db.settings.put({ key: PACK_SIGNING_KEY, value: sealed });
    return secret;
  }

  private requireKeys(): VaultKeys {
    if (!this.keys) throw new VaultLockedError();
    return this.keys;
  }

  // ── Dossiers ────────────────────────────────────────────────────────────────

  async createDossier(input: NewDossier): Promise<string> {
    const keys = this.requireKeys();
    const value = NewDossierSchema.parse(input);
    const id = newId();
    const at = this.now();
    const record: DossierRecord = {
      id,
      rulePack: value.rulePack,
      status: value.status,
      createdAt: at,
      updatedAt: at,
      deletedAt: 0,
      company: await sealText(keys.data, 'dossiers', id, 'company', value.company),
      legalRepresentative: await this.sealOptional(
        keys,
        'dossiers',
        id,
        'legalRepresentative',
        value.legalRepresentative,
      ),
      idNumber: await this.sealOptional(keys, 'dossiers', id, 'idNumber', value.idNumber),
      creditCode: await this.sealOptional(keys, 'dossiers', id, 'creditCode', value.creditCode),
      idNumberIndex: value.idNumber ? await blindIndex(keys.mac, 'idNumber', value.idNumber) : '',
      creditCodeIndex: value.creditCode
        ? await blindIndex(keys.mac, 'creditCode', value.creditCode)
        : '',
      checkSummary: null,
    };
    await this.db.transaction('rw', [this.db.dossiers, this.db.auditLog], async () => {
      await this.db.dossiers.add(record);
      await this.appendAudit('create-dossier', id, id, '');
    });
    this.dossierWrites++;
    this.summaries?.set(
      id,
      summaryOf({ ...value, id, createdAt: at, updatedAt: at, checkSummary: null }),
    );
    this.touch();
    return id;
  }

  async updateDossier(id: string, patch: DossierPatch): Promise<void> {
    const keys = this.requireKeys();
    const value = DossierPatchSchema.parse(patch);
    const before = await this.getDossier(id);
    const at = this.now();
    const changes: Partial<DossierRecord> = { updatedAt: at };
    const events: ChangeEventRecord[] = [];
    if (value.rulePack !== undefined) changes.rulePack = value.rulePack;
    if (value.status !== undefined) changes.status = value.status;
    for (const field of ['company', 'legalRepresentative', 'idNumber', 'creditCode'] as const) {
      const next = value[field];
      if (next === undefined || next === before[field]) continue;
      if (field === 'company') {
        if (next === null) throw new VaultError('A dossier needs a company name.');
        changes.company = await sealText(keys.data, 'dossiers', id, field, next);
      } else {
        changes[field] = await this.sealOptional(keys, 'dossiers', id, field, next);
      }
      if (field === 'idNumber')
        changes.idNumberIndex = next ? await blindIndex(keys.mac, 'idNumber', next) : '';
      if (field === 'creditCode')
        changes.creditCodeIndex = next ? await blindIndex(keys.mac, 'creditCode', next) : '';
      events.push(
        await this.changeEvent(keys, id, 'edit', 'dossiers', id, field, before[field], next),
      );
    }
    await this.db.transaction(
      'rw',
      [this.db.dossiers, this.db.changeEvents, this.db.auditLog],
      async () => {
        await this.db.dossiers.update(id, changes);
        await this.db.changeEvents.bulkAdd(events);
        await this.appendAudit('edit', id, id, `${events.length} field(s)`);
      },
    );
    const merged: Dossier = { ...before, ...stripUndefined(value), updatedAt: at };
    this.dossierWrites++;
    this.summaries?.set(id, summaryOf(merged));
    this.touch();
  }

  async getDossier(id: string): Promise<Dossier> {
    const keys = this.requireKeys();
    const record = await this.db.dossiers.get(id);
    if (!record || record.deletedAt !== 0) throw new VaultError(`There is no dossier ${id}.`);
    return this.openDossier(keys, record);
  }

  /** Live dossiers, most recently changed first (decrypted once per unlock, then in memory). */
  async listDossiers(): Promise<DossierSummary[]> {
    const summaries = await this.loadSummaries();
    this.touch();
    return [...summaries.values()].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** Case-insensitive substring search over company, legal representative and credit code, in memory. */
  async searchDossiers(query: string): Promise<DossierSummary[]> {
    const needle = query.normalize('NFKC').trim().toLowerCase();
    const all = await this.listDossiers();
    if (!needle) return all;
    return all.filter((d) =>
      [d.company, d.legalRepresentative, d.creditCode].some((v) =>
        v?.normalize('NFKC').toLowerCase().includes(needle),
      ),
    );
  }

  /** Dossiers whose credit code is exactly `creditCode` (blind index; no decryption). */
  async findDossiersByCreditCode(creditCode: string): Promise<string[]> {
    const keys = this.requireKeys();
    const index = await blindIndex(keys.mac, 'creditCode', creditCode);
    const rows = await this.db.dossiers.where('creditCodeIndex').equals(index).toArray();
    return rows.filter((r) => r.deletedAt === 0).map((r) => r.id);
  }

  /** Live dossiers whose legal representative has this ID number (blind index). */
  async dossiersForIdNumber(idNumber: string, exceptDossierId?: string): Promise<string[]> {
    const keys = this.requireKeys();
    const index = await blindIndex(keys.mac, 'idNumber', idNumber);
    const rows = await this.db.dossiers.where('idNumberIndex').equals(index).toArray();
    return rows.filter((r) => r.deletedAt === 0 && r.id !== exceptDossierId).map((r) => r.id);
  }

  /**
   * Accounts that other dossiers link with the same ID number: the `id.reuse` check's
   * DossierInput.idAccountsElsewhere (src/core/dossier.ts).
   */
  async countAccountsForIdNumber(idNumber: string, exceptDossierId?: string): Promise<number> {
    const ids = await this.dossiersForIdNumber(idNumber, exceptDossierId);
    let count = 0;
    for (const id of ids) count += await this.db.accounts.where('dossierId').equals(id).count();
    return count;
  }

  /** What the checks need from the vault for one dossier (documents are read separately). */
  async checkInputs(dossierId: string): Promise<{
    accounts: AccountInput[];
    declared: DeclaredInput;
    confirmed: Confirmed;
    idAccountsElsewhere: number | undefined;
  }> {
    const dossier = await this.getDossier(dossierId);
    const confirmed: Confirmed = {};
    for (const doc of await this.listDocuments(dossierId)) {
      const kind = DocumentKindSchema.safeParse(doc.kind);
      if (!kind.success) continue;
      for (const field of await this.listExtractions(doc.id)) {
        if (field.confirmedValue === null) continue;
        (confirmed[kind.data] ??= {})[field.field] = field.confirmedValue;
      }
    }
    return {
      accounts: (await this.listAccounts(dossierId)).map(({ store, phone, email }) => ({
        store,
        phone,
        email,
      })),
      declared: await this.getDeclared(dossierId),
      confirmed,
      idAccountsElsewhere: dossier.idNumber
        ? await this.countAccountsForIdNumber(dossier.idNumber, dossierId)
        : undefined,
    };
  }

  /**
   * The decrypted dossier list, cached until lock. A load that raced a write to dossiers
   * (a count kept in `dossierWrites`) is discarded and read again.
   */
  private async loadSummaries(): Promise<Map<string, DossierSummary>> {
    const keys = this.requireKeys();
    for (;;) {
      if (this.summaries) return this.summaries;
      this.summariesLoad ??= this.readSummaries(keys).finally(() => (this.summariesLoad = null));
      const loaded = await this.summariesLoad;
      if (this.keys !== keys) throw new VaultLockedError();
      if (loaded.generation === this.dossierWrites) {
        this.summaries = loaded.summaries;
        return loaded.summaries;
      }
    }
  }

  private async readSummaries(
    keys: VaultKeys,
  ): Promise<{ generation: number; summaries: Map<string, DossierSummary> }> {
    const generation = this.dossierWrites;
    const rows = await this.db.dossiers.where('deletedAt').equals(0).toArray();
    const opened = await Promise.all(rows.map((r) => this.openDossier(keys, r)));
    return { generation, summaries: new Map(opened.map((d) => [d.id, summaryOf(d)])) };
  }

  private async openDossier(keys: VaultKeys, r: DossierRecord): Promise<Dossier> {
    const open = (field: string, sealed: Sealed | null) =>
      sealed === null
        ? Promise.resolve(null)
        : this.openTextLogged(keys, 'dossiers', r.id, field, sealed);
    const [company, legalRepresentative, idNumber, creditCode, checkSummary] = await Promise.all([
      this.openTextLogged(keys, 'dossiers', r.id, 'company', r.company),
      open('legalRepresentative', r.legalRepresentative),
      open('idNumber', r.idNumber),
      open('creditCode', r.creditCode),
      r.checkSummary ? this.openCheckSummary(keys, r.id, r.checkSummary) : null,
    ]);
    return {
      id: r.id,
      rulePack: r.rulePack,
      status: r.status,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      company,
      legalRepresentative,
      idNumber,
      creditCode,
      checkSummary,
    };
  }

  /**
   * A dossier's sealed check summary. Altered → VaultIntegrityError (logged); a summary
   * that no longer matches the schema is derived data, so it reads as null (re-run checks).
   */
  private async openCheckSummary(
    keys: VaultKeys,
    id: string,
    sealed: Sealed,
  ): Promise<DossierCheckSummary | null> {
    const json = await this.openJsonLogged(keys, 'dossiers', id, 'checkSummary', sealed);
    const parsed = DossierCheckSummarySchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  }

  /**
   * Stores the result of the last check run on the dossier (shown in the list). Cheap: one
   * sealed value and one write, no history, no audit entry. It does not change `updatedAt`:
   * the summary is derived from the dossier, not an edit, so running the checks does not
   * reorder the list ("most recently changed first").
   */
  async setCheckSummary(dossierId: string, summary: DossierCheckSummaryInput): Promise<void> {
    const keys = this.requireKeys();
    const value = DossierCheckSummarySchema.parse(summary);
    const sealed = await sealJson(keys.data, 'dossiers', dossierId, 'checkSummary', value);
    const written = await this.db.dossiers
      .where('id')
      .equals(dossierId)
      .and((d) => d.deletedAt === 0)
      .modify({ checkSummary: sealed });
    if (written === 0) throw new VaultError(`There is no dossier ${dossierId}.`);
    this.dossierWrites++;
    const cached = this.summaries?.get(dossierId);
    if (cached) cached.checkSummary = value;
    this.touch();
  }

  // ── Documents ───────────────────────────────────────────────────────────────

  /**
   * Imports one file into a dossier in one transaction: refused (ImportRefusedError) when
   * too large, of an unsupported type, or declaring too many pixels; DuplicateFileError
   * when the same bytes are already in this dossier (unless `allowDuplicate`); the same
   * file in other dossiers is normal (see otherDossiersWithFile). With `read`,
   * its extraction and reading are stored in that same transaction, so a crash or a refusal
   * never leaves a document without what was read from it.
   */
  async importFile(
    dossierId: string,
    file: ImportFile,
    options: ImportOptions = {},
  ): Promise<DocumentInfo> {
    const keys = this.requireKeys();
    const input = ImportFileSchema.parse(file);
    // Parsed before anything is written or refused: a bad `read` is the caller's bug.
    const read = options.read ? ImportReadSchema.parse(options.read) : null;
    const settings = await this.settings();
    const bytes = input.bytes;
    // The one intake policy (src/core/intake.ts), with this vault's limits.
    const admission = admit(bytes, settings);
    if (!admission.ok) {
      const { reason } = admission.problem;
      await this.appendAudit(
        'import-refused',
        dossierId,
        null,
        `${reason} ${sniffMime(bytes)} ${bytes.length} bytes`,
      );
      throw new ImportRefusedError(admission.problem, admission.message);
    }
    const { mime } = admission;
    await this.getDossier(dossierId);
    const fingerprint = await fileFingerprint(keys.mac, bytes);
    if (!options.allowDuplicate) await this.throwIfDuplicate(keys, fingerprint, dossierId);

    const id = newId();
    const at = this.now();
    const sha256 = await sha256Hex(bytes);
    const pages = input.pages ?? (mime === 'application/pdf' ? estimatePdfPages(bytes) : 1);
    const record: DocumentRecord = {
      id,
      dossierId,
      kind: input.kind,
      mime,
      size: bytes.length,
      pages,
      createdAt: at,
      deletedAt: 0,
      fileName: await sealText(keys.data, 'documents', id, 'fileName', input.name),
      sha256: await sealText(keys.data, 'documents', id, 'sha256', sha256),
      fingerprint,
    };
    const data = await sealBytes(keys.data, 'blobs', id, 'data', bytes);
    // Sealed before the transaction: IndexedDB commits a transaction left idle across an await
    // that is not its own request (WebCrypto), so nothing async but table calls may run inside.
    const extractions = read
      ? await this.extractionRecords(keys, id, dossierId, read.fields, new Map())
      : [];
    const reading = read ? await this.readingRecord(keys, id, dossierId, read.reading, at) : null;
    await this.db.transaction(
      'rw',
      [
        this.db.documents,
        this.db.blobs,
        this.db.extractions,
        this.db.readings,
        this.db.dossiers,
        this.db.auditLog,
      ],
      async () => {
        if (!options.allowDuplicate) {
          if (await this.findLiveCopy(fingerprint, dossierId)) {
            throw new VaultError('The same file was imported at the same time; try again.');
          }
        }
        await this.db.documents.add(record);
        await this.db.blobs.add({ documentId: id, data });
        if (extractions.length > 0) await this.db.extractions.bulkPut(extractions);
        if (reading) await this.db.readings.add(reading);
        await this.db.dossiers.update(dossierId, { updatedAt: at });
        await this.appendAudit('import', dossierId, id, `${mime} ${bytes.length} bytes`);
      },
    );
    this.markDossierChanged(dossierId, at);
    return {
      id,
      dossierId,
      kind: input.kind,
      fileName: input.name,
      mime,
      size: bytes.length,
      pages,
      sha256,
      createdAt: at,
    };
  }

  /** Live copies of a file (same keyed fingerprint) in live dossiers. */
  private async findLiveCopies(fingerprint: string): Promise<DocumentRecord[]> {
    const candidates = await this.db.documents
      .where('fingerprint')
      .equals(fingerprint)
      .filter((d) => d.deletedAt === 0)
      .toArray();
    const live: DocumentRecord[] = [];
    for (const doc of candidates) {
      if ((await this.db.dossiers.get(doc.dossierId))?.deletedAt === 0) live.push(doc);
    }
    return live;
  }

  /** The live copy of a file in this dossier, if any. */
  private async findLiveCopy(
    fingerprint: string,
    dossierId: string,
  ): Promise<DocumentRecord | undefined> {
    return (await this.findLiveCopies(fingerprint)).find((d) => d.dossierId === dossierId);
  }

  private async companyOf(keys: VaultKeys, dossierId: string): Promise<string> {
    const dossier = (await this.db.dossiers.get(dossierId))!;
    return this.openTextLogged(keys, 'dossiers', dossier.id, 'company', dossier.company);
  }

  /** A file already in this dossier is refused (DuplicateFileError). */
  private async throwIfDuplicate(
    keys: VaultKeys,
    fingerprint: string,
    dossierId: string,
  ): Promise<void> {
    const here = await this.findLiveCopy(fingerprint, dossierId);
    if (here) {
      throw new DuplicateFileError(here.dossierId, here.id, await this.companyOf(keys, dossierId));
    }
  }

  /**
   * The companies of the other live dossiers holding the same file as this document: one
   * legal representative's ID card behind several companies is normal, so the same file
   * in another dossier is noted ("also in dossier X"), not refused.
   */
  async otherDossiersWithFile(documentId: string): Promise<string[]> {
    const keys = this.requireKeys();
    const doc = await this.db.documents.get(documentId);
    if (!doc) throw new VaultError(`There is no document ${documentId}.`);
    const others = (await this.findLiveCopies(doc.fingerprint))
      .map((d) => d.dossierId)
      .filter((id) => id !== doc.dossierId);
    return Promise.all([...new Set(others)].map((id) => this.companyOf(keys, id)));
  }

  async listDocuments(dossierId: string): Promise<DocumentInfo[]> {
    const keys = this.requireKeys();
    const rows = await this.db.documents
      .where('dossierId')
      .equals(dossierId)
      .filter((d) => d.deletedAt === 0)
      .toArray();
    const docs = await Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        dossierId: r.dossierId,
        kind: r.kind,
        mime: r.mime,
        size: r.size,
        pages: r.pages,
        createdAt: r.createdAt,
        fileName: await this.openTextLogged(keys, 'documents', r.id, 'fileName', r.fileName),
        sha256: await this.openTextLogged(keys, 'documents', r.id, 'sha256', r.sha256),
      })),
    );
    this.touch();
    return docs.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  /** The file's bytes, decrypted (VaultIntegrityError when altered). */
  async readDocument(documentId: string): Promise<Bytes> {
    const keys = this.requireKeys();
    const blob = await this.db.blobs.get(documentId);
    if (!blob) throw new VaultError(`There is no document ${documentId}.`);
    try {
      return await openBytes(keys.data, 'blobs', documentId, 'data', blob.data);
    } catch (error) {
      if (error instanceof VaultIntegrityError)
        await this.appendAudit('integrity-failure', null, documentId, 'blobs');
      throw error;
    } finally {
      this.touch();
    }
  }

  /**
   * Changes what kind of document this is (a person corrects the classifier): a change
   * event and an 'edit' audit entry; the dossier counts as changed. Same kind: nothing.
   */
  async setDocumentKind(documentId: string, kind: DetectedKind): Promise<void> {
    const keys = this.requireKeys();
    const next = DetectedKindSchema.parse(kind);
    const doc = await this.db.documents.get(documentId);
    if (!doc || doc.deletedAt !== 0) throw new VaultError(`There is no document ${documentId}.`);
    if (doc.kind === next) return this.touch();
    const at = this.now();
    const event = await this.changeEvent(
      keys,
      doc.dossierId,
      'edit',
      'documents',
      documentId,
      'kind',
      doc.kind,
      next,
    );
    await this.writeDossierEdit(this.db.documents, at, event, 'edit', 'kind', () =>
      this.db.documents.update(documentId, { kind: next }),
    );
  }

  // ── Readings ────────────────────────────────────────────────────────────────

  /** Stores how a document was read (replacing an earlier reading), sealed as one JSON value. */
  async saveReading(documentId: string, reading: DocumentReadingInput): Promise<void> {
    const keys = this.requireKeys();
    const value = DocumentReadingSchema.parse(reading);
    const doc = await this.db.documents.get(documentId);
    if (!doc) throw new VaultError(`There is no document ${documentId}.`);
    const record = await this.readingRecord(keys, documentId, doc.dossierId, value, this.now());
    await this.db.readings.put(record);
    this.touch();
  }

  /**
   * Sets a document aside (two documents claim one kind, spec §3 docs.complete) or uses it
   * again: kept in its sealed reading, and audited in the same transaction.
   */
  async setDocumentAside(documentId: string, aside: boolean): Promise<void> {
    const keys = this.requireKeys();
    const doc = await this.db.documents.get(documentId);
    if (!doc || doc.deletedAt !== 0) throw new VaultError(`There is no document ${documentId}.`);
    const reading = await this.getReading(documentId);
    const value = DocumentReadingSchema.parse({
      ...(reading ?? { source: null, detectedKind: 'unknown' }),
      setAside: aside,
    });
    const record = await this.readingRecord(keys, documentId, doc.dossierId, value, this.now());
    await this.db.transaction('rw', [this.db.readings, this.db.auditLog], async () => {
      await this.db.readings.put(record);
      await this.appendAudit('set-aside', doc.dossierId, documentId, aside ? 'on' : 'off');
    });
    this.touch();
  }

  /** A reading sealed for storage (shared by saveReading and importFile). */
  private async readingRecord(
    keys: VaultKeys,
    documentId: string,
    dossierId: string,
    reading: DocumentReading,
    at: number,
  ): Promise<ReadingRecord> {
    return {
      documentId,
      dossierId,
      updatedAt: at,
      reading: await sealJson(keys.data, 'readings', documentId, 'reading', reading),
    };
  }

  /** How a document was read, or null if it was never saved (VaultIntegrityError when altered). */
  async getReading(documentId: string): Promise<DocumentReading | null> {
    const keys = this.requireKeys();
    const record = await this.db.readings.get(documentId);
    this.touch();
    if (!record) return null;
    const json = await this.openJsonLogged(keys, 'readings', documentId, 'reading', record.reading);
    return DocumentReadingSchema.parse(json);
  }

  // ── Extractions ─────────────────────────────────────────────────────────────

  /** Stores what OCR read for a document (replacing earlier OCR values, keeping confirmations). */
  async saveExtraction(documentId: string, fields: ExtractedFieldInput[]): Promise<void> {
    const keys = this.requireKeys();
    const doc = await this.db.documents.get(documentId);
    if (!doc) throw new VaultError(`There is no document ${documentId}.`);
    const existing = new Map(
      (await this.db.extractions.where('documentId').equals(documentId).toArray()).map((r) => [
        r.field,
        r,
      ]),
    );
    const records = await this.extractionRecords(
      keys,
      documentId,
      doc.dossierId,
      fields.map((f) => ExtractedFieldInputSchema.parse(f)),
      existing,
    );
    await this.db.extractions.bulkPut(records);
    this.touch();
  }

  /**
   * OCR values sealed for storage (shared by saveExtraction and importFile); a field already
   * in `existing` keeps what a person confirmed.
   */
  private async extractionRecords(
    keys: VaultKeys,
    documentId: string,
    dossierId: string,
    fields: readonly z.output<typeof ExtractedFieldInputSchema>[],
    existing: ReadonlyMap<string, ExtractionRecord>,
  ): Promise<ExtractionRecord[]> {
    const records: ExtractionRecord[] = [];
    for (const input of fields) {
      const id = `${documentId}:${input.field}`;
      const old = existing.get(input.field);
      records.push({
        id,
        documentId,
        dossierId,
        field: input.field,
        ocrValue: await this.sealOptional(keys, 'extractions', id, 'ocrValue', input.value),
        confidence: input.confidence,
        box: input.box ? await sealJson(keys.data, 'extractions', id, 'box', input.box) : null,
        corrections: await sealJson(keys.data, 'extractions', id, 'corrections', input.corrections),
        confirmedValue: old?.confirmedValue ?? null,
        confirmedBy: old?.confirmedBy ?? null,
        confirmedAt: old?.confirmedAt ?? null,
      });
    }
    return records;
  }

  async listExtractions(documentId: string): Promise<ExtractedField[]> {
    const keys = this.requireKeys();
    const rows = await this.db.extractions.where('documentId').equals(documentId).toArray();
    return Promise.all(
      rows.map(async (r) => {
        const text = (field: string, sealed: Sealed | null) =>
          sealed === null
            ? Promise.resolve(null)
            : this.openTextLogged(keys, 'extractions', r.id, field, sealed);
        return {
          field: r.field,
          value: await text('ocrValue', r.ocrValue),
          confidence: r.confidence,
          box: r.box
            ? BoxSchema.parse(await openJson(keys.data, 'extractions', r.id, 'box', r.box))
            : null,
          corrections: r.corrections
            ? CorrectionSchema.array().parse(
                await openJson(keys.data, 'extractions', r.id, 'corrections', r.corrections),
              )
            : [],
          confirmedValue: await text('confirmedValue', r.confirmedValue),
          confirmedBy: await text('confirmedBy', r.confirmedBy),
          confirmedAt: r.confirmedAt,
        };
      }),
    );
  }

  /** A person confirms a field's value against the image; recorded with who and when. */
  async confirm(documentId: string, field: string, value: string, by: string): Promise<void> {
    const keys = this.requireKeys();
    const doc = await this.db.documents.get(documentId);
    if (!doc) throw new VaultError(`There is no document ${documentId}.`);
    const id = `${documentId}:${field}`;
    const old = await this.db.extractions.get(id);
    const before = old?.confirmedValue
      ? await openText(keys.data, 'extractions', id, 'confirmedValue', old.confirmedValue)
      : null;
    const at = this.now();
    const record: ExtractionRecord = {
      id,
      documentId,
      dossierId: doc.dossierId,
      field,
      ocrValue: old?.ocrValue ?? null,
      confidence: old?.confidence ?? 0,
      box: old?.box ?? null,
      corrections: old?.corrections ?? null,
      confirmedValue: await sealText(keys.data, 'extractions', id, 'confirmedValue', value),
      confirmedBy: await sealText(keys.data, 'extractions', id, 'confirmedBy', by),
      confirmedAt: at,
    };
    const event = await this.changeEvent(
      keys,
      doc.dossierId,
      'confirm',
      'extractions',
      id,
      field,
      before,
      value,
    );
    await this.db.transaction(
      'rw',
      [this.db.extractions, this.db.changeEvents, this.db.auditLog],
      async () => {
        await this.db.extractions.put(record);
        await this.db.changeEvents.add(event);
        await this.appendAudit('confirm', doc.dossierId, documentId, field);
      },
    );
    this.touch();
  }

  // ── Accounts and declared values ────────────────────────────────────────────

  async addAccount(dossierId: string, account: AccountInput): Promise<string> {
    const keys = this.requireKeys();
    const value = AccountSchema.parse(account);
    await this.getDossier(dossierId);
    const id = newId();
    await this.db.accounts.add({
      id,
      dossierId,
      createdAt: this.now(),
      store: await sealText(keys.data, 'accounts', id, 'store', value.store),
      phone: await sealText(keys.data, 'accounts', id, 'phone', value.phone),
      email: await sealText(keys.data, 'accounts', id, 'email', value.email),
    });
    this.touch();
    return id;
  }

  async listAccounts(dossierId: string): Promise<StoredAccount[]> {
    const keys = this.requireKeys();
    const rows = (await this.db.accounts.where('dossierId').equals(dossierId).toArray()).sort(
      (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
    );
    return Promise.all(rows.map((r) => this.openAccount(keys, r)));
  }

  private async openAccount(keys: VaultKeys, r: AccountRecord): Promise<StoredAccount> {
    return {
      id: r.id,
      store: await this.openTextLogged(keys, 'accounts', r.id, 'store', r.store),
      phone: await this.openTextLogged(keys, 'accounts', r.id, 'phone', r.phone),
      email: await this.openTextLogged(keys, 'accounts', r.id, 'email', r.email),
    };
  }

  /**
   * Every account of every live dossier, decrypted: the UI searches dossiers by store,
   * phone or email in memory after unlock (nothing of it is indexed).
   */
  async listAccountsAll(): Promise<{ dossierId: string; account: StoredAccount }[]> {
    const keys = this.requireKeys();
    const live = new Set(await this.db.dossiers.where('deletedAt').equals(0).primaryKeys());
    const rows = (await this.db.accounts.toArray())
      .filter((r) => live.has(r.dossierId))
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const out = await Promise.all(
      rows.map(async (r) => ({ dossierId: r.dossierId, account: await this.openAccount(keys, r) })),
    );
    this.touch();
    return out;
  }

  async removeAccount(accountId: string): Promise<void> {
    this.requireKeys();
    await this.db.accounts.delete(accountId);
    this.touch();
  }

  async setDeclared(dossierId: string, declared: DeclaredInput): Promise<void> {
    const keys = this.requireKeys();
    const value = DeclaredSchema.parse(declared);
    await this.getDossier(dossierId);
    await this.db.declared.put({
      dossierId,
      updatedAt: this.now(),
      idValidUntil: await this.sealOptional(
        keys,
        'declared',
        dossierId,
        'idValidUntil',
        value.idValidUntil ?? null,
      ),
      officeAddress: await this.sealOptional(
        keys,
        'declared',
        dossierId,
        'officeAddress',
        value.officeAddress ?? null,
      ),
    });
    this.touch();
  }

  async getDeclared(dossierId: string): Promise<DeclaredInput> {
    const keys = this.requireKeys();
    const r = await this.db.declared.get(dossierId);
    if (!r) return {};
    const out: DeclaredInput = {};
    if (r.idValidUntil)
      out.idValidUntil = await this.openTextLogged(
        keys,
        'declared',
        dossierId,
        'idValidUntil',
        r.idValidUntil,
      );
    if (r.officeAddress)
      out.officeAddress = await this.openTextLogged(
        keys,
        'declared',
        dossierId,
        'officeAddress',
        r.officeAddress,
      );
    return out;
  }

  // ── Accepted exceptions ─────────────────────────────────────────────────────

  /**
   * A person accepts a check's failure with a written reason (spec/linking-rules.md §3);
   * accepting the same check again replaces the reason. `at` is the vault's clock.
   */
  async acceptException(dossierId: string, exception: ExceptionInput): Promise<void> {
    const keys = this.requireKeys();
    const input = ExceptionInputSchema.parse(exception);
    const reason = input.reason.trim();
    const by = input.by.trim();
    if (!reason) throw new VaultError('Write a reason before accepting an exception.');
    if (!by)
      throw new VaultError(
        'Enter your name in Settings; an accepted exception records who accepted it.',
      );
    const dossier = await this.db.dossiers.get(dossierId);
    if (!dossier || dossier.deletedAt !== 0)
      throw new VaultError(`There is no dossier ${dossierId}.`);
    const id = `${dossierId}:${input.check}`;
    const old = await this.db.exceptions.get(id);
    const before = old
      ? await this.openTextLogged(keys, 'exceptions', id, 'reason', old.reason)
      : null;
    const atMs = this.now();
    const record: ExceptionRecord = {
      id,
      dossierId,
      check: input.check,
      at: new Date(atMs).toISOString(),
      reason: await sealText(keys.data, 'exceptions', id, 'reason', reason),
      by: await sealText(keys.data, 'exceptions', id, 'by', by),
    };
    const event = await this.changeEvent(
      keys,
      dossierId,
      old ? 'edit' : 'create',
      'exceptions',
      id,
      input.check,
      before,
      reason,
    );
    await this.writeDossierEdit(
      this.db.exceptions,
      atMs,
      event,
      'exception',
      `accepted ${input.check}`,
      () => this.db.exceptions.put(record),
    );
  }

  /** Withdraws an accepted exception (nothing happens when there is none). */
  async revokeException(dossierId: string, check: string): Promise<void> {
    const keys = this.requireKeys();
    const id = `${dossierId}:${check}`;
    const old = await this.db.exceptions.get(id);
    if (!old) return this.touch();
    const before = await this.openTextLogged(keys, 'exceptions', id, 'reason', old.reason);
    const atMs = this.now();
    const event = await this.changeEvent(
      keys,
      dossierId,
      'delete',
      'exceptions',
      id,
      check,
      before,
      null,
    );
    await this.writeDossierEdit(
      this.db.exceptions,
      atMs,
      event,
      'exception',
      `revoked ${check}`,
      () => this.db.exceptions.delete(id),
    );
  }

  /** A dossier's accepted exceptions, by check id (the checks' and the pack's input). */
  async listExceptions(dossierId: string): Promise<AcceptedException[]> {
    const keys = this.requireKeys();
    const rows = (await this.db.exceptions.where('dossierId').equals(dossierId).toArray()).sort(
      (a, b) => (a.check < b.check ? -1 : a.check > b.check ? 1 : 0),
    );
    const out = await Promise.all(
      rows.map(async (r) => ({
        check: r.check,
        reason: await this.openTextLogged(keys, 'exceptions', r.id, 'reason', r.reason),
        by: await this.openTextLogged(keys, 'exceptions', r.id, 'by', r.by),
        at: r.at,
      })),
    );
    this.touch();
    return out;
  }

  // ── Changes to file with the platform (spec §4) ─────────────────────────────

  /**
   * Tracks a change the company must file within N working days (new license address,
   * new legal representative, closed bank account). Returns the change's id.
   */
  async addTrackedChange(dossierId: string, change: TrackedChangeInput): Promise<string> {
    const keys = this.requireKeys();
    const kind = ChangeKindSchema.safeParse(change.kind);
    if (!kind.success)
      throw new VaultError(
        `"${String(change.kind)}" is not a change to track; use one of ${CHANGE_KINDS.join(', ')}.`,
      );
    const id = newId();
    const value = this.parseTrackedChange({ id, kind: kind.data, occurredOn: change.occurredOn });
    const dossier = await this.db.dossiers.get(dossierId);
    if (!dossier || dossier.deletedAt !== 0)
      throw new VaultError(`There is no dossier ${dossierId}.`);
    const atMs = this.now();
    const record: TrackedChangeRecord = {
      id,
      dossierId,
      createdAt: atMs,
      change: await this.sealTrackedChange(keys, value),
    };
    const event = await this.changeEvent(
      keys,
      dossierId,
      'create',
      'trackedChanges',
      id,
      value.kind,
      null,
      value.occurredOn,
    );
    await this.writeDossierEdit(
      this.db.trackedChanges,
      atMs,
      event,
      'edit',
      `change ${value.kind}`,
      () => this.db.trackedChanges.add(record),
    );
    return id;
  }

  /** Records the day the update was filed (it may be corrected later); not before the change. */
  async markChangeFiled(changeId: string, filedOn: string): Promise<void> {
    const keys = this.requireKeys();
    const { record, change } = await this.getTrackedChange(keys, changeId);
    if (!isIsoDate(filedOn))
      throw new VaultError(`The filing date "${filedOn}" is not a date (YYYY-MM-DD).`);
    if (filedOn < change.occurredOn)
      throw new VaultError(
        `The filing date ${filedOn} is before the change on ${change.occurredOn}; enter the day the update was filed.`,
      );
    const value = this.parseTrackedChange({ ...change, filedOn });
    const sealed = await this.sealTrackedChange(keys, value);
    const atMs = this.now();
    const event = await this.changeEvent(
      keys,
      record.dossierId,
      'edit',
      'trackedChanges',
      changeId,
      'filedOn',
      change.filedOn ?? null,
      filedOn,
    );
    await this.writeDossierEdit(
      this.db.trackedChanges,
      atMs,
      event,
      'edit',
      `change ${change.kind} filed`,
      () => this.db.trackedChanges.update(changeId, { change: sealed }),
    );
  }

  /** Removes a change entered by mistake (its history entry keeps the date it had). */
  async removeTrackedChange(changeId: string): Promise<void> {
    const keys = this.requireKeys();
    const { record, change } = await this.getTrackedChange(keys, changeId);
    const atMs = this.now();
    const event = await this.changeEvent(
      keys,
      record.dossierId,
      'delete',
      'trackedChanges',
      changeId,
      change.kind,
      change.occurredOn,
      null,
    );
    await this.writeDossierEdit(
      this.db.trackedChanges,
      atMs,
      event,
      'edit',
      `change ${change.kind} removed`,
      () => this.db.trackedChanges.delete(changeId),
    );
  }

  /** A dossier's tracked changes, filed or not, by the day they happened. */
  async listTrackedChanges(dossierId: string): Promise<TrackedChange[]> {
    const keys = this.requireKeys();
    const rows = await this.db.trackedChanges.where('dossierId').equals(dossierId).toArray();
    const opened = await Promise.all(
      rows.map(async (r) => ({ r, change: await this.openTrackedChange(keys, r) })),
    );
    opened.sort(
      (a, b) =>
        (a.change.occurredOn < b.change.occurredOn
          ? -1
          : a.change.occurredOn > b.change.occurredOn
            ? 1
            : 0) ||
        a.r.createdAt - b.r.createdAt ||
        (a.r.id < b.r.id ? -1 : 1),
    );
    this.touch();
    return opened.map((o) => o.change);
  }

  /** The core schema checks the change; its errors become one sentence. */
  private parseTrackedChange(value: TrackedChange): TrackedChange {
    const parsed = ChangeEventSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new VaultError(`The change date "${value.occurredOn}" is not a date (YYYY-MM-DD).`);
  }

  private async sealTrackedChange(keys: VaultKeys, value: TrackedChange): Promise<Sealed> {
    const { id, ...sealed } = value;
    return sealJson(keys.data, 'trackedChanges', id, 'change', sealed);
  }

  private async openTrackedChange(keys: VaultKeys, r: TrackedChangeRecord): Promise<TrackedChange> {
    const json = await this.openJsonLogged(keys, 'trackedChanges', r.id, 'change', r.change);
    const parsed = ChangeEventSchema.safeParse({ ...(json as object), id: r.id });
    if (parsed.success) return parsed.data;
    // Authentic but not a change: not written by this code, so treated as damage.
    await this.appendAudit('integrity-failure', null, r.id, 'trackedChanges.change');
    throw new VaultIntegrityError('trackedChanges', r.id, 'change');
  }

  private async getTrackedChange(
    keys: VaultKeys,
    changeId: string,
  ): Promise<{ record: TrackedChangeRecord; change: TrackedChange }> {
    const record = await this.db.trackedChanges.get(changeId);
    if (!record) throw new VaultError(`There is no tracked change ${changeId}.`);
    return { record, change: await this.openTrackedChange(keys, record) };
  }

  // ── Holiday schedules and the copy register (storage in their own modules) ────

  /** Stores the years of a holiday schedule file (validated); returns them. */
  async loadHolidaySchedule(raw: unknown, fileName: string): Promise<string[]> {
    this.requireKeys();
    const years = await saveHolidaySchedule(this.db, raw, fileName, this.now());
    await this.appendAudit('settings', null, null, `holiday schedule ${years.join(', ')}`);
    return years;
  }

  async listHolidaySchedules(): Promise<HolidayScheduleRecord[]> {
    return listHolidaySchedules(this.db);
  }

  async removeHolidaySchedule(year: string): Promise<void> {
    this.requireKeys();
    await removeHolidaySchedule(this.db, year);
    await this.appendAudit('settings', null, null, `holiday schedule ${year} removed`);
  }

  /** Records where a pack's copies went (使用登记); returns the entry's id. */
  async recordCopies(dossierId: string, entry: CopyRegisterEntry): Promise<string> {
    return recordCopies(this.db, this.requireKeys(), dossierId, entry, this.now());
  }

  /** A dossier's register, or every entry showing this ID number; newest first. */
  async listCopies(where: { dossierId: string } | { idNumber: string }): Promise<CopyRegisterRow[]> {
    return listCopies(this.db, this.requireKeys(), where);
  }

  // ── History and audit ───────────────────────────────────────────────────────

  async listChanges(dossierId: string): Promise<ChangeEvent[]> {
    const keys = this.requireKeys();
    const rows = (await this.db.changeEvents.where('dossierId').equals(dossierId).toArray()).sort(
      (a, b) => a.at - b.at || (a.id < b.id ? -1 : 1),
    );
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        at: r.at,
        kind: r.kind,
        entity: r.entity,
        entityId: r.entityId,
        field: r.field,
        before: r.before
          ? await this.openTextLogged(keys, 'changeEvents', r.id, 'before', r.before)
          : null,
        after: r.after
          ? await this.openTextLogged(keys, 'changeEvents', r.id, 'after', r.after)
          : null,
      })),
    );
  }

  /** The audit log, oldest first (readable while locked: it holds no secret). */
  async audit(action?: AuditAction): Promise<AuditEntry[]> {
    const entries = action
      ? await this.db.auditLog
          .where('[action+at]')
          .between([action, -Infinity], [action, Infinity])
          .toArray()
      : await this.db.auditLog.toArray();
    return entries.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  }

  /** The UI records an export of a dossier (the pack itself is written elsewhere). */
  async logExport(dossierId: string, detail = ''): Promise<void> {
    this.requireKeys();
    await this.appendAudit('export', dossierId, dossierId, detail);
  }

  private async appendAudit(
    action: AuditAction,
    dossierId: string | null,
    entityId: string | null,
    detail: string,
  ): Promise<void> {
    await this.db.auditLog.add({
      id: newId(),
      at: this.now(),
      action,
      dossierId,
      entityId,
      detail,
    });
  }

  // ── Delete with undo ────────────────────────────────────────────────────────

  /** Hides a dossier (and with it its documents); removed for good after the undo window. */
  async deleteDossier(id: string): Promise<UndoTicket> {
    return this.softDelete('dossiers', id);
  }

  async deleteDocument(id: string): Promise<UndoTicket> {
    return this.softDelete('documents', id);
  }

  private async softDelete(table: 'dossiers' | 'documents', id: string): Promise<UndoTicket> {
    this.requireKeys();
    const at = this.now();
    const record = await this.db
      .table<{ deletedAt: number; dossierId?: string }, string>(table)
      .get(id);
    if (!record || record.deletedAt !== 0)
      throw new VaultError(`There is no ${table === 'dossiers' ? 'dossier' : 'document'} ${id}.`);
    await this.db.transaction('rw', [this.db.table(table), this.db.auditLog], async () => {
      await this.db.table(table).update(id, { deletedAt: at });
      await this.appendAudit(
        'delete',
        table === 'dossiers' ? id : (record.dossierId ?? null),
        id,
        table,
      );
    });
    this.dossierWrites++;
    if (table === 'dossiers') this.summaries?.delete(id);
    const windowMs = (await this.settings()).undoWindowSeconds * 1000;
    this.clearTimer('purgeTimer');
    this.purgeTimer = setTimeout(
      () => void this.purgeExpired().catch(() => undefined),
      windowMs + 50,
    );
    this.touch();
    return { table, id, undoUntil: at + windowMs };
  }

  /** Brings back a soft-deleted dossier or document while its undo window is open. */
  async undoDelete(ticket: Pick<UndoTicket, 'table' | 'id'>): Promise<void> {
    const keys = this.requireKeys();
    const record = await this.db
      .table<{ deletedAt: number; dossierId?: string }, string>(ticket.table)
      .get(ticket.id);
    const windowMs = (await this.settings()).undoWindowSeconds * 1000;
    if (!record || record.deletedAt === 0 || this.now() > record.deletedAt + windowMs) {
      throw new VaultError('The undo window has closed; the item was removed.');
    }
    await this.db.transaction('rw', [this.db.table(ticket.table), this.db.auditLog], async () => {
      await this.db.table(ticket.table).update(ticket.id, { deletedAt: 0 });
      await this.appendAudit(
        'undo-delete',
        ticket.table === 'dossiers' ? ticket.id : (record.dossierId ?? null),
        ticket.id,
        ticket.table,
      );
    });
    this.dossierWrites++;
    if (ticket.table === 'dossiers' && this.summaries) {
      const row = await this.db.dossiers.get(ticket.id);
      if (row) this.summaries.set(ticket.id, summaryOf(await this.openDossier(keys, row)));
    }
    this.touch();
  }

  /**
   * Removes for good what was deleted longer ago than the undo window: the record, its
   * sealed blob, extractions and reading, and (for a dossier) accounts, declared values,
   * accepted exceptions, tracked changes and history.
   * Returns how many dossiers and documents were removed.
   */
  async purgeExpired(): Promise<number> {
    const cutoff = this.now() - (await this.settings()).undoWindowSeconds * 1000;
    const db = this.db;
    const tables = [
      db.dossiers,
      db.documents,
      db.blobs,
      db.extractions,
      db.accounts,
      db.declared,
      db.changeEvents,
      db.readings,
      db.exceptions,
      db.trackedChanges,
      db.auditLog,
    ];
    return db.transaction('rw', tables, async () => {
      const dossiers = await db.dossiers
        .where('deletedAt')
        .between(1, cutoff, true, true)
        .primaryKeys();
      const docsOfDossiers = await db.documents.where('dossierId').anyOf(dossiers).primaryKeys();
      const documents = await db.documents
        .where('deletedAt')
        .between(1, cutoff, true, true)
        .primaryKeys();
      const allDocs = [...new Set([...docsOfDossiers, ...documents])];
      if (dossiers.length === 0 && allDocs.length === 0) return 0;
      await db.blobs.bulkDelete(allDocs);
      await db.extractions.where('documentId').anyOf(allDocs).delete();
      await db.readings.bulkDelete(allDocs);
      await db.readings.where('dossierId').anyOf(dossiers).delete();
      await db.exceptions.where('dossierId').anyOf(dossiers).delete();
      await db.trackedChanges.where('dossierId').anyOf(dossiers).delete();
      await db.documents.bulkDelete(allDocs);
      await db.accounts.where('dossierId').anyOf(dossiers).delete();
      await db.declared.bulkDelete(dossiers);
      await db.changeEvents.where('dossierId').anyOf(dossiers).delete();
      await db.dossiers.bulkDelete(dossiers);
      await this.appendAudit(
        'purge',
        null,
        null,
        `${dossiers.length} dossier(s), ${allDocs.length} document(s)`,
      );
      return dossiers.length + documents.length;
    });
  }

  // ── Backup and restore ──────────────────────────────────────────────────────

  /** One encrypted file of the whole vault (see src/vault/backup.ts for the format). */
  async backup(): Promise<Uint8Array<ArrayBuffer>> {
    const keys = this.requireKeys();
    const file = await backupVault(this.db, keys, this.now());
    await this.appendAudit('backup', null, null, `${file.length} bytes`);
    this.touch();
    return file;
  }

  /**
   * Restores a backup made on any machine, verified before anything is written. Refuses
   * a vault that already holds data unless `overwrite` is true. Leaves the vault unlocked.
   */
  async restore(
    file: Uint8Array,
    passphrase: string,
    options: { overwrite?: boolean } = {},
  ): Promise<void> {
    const { keys } = await restoreVault(this.db, file, passphrase, options.overwrite ?? false);
    this.keys = keys;
    this.dossierWrites++;
    this.summaries = null;
    this.settingsCache = null;
    await this.appendAudit('restore', null, null, '');
    this.touch();
  }

  // ── Helpers ─────────────────────────────────────────────────────────────────

  private async sealOptional(
    keys: VaultKeys,
    table: string,
    id: string,
    field: string,
    value: string | null,
  ): Promise<Sealed | null> {
    return value === null ? null : sealText(keys.data, table, id, field, value);
  }

  private async openTextLogged(
    keys: VaultKeys,
    table: string,
    id: string,
    field: string,
    sealed: Sealed,
  ): Promise<string> {
    try {
      return await openText(keys.data, table, id, field, sealed);
    } catch (error) {
      if (error instanceof VaultIntegrityError)
        await this.appendAudit('integrity-failure', null, id, `${table}.${field}`);
      throw error;
    }
  }

  private async openJsonLogged(
    keys: VaultKeys,
    table: string,
    id: string,
    field: string,
    sealed: Sealed,
  ): Promise<unknown> {
    const text = await this.openTextLogged(keys, table, id, field, sealed);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Authentic ciphertext of non-JSON cannot come from this code: treat it as damage.
      await this.appendAudit('integrity-failure', null, id, `${table}.${field}`);
      throw new VaultIntegrityError(table, id, field);
    }
  }

  /**
   * A user change to a dossier's content in one transaction: `write` to `table`, the
   * dossier's updatedAt, the history `event` and the audit entry; then its list entry moves up.
   */
  private async writeDossierEdit(
    table: Table,
    atMs: number,
    event: ChangeEventRecord,
    action: AuditAction,
    detail: string,
    write: () => Promise<unknown>,
  ): Promise<void> {
    const { dossierId, entityId } = event;
    await this.db.transaction(
      'rw',
      [table, this.db.dossiers, this.db.changeEvents, this.db.auditLog],
      async () => {
        await write();
        await this.db.dossiers.update(dossierId, { updatedAt: atMs });
        await this.db.changeEvents.add(event);
        await this.appendAudit(action, dossierId, entityId, detail);
      },
    );
    this.markDossierChanged(dossierId, atMs);
  }

  /** After a user change to a dossier's content: its list entry moves up. */
  private markDossierChanged(dossierId: string, at: number): void {
    this.dossierWrites++;
    const summary = this.summaries?.get(dossierId);
    if (summary) summary.updatedAt = at;
    this.touch();
  }

  private async changeEvent(
    keys: VaultKeys,
    dossierId: string,
    kind: ChangeEventRecord['kind'],
    entity: string,
    entityId: string,
    field: string,
    before: string | null,
    after: string | null,
  ): Promise<ChangeEventRecord> {
    const id = newId();
    return {
      id,
      dossierId,
      at: this.now(),
      kind,
      entity,
      entityId,
      field,
      before: await this.sealOptional(keys, 'changeEvents', id, 'before', before),
      after: await this.sealOptional(keys, 'changeEvents', id, 'after', after),
    };
  }
}

function summaryOf(d: Omit<Dossier, 'idNumber'> & { idNumber?: string | null }): DossierSummary {
  return {
    id: d.id,
    company: d.company,
    rulePack: d.rulePack,
    status: d.status,
    legalRepresentative: d.legalRepresentative,
    creditCode: d.creditCode,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    checkSummary: d.checkSummary,
  };
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** Page count of a PDF from its `/Type /Page` objects (an estimate; the reader knows better). */
function estimatePdfPages(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  return Math.max(1, text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 1);
}
