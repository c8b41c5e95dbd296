// Vault settings (plain: readable before unlock, nothing secret).
import * as z from 'zod';
import { INTAKE_LIMITS } from '../../core/intake';

export const VaultSettingsSchema = z.object({
  autoLockMinutes: z.number().min(0.05).default(10),
  /** Lock when the window has been hidden this long. */
  hiddenLockMinutes: z.number().min(0).default(2),
  undoWindowSeconds: z.number().min(1).default(10),
  /** The intake limits (src/core/intake.ts), adjustable per vault. */
  maxFileBytes: z.number().int().min(1).default(INTAKE_LIMITS.maxFileBytes),
  maxImagePixels: z.number().int().min(1).default(INTAKE_LIMITS.maxImagePixels),
  /** Minimum time a failed unlock takes, to slow guessing. */
  wrongPassphraseDelayMs: z.number().int().min(0).default(1000),
  /** Interface language; plain because the unlock screen needs it. */
  language: z.enum(['zh', 'en']).default('zh'),
  ocrEngine: z.enum(['paddle', 'tesseract']).default('paddle'),
  /** Recorded as "by" on confirmations and accepted exceptions (the operator, not a client). */
  userName: z.string().max(80).default(''),
  /** Opt-in: OS notifications for deadlines within 2 working days (the desktop app's main process). */
  desktopReminders: z.boolean().default(false),
  /** Fingerprints of pack signing keys this user trusts (public, so plain). */
  trustedKeys: z.array(z.string().max(40)).max(200).default([]),
});
export type VaultSettings = z.infer<typeof VaultSettingsSchema>;

type Shape = typeof VaultSettingsSchema.shape;
type Patch = { [K in keyof Shape]: z.ZodOptional<ReturnType<Shape[K]['removeDefault']>> };
/** What `updateSettings` takes: only the settings given, each checked, no defaults filled in. */
export const VaultSettingsPatchSchema = z
  .object(
    Object.fromEntries(
      Object.entries(VaultSettingsSchema.shape).map(([key, field]) => [
        key,
        field.removeDefault().optional(),
      ]),
    ) as Patch,
  )
  .strict();
export type VaultSettingsPatch = z.input<typeof VaultSettingsPatchSchema>;

export const SettingRecordSchema = z.object({ key: z.string(), value: z.unknown() });
export type SettingRecord = z.infer<typeof SettingRecordSchema>;
