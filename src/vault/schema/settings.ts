// Vault settings (plain: readable before unlock, nothing secret).
import { z } from 'zod';

export const VaultSettingsSchema = z.object({
  autoLockMinutes: z.number().min(0.05).default(10),
  /** Lock when the window has been hidden this long. */
  hiddenLockMinutes: z.number().min(0).default(2),
  undoWindowSeconds: z.number().min(1).default(10),
  maxFileBytes: z
    .number()
    .int()
    .min(1)
    .default(50 * 1024 * 1024),
  /** 100 MP: an A4 page at 600 dpi is 35 MP, a phone photo 12-50 MP. */
  maxImagePixels: z.number().int().min(1).default(100_000_000),
  /** Minimum time a failed unlock takes, to slow guessing. */
  wrongPassphraseDelayMs: z.number().int().min(0).default(1000),
  /** Interface language; plain because the unlock screen needs it. */
  language: z.enum(['zh', 'en']).default('zh'),
  ocrEngine: z.enum(['paddle', 'tesseract']).default('paddle'),
  /** Recorded as "by" on confirmations and accepted exceptions (the operator, not a client). */
  userName: z.string().max(80).default(''),
});
export type VaultSettings = z.infer<typeof VaultSettingsSchema>;

export const SettingRecordSchema = z.object({ key: z.string(), value: z.unknown() });
export type SettingRecord = z.infer<typeof SettingRecordSchema>;
