// A dossier from the files the person picked: each PDF's text layer read with pdfjs,
// fields extracted, then every check of the rule pack run, all in the renderer.
import { runChecks, type CheckRun } from '../core/checks';
import { DossierFileSchema, type DossierFile, type DossierInput } from '../core/dossier';
import { extractDocument } from '../core/extract';
import type { ExtractedDocument } from '../core/extraction';
import { sniffMime } from '../core/file-type';
import { loadRulePack } from '../core/rule-pack';
import { PdfReadError, readPdfText } from '../ocr/pdf-text';
import type { OpenedFile } from '../shared/ipc';
import { browserReadOptions, loadPdfjsBrowser } from './pdfjs';

export interface CheckedDossier {
  documents: ExtractedDocument[];
  run: CheckRun;
}

function unreadable(file: string, error: string): ExtractedDocument {
  return {
    file,
    kind: 'unknown',
    fields: {},
    confidence: {},
    corrections: [],
    warnings: [],
    error,
  };
}

/** "no text layer: OCR is needed" → "No text layer: OCR is needed." */
function sentence(message: string): string {
  const s = message.trim();
  return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?。]$/.test(s) ? '' : '.');
}

export async function readDocumentFile(file: OpenedFile): Promise<ExtractedDocument> {
  const mime = sniffMime(file.bytes);
  if (mime !== 'application/pdf') {
    return unreadable(
      file.name,
      mime === 'unknown'
        ? 'The file is neither a PDF nor an image.'
        : 'No text layer: OCR is needed.',
    );
  }
  try {
    const text = await readPdfText(file.bytes, await loadPdfjsBrowser(), browserReadOptions());
    return extractDocument(text, file.name);
  } catch (error) {
    if (error instanceof PdfReadError) return unreadable(file.name, sentence(error.message));
    throw error;
  }
}

/** dossier.json's statements, or a one-sentence reason it cannot be used. */
export function parseDossierJson(
  bytes: Uint8Array,
): { ok: true; dossier: DossierFile } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, error: 'dossier.json is not valid JSON.' };
  }
  const parsed = DossierFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `dossier.json does not match the expected shape at ${issue?.path.join('.') || '(top level)'}.`,
    };
  }
  return { ok: true, dossier: parsed.data };
}

/** Today in the computer's time zone, ISO. */
export function localToday(date = new Date()): string {
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${m}-${d}`;
}

export async function checkDossier(
  files: readonly OpenedFile[],
  dossier: DossierFile = DossierFileSchema.parse({}),
  today: string = localToday(),
): Promise<CheckedDossier> {
  const documents: ExtractedDocument[] = [];
  for (const file of files) documents.push(await readDocumentFile(file));
  const input: DossierInput = {
    documents,
    accounts: dossier.accounts,
    declared: dossier.declared,
    confirmed: dossier.confirmed,
    exceptions: dossier.exceptions,
    idAccountsElsewhere: dossier.idAccountsElsewhere,
    today,
    files: files.map((f) => ({ file: f.name, mime: sniffMime(f.bytes), bytes: f.bytes.length })),
  };
  return { documents, run: runChecks(input, loadRulePack(dossier.rulePack)) };
}
