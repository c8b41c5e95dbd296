// The keyring table: the master secret wrapped by a key derived from the passphrase.
// Creating, unlocking and changing the passphrase; each returns the vault's keys.
import { appendAudit } from './audit';
import type { StoreContext } from './context';
import {
  belowFloor,
  deriveVaultKeys,
  deriveWrappingKey,
  describeKdf,
  needsKdfUpgrade,
  newKdfParams,
  randomBytes,
  sha256Hex,
  toHex,
  unwrapSecret,
  wrapSecret,
  type KdfChoice,
  type KdfFloor,
  type KdfPolicy,
  type VaultKeys,
} from './envelope';
import {
  KeyringDamagedError,
  RotationPendingError,
  VaultError,
  WrongPassphraseError,
} from './errors';
import { KEYRING_ID, KeyringRecordSchema, type KeyringRecord } from './schema/keyring';
import type { Bytes, KdfParams, Sealed } from './schema/sealed';

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export async function keyringExists(ctx: StoreContext): Promise<boolean> {
  return (await ctx.db.keyring.get(KEYRING_ID)) !== undefined;
}

function checkPassphrase(passphrase: string): void {
  if (passphrase.length < 8)
    throw new VaultError('The passphrase must be at least 8 characters long.', 'weak-passphrase');
}

/** Refuses key derivation below the floor (create, change passphrase). */
function checkKdf(kdf: KdfChoice, floor: KdfFloor): void {
  if (belowFloor(kdf, floor))
    throw new VaultError(
      `Key derivation ${describeKdf(kdf)} is below the minimum (Argon2id ${floor.argon2id.memoryKiB} KiB × ${floor.argon2id.iterations}, PBKDF2-SHA-256 ${floor['pbkdf2-sha256'].iterations} iterations).`,
      'weak-kdf',
    );
}

/** What unlocking reads, hashed: a flipped byte anywhere changes it. */
export async function keyringChecksum(kdf: KdfParams, wrapped: Sealed): Promise<string> {
  const { salt, ...params } = kdf;
  const canonical = JSON.stringify([params, toHex(salt), toHex(wrapped.iv), toHex(wrapped.ct)]);
  return sha256Hex(new TextEncoder().encode(canonical));
}

/**
 * The stored keyring: absent → not created; malformed, or its checksum not matching →
 * damaged (KeyringDamagedError), before any passphrase is tried.
 */
export async function readKeyring(ctx: StoreContext): Promise<KeyringRecord> {
  const row = await ctx.db.keyring.get(KEYRING_ID);
  if (row === undefined)
    throw new VaultError('This vault has not been created yet.', 'not-created');
  const parsed = KeyringRecordSchema.safeParse(row);
  if (!parsed.success) throw new KeyringDamagedError();
  const { kdf, wrappedSecret, checksum } = parsed.data;
  if (!wrappedShape(wrappedSecret)) throw new KeyringDamagedError();
  const rotating = parsed.data.rotation;
  if (rotating !== undefined && !wrappedShape(rotating.wrappedSecret))
    throw new KeyringDamagedError();
  if (checksum !== undefined && checksum !== (await keyringChecksum(kdf, wrappedSecret)))
    throw new KeyringDamagedError();
  return parsed.data;
}

const wrappedShape = (wrapped: Sealed): boolean =>
  wrapped.iv.length === 12 && wrapped.ct.length === 32 + 16;

/** The secret wrapped under `passphrase` with fresh parameters: the keyring's new fields. */
async function wrapUnder(
  passphrase: string,
  choice: KdfChoice,
  secret: Bytes,
): Promise<Pick<KeyringRecord, 'kdf' | 'wrappedSecret' | 'checksum'>> {
  const kdf = newKdfParams(choice);
  const wrappedSecret = await wrapSecret(await deriveWrappingKey(passphrase, kdf), secret);
  return { kdf, wrappedSecret, checksum: await keyringChecksum(kdf, wrappedSecret) };
}

/** A new random master secret wrapped under the passphrase; logged 'create-vault'. */
export async function createKeyring(
  ctx: StoreContext,
  passphrase: string,
  policy: KdfPolicy,
  kdf: KdfChoice = policy.target,
): Promise<VaultKeys> {
  if (await keyringExists(ctx))
    throw new VaultError('This vault already exists; unlock it instead.', 'exists');
  checkPassphrase(passphrase);
  checkKdf(kdf, policy.floor);
  const secret = randomBytes(32);
  const wrapped = await wrapUnder(passphrase, kdf, secret);
  const keys = await deriveVaultKeys(secret);
  secret.fill(0);
  const at = ctx.now();
  await ctx.db.transaction('rw', [ctx.db.keyring, ctx.db.auditLog], async () => {
    await ctx.db.keyring.add({ id: KEYRING_ID, ...wrapped, createdAt: at, changedAt: at });
    await appendAudit({ ...ctx, keys }, 'create-vault', null, null, kdf.algorithm);
  });
  return keys;
}

