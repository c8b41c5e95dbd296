// A dossier from the files the person picked: each file read by the shared pipeline
// (src/ocr/read-document: PDF text layer; OCR once it is wired into the renderer), then
// every check of the rule pack run, all in the renderer.
import { runChecks, type CheckRun } from '../core/checks';
import { localIsoDate } from '../core/dates';
import { DossierFileSchema, dossierInput, type DossierFile } from '../core/dossier';
import type { ExtractedDocument } from '../core/extraction';
import { sniffMime } from '../core/file-type';
import { loadRulePack } from '../core/rule-pack';
import { readDocument } from '../ocr/read-document';
import type { OpenedFile } from '../shared/ipc';
import { browserReadOptions, loadPdfjsBrowser } from './pdfjs';

export interface CheckedDossier {
  documents: ExtractedDocument[];
  run: CheckRun;
}

export async function checkDossier(
  files: readonly OpenedFile[],
  dossier: DossierFile = DossierFileSchema.parse({}),
  today: string = localIsoDate(),
): Promise<CheckedDossier> {
  const pdfjs = await loadPdfjsBrowser();
  const documents: ExtractedDocument[] = [];
  for (const file of files) {
    documents.push(await readDocument(file, { pdfjs, pdfOptions: browserReadOptions() }));
  }
  const input = dossierInput(
    dossier,
    documents,
    files.map((f) => ({ file: f.name, mime: sniffMime(f.bytes), bytes: f.bytes.length })),
    today,
  );
  return { documents, run: runChecks(input, loadRulePack(dossier.rulePack)) };
}
