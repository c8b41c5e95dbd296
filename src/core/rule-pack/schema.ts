// A rule pack: every threshold of the spec as versioned, validated data (spec §0).
import * as z from 'zod';
import { ChangeKindSchema } from '../deadlines/change';

export const RulePackSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    name: z.object({ zh: z.string(), en: z.string() }),
    platform: z.string(),
    accounts: z.object({
      min: z.number().int().min(0),
      max: z.number().int().min(1),
    }),
    /** Accounts one ID card may back in total across all dossiers. */
    maxAccountsPerIdCard: z.number().int().min(1),
    /** USCC first character + second character combinations that may link, e.g. "91". */
    eligibleCreditCodeCategories: z.array(z.string().regex(/^[0-9A-Z]{2}$/)).min(1),
    /** Categories named in refusals, e.g. "92" = individual business (个体工商户). */
    ineligibleCreditCodeCategories: z.array(
      z.object({ prefix: z.string(), zh: z.string(), en: z.string() }),
    ),
    idCard: z.object({
      /** The ID must stay valid at least this many days after the reference date. */
      minValidDays: z.number().int().min(0),
      /** Declared expiry may differ from the card's by at most this many days. */
      declaredExpiryToleranceDays: z.number().int().min(0),
      /** Validity span by age on the issue date (GA/T 2006 rules). */
      periodByAge: z.array(
        z.object({
          minAge: z.number().int().min(0),
          maxAge: z.number().int().nullable(),
          years: z.number().int().nullable(),
        }),
      ),
    }),
    files: z.object({
      formats: z.array(z.enum(['application/pdf', 'image/jpeg'])).min(1),
      maxBytes: z.number().int().positive(),
      /** Never downscale an A4 page below this when fitting the size limit. */
      minDpiA4: z.number().int().positive(),
      mergeMultiPageScans: z.boolean(),
    }),
    /** What the platform's reviewer looks at in the images (spec §3 files.legible, bank.seal). */
    legibility: z.object({
      /** A required field read below this OCR confidence fails unless a person confirmed it. */
      minConfidence: z.number().min(0).max(1),
      /** Resolution floor of an A4 page, from the image's own pixels. */
      minDpiA4: z.number().int().positive(),
      /** Resolution floor of an ID card side: its width in pixels. */
      minIdWidthPx: z.number().int().positive(),
    }),
    changes: z.object({
      /** Working days to file an update after a change of address, legal rep or bank. */
      fileWithinWorkingDays: z.number().int().min(1),
      /**
       * Working days to tell the bank after a change of the depositor's name, legal
       * representative or address (人民币银行结算账户管理办法: 5), and which tracked change
       * kinds that covers (a closed account is the bank's own act).
       */
      notifyBankWithinWorkingDays: z.number().int().min(1),
      notifyBankOf: z.array(ChangeKindSchema),
    }),
    expiryWarningDays: z.array(z.number().int().positive()),
    platformCodes: z.record(
      z.string(),
      z.object({ zh: z.string(), en: z.string(), checks: z.array(z.string()) }),
    ),
  })
  .strict();
export type RulePack = z.infer<typeof RulePackSchema>;
