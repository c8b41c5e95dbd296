// Shared setup for vault unit tests: fake-indexeddb in Node, a fast KDF (the default
// Argon2id is exercised once in crypto.test.ts), raw dumps, and the synthetic file headers
// (test/support/file-headers.ts).
import 'fake-indexeddb/auto';
import { VAULT_TABLES, type VaultDB } from '../../src/vault/db';
import { backupKeys, readPrefix } from '../../src/vault/backup/header';
import type { BackupHeader, Manifest } from '../../src/vault/backup/records';
import { readFrames, STREAMED_FORMAT, type BackupEntry } from '../../src/vault/backup/stream';
import { backupPieces } from '../../src/vault/backup/write';
import type { KdfChoice, KdfPolicy } from '../../src/vault/envelope';
import { openVault, type Vault, type VaultOptions } from '../../src/vault/vault';

export const FAST_KDF: KdfChoice = {
  algorithm: 'argon2id',
  memoryKiB: 64,
  iterations: 1,
  parallelism: 1,
};
export const PASSPHRASE = 'correct horse battery staple';
/** The app's floor and target would cost ~1 s per unlock: tests take FAST_KDF as both. */
export const TEST_KDF_POLICY: KdfPolicy = {
  floor: { argon2id: { memoryKiB: 64, iterations: 1 }, 'pbkdf2-sha256': { iterations: 1000 } },
  target: FAST_KDF,
};

/** openVault with the test KDF policy. */
export function openTestVault(name: string, options: VaultOptions = {}): Promise<Vault> {
  return openVault(name, { kdfPolicy: TEST_KDF_POLICY, ...options });
}

let counter = 0;
export const uniqueName = (label: string): string =>
  `vault-test-${label}-${process.pid}-${++counter}`;

/** A created, unlocked vault with a short wrong-passphrase delay and an adjustable clock. */
export async function newVault(label: string, clock = { now: Date.now() }): Promise<Vault> {
  const vault = await openTestVault(uniqueName(label), { now: () => clock.now });
  await vault.create(PASSPHRASE, FAST_KDF);
  await vault.updateSettings({ wrongPassphraseDelayMs: 30 });
  return vault;
}

/** Every record of every table, as stored. */
export async function dumpRaw(db: VaultDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of VAULT_TABLES) out[name] = await db.table(name).toArray();
  return out;
}

/**
 * Opens a (format 2) backup with the passphrase, lets `edit` change its records or its
 * manifest, and seals it again with the same keys: a backup that lies consistently.
 */
export async function rewriteBackup(
  file: Uint8Array<ArrayBuffer>,
  edit: (
    header: BackupHeader,
    content: { manifest: Manifest; tables: Record<string, unknown[]> },
  ) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const blob = new Blob([file]);
  const prefix = await readPrefix(blob, [STREAMED_FORMAT]);
  const keys = await backupKeys(prefix.header, PASSPHRASE);
  const tables: Record<string, unknown[]> = {};
  const manifest = await readFrames(blob.stream(), prefix.bytes, keys.backup, (entries) => {
    for (const [table, record] of entries) (tables[table] ??= []).push(record);
    return Promise.resolve();
  });
  const content = { manifest, tables };
  edit(prefix.header, content);
  function* entries(): Generator<BackupEntry> {
    for (const name of VAULT_TABLES) for (const r of content.tables[name] ?? []) yield [name, r];
  }
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  for await (const piece of backupPieces(keys, entries(), {
    now: prefix.header.createdAt,
    manifest: () => content.manifest,
  }))
    pieces.push(piece);
  return new Uint8Array(await new Blob(pieces).arrayBuffer());
}

// The synthetic file headers, for the vault tests that import them from here.
export {
  filler,
  jpegHeader,
  pdfFile,
  pngHeader,
  tiffHeader,
  webpHeader,
} from '../support/file-headers';

/** Sealed values (non-null) stored for one dossier, outside history, audit, blobs and copies. */
export async function sealedValuesOf(vault: Vault, dossierId: string): Promise<number> {
  let count = 0;
  for (const [table, rows] of Object.entries(await dumpRaw(vault.db))) {
    if (['blobs', 'changeEvents', 'copyRegister', 'auditLog'].includes(table)) continue;
    for (const row of rows as Record<string, unknown>[]) {
      if ((table === 'dossiers' ? row.id : row.dossierId) !== dossierId) continue;
      for (const value of Object.values(row))
        if (value !== null && typeof value === 'object' && 'iv' in value && 'ct' in value) count++;
    }
  }
  return count;
}
