// The OCR host's messages: what the renderer's reader asks of the native OCR host (src/ocr-host,
// an Electron utility process running the CLI's reader on onnxruntime-node) and what it
// answers, over the MessagePort main hands the page (README, "The OCR host"). The same
// requests as the wasm workers' (src/renderer/reader/protocol.ts) less their asset URLs and
// thread counts. These schemas are the single source of truth: both ends parse every
// message they receive with them, and drop (the page) or answer with an error (the host)
// what does not match.
import * as z from 'zod';
import { DocumentKindSchema } from '../core/documents';
import { ExtractedDocumentSchema, PageGeometrySchema, PageTextSchema } from '../core/extraction';

/** The name of the window message that carries the host's port from the preload to the page. */
export const OCR_HOST_PORT_MESSAGE = 'dossier:ocr-host-port';
/** IPC channels: the page asks for a port (send), main answers with one (webContents.postMessage). */
export const OCR_HOST_CHANNELS = { connect: 'ocr-host:connect', port: 'ocr-host:port' } as const;

/** A file the host reads at most (the intake's own limit is lower: src/core/intake.ts). */
export const MAX_HOST_FILE_BYTES = 200 * 1024 * 1024;
/** A page raster's side at most (pixels); rasters come from pdfjs at ≤ 200 dpi. */
export const MAX_HOST_RASTER_SIDE = 20_000;

const id = z.number().int().nonnegative();
const engine = z.enum(['paddle', 'tesseract']);

export const OcrHostRequestSchema = z.discriminatedUnion('type', [
  /** Load the engine now, before any page needs it. */
  z.object({ type: z.literal('load'), id, engine }).strict(),
  /** A whole JPG or PNG file, read in the host into the documents it holds. */
  z
    .object({
      type: z.literal('read'),
      id,
      engine,
      name: z.string().min(1).max(1000),
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength <= MAX_HOST_FILE_BYTES, 'The file is too large.'),
      kind: DocumentKindSchema.optional(),
    })
    .strict(),
  /** One page of an image-only PDF, rendered by the page (RGBA, width × height × 4 bytes). */
  z
    .object({
      type: z.literal('raster'),
      id,
      engine,
      page: z.number().int().min(0),
      width: z.number().int().min(1).max(MAX_HOST_RASTER_SIDE),
      height: z.number().int().min(1).max(MAX_HOST_RASTER_SIDE),
      data: z.instanceof(Uint8ClampedArray),
    })
    .strict()
    .refine((r) => r.data.length === r.width * r.height * 4, {
      message: 'The raster size does not match its pixels.',
    }),
]);
export type OcrHostRequest = z.infer<typeof OcrHostRequestSchema>;

export const OcrHostResponseSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('progress'),
      id,
      stage: z.enum(['loading-ocr', 'ocr']),
      progress: z.number().min(0).max(1),
    })
    .strict(),
  z
    .object({ type: z.literal('page'), id, page: PageTextSchema, geometry: PageGeometrySchema })
    .strict(),
  z
    .object({
      type: z.literal('documents'),
      id,
      documents: z.array(ExtractedDocumentSchema).min(1),
      pages: z.array(PageGeometrySchema),
    })
    .strict(),
  z.object({ type: z.literal('loaded'), id }).strict(),
  /** The engine (not the file) failed, or the request was refused (invalid). */
  z.object({ type: z.literal('error'), id, message: z.string() }).strict(),
]);
export type OcrHostResponse = z.output<typeof OcrHostResponseSchema>;

/** The id of a message that failed its schema, where it has one (to answer it). */
export function requestIdOf(message: unknown): number | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const value = (message as { id?: unknown }).id;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The bridge's part for the OCR host (window.ocrHost): asks main for a port to it. */
export interface OcrHostBridge {
  /** Asks for a new port; it comes as a window message named OCR_HOST_PORT_MESSAGE. */
  connect(): void;
}
