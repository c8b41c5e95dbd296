// The prefix every backup format shares: "DVBK", a format byte, a u32 (big-endian) header
// length and the JSON header (format and schema versions, KDF parameters and salt, the
// wrapped master secret). The passphrase unwraps the secret; HKDF gives the backup key.
import { LATEST_VAULT_VERSION } from '../db';
import { deriveVaultKeys, deriveWrappingKey, unwrapSecret, type VaultKeys } from '../envelope';
import { BackupError, WrongPassphraseError } from '../errors';
import type { Bytes } from '../schema/sealed';
import { BackupHeaderSchema, type BackupHeader } from './records';

export const MAGIC = [0x44, 0x56, 0x42, 0x4b]; // "DVBK"
/** Longer than any real header (a KDF and a wrapped secret); a bigger length is damage. */
const MAX_HEADER_BYTES = 64 * 1024;

// JSON with bytes as {"$b": base64}.
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
function fromBase64(text: string): Bytes {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
export const encodeJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? { $b: toBase64(v) } : v));
export const decodeJson = (text: string): unknown =>
  JSON.parse(text, (_k, v: unknown) =>
    v !== null &&
    typeof v === 'object' &&
    '$b' in v &&
    typeof v.$b === 'string' &&
    Object.keys(v).length === 1
      ? fromBase64(v.$b)
      : v,
  );

export interface BackupPrefix {
  format: number;
  header: BackupHeader;
  /** The header as written: authenticated by every sealed part that follows. */
  headerBytes: Bytes;
  /** Bytes taken by magic, format byte, length and header. */
  length: number;
  /** Those bytes (format 2 binds every frame to their digest). */
  bytes: Bytes;
}

/** The prefix of a backup file as bytes: magic, format byte, header length, header. */
export function writePrefix(format: number, header: BackupHeader): Bytes {
  const headerBytes = new TextEncoder().encode(encodeJson(header));
  const out = new Uint8Array(9 + headerBytes.length);
  out.set(MAGIC, 0);
  out[4] = format;
  new DataView(out.buffer).setUint32(5, headerBytes.length);
  out.set(headerBytes, 9);
  return out;
}

/** Reads and checks the prefix of a backup (only its first bytes are read). */
export async function readPrefix(source: Blob, formats: readonly number[]): Promise<BackupPrefix> {
  const start = new Uint8Array(await source.slice(0, 9).arrayBuffer());
  if (start.length < 9 || MAGIC.some((b, i) => start[i] !== b))
    throw new BackupError('This file is not a Dossier Vault backup.', 'not-a-backup');
  const format = start[4]!;
  if (!formats.includes(format))
    throw new BackupError(
      `This backup uses format ${format}, which this version cannot read.`,
      'format',
      { format },
    );
  const headerLength = new DataView(start.buffer).getUint32(5);
  if (headerLength > MAX_HEADER_BYTES)
    throw new BackupError('The backup header is damaged.', 'header-damaged');
  if (9 + headerLength > source.size)
    throw new BackupError('The backup file is truncated.', 'truncated');
  const headerBytes = new Uint8Array(await source.slice(9, 9 + headerLength).arrayBuffer());
  let header: BackupHeader;
  try {
    header = BackupHeaderSchema.parse(decodeJson(new TextDecoder().decode(headerBytes)));
  } catch {
    throw new BackupError('The backup header is damaged.', 'header-damaged');
  }
  if (header.formatVersion !== format || (format >= 2 && header.backupId?.length !== 16))
    throw new BackupError('The backup header is damaged.', 'header-damaged');
  if (header.schemaVersion > LATEST_VAULT_VERSION) {
    throw new BackupError(
      'This backup was made by a newer version of the app; update the app first.',
      'newer-version',
    );
  }
  const bytes = new Uint8Array(9 + headerLength);
  bytes.set(start, 0);
  bytes.set(headerBytes, 9);
  return { format, header, headerBytes, length: bytes.length, bytes };
}

/** The backup's keys from its passphrase ('wrong-passphrase' when it does not open it). */
export async function backupKeys(header: BackupHeader, passphrase: string): Promise<VaultKeys> {
  let secret: Bytes;
  try {
    secret = await unwrapSecret(
      await deriveWrappingKey(passphrase, header.kdf),
      header.wrappedSecret,
    );
  } catch (error) {
    if (error instanceof WrongPassphraseError)
      throw new BackupError('The passphrase does not open this backup.', 'wrong-passphrase');
    throw error;
  }
  const keys = await deriveVaultKeys(secret);
  secret.fill(0);
  return keys;
}
