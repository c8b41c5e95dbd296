// manifest.json of a document pack: the single source of truth for what a pack holds and
// what was checked. Versioned: a reader refuses a format version it does not know.
import * as z from 'zod';
import { DetectedKindSchema } from '../documents';
import { RegionSchema } from '../extraction';
import { AccountSchema, AcceptedExceptionSchema } from '../dossier';
import { CheckResultSchema, VerdictSchema } from '../checks/types';
import { ManifestSignerSchema } from './signature';

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_FORMAT = 'dossier-vault-pack';
/** 2 adds the signer (signature.json signs manifest.json); 1 is read as unsigned. */
export const MANIFEST_VERSION = 2;

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/** One change normalisation made to a file, e.g. PNG→JPG or a downscale. */
export const ConversionSchema = z.object({
  step: z.enum([
    'format',
    'recompress',
    'downscale',
    'pdf-images',
    'watermark',
    // Metadata (EXIF, GPS, XMP) dropped from an image; its EXIF orientation applied to the pixels.
    'metadata',
    'orientation',
    // JavaScript, open or launch actions, embedded files removed from a PDF.
    'pdf-clean',
  ]),
  /**
   * One short phrase, e.g. "PNG→JPG", "JPEG quality 80", "4961×7016 → 2480×3508 px",
   * "removed EXIF (GPS position), XMP", "removed JavaScript (1), open action (1)".
   */
  detail: z.string(),
});
export type Conversion = z.infer<typeof ConversionSchema>;

export const PackFileRoleSchema = z.enum(['document', 'report', 'accounts']);

export const ManifestFileSchema = z.object({
  /** Entry name inside the zip (UTF-8, no folders). */
  name: z.string().min(1),
  role: PackFileRoleSchema,
  mime: z.string(),
  bytes: z.number().int().min(0),
  sha256: Sha256Schema,
  /** Documents only: the kind, the file it was made from and what was changed. */
  kind: DetectedKindSchema.optional(),
  source: z
    .object({
      name: z.string(),
      mime: z.string(),
      bytes: z.number().int().min(0),
      sha256: Sha256Schema,
    })
    .optional(),
  conversions: z.array(ConversionSchema).default([]),
  /** One line for people: "license.png → 01-营业执照-….jpg, PNG→JPG, 7.1 MB → 1.9 MB". */
  summary: z.string().optional(),
  /**
   * A document cut out of a file holding several: the source's page(s) it was copied
   * from and the rectangle cropped from that page, in the source's units (image pixels,
   * or PDF points from the page's top-left corner), margin included.
   */
  part: z
    .object({
      page: z.number().int().min(0),
      pages: z.array(z.number().int().min(0)).optional(),
      region: RegionSchema.optional(),
      unit: z.enum(['px', 'pt']).optional(),
    })
    .optional(),
});
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

/** A field value as exported, and whether a person confirmed it against the image. */
export const ManifestFieldSchema = z.object({
  value: z.string().nullable(),
  source: z.enum(['confirmed', 'extracted']),
  /** Who confirmed it, when known (the app's user; absent on the CLI unless given). */
  confirmedBy: z.string().optional(),
});

export const ManifestDocumentSchema = z.object({
  /** Entry name of the document in the pack. */
  file: z.string(),
  kind: DetectedKindSchema,
  fields: z.record(z.string(), ManifestFieldSchema),
});
export type ManifestDocument = z.infer<typeof ManifestDocumentSchema>;

export const WatermarkRecordSchema = z.object({
  text: z.string().min(1),
  opacity: z.number().min(0).max(1),
  angleDegrees: z.number(),
  /** Entry names the watermark was drawn on. */
  appliedTo: z.array(z.string()),
  /** Field boxes kept clear, per entry name, where they were known. */
  avoidedBoxes: z.record(z.string(), z.number().int().min(0)),
});
export type WatermarkRecord = z.infer<typeof WatermarkRecordSchema>;

export const ManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.union([z.literal(1), z.literal(MANIFEST_VERSION)]),
  app: z.object({ name: z.string(), version: z.string() }),
  rulePack: z.object({ id: z.string(), version: z.string() }),
  /** ISO 8601 with time zone. */
  createdAt: z.string(),
  /** The reference date the checks used, ISO `YYYY-MM-DD`. */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  company: z.object({ name: z.string().nullable(), creditCode: z.string().nullable() }),
  verdict: VerdictSchema,
  /** True when the dossier was blocked and exported anyway. */
  forced: z.boolean(),
  watermark: WatermarkRecordSchema.nullable(),
  files: z.array(ManifestFileSchema),
  documents: z.array(ManifestDocumentSchema),
  checks: z.array(CheckResultSchema),
  exceptions: z.array(AcceptedExceptionSchema),
  accounts: z.array(AccountSchema),
  /** Files of the dossier that were left out, with the reason (unrecognised, unreadable). */
  excluded: z.array(z.object({ source: z.string(), reason: z.string() })).default([]),
  /** Who signed signature.json (absent in packs made before signing existed). */
  signer: ManifestSignerSchema.optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;
