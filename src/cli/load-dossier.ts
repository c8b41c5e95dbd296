// Reads one dossier folder (spec/cli-contract.md `dossier check DIR`): every document
// file through the shared reading pipeline, plus dossier.json, then runs the checks.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DossierFileSchema, type DossierFile, type DossierInput } from '../core/dossier';
import type { ExtractedDocument } from '../core/extraction';
import { sniffMime, type SniffedMime } from '../core/file-type';
import { runChecks } from '../core/checks';
import { loadRulePack } from '../core/rule-pack';
import type { RulePack } from '../core/rule-pack/schema';
import type { CheckResult, Verdict } from '../core/checks/types';
import { createDocumentReader } from './document-reader';

/** The folder cannot be used as a dossier: the command exits 2 with this sentence. */
export class DossierDirError extends Error {}

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
}

/** Files in a dossier folder that are the person's statements or notes, not documents. */
const NOT_DOCUMENTS = new Set(['dossier.json', 'expected.json', 'readme.md', 'readme.txt']);

export interface LoadDossierOptions {
  today?: string;
  onProgress?: (message: string) => void;
}

export async function loadDossierDir(dir: string, opts: LoadDossierOptions = {}): Promise<LoadedDossier> {
  const info = await stat(dir).catch(() => null);
  if (info === null) throw new DossierDirError(`The folder ${dir} does not exist.`);
  if (!info.isDirectory()) throw new DossierDirError(`${dir} is not a folder: give the dossier's folder.`);

  const dossier = await readDossierFile(dir);
  const rulePack = loadRulePack(dossier.rulePack);

  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !NOT_DOCUMENTS.has(e.name.toLowerCase()))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  if (names.length === 0) {
    throw new DossierDirError(`The folder ${dir} holds no document files (PDF, JPG or PNG).`);
  }

  const reader = createDocumentReader();
  const files: DossierFileEntry[] = [];
  const documents: ExtractedDocument[] = [];
  try {
    for (const [i, name] of names.entries()) {
      opts.onProgress?.(`[${i + 1}/${names.length}] reading ${name}`);
      const path = join(dir, name);
      const { document, bytes } = await reader.readFile(path, name);
      documents.push(document);
      if (bytes) files.push({ path, name, bytes, mime: sniffMime(bytes) });
    }
  } finally {
    await reader.dispose();
  }

  const input: DossierInput = {
    documents,
    accounts: dossier.accounts,
    declared: dossier.declared,
    confirmed: dossier.confirmed,
    exceptions: dossier.exceptions,
    idAccountsElsewhere: dossier.idAccountsElsewhere,
    today: opts.today ?? localToday(),
    files: files.map((f) => ({ file: f.name, mime: f.mime, bytes: f.bytes.length })),
  };
  return { dir, files, documents, input, result: runChecks(input, rulePack), rulePack, dossier };
}

async function readDossierFile(dir: string): Promise<DossierFile> {
  const path = join(dir, 'dossier.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return DossierFileSchema.parse({});
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DossierDirError(`${basename(dir)}/dossier.json is not valid JSON.`);
  }
  const parsed = DossierFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || '(top level)' : '';
    throw new DossierDirError(
      `${basename(dir)}/dossier.json does not match the expected shape at ${where}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  return parsed.data;
}

/** Today in the machine's time zone, ISO. */
export function localToday(date = new Date()): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
