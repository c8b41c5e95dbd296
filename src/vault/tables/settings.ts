// settings: the vault's plain settings row (readable before unlock: language, timers,
// limits) and the sealed pack signing key, in the same table (no schema change).
import { newSigningSecret } from '../../core/pack/signature';
import { appendAudit } from '../audit';
import type { StoreContext, VaultContext } from '../context';
import type { VaultDB } from '../db';
import { openBytes, sealBytes } from '../envelope';
import { VaultSettingsSchema, type VaultSettings } from '../schema/settings';

const SETTINGS_KEY = 'vault';
/** Settings row holding the sealed pack signing key. */
const PACK_SIGNING_KEY = 'pack-signing-key';

export const DEFAULT_SETTINGS: VaultSettings = VaultSettingsSchema.parse({});

/** The settings row, parsed once and cached until changed or restored. */
export class SettingsStore {
  private cache: VaultSettings | null = null;

  constructor(private readonly db: VaultDB) {}

  /** The cached settings, or the defaults before the first read (timers need a value now). */
  get current(): VaultSettings {
    return this.cache ?? DEFAULT_SETTINGS;
  }

  async get(): Promise<VaultSettings> {
    if (this.cache) return this.cache;
    const row = await this.db.settings.get(SETTINGS_KEY);
    this.cache = VaultSettingsSchema.parse(row?.value ?? {});
    return this.cache;
  }

  /** Writes a patch; logged as 'settings' with the names of what changed (never values). */
  async update(ctx: StoreContext, patch: Partial<VaultSettings>): Promise<VaultSettings> {
    const before = await this.get();
    const next = VaultSettingsSchema.parse({ ...before, ...patch });
    const changed = (Object.keys(next) as (keyof VaultSettings)[]).filter(
      // By value: a list setting (trustedKeys) is a new array on every parse.
      (k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]),
    );
    await ctx.db.transaction('rw', [ctx.db.settings, ctx.db.auditLog], async () => {
      await ctx.db.settings.put({ key: SETTINGS_KEY, value: next });
      if (changed.length > 0) await appendAudit(ctx, 'settings', null, null, changed.join(' '));
    });
    this.cache = next;
    return next;
  }

  /** Forgets the cached row (a restore replaced it). */
  forget(): void {
    this.cache = null;
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
