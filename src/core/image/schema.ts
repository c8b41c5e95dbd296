// What the image analysis reports per document (spec §3 files.legible, bank.seal,
// files.quality): quality flags with their reasons and regions, and the seals found.
// Regions are in the coordinates of the document's field boxes (page pixels, PDF points).
import * as z from 'zod';

export const QUALITY_FLAGS = [
  'copy',
  'screen',
  'blur',
  'glare',
  'border-incomplete',
  'covered',
  'low-resolution',
] as const;
export const QualityFlagIdSchema = z.enum(QUALITY_FLAGS);
export type QualityFlagId = z.infer<typeof QualityFlagIdSchema>;

export const RegionSchema = z.object({
  page: z.number().int().min(0),
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
});
export type Region = z.infer<typeof RegionSchema>;

export const QualityFlagSchema = z.object({
  flag: QualityFlagIdSchema,
  /** One sentence in English. */
  reason: z.string(),
  /** The same sentence in Chinese. */
  reasonZh: z.string(),
  /** The field it concerns, where it is about one field. */
  field: z.string().optional(),
  region: RegionSchema.optional(),
  /** The measured figure behind the flag (sharpness, dpi, share of the page …). */
  value: z.number().optional(),
});
export type QualityFlag = z.infer<typeof QualityFlagSchema>;

export const DocumentQualitySchema = z.object({
  flags: z.array(QualityFlagSchema),
  /** Every analysed page is greyscale (no colour ink anywhere). */
  greyscale: z.boolean(),
  /**
   * Resolution from the image's own pixels: dots per inch of an A4 page, or the width in
   * pixels of an ID side; absent for a text-layer PDF (vector text has no resolution).
   */
  dpi: z.number().optional(),
  widthPx: z.number().optional(),
  /** False when the file is vector text (a text-layer PDF): only the seal was looked at. */
  raster: z.boolean(),
  /**
   * Per field, the OCR confidence of the characters inside its box (length-weighted):
   * what files.legible compares with the rule pack's floor.
   */
  textConfidence: z.record(z.string(), z.number().min(0).max(1)).optional(),
});
export type DocumentQuality = z.infer<typeof DocumentQualitySchema>;

export const SealRoleSchema = z.enum(['bank', 'registration-authority', 'company']);
export type SealRole = z.infer<typeof SealRoleSchema>;

export const SealBoxSchema = RegionSchema.extend({
  role: SealRoleSchema,
  /** 0..1: how ring-like and red the shape is. */
  score: z.number().min(0).max(1),
});
export type SealBox = z.infer<typeof SealBoxSchema>;

export const SealReportSchema = z.object({
  found: z.boolean(),
  /** `greyscale`: no colour on the page, so a red seal cannot be told from grey ink. */
  colour: z.enum(['colour', 'greyscale']),
  boxes: z.array(SealBoxSchema),
});
export type SealReport = z.infer<typeof SealReportSchema>;
