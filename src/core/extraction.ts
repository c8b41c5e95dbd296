// What reading one file gives: text with boxes in, fields with confidence, boxes and
// correction proposals out. Shared by the PDF text layer, every OCR engine and the UI.
import * as z from 'zod';
import { DetectedKindSchema, FieldValuesSchema } from './documents';
import { DocumentQualitySchema, SealReportSchema } from './image/schema';

// Plain code beside the schemas, in read-error.ts (no zod): the readers throw and make
// these without loading zod.
export { DocumentReadError, unreadDocument } from './read-error';

/** A rectangle on a page, in page pixels (PDF: points at scale 1), origin top-left. */
export const BoxSchema = z.object({
  page: z.number().int().min(0),
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
});
export type Box = z.infer<typeof BoxSchema>;

/** A part of a page (a document that is not the whole page), in the page's box space. */
export const RegionSchema = z.object({
  x: z.number(),
  y: z.number(),
  w: z.number().positive(),
  h: z.number().positive(),
});
export type Region = z.infer<typeof RegionSchema>;

/**
 * What else the OCR saw in one character of an item: its own probability for the
 * character it returned and its runners-up (the recogniser's second and third classes),
 * kept only where a runner-up had a real share, so most items carry none.
 */
export const CharAlternativesSchema = z.object({
  /** The character's index in the item's text, in code points. */
  at: z.number().int().min(0),
  /** The probability of the character as read. */
  p: z.number().min(0).max(1),
  /** Other readings, best first. */
  options: z.array(z.object({ text: z.string(), p: z.number().min(0).max(1) })).min(1),
  /**
   * The look-alike of the character read that its print looks likest (src/ocr/paddle/
   * glyph-judge.ts), where it is not the character read: a person's name may take it.
   */
  judged: z.string().optional(),
  /**
   * For a character read below 0.9: every other class the recogniser gave at least 0.001
   * at this glyph, best first, at most 8 (src/ocr/paddle/ctc.ts doubtCandidates). Not
   * runners-up to propose: what the page says of a character another document reads here
   * (extract/page-support.ts).
   */
  candidates: z.array(z.object({ text: z.string(), p: z.number().min(0).max(1) })).optional(),
});
export type CharAlternatives = z.infer<typeof CharAlternativesSchema>;

/** One run of text as a PDF text layer or an OCR engine returns it (a word or a line). */
export const TextItemSchema = BoxSchema.extend({
  text: z.string(),
  /** 0..1; a PDF text layer is 1. */
  confidence: z.number().min(0).max(1),
  /** Characters the OCR was not alone in reading (PP-OCR only; absent when none). */
  alternatives: z.array(CharAlternativesSchema).optional(),
  /**
   * The recogniser's own confidence of each character of `text` that is not white space,
   * in order, where the engine reports it: `confidence` is the line's (its weakest
   * character, capped where a gap may hide a lost one); legibility asks about the
   * characters of one field (fieldTextConfidence).
   */
  charConfidences: z.array(z.number().min(0).max(1)).optional(),
});
export type TextItem = z.infer<typeof TextItemSchema>;

export const PageTextSchema = z.object({
  page: z.number().int().min(0),
  width: z.number().positive(),
  height: z.number().positive(),
  items: z.array(TextItemSchema),
});
export type PageText = z.infer<typeof PageTextSchema>;

/** Where the text came from: a PDF's own text layer, or an OCR engine by id. */
/**
 * One page as it was read: the coordinate space of its fields' boxes (PDF text layer:
 * points at scale 1; OCR: pixels of the prepared image, after EXIF and detected rotation
 * were applied to the source). The vault stores it; the renderer draws in it.
 */
export const PageGeometrySchema = z.object({
  width: z.number().positive(),
  height: z.number().positive(),
  /** Clockwise rotation applied to the source image before reading (0 for PDFs). */
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).default(0),
});
export type PageGeometry = z.output<typeof PageGeometrySchema>;

export const TextSourceSchema = z.enum(['pdf-text', 'tesseract', 'paddle']);
export type TextSource = z.infer<typeof TextSourceSchema>;

/**
 * What the OCR engine's model ran on: `native` (onnxruntime-node's CPU kernels) or `wasm`
 * (WebAssembly: the app's renderer, tesseract.js, and the Node fallback where the native
 * runtime cannot load, about 2.4× slower).
 */
export const OcrRuntimeSchema = z.enum(['native', 'wasm']);
export type OcrRuntime = z.infer<typeof OcrRuntimeSchema>;

export const DocumentTextSchema = z.object({
  source: TextSourceSchema,
  pages: z.array(PageTextSchema),
});
export type DocumentText = z.infer<typeof DocumentTextSchema>;

