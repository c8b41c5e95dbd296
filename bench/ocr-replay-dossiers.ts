// `npx tsx bench/ocr-replay-dossiers.ts [--set=quick|full] [--refresh]`
// Tuning aid for the dossier-level figure, TUNED dossiers only (bench:ocr's
// <set>/tuned-dossiers): each file is read once through the command line's reader and its
// documents (with the text each was read from, and the image analysis) are kept in
// bench/.data/families/<set>/tuned-dossiers-text/; every later run extracts the fields
// again from those texts, checks each dossier as bench:ocr does (bench/ocr-dossiers.ts,
// before and after the cross-document search) and prints what differs from the truth:
// the checks, and each field not read exactly. It never opens the held-out dossiers.
// Its last line counts the wrong values at confidence >= 0.9 (issue 13's "never": the
// field's confidence, as bench:ocr counts it), each document as read and after the search,
// and apart from them the wrong values of files.legible's fields whose legibility (the
// average of their characters' confidence, text-confidence.ts) is >= 0.9: a different
// measure, which a wrong value below 0.9 may still reach (one misread ideograph in a scope).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractedDocument } from '../src/core/extraction';
import { sniffMime } from '../src/core/file-type';
import { createDocumentReader } from '../src/cli/document-reader';
import { legibilityConfidence, LEGIBLE_FIELDS } from '../src/core/checks/images';
import { loadTruths, matchDocuments } from './ocr-read';
import { confidentlyWrong } from './ocr-score';
import {
  dossierChecks,
  dossierOf,
  filledByFile,
  readAgain,
  scoreDossier,
  type DossierFile,
} from './ocr-dossiers';
import { args, option } from '../scripts/args';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = join(ROOT, 'bench/.data/families', option('set') ?? 'quick', 'tuned-dossiers');
const cache = join(dir, '..', 'tuned-dossiers-text');

interface Kept {
  reported: ExtractedDocument[];
  mime: string;
  bytes: number;
}

const truths = await loadTruths(dir);
if (truths.some((t) => t.partition !== 'tuned')) throw new Error(`${dir} holds held-out files`);
await mkdir(cache, { recursive: true });
let reader: ReturnType<typeof createDocumentReader> | undefined;
const dossiers = new Map<string, DossierFile[]>();
for (const truth of truths) {
  const path = join(cache, `${truth.file}.json`);
  let kept: Kept;
  if (!args.includes('--refresh') && existsSync(path)) {
    kept = JSON.parse(await readFile(path, 'utf8')) as Kept;
  } else {
    reader ??= createDocumentReader({ engine: 'paddle' });
    const result = await reader.readFile(join(dir, truth.file), truth.file);
    if (!result.bytes) throw new Error(`${truth.file}: not read`);
    kept = {
      reported: result.documents,
      mime: sniffMime(result.bytes),
      bytes: result.bytes.length,
    };
    await writeFile(path, JSON.stringify(kept));
    process.stderr.write(`read ${truth.file}\n`);
  }
  const reported = kept.reported.map((d) => readAgain(d, kept.reported.length > 1));
  const id = dossierOf(truth);
  if (id === null) continue;
  dossiers.set(id, [
    ...(dossiers.get(id) ?? []),
    { truth, reported, mime: kept.mime, bytes: kept.bytes },
  ]);
}
await reader?.dispose();

let right = 0;
let verdicts = 0;
/** Wrong values at extraction confidence ≥ 0.9 (issue 13's "never"), as read / after the search. */
let sureAsRead = 0;
let sureAfter = 0;
/**
 * Wrong values of files.legible's fields whose legibility (the characters' average
 * confidence, text-confidence.ts) is ≥ 0.9: another measure, not the field's confidence.
 */
let legibleWrong = 0;
let exact = 0;
let total = 0;
for (const [id, files] of dossiers) {
  const result = scoreDossier(id, files);
  if (result.after.every) right++;
  if (result.after.verdict) verdicts++;
  const status = result.after.every ? 'right' : result.after.verdict ? 'verdict only' : 'WRONG';
  process.stdout.write(
    `${id} (${result.expectedVerdict}): ${status}; before the search ${result.before.every ? 'right' : (result.before.differing ?? []).join(', ') || 'verdict'}; after ${(result.after.differing ?? []).join(', ')}\n`,
  );
  // What each differing check said, against what it says on the truth.
  const checks = dossierChecks(files);
  for (const c of checks.after.checks) {
    const want = checks.expected.checks.find((e) => e.id === c.id);
    if (want?.status !== c.status)
      process.stdout.write(
        `  check ${c.id}: ${want?.status} expected, ${c.status}: ${c.message}\n`,
      );
  }
  // Each field as the dossier check sees it: after the cross-document search.
  const filled = filledByFile(files);
  for (const f of files)
    for (const doc of matchDocuments(f.truth.documents, f.reported))
      sureAsRead += confidentlyWrong(doc.outcome.fields).length;
  for (const [n, f] of files.entries()) {
    const docs = filled[n]!;
    for (const [i, doc] of matchDocuments(f.truth.documents, docs).entries()) {
      const sure = new Set(confidentlyWrong(doc.outcome.fields));
      sureAfter += sure.size;
      const t = f.truth.documents[i]!;
      const read = docs.find(
        (d) => d.kind === t.kind && (d.page === undefined || d.page === t.page),
      );
      const legibleOf = (field: string): number | undefined =>
        read?.quality?.raster && LEGIBLE_FIELDS[t.kind].includes(field)
          ? legibilityConfidence(read, field)
          : undefined;
      if (!doc.found)
        process.stdout.write(`  ${f.truth.file} p${doc.page} ${doc.kind}: NOT FOUND\n`);
      for (const o of doc.outcome.fields) {
        total++;
        if (o.exactAfterProposals) {
          exact++;
          continue;
        }
        const legible = o.read === null ? undefined : legibleOf(o.field);
        if (legible !== undefined && legible >= 0.9) legibleWrong++;
        process.stdout.write(
          `  ${f.truth.file} ${doc.kind} ${o.field}: expected ${JSON.stringify(o.expected)} read ${JSON.stringify(o.read)} @${o.confidence?.toFixed(2) ?? '-'}${sure.has(o) ? ' WRONG AT >= 0.9' : ''}${legible === undefined ? '' : ` (legibility ${legible.toFixed(2)})`}\n`,
        );
      }
    }
  }
}
process.stdout.write(
  `dossiers right ${right}/${dossiers.size} (verdict ${verdicts}/${dossiers.size}); fields exact after the search ${exact}/${total}; ` +
    `wrong at >= 0.9: ${sureAsRead} as read, ${sureAfter} after the search; ` +
    `wrong at files.legible's legibility >= 0.9 (not the field's confidence): ${legibleWrong}\n`,
);
