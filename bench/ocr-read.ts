// One bench:ocr engine run, in a child process of its own (its peak memory is its own):
// every file of the family sets read through the command line's document reader (the
// path `dossier extract` takes), each document the file holds matched to its ground
// truth by kind and page, and scored.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentText, ExtractedDocument } from '../src/core/extraction';
import { createDocumentReader } from '../src/cli/document-reader';
import type { FileTruth, FileTruthDocument } from '../scripts/fixtures/families/render-family';
import { sniffMime } from '../src/core/file-type';
import { dossierOf, scoreDossier, type DossierFile, type DossierResult } from './ocr-dossiers';
import { scoreDocument, type DocumentOutcome } from './ocr-score';

export interface DocumentResult {
  kind: string;
  page: number;
  /** A reported document was matched to this one (same kind, same page where given). */
  found: boolean;
  outcome: DocumentOutcome;
}

export interface FileResult {
  file: string;
  family: string;
  partition: 'tuned' | 'held-out';
  medium: string;
  /** Pages of the file, and whether each is an A4 page or an ID-card-sized image. */
  pages: number;
  pageSize: 'a4' | 'id-side';
  seconds: number;
  cpuSeconds: number;
  /** Documents the reader reported for the file (one until multi-document reading lands). */
  reported: number;
  documents: DocumentResult[];
  error?: string;
}

export interface EngineRun {
  engine: string;
  startupSeconds: number;
  peakRssMb: number;
  files: FileResult[];
  /** Whole dossiers checked as `dossier check` checks them (bench/ocr-dossiers.ts). */
  dossiers: DossierResult[];
}

/** The reader's result, before and after it reports several documents per file. */
function documentsOf(result: unknown): ExtractedDocument[] {
  const r = result as { document?: ExtractedDocument; documents?: ExtractedDocument[] };
  return r.documents ?? (r.document ? [r.document] : []);
}

const pageOf = (doc: ExtractedDocument): number | undefined => (doc as { page?: number }).page;

/**
 * Each truth document takes the first unmatched reported document of its kind on its
 * page (or without a page, while the reader reports none); what is left unmatched was
 * not found, and its fields count as not read.
 */
export function matchDocuments(
  truths: readonly FileTruthDocument[],
  reported: readonly ExtractedDocument[],
): DocumentResult[] {
  const used = new Set<number>();
  return truths.map((truth) => {
    const index = reported.findIndex(
      (d, i) => !used.has(i) && d.kind === truth.kind && (pageOf(d) ?? truth.page) === truth.page,
    );
    if (index >= 0) used.add(index);
    const doc = index >= 0 ? reported[index]! : null;
    const outcome = doc
      ? scoreDocument(doc, truth)
      : scoreDocument(
          { file: '', kind: 'unknown', fields: {}, confidence: {}, corrections: [], warnings: [] },
          truth,
        );
    return { kind: truth.kind, page: truth.page, found: doc !== null, outcome };
  });
}

/**
 * The documents a TUNED file gave, each with the text it was read from, for
 * bench/ocr-replay.ts (so the replay needs no OCR run of its own). Held-out files are
 * never kept.
 */
export interface ReplayEntry {
  documents: { kind: string; page?: number; several: boolean; text: DocumentText }[];
}

async function keepForReplay(
  dir: string,
  truth: FileTruth,
  reported: ExtractedDocument[],
): Promise<void> {
  if (truth.partition !== 'tuned' || reported.some((d) => d.text === undefined)) return;
  const cache = join(dir, '..', 'tuned-text');
  await mkdir(cache, { recursive: true });
  const entry: ReplayEntry = {
    documents: reported.map((d) => ({
      kind: d.kind,
      ...(d.page === undefined ? {} : { page: d.page }),
      several: reported.length > 1,
      text: d.text!,
    })),
  };
  await writeFile(join(cache, `${truth.file}.json`), JSON.stringify(entry));
}

export async function runEngine(
  engine: string,
  sets: { dir: string; truths: FileTruth[] }[],
): Promise<EngineRun> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const reader = createDocumentReader({ engine: engine === 'tesseract' ? 'tesseract' : 'paddle' });
  const files: FileResult[] = [];
  // The engine loads on the first page that needs OCR: a warm-up read keeps that out of
  // the per-page times and reports it as start-up.
  const started = performance.now();
  const firstImage = sets
    .flatMap((s) => s.truths.map((t) => ({ dir: s.dir, t })))
    .find((x) => x.t.medium !== 'text-pdf');
  if (firstImage) await reader.readFile(join(firstImage.dir, firstImage.t.file));
  const startupSeconds = (performance.now() - started) / 1000;
  const dossierFiles = new Map<string, DossierFile[]>();
  for (const { dir, truths } of sets) {
    for (const truth of truths) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const result = await reader.readFile(join(dir, truth.file), truth.file);
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const reported = documentsOf(result);
      // Only the families' set (not its dossiers) is replayed.
      if (engine === 'paddle' && !dir.endsWith('-dossiers'))
        await keepForReplay(dir, truth, reported);
      const dossier = dossierOf(truth);
      if (dossier !== null && result.bytes)
        dossierFiles.set(dossier, [
          ...(dossierFiles.get(dossier) ?? []),
          { truth, reported, mime: sniffMime(result.bytes), bytes: result.bytes.length },
        ]);
      const documents = matchDocuments(truth.documents, reported);
      const longest = Math.max(...truth.pages.map((p) => Math.max(p.widthMm, p.heightMm)));
      const error = reported.find((d) => d.error)?.error;
      files.push({
        file: truth.file,
        family: truth.family,
        partition: truth.partition,
        medium: truth.medium,
        pages: truth.pages.length,
        pageSize: longest > 200 ? 'a4' : 'id-side',
        seconds,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        reported: reported.length,
        documents,
        ...(error ? { error } : {}),
      });
      const exact = documents
        .flatMap((d) => d.outcome.fields)
        .filter((f) => f.exactAfterProposals).length;
      const total = documents.flatMap((d) => d.outcome.fields).length;
      // Held-out files: no per-file figures on the console, only the summary at the end.
      if (truth.partition === 'tuned')
        process.stderr.write(`${engine} ${truth.file} ${seconds.toFixed(2)}s ${exact}/${total}\n`);
      else process.stderr.write(`${engine} held-out file ${files.length} ${seconds.toFixed(2)}s\n`);
    }
  }
  clearInterval(sampler);
  await reader.dispose();
  const dossiers = [...dossierFiles].map(([id, files]) => scoreDossier(id, files));
  return { engine, startupSeconds, peakRssMb: peakRss / 1048576, files, dossiers };
}

export async function loadTruths(dir: string): Promise<FileTruth[]> {
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as string[];
  return Promise.all(
    index.map(
      async (file) =>
        JSON.parse(
          await readFile(join(dir, `${file.replace(/\.[a-z]+$/, '')}.json`), 'utf8'),
        ) as FileTruth,
    ),
  );
}
