// Shared setup for vault unit tests: fake-indexeddb in Node, a fast KDF (the default
// Argon2id is exercised once in crypto.test.ts), synthetic file headers, raw dumps.
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

const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16be = (n: number) => [(n >>> 8) & 255, n & 255];
const u16le = (n: number) => [n & 255, (n >>> 8) & 255];
const u24le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];
const u32le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Random filler so that files differ (no duplicate) and do not compress. */
export function filler(length: number): number[] {
  const out = new Uint8Array(length);
  globalThis.crypto.getRandomValues(out);
  return [...out];
}

function bytes(parts: number[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(parts);
}

/** A PNG signature and IHDR stating width × height, then filler (never decoded). */
export function pngHeader(width: number, height: number, fill = 64): Uint8Array<ArrayBuffer> {
  return bytes([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...u32be(13),
    ...ascii('IHDR'),
    ...u32be(width),
    ...u32be(height),
    8,
    6,
    0,
    0,
    0,
    ...u32be(0),
    ...filler(fill),
  ]);
}

/** SOI, an APP0 segment, SOF0 stating height × width, then filler. */
export function jpegHeader(width: number, height: number, fill = 64): Uint8Array<ArrayBuffer> {
  return bytes([
    0xff,
    0xd8,
    0xff,
    0xe0,
    ...u16be(16),
    ...ascii('JFIF'),
    0,
    1,
    1,
    0,
    0,
    1,
    0,
    1,
    0,
    0,
    0xff,
    0xc0,
    ...u16be(17),
    8,
    ...u16be(height),
    ...u16be(width),
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
    ...filler(fill),
  ]);
}

/** RIFF/WEBP with a VP8X chunk (canvas size minus one, 24-bit little-endian). */
export function webpHeader(width: number, height: number, fill = 64): Uint8Array<ArrayBuffer> {
  return bytes([
    ...ascii('RIFF'),
    ...u32le(100),
    ...ascii('WEBP'),
    ...ascii('VP8X'),
    ...u32le(10),
    0,
    0,
    0,
    0,
    ...u24le(width - 1),
    ...u24le(height - 1),
    ...filler(fill),
  ]);
}

/** Little-endian TIFF with one IFD holding ImageWidth and ImageLength (LONG). */
export function tiffHeader(width: number, height: number, fill = 64): Uint8Array<ArrayBuffer> {
  return bytes([
    0x49,
    0x49,
    0x2a,
    0x00,
    ...u32le(8),
    ...u16le(2),
    ...u16le(256),
    ...u16le(4),
    ...u32le(1),
    ...u32le(width),
    ...u16le(257),
    ...u16le(4),
    ...u32le(1),
    ...u32le(height),
    ...u32le(0),
    ...filler(fill),
  ]);
}

/** A minimal PDF-looking file with `pages` page objects. */
export function pdfFile(pages: number): Uint8Array<ArrayBuffer> {
  let body = '%PDF-1.7\n';
  for (let i = 0; i < pages; i++) body += `${i + 3} 0 obj << /Type /Page /Parent 2 0 R >> endobj\n`;
  body += `2 0 obj << /Type /Pages /Count ${pages} >> endobj\n%%EOF\n`;
  return bytes([...ascii(body), ...filler(32)]);
}

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
