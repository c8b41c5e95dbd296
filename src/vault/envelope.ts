// Envelope encryption with WebCrypto: a random 256-bit master secret, wrapped by a key
// derived from the passphrase (Argon2id via hash-wasm, or PBKDF2-SHA-256), from which
// HKDF derives the AES-256-GCM data key, the HMAC blind-index key and the backup key.
// Every sealed value gets a fresh 96-bit IV and is bound to `table/id/field` as AAD,
// so a ciphertext moved to another record or field fails its GCM check.
import { argon2id } from 'hash-wasm';
import { VaultIntegrityError, WrongPassphraseError } from './errors';
import {
  SealedSchema,
  type Bytes,
  type KdfChoice,
  type KdfParams,
  type Sealed,
} from './schema/sealed';

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export function randomBytes(length: number): Bytes {
  const out = new Uint8Array(length);
  // getRandomValues fills at most 65,536 bytes per call.
  for (let o = 0; o < length; o += 65_536) {
    globalThis.crypto.getRandomValues(out.subarray(o, Math.min(length, o + 65_536)));
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export async function sha256Hex(bytes: Bytes): Promise<string> {
  return toHex(new Uint8Array(await subtle().digest('SHA-256', bytes)));
}

export type { KdfChoice };

/** Argon2id as Bitwarden's default: 64 MiB, 3 passes, 1 lane. */
export const DEFAULT_KDF: KdfChoice = {
  algorithm: 'argon2id',
  memoryKiB: 65_536,
  iterations: 3,
  parallelism: 1,
};

/** OWASP's minimum for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_MIN_ITERATIONS = 600_000;

/** The weakest key derivation a vault may use (create, change passphrase, load). */
export interface KdfFloor {
  argon2id: { memoryKiB: number; iterations: number };
  'pbkdf2-sha256': { iterations: number };
}

/** What a vault refuses below (`floor`) and what a weaker stored keyring is raised to on unlock. */
export interface KdfPolicy {
  floor: KdfFloor;
  target: KdfChoice;
}

/** OWASP's Argon2id minimum (19 MiB, 2 passes) and PBKDF2 minimum; raised to the default. */
export const DEFAULT_KDF_POLICY: KdfPolicy = {
  floor: {
    argon2id: { memoryKiB: 19_456, iterations: 2 },
    'pbkdf2-sha256': { iterations: PBKDF2_MIN_ITERATIONS },
  },
  target: DEFAULT_KDF,
};

/** True when the parameters are below the floor. */
export function belowFloor(kdf: KdfChoice, floor: KdfFloor): boolean {
  if (kdf.algorithm === 'argon2id')
    return kdf.memoryKiB < floor.argon2id.memoryKiB || kdf.iterations < floor.argon2id.iterations;
  return kdf.iterations < floor['pbkdf2-sha256'].iterations;
}

/**
 * True when a stored keyring should be wrapped again on unlock: below the floor, or the
 * target's algorithm with less memory or fewer passes (a PBKDF2 keyring at or above its
 * floor stays: it is the documented alternative).
 */
export function needsKdfUpgrade(kdf: KdfChoice, policy: KdfPolicy): boolean {
  if (belowFloor(kdf, policy.floor)) return true;
  const target = policy.target;
  if (kdf.algorithm !== target.algorithm) return false;
  if (kdf.algorithm === 'argon2id' && target.algorithm === 'argon2id')
    return kdf.memoryKiB < target.memoryKiB || kdf.iterations < target.iterations;
  return kdf.iterations < target.iterations;
}

/** `argon2id 65536 KiB × 3` / `pbkdf2-sha256 600000`: for audit details (no secret). */
export function describeKdf(kdf: KdfChoice): string {
  return kdf.algorithm === 'argon2id'
    ? `argon2id ${kdf.memoryKiB} KiB × ${kdf.iterations}`
    : `pbkdf2-sha256 ${kdf.iterations}`;
}

export function newKdfParams(choice: KdfChoice = DEFAULT_KDF): KdfParams {
  const { salt: _old, ...params } = choice as KdfChoice & { salt?: unknown };
  return { ...params, salt: randomBytes(16) };
}

/** The key-encryption key: derived from the passphrase, used only to wrap the master secret. */
export async function deriveWrappingKey(passphrase: string, kdf: KdfParams): Promise<CryptoKey> {
  const password = utf8.encode(passphrase.normalize('NFC'));
  let raw: Bytes;
  if (kdf.algorithm === 'argon2id') {
    raw = new Uint8Array(
      await argon2id({
        password,
        salt: kdf.salt,
        iterations: kdf.iterations,
        memorySize: kdf.memoryKiB,
        parallelism: kdf.parallelism,
        hashLength: 32,
        outputType: 'binary',
      }),
    );
  } else {
    const base = await subtle().importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
    raw = new Uint8Array(
      await subtle().deriveBits(
        { name: 'PBKDF2', hash: 'SHA-256', salt: kdf.salt, iterations: kdf.iterations },
        base,
        256,
      ),
    );
  }
  const key = await subtle().importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  raw.fill(0);
  password.fill(0);
  return key;
}

const WRAP_AAD = utf8.encode('dossier-vault/keyring/master-secret');

export async function wrapSecret(wrappingKey: CryptoKey, secret: Bytes): Promise<Sealed> {
  const iv = randomBytes(12);
  const ct = new Uint8Array(
    await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: WRAP_AAD }, wrappingKey, secret),
  );
  return { iv, ct };
}

