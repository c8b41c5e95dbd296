// Reads one dossier folder (spec/cli-contract.md `dossier check DIR`): every document
// file through the shared reading pipeline, plus dossier.json, then runs the checks.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  DossierFileError,
  DossierFileSchema,
  dossierInput,
  parseDossierFile,
  type DossierFile,
  type DossierInput,
} from '../core/dossier';
import { localIsoDate } from '../core/dates';
import { crossDocumentFill } from '../core/extract/cross-document';
import type { ExtractedDocument } from '../core/extraction';
import { sniffMime, type SniffedMime } from '../core/file-type';
import { runChecks } from '../core/checks';
import { loadRulePack } from '../core/rule-pack';
import type { RulePack } from '../core/rule-pack/schema';
import type { CheckResult, Verdict } from '../core/checks/types';
import type { progressPrinter } from './args';
import { createDocumentReader } from './document-reader';
import { printable } from './format';
import { EXIT, type CliIo } from './io';
import {
  DossierDirError,
  listDossierFolder,
  readDossierJsonText,
  type SkippedEntry,
} from './dossier-folder';

export { DossierDirError } from './dossier-folder';

export interface DossierFileEntry {
  path: string;
  name: string;
  bytes: Uint8Array;
  mime: SniffedMime;
}

export interface LoadedDossier {
  dir: string;
  files: DossierFileEntry[];
  documents: ExtractedDocument[];
  input: DossierInput;
  result: { verdict: Verdict; checks: CheckResult[] };
  rulePack: RulePack;
  dossier: DossierFile;
  /** Entries of the folder not read: links to nothing, folders, pipes, devices. */
  skipped: SkippedEntry[];
}

/** Files in a dossier folder that are the person's statements or notes, not documents. */
const NOT_DOCUMENTS = new Set(['dossier.json', 'expected.json', 'readme.md', 'readme.txt']);

export interface LoadDossierOptions {
  today?: string;
  onProgress?: (message: string) => void;
  /** One sentence for the user that must stay on screen (the WebAssembly OCR fallback). */
  onNotice?: (message: string) => void;
}

export async function loadDossierDir(
  dir: string,
  opts: LoadDossierOptions = {},
): Promise<LoadedDossier> {
  const info = await stat(dir).catch(() => null);
  if (info === null) throw new DossierDirError(`The folder ${dir} does not exist.`);
  if (!info.isDirectory())
    throw new DossierDirError(`${dir} is not a folder: give the dossier's folder.`);

  const dossier = await readDossierFile(dir);
  const rulePack = loadRulePack(dossier.rulePack);

  const folder = await listDossierFolder(dir, (name) => NOT_DOCUMENTS.has(name.toLowerCase()));
  const names = folder.files.map((f) => f.name);
  if (names.length === 0) {
    throw new DossierDirError(`The folder ${dir} holds no document files (PDF, JPG or PNG).`);
  }

  const reader = createDocumentReader(opts.onNotice ? { onNotice: opts.onNotice } : {});
  const files: DossierFileEntry[] = [];
  const documents: ExtractedDocument[] = [];
  // A file refused unread (over the size cap) is still judged by files.format, so it blocks.
  const unread: DossierInput['files'] = [];
  try {
    for (const [i, { name, path, size }] of folder.files.entries()) {
      opts.onProgress?.(`[${i + 1}/${names.length}] reading ${name}`);
      // A file may hold several documents (a whole dossier in one PDF): each fills its slot.
      const { documents: found, bytes } = await reader.readFile(path, name);
      documents.push(...found);
      if (bytes) files.push({ path: name, name, bytes, mime: sniffMime(bytes) });
      else unread.push({ file: name, mime: 'unknown', bytes: size });
    }
  } finally {
    await reader.dispose();
  }

  // A value whose label was lost on one document is searched for with another's (issue 13).
  const filled = crossDocumentFill(
    documents.map(({ text, ...document }) => ({ document, ...(text ? { text } : {}) })),
    dossier.confirmed,
  );
  const input = dossierInput(
    dossier,
    filled,
    [...files.map((f) => ({ file: f.name, mime: f.mime, bytes: f.bytes.length })), ...unread],
    opts.today ?? localIsoDate(),
  );
  const result = runChecks(input, rulePack);
  return {
    dir,
    files,
    documents: filled,
    input,
    result,
    rulePack,
    dossier,
    skipped: folder.skipped,
  };
}

async function readDossierFile(dir: string): Promise<DossierFile> {
  const text = await readDossierJsonText(dir);
  if (text === null) return DossierFileSchema.parse({});
  try {
    return parseDossierFile(text, `${basename(dir)}/dossier.json`);
  } catch (error) {
    if (error instanceof DossierFileError) throw new DossierDirError(error.message);
    throw error;
  }
}

/**
 * The dossier folder `dir` read for `dossier <command>`, its progress on `progress`. A folder
 * that cannot be read is said in one sentence on standard error (made printable, as every
 * value from a file) and answered with the usage exit code instead.
 */
export async function loadDossierForCommand(
  command: string,
  dir: string,
  today: string | undefined,
  progress: ReturnType<typeof progressPrinter>,
  io: Pick<CliIo, 'stderr'>,
): Promise<LoadedDossier | number> {
  try {
    return await loadDossierDir(dir, {
      ...(today === undefined ? {} : { today }),
      onProgress: (m) => progress.update(m),
      onNotice: (m) => progress.notice(m),
    });
  } catch (error) {
    progress.done();
    if (error instanceof DossierDirError) {
      io.stderr(`dossier ${command}: ${printable(error.message)}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
