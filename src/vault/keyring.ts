// The keyring table: the master secret wrapped by a key derived from the passphrase.
// Creating, unlocking and changing the passphrase; each returns the vault's keys.
import { appendAudit } from './audit';
import type { StoreContext } from './context';
import {
  deriveVaultKeys,
  deriveWrappingKey,
  newKdfParams,
  randomBytes,
  unwrapSecret,
  wrapSecret,
  type KdfChoice,
  type VaultKeys,
} from './envelope';
import { KeyringDamagedError, VaultError, WrongPassphraseError } from './errors';
import { KEYRING_ID, KeyringRecordSchema, type KeyringRecord } from './schema/keyring';
import type { Bytes } from './schema/sealed';

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export async function keyringExists(ctx: StoreContext): Promise<boolean> {
  return (await ctx.db.keyring.get(KEYRING_ID)) !== undefined;
}

function checkPassphrase(passphrase: string): void {
  if (passphrase.length < 8)
    throw new VaultError('The passphrase must be at least 8 characters long.', 'weak-passphrase');
}

/** The stored keyring: absent → not created; present but malformed → damaged. */
async function readKeyring(ctx: StoreContext): Promise<KeyringRecord> {
  const row = await ctx.db.keyring.get(KEYRING_ID);
  if (row === undefined)
    throw new VaultError('This vault has not been created yet.', 'not-created');
  const parsed = KeyringRecordSchema.safeParse(row);
  if (!parsed.success) throw new KeyringDamagedError();
  return parsed.data;
}

/** A new random master secret wrapped under the passphrase; logged 'create-vault'. */
export async function createKeyring(
  ctx: StoreContext,
  passphrase: string,
  kdf?: KdfChoice,
): Promise<VaultKeys> {
  if (await keyringExists(ctx))
    throw new VaultError('This vault already exists; unlock it instead.', 'exists');
  checkPassphrase(passphrase);
  const params = newKdfParams(kdf);
  const secret = randomBytes(32);
  const wrappedSecret = await wrapSecret(await deriveWrappingKey(passphrase, params), secret);
  const keys = await deriveVaultKeys(secret);
  secret.fill(0);
  const at = ctx.now();
  await ctx.db.transaction('rw', [ctx.db.keyring, ctx.db.auditLog], async () => {
    await ctx.db.keyring.add({
      id: KEYRING_ID,
      kdf: params,
      wrappedSecret,
      createdAt: at,
      changedAt: at,
    });
    await appendAudit(ctx, 'create-vault', null, null, params.algorithm);
  });
  return keys;
}

/**
 * The master secret, or WrongPassphraseError after `delayMs` (logged 'unlock-failed' with
 * `detail`), so that guessing is slow.
 */
async function unwrapWith(
  ctx: StoreContext,
  keyring: KeyringRecord,
  passphrase: string,
  delayMs: () => Promise<number>,
  detail: string,
): Promise<Bytes> {
  try {
    return await unwrapSecret(
      await deriveWrappingKey(passphrase, keyring.kdf),
      keyring.wrappedSecret,
    );
  } catch (error) {
    if (error instanceof WrongPassphraseError) {
      await appendAudit(ctx, 'unlock-failed', null, null, detail);
      await sleep(await delayMs());
    }
    throw error;
  }
}

/** The vault's keys from the passphrase; logged 'unlock'. */
export async function unlockKeyring(
  ctx: StoreContext,
  passphrase: string,
  delayMs: () => Promise<number>,
): Promise<VaultKeys> {
  const keyring = await readKeyring(ctx);
  const secret = await unwrapWith(ctx, keyring, passphrase, delayMs, '');
  const keys = await deriveVaultKeys(secret);
  secret.fill(0);
  await appendAudit(ctx, 'unlock', null, null, '');
  return keys;
}

/** Re-wraps the master secret under the new passphrase (and KDF); no data is re-encrypted. */
export async function changeKeyringPassphrase(
  ctx: StoreContext,
  current: string,
  next: string,
  delayMs: () => Promise<number>,
  kdf?: KdfChoice,
): Promise<VaultKeys> {
  checkPassphrase(next);
  const keyring = await readKeyring(ctx);
  const secret = await unwrapWith(ctx, keyring, current, delayMs, 'change-passphrase');
  const params = newKdfParams(kdf ?? keyring.kdf);
  const wrappedSecret = await wrapSecret(await deriveWrappingKey(next, params), secret);
  const keys = await deriveVaultKeys(secret);
  secret.fill(0);
  await ctx.db.transaction('rw', [ctx.db.keyring, ctx.db.auditLog], async () => {
    await ctx.db.keyring.put({ ...keyring, kdf: params, wrappedSecret, changedAt: ctx.now() });
    await appendAudit(ctx, 'change-passphrase', null, null, params.algorithm);
  });
  return keys;
}