/** Unwraps the master secret; a GCM failure here means the passphrase is wrong. */
export async function unwrapSecret(wrappingKey: CryptoKey, wrapped: Sealed): Promise<Bytes> {
  try {
    return new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: wrapped.iv, additionalData: WRAP_AAD },
        wrappingKey,
        wrapped.ct,
      ),
    );
  } catch {
    throw new WrongPassphraseError();
  }
}

/** The keys an unlocked vault holds in memory (all non-extractable). */
export interface VaultKeys {
  /** AES-256-GCM: every sealed field and blob. */
  data: CryptoKey;
  /** HMAC-SHA-256: blind indexes and duplicate detection. */
  mac: CryptoKey;
  /** AES-256-GCM: the content of backup files. */
  backup: CryptoKey;
  /**
   * HMAC-SHA-256 key of the audit log's hash chain, as raw bytes: entries are appended
   * inside IndexedDB transactions, which an await on WebCrypto would commit, so the MAC
   * is computed synchronously (audit.ts).
   */
  audit: Bytes;
  /** HMAC-SHA-256: the settings row's MAC (safety limits a copied profile cannot lower). */
  settings: CryptoKey;
}

export async function deriveVaultKeys(secret: Bytes): Promise<VaultKeys> {
  const base = await subtle().importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  const auditBase = await subtle().importKey('raw', secret, 'HKDF', false, ['deriveBits']);
  const derive = (
    info: string,
    algorithm: AesKeyGenParams | HmacKeyGenParams,
    usages: KeyUsage[],
  ) =>
    subtle().deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: utf8.encode(info) },
      base,
      algorithm,
      false,
      usages,
    );
  return {
    data: await derive('dossier-vault data v1', { name: 'AES-GCM', length: 256 }, [
      'encrypt',
      'decrypt',
    ]),
    mac: await derive(
      'dossier-vault blind-index v1',
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      ['sign'],
    ),
    backup: await derive('dossier-vault backup v1', { name: 'AES-GCM', length: 256 }, [
      'encrypt',
      'decrypt',
    ]),
    settings: await derive(
      'dossier-vault settings v1',
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      ['sign'],
    ),
    audit: new Uint8Array(
      await subtle().deriveBits(
        {
          name: 'HKDF',
          hash: 'SHA-256',
          salt: new Uint8Array(32),
          info: utf8.encode('dossier-vault audit v1'),
        },
        auditBase,
        256,
      ),
    ),
  };
}

export function recordAad(table: string, id: string, field: string): Bytes {
  return utf8.encode(`${table}\u0000${id}\u0000${field}`);
}

export async function sealBytes(
  key: CryptoKey,
  table: string,
  id: string,
  field: string,
  plain: Bytes,
): Promise<Sealed> {
  const iv = randomBytes(12);
  const ct = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv, additionalData: recordAad(table, id, field) },
      key,
      plain,
    ),
  );
  return { iv, ct };
}

/** Opens a sealed value; anything wrong (shape, IV, tag, AAD, key) is a VaultIntegrityError naming the record. */
export async function openBytes(
  key: CryptoKey,
  table: string,
  id: string,
  field: string,
  sealed: unknown,
): Promise<Bytes> {
  const parsed = SealedSchema.safeParse(sealed);
  if (!parsed.success || parsed.data.iv.length !== 12)
    throw new VaultIntegrityError(table, id, field);
  try {
    return new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: parsed.data.iv, additionalData: recordAad(table, id, field) },
        key,
        parsed.data.ct,
      ),
    );
  } catch {
    throw new VaultIntegrityError(table, id, field);
  }
}

export async function sealText(
  key: CryptoKey,
  table: string,
  id: string,
  field: string,
  text: string,
): Promise<Sealed> {
  return sealBytes(key, table, id, field, utf8.encode(text));
}

export async function openText(
  key: CryptoKey,
  table: string,
  id: string,
  field: string,
  sealed: unknown,
): Promise<string> {
  const bytes = await openBytes(key, table, id, field, sealed);
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    throw new VaultIntegrityError(table, id, field);
  }
}

/** JSON values (corrections, boxes) sealed as UTF-8 text. */
export async function sealJson(
  key: CryptoKey,
  table: string,
  id: string,
  field: string,
  value: unknown,
): Promise<Sealed> {
  return sealText(key, table, id, field, JSON.stringify(value));
}

export async function openJson(
  key: CryptoKey,
  table: string,
  id: string,
  field: string,
  sealed: unknown,
): Promise<unknown> {
  return JSON.parse(await openText(key, table, id, field, sealed)) as unknown;
}

/**
 * A keyed blind index: HMAC-SHA-256 of a normalised value under a purpose label, hex.
 * Exact-match lookups work; the index reveals nothing without the key.
 */
export async function blindIndex(mac: CryptoKey, purpose: string, value: string): Promise<string> {
  const normalised = value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const sig = await subtle().sign('HMAC', mac, utf8.encode(`${purpose}\u0000${normalised}`));
  return toHex(new Uint8Array(sig));
}

/** Keyed hash of a file's bytes, for duplicate detection without storing a plain hash. */
export async function fileFingerprint(mac: CryptoKey, bytes: Bytes): Promise<string> {
  return digestFingerprint(mac, new Uint8Array(await subtle().digest('SHA-256', bytes)));
}

/** The same keyed hash from the file's SHA-256 (a key rotation has the digest, sealed). */
export async function digestFingerprint(mac: CryptoKey, digest: Bytes): Promise<string> {
  const message = new Uint8Array(5 + digest.length);
  message.set(utf8.encode('file\u0000'), 0);
  message.set(digest, 5);
  return toHex(new Uint8Array(await subtle().sign('HMAC', mac, message)));
}
