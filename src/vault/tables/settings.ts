// settings: the vault's plain settings row (readable before unlock: language, timers,
// limits), its MAC, and the sealed pack signing key, in the same table (no schema change).
// The row is plain so the unlock screen can read it, which also lets a copied or edited
// profile change it; so the row carries an HMAC under a key derived from the master secret
// ('vault-mac'). While locked the MAC cannot be checked: the safety limits then read at
// least as strict as the defaults. On unlock the MAC is checked; a row that fails it (or
// that has none, from before the MAC) keeps its other values, gets every loosened safety
// limit back at its default, is signed again, and a loosening is reported.
import { newSigningSecret } from '../../core/pack/signature';
import { appendAudit } from '../audit';
import type { StoreContext, VaultContext } from '../context';
import type { VaultDB } from '../db';
import { openBytes, sealBytes, toHex, type VaultKeys } from '../envelope';
import { SettingsDamagedError, SettingsTamperedError, type VaultError } from '../errors';
import { VaultSettingsSchema, type VaultSettings } from '../schema/settings';

export const SETTINGS_KEY = 'vault';
/** Settings row holding the HMAC (hex) of the settings row's value. */
export const SETTINGS_MAC_KEY = 'vault-mac';
/** Settings row holding the sealed pack signing key. */
export const PACK_SIGNING_KEY = 'pack-signing-key';

export const DEFAULT_SETTINGS: VaultSettings = VaultSettingsSchema.parse({});

/** The safety limits, and the direction in which each is stricter. */
const SAFETY_LIMITS = {
  maxFileBytes: 'lower',
  maxImagePixels: 'lower',
  autoLockMinutes: 'lower',
  hiddenLockMinutes: 'lower',
  wrongPassphraseDelayMs: 'higher',
} as const satisfies Partial<Record<keyof VaultSettings, 'lower' | 'higher'>>;

/**
 * The settings with every safety limit at least as strict as its default (`all`: every
 * limit at its default, the row being known altered); what was changed.
 */
export function withSafeLimits(
  stored: VaultSettings,
  all = false,
): {
  settings: VaultSettings;
  loosened: (keyof VaultSettings)[];
} {
  const settings = { ...stored };
  const loosened: (keyof VaultSettings)[] = [];
  for (const [name, stricter] of Object.entries(SAFETY_LIMITS) as [
    keyof typeof SAFETY_LIMITS,
    'lower' | 'higher',
  ][]) {
    const value = stored[name];
    const fallback = DEFAULT_SETTINGS[name];
    if (all ? value !== fallback : stricter === 'lower' ? value > fallback : value < fallback) {
      settings[name] = fallback;
      loosened.push(name);
    }
  }
  // Trusting a pack signing key is a safety decision too: no unverified key is trusted.
  if (stored.trustedKeys.length > 0) {
    settings.trustedKeys = [];
    loosened.push('trustedKeys');
  }
  return { settings, loosened };
}

/** HMAC-SHA-256 (hex) of the settings in a fixed order of names. */
export async function settingsMac(key: CryptoKey, value: VaultSettings): Promise<string> {
  const canonical = JSON.stringify(
    Object.keys(value)
      .sort()
      .map((k) => [k, value[k as keyof VaultSettings]]),
  );
  const mac = await globalThis.crypto.subtle.sign('HMAC', key, new TextEncoder().encode(canonical));
  return toHex(new Uint8Array(mac));
}

/** The settings row, parsed once and cached until changed or restored. */
export class SettingsStore {
  private cache: VaultSettings | null = null;
  /** The cache was checked against its MAC in this process (an unlock, or written here). */
  private verified = false;

  constructor(private readonly db: VaultDB) {}

  /** The cached settings, or the defaults before the first read (timers need a value now). */
  get current(): VaultSettings {
    return this.cache ?? DEFAULT_SETTINGS;
  }

  /**
   * The settings: as stored once verified; before that (locked) with the safety limits at
   * least as strict as the defaults. A row that does not parse is SettingsDamagedError.
   */
  async get(): Promise<VaultSettings> {
    if (this.cache) return this.cache;
    const stored = await this.readRow();
    this.cache = this.verified ? stored : withSafeLimits(stored).settings;
    return this.cache;
  }