/** A checksum-guided proposal; it is shown, never applied silently. */
export const CorrectionSchema = z.object({
  field: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.enum([
    'checksum',
    'missing-check-character',
    'look-alike-punctuation',
    'ocr-alternative',
    /** A value its type says was cut short (an amount in words ending at 元 without 整). */
    'incomplete-value',
    /** A value not read, proposed from another field of the page that prints the same date (成立日期 for the term's start). */
    'same-date-elsewhere',
    /** A value of a closed list (the 56 民族) read as none of its entries: the one entry a character away. */
    'closed-vocabulary',
  ]),
  /** One sentence for the reviewer, e.g. "O at position 5 read as 0 makes the checksum valid". */
  note: z.string().optional(),
});
export type Correction = z.infer<typeof CorrectionSchema>;

/**
 * Why a file could not be read, for a host to word in its own language (the `error`
 * sentence is English). 'other': a reason without a code; only the sentence says it.
 */
export const ReadProblemReasonSchema = z.enum([
  'empty',
  'too-large',
  'unsupported-type',
  'too-many-pixels',
  'too-many-pages',
  'truncated',
  'damaged',
  'encrypted',
  'no-ocr',
  'ocr-failed',
  'other',
]);
export type ReadProblemReason = z.infer<typeof ReadProblemReasonSchema>;

export const ReadProblemSchema = z.object({
  reason: ReadProblemReasonSchema,
  /**
   * The figures the sentence names, as numbers: too-large {size, limit} (MB, as the
   * sentence rounds them); too-many-pixels {width, height, megapixels, limit} (limit in
   * megapixels); too-many-pages {pages, limit}.
   */
  values: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
});
export type ReadProblem = z.infer<typeof ReadProblemSchema>;

/** The independent evidence that corroborates a value read by OCR (see `corroborated`). */
export const CorroborationSchema = z.enum([
  'checksum',
  'id-number',
  'validity-rule',
  'closed-list',
  'other-document',
]);
export type Corroboration = z.infer<typeof CorroborationSchema>;

/** One element of `dossier extract --json` (spec/cli-contract.md), plus what the UI needs. */
export const ExtractedDocumentSchema = z.object({
  file: z.string(),
  kind: DetectedKindSchema,
  fields: FieldValuesSchema,
  confidence: z.record(z.string(), z.number().min(0).max(1)),
  corrections: z.array(CorrectionSchema),
  warnings: z.array(z.string()),
  /** Present only when the file could not be read: one clear sentence. */
  error: z.string().optional(),
  /** Present with `error`: its reason and figures (not part of the CLI's JSON output). */
  problem: ReadProblemSchema.optional(),
  /** Field boxes for the review screen (not part of the CLI contract's required fields). */
  boxes: z.record(z.string(), BoxSchema).optional(),
  /**
   * Fields read by OCR that contain characters existing in both widths (（ vs (, ０ vs 0):
   * a check comparing them warns "confirm against the image" until a person confirms.
   */
  needsConfirmation: z.array(z.string()).optional(),
  source: TextSourceSchema.optional(),
  /** Set by hosts that know it, for documents read by OCR (`dossier extract --json`). */
  ocrRuntime: OcrRuntimeSchema.optional(),
  /** Image quality flags with their reasons and regions (src/core/image). */
  quality: DocumentQualitySchema.optional(),
  /** Seals found on the page (the bank form and the license always say whether). */
  seal: SealReportSchema.optional(),
  /**
   * Where the document is in a file that holds several (spec/cli-contract.md): its first
   * page (0-based), every page it is on, and the part of that page when it is not all of it.
   */
  page: z.number().int().min(0).optional(),
  pages: z.array(z.number().int().min(0)).optional(),
  region: RegionSchema.optional(),
  /** The size of `page` in the space of `region` and the boxes (to crop it from the file). */
  pageSize: z.object({ width: z.number().positive(), height: z.number().positive() }).optional(),
  /**
   * Fields not read by their own label but located another way: 'cross-document', searched
   * on the page by the same value read on another document (src/core/extract/cross-document.ts).
   */
  found: z.record(z.string(), z.literal('cross-document')).optional(),
  /**
   * Fields read by OCR whose value independent evidence confirms (src/core/extract/
   * corroboration.ts): a checksum, the ID number's birth date and sex, the ID card's
   * validity rule, the closed list of ethnic groups, the same value read on another document
   * of the dossier (cross-corroboration.ts). files.legible counts them legible.
   */
  corroborated: z.record(z.string(), CorroborationSchema).optional(),
  /**
   * Characters of a compared field the OCR read unsurely, by their positions in the value
   * (code points), set by the dossier's cross-document stage (src/core/extract/doubts.ts):
   * a comparison differing only there asks a person to confirm instead of failing.
   */
  doubted: z.record(z.string(), z.array(z.number().int().min(0))).optional(),
  /**
   * The positioned text the fields were read from, kept by the reader so a value lost on
   * this page can be searched for with another document's (never part of the CLI's output).
   */
  text: DocumentTextSchema.optional(),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocumentSchema>;