/**
 * The master secret and the key that wrapped it, or WrongPassphraseError after `delayMs`
 * (logged 'unlock-failed' with `detail`), so that guessing is slow.
 */
export async function unwrapWith(
  ctx: StoreContext,
  keyring: KeyringRecord,
  passphrase: string,
  delayMs: () => Promise<number>,
  detail: string,
): Promise<{ secret: Bytes; wrappingKey: CryptoKey }> {
  try {
    const wrappingKey = await deriveWrappingKey(passphrase, keyring.kdf);
    return { secret: await unwrapSecret(wrappingKey, keyring.wrappedSecret), wrappingKey };
  } catch (error) {
    if (error instanceof WrongPassphraseError) {
      await appendAudit(ctx, 'unlock-failed', null, null, detail);
      await sleep(await delayMs());
    }
    throw error;
  }
}

/**
 * The new secret of a rotation under way, unwrapped by the same key as the current one:
 * a failure there is damage (the passphrase just opened the current secret).
 */
export async function unwrapRotating(
  keyring: KeyringRecord,
  wrappingKey: CryptoKey,
): Promise<VaultKeys | null> {
  if (keyring.rotation === undefined) return null;
  let next: Bytes;
  try {
    next = await unwrapSecret(wrappingKey, keyring.rotation.wrappedSecret);
  } catch {
    throw new KeyringDamagedError();
  }
  const keys = await deriveVaultKeys(next);
  next.fill(0);
  return keys;
}

/** What unlocking opens: the vault's keys, and the new keys of a rotation left unfinished. */
export interface UnlockedKeyring {
  keys: VaultKeys;
  rotating: VaultKeys | null;
}

/**
 * The vault's keys from the passphrase; logged 'unlock'. A keyring below the policy
 * (an older or weaker vault) or without its checksum is wrapped again at the target
 * parameters right away, logged 'kdf-upgrade' with the parameters before and after
 * (not while a rotation is unfinished: its finish writes the keyring).
 */
export async function unlockKeyring(
  ctx: StoreContext,
  passphrase: string,
  delayMs: () => Promise<number>,
  policy: KdfPolicy,
): Promise<UnlockedKeyring> {
  const keyring = await readKeyring(ctx);
  const { secret, wrappingKey } = await unwrapWith(ctx, keyring, passphrase, delayMs, '');
  const rotating = await unwrapRotating(keyring, wrappingKey);
  const upgrade = rotating === null && needsKdfUpgrade(keyring.kdf, policy);
  const rewrap =
    upgrade || (rotating === null && keyring.checksum === undefined)
      ? await wrapUnder(passphrase, upgrade ? policy.target : keyring.kdf, secret)
      : null;
  const keys = await deriveVaultKeys(secret);
  secret.fill(0);
  await ctx.db.transaction('rw', [ctx.db.keyring, ctx.db.auditLog], async () => {
    if (rewrap) {
      await ctx.db.keyring.put({ ...keyring, ...rewrap, changedAt: ctx.now() });
      if (upgrade)
        await appendAudit(
          { ...ctx, keys },
          'kdf-upgrade',
          null,
          null,
          `${describeKdf(keyring.kdf)} → ${describeKdf(rewrap.kdf)}`,
        );
    }
    await appendAudit({ ...ctx, keys }, 'unlock', null, null, '');
  });
  return { keys, rotating };
}

/** Re-wraps the master secret under the new passphrase (and KDF); no data is re-encrypted. */
export async function changeKeyringPassphrase(
  ctx: StoreContext,
  current: string,
  next: string,
  delayMs: () => Promise<number>,
  policy: KdfPolicy,
  kdf?: KdfChoice,
): Promise<VaultKeys> {
  checkPassphrase(next);
  const keyring = await readKeyring(ctx);
  if (keyring.rotation !== undefined) throw new RotationPendingError();
  // Kept parameters that fall short of the policy are raised, as an unlock would.
  const choice = kdf ?? (needsKdfUpgrade(keyring.kdf, policy) ? policy.target : keyring.kdf);
  checkKdf(choice, policy.floor);
  const { secret } = await unwrapWith(ctx, keyring, current, delayMs, 'change-passphrase');
  const wrapped = await wrapUnder(next, choice, secret);
  const keys = await deriveVaultKeys(secret);
  secret.fill(0);
  await ctx.db.transaction('rw', [ctx.db.keyring, ctx.db.auditLog], async () => {
    await ctx.db.keyring.put({ ...keyring, ...wrapped, changedAt: ctx.now() });
    await appendAudit({ ...ctx, keys }, 'change-passphrase', null, null, choice.algorithm);
  });
  return keys;
}
