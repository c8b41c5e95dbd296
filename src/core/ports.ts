// What the core needs from its host, passed in by each host (CLI in Node, the renderer
// in Chromium, tests). The core itself imports no Node, DOM or Electron module.
import type { DocumentText } from './extraction';

/** Image bytes as a host received them (JPEG, PNG, …). */
export interface ImageInput {
  bytes: Uint8Array;
  mime: string;
}

export interface OcrProgress {
  /** e.g. "loading model", "recognising". */
  stage: string;
  /** 0..1 */
  progress: number;
}

/** Which OCR engine reads a page (the one definition; the CLI and the renderer import it). */
export type OcrEngineId = 'tesseract' | 'paddle';

/** An OCR engine, created once and reused for every page (never per file). */
export interface OcrEngine {
  readonly id: OcrEngineId;
  recognise(image: ImageInput, onProgress?: (p: OcrProgress) => void): Promise<DocumentText>;
  dispose(): Promise<void>;
}

export interface Hasher {
  /** Lower-case hex SHA-256 of the bytes. */
  sha256(bytes: Uint8Array): Promise<string>;
}

export interface Clock {
  /** Today's date, ISO `YYYY-MM-DD`, in the user's time zone. */
  today(): string;
  /** Now, ISO 8601 with time zone. */
  now(): string;
}
