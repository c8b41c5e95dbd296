// What buildPack (build.ts) takes and gives: the dossier's documents, confirmations,
// checks and options in; the zip, its manifest and its entries out.
import type { CheckResult, Verdict } from '../checks/types';
import type { Account, AcceptedException, Confirmed } from '../dossier';
import type { ExtractedDocument } from '../extraction';
import type { Hasher } from '../ports';
import type { RulePack } from '../rule-pack/schema';
import type { ImageCodec } from './image-codec';
import type { Manifest } from './manifest';
import type { ReportFont } from './report-font';
import type { PackSigner } from './signature';
import type { WatermarkOptions } from './watermark';

export interface PackDocumentInput {
  /** The file's name in the dossier (shown in the manifest as its source). */
  sourceName: string;
  bytes: Uint8Array;
  /** Sniffed from the bytes, never from the name. */
  mime: string;
  /** What reading it gave: kind, fields, field boxes. */
  extracted: ExtractedDocument;
}

export interface BuildPackInput {
  documents: readonly PackDocumentInput[];
  confirmed: Confirmed;
  /** Who confirmed the confirmed values (the app's user), when known. */
  confirmedBy?: string;
  checks: readonly CheckResult[];
  verdict: Verdict;
  accounts: readonly Account[];
  exceptions: readonly AcceptedException[];
  rulePack: RulePack;
  /** Reference date of the checks, ISO. */
  today: string;
  /** ISO 8601 with time zone. */
  createdAt: string;
  app: { name: string; version: string };
  /** Pack a blocked dossier anyway (recorded on the cover and in the manifest). */
  force: boolean;
  /** Off unless given. */
  watermark?: WatermarkOptions | null;
  /**
   * Runs the checks again on the files as they will be exported. `files.format` judges
   * the exported files, so a PNG that normalisation turns into a small JPG no longer
   * blocks; without it, `checks` and `verdict` are used as given.
   */
  recheck?: (files: ExportedFileFacts[]) => { verdict: Verdict; checks: CheckResult[] };
}

/** What `files.format` needs to know of an exported file (DossierInput.files). */
export interface ExportedFileFacts {
  file: string;
  mime: string;
  bytes: number;
}

export interface BuildPackDeps {
  codec: ImageCodec;
  hasher: Hasher;
  font: ReportFont;
  onProgress?: (message: string) => void;
  /** Longest side of document thumbnails in the report, pixels. */
  thumbnailPixels?: number;
  /** Signs manifest.json (signature.json); without it the pack is unsigned. */
  signer?: PackSigner;
}

export interface PackEntry {
  name: string;
  bytes: Uint8Array;
}

export interface BuiltPack {
  zip: Uint8Array;
  manifest: Manifest;
  /** In zip order; manifest.json (then signature.json) last. */
  entries: PackEntry[];
  /** One line per changed file, e.g. "license.png → 01-营业执照-….jpg, PNG→JPG, 7.1 MB → 1.9 MB". */
  changes: string[];
}