  private async readRow(): Promise<VaultSettings> {
    const row = await this.db.settings.get(SETTINGS_KEY);
    const parsed = VaultSettingsSchema.safeParse(row?.value ?? {});
    if (!parsed.success) throw new SettingsDamagedError();
    return parsed.data;
  }

  /**
   * Checks the row against its MAC with the unlocked keys (unlock, create, restore). A row
   * that fails, or has no MAC yet, gets its loosened safety limits back at their defaults
   * and is signed; returns the problem to report (null when the row was intact, or only
   * unsigned with nothing loosened). A damaged row is replaced by the defaults.
   */
  async verify(ctx: StoreContext & { keys: VaultKeys }): Promise<VaultError | null> {
    this.forget();
    const row = await this.db.settings.get(SETTINGS_KEY);
    if (row === undefined) {
      this.verified = true;
      return null;
    }
    const mac = (await this.db.settings.get(SETTINGS_MAC_KEY))?.value;
    let stored: VaultSettings;
    try {
      stored = await this.readRow();
    } catch (error) {
      if (!(error instanceof SettingsDamagedError)) throw error;
      await this.write(ctx, DEFAULT_SETTINGS, 'defaults restored (damaged)');
      return error;
    }
    if (mac === (await settingsMac(ctx.keys.settings, stored))) {
      this.cache = stored;
      this.verified = true;
      return null;
    }
    // A wrong MAC: the row was altered, every limit goes back. None (a row from before the
    // MAC, or one whose MAC was removed): only what is looser than the defaults.
    const { settings, loosened } = withSafeLimits(stored, mac !== undefined);
    const detail = loosened.length > 0 ? `restored ${loosened.join(' ')}` : 'signed';
    await this.write(ctx, settings, detail);
    return loosened.length > 0 || mac !== undefined ? new SettingsTamperedError(loosened) : null;
  }

  /** Writes a patch; logged as 'settings' with the names of what changed (never values). */
  async update(ctx: VaultContext, patch: Partial<VaultSettings>): Promise<VaultSettings> {
    const before = await this.get();
    const next = VaultSettingsSchema.parse({ ...before, ...patch });
    const changed = (Object.keys(next) as (keyof VaultSettings)[]).filter(
      // By value: a list setting (trustedKeys) is a new array on every parse.
      (k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]),
    );
    await this.write(ctx, next, changed.length > 0 ? changed.join(' ') : null);
    return next;
  }

  /** The row and its MAC in one transaction, with an audit entry when `detail` is given. */
  private async write(
    ctx: StoreContext & { keys: VaultKeys },
    next: VaultSettings,
    detail: string | null,
  ): Promise<void> {
    const mac = await settingsMac(ctx.keys.settings, next);
    await ctx.db.transaction('rw', [ctx.db.settings, ctx.db.auditLog], async () => {
      await ctx.db.settings.put({ key: SETTINGS_KEY, value: next });
      await ctx.db.settings.put({ key: SETTINGS_MAC_KEY, value: mac });
      if (detail !== null) await appendAudit(ctx, 'settings', null, null, detail);
    });
    this.cache = next;
    this.verified = true;
  }

  /** The wrong-passphrase delay; a damaged row (repaired on unlock) delays by the default. */
  async wrongPassphraseDelayMs(): Promise<number> {
    const settings = await this.get().catch((e: unknown) => {
      if (e instanceof SettingsDamagedError) return DEFAULT_SETTINGS;
      throw e;
    });
    return settings.wrongPassphraseDelayMs;
  }

  /** Forgets the cached row (a restore replaced it). */
  forget(): void {
    this.cache = null;
    this.verified = false;
  }
}

/**
 * The vault's Ed25519 key that signs exported packs: made on first use, kept sealed in
 * the settings table, so it never leaves the vault in plain text.
 */
export async function packSigningSecret(ctx: VaultContext): Promise<Uint8Array> {
  const { data } = ctx.keys;
  const row = await ctx.db.settings.get(PACK_SIGNING_KEY);
  if (row) return openBytes(data, 'settings', PACK_SIGNING_KEY, 'secret', row.value);
  const secret = newSigningSecret();
  const sealed = await sealBytes(
    data,
    'settings',
    PACK_SIGNING_KEY,
    'secret',
    new Uint8Array(secret),
  );
  await ctx.db.settings.put({ key: PACK_SIGNING_KEY, value: sealed });
  return secret;
}
