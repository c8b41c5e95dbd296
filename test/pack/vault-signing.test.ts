// The app's pack signing key: one per vault, made on first use, sealed in the vault (the
// settings table holds only ciphertext), the same after lock and unlock.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, publicKeyOf } from '../../src/core/pack';
import { dumpRaw, newVault, PASSPHRASE } from '../vault/helpers';

describe('the vault signing key', () => {
  it('is made once, sealed, and survives a lock', async () => {
    const vault = await newVault('signing');
    const secret = await vault.packSigningSecret();
    expect(secret).toHaveLength(32);
    const fingerprint = keyFingerprint(publicKeyOf(secret));
    const raw = JSON.stringify(await dumpRaw(vault.db), (_, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v,
    );
    expect(raw).toContain('pack-signing-key');
    expect(raw).not.toContain(Buffer.from(secret).toString('hex'));
    vault.lock();
    await expect(vault.packSigningSecret()).rejects.toThrow();
    await vault.unlock(PASSPHRASE);
    expect(keyFingerprint(publicKeyOf(await vault.packSigningSecret()))).toBe(fingerprint);
  });
});
