// `npx tsx bench/legibility.ts [--set=quick] [--out=FILE]`
// How well the confidence `files.legible` compares with the rule pack's floor (0.8) tells a
// legible value from an unsure one, on TUNED dossiers only (bench:ocr's
// <set>/tuned-dossiers, read once by bench/ocr-replay-dossiers.ts, whose kept texts this
// replays): every document is extracted again from its text, the characters' own
// confidence (fieldTextConfidence) measured again in the new boxes, the cross-document
// search run, and for each field files.legible requires of a scanned or photographed
// document: right at >= 0.8, right below 0.8 (a false alarm: the check fails a legible
// file), wrong at >= 0.8 (the check passes an unsure value), wrong at >= 0.9; with the
// extraction's own confidence beside it (wrong at >= 0.9 is issue 13's "never"). Then each
// dossier's files.legible status against the one on its truth. Figures printed and written
// to bench/.data/legibility-<set>.json. It never opens held-out files.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEGIBLE_FIELDS, legibilityConfidence } from '../src/core/checks/images';
import type { DocumentKind } from '../src/core/documents';
import type { ExtractedDocument } from '../src/core/extraction';
import { loadTruths, matchDocuments } from './ocr-read';
import {
  dossierChecks,
  dossierOf,
  filledByFile,
  readAgain,
  type DossierFile,
} from './ocr-dossiers';
import { option } from '../scripts/args';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const set = option('set') ?? 'quick';
const dir = join(ROOT, 'bench/.data/families', set, 'tuned-dossiers');
const cache = join(dir, '..', 'tuned-dossiers-text');
const FLOOR = 0.8;
const SURE = 0.9;

const truths = await loadTruths(dir);
if (truths.some((t) => t.partition !== 'tuned')) throw new Error(`${dir} holds held-out files`);
const dossiers = new Map<string, DossierFile[]>();
const unread = new Set<string>();
for (const truth of truths) {
  const path = join(cache, `${truth.file}.json`);
  // A file bench/ocr-replay-dossiers.ts has not read yet leaves its dossier out.
  if (!existsSync(path)) {
    unread.add(dossierOf(truth) ?? truth.file);
    continue;
  }
  const kept = JSON.parse(await readFile(path, 'utf8')) as {
    reported: ExtractedDocument[];
    mime: string;
    bytes: number;
  };
  const reported = kept.reported.map((d) => readAgain(d, kept.reported.length > 1));
  const id = dossierOf(truth);
  if (id === null) continue;
  dossiers.set(id, [
    ...(dossiers.get(id) ?? []),
    { truth, reported, mime: kept.mime, bytes: kept.bytes },
  ]);
}

interface Count {
  rightSure: number;
  rightBelow: number;
  wrongSure: number;
  wrongAt09: number;
  notRead: number;
  /** The extraction's own confidence: wrong at >= 0.9. */
  wrongExtractionAt09: number;
}
const zero = (): Count => ({
  rightSure: 0,
  rightBelow: 0,
  wrongSure: 0,
  wrongAt09: 0,
  notRead: 0,
  wrongExtractionAt09: 0,
});
for (const id of unread) dossiers.delete(id);
const byField = new Map<string, Count>();
const lines: string[] = [];
let legibleAgree = 0;
let everyRight = 0;
const legibleWrong: string[] = [];
for (const [id, files] of dossiers) {
  const checks = dossierChecks(files);
  const status = (c: typeof checks.after) => c.checks.find((x) => x.id === 'files.legible')?.status;
  const want = status(checks.expected);
  const got = status(checks.after);
  if (want === got) legibleAgree++;
  else legibleWrong.push(`${id}: files.legible ${want} expected, ${got}`);
  const every =
    checks.after.verdict === checks.expected.verdict &&
    checks.after.checks.every(
      (c) => checks.expected.checks.find((e) => e.id === c.id)?.status === c.status,
    );
  if (every) everyRight++;
  // The fields as the check sees them: after the cross-document search.
  const filled = filledByFile(files);
  for (const [n, f] of files.entries()) {
    const docs = filled[n]!;
    for (const [i, doc] of matchDocuments(f.truth.documents, docs).entries()) {
      const kind = doc.kind as DocumentKind;
      const reported = docs.find(
        (d) => d.kind === kind && (d.page === undefined || d.page === f.truth.documents[i]!.page),
      );
      if (!reported?.quality?.raster || reported.source === 'pdf-text') continue;
      for (const o of doc.outcome.fields) {
        if (!LEGIBLE_FIELDS[kind].includes(o.field)) continue;
        const key = `${kind} ${o.field}`;
        const c = byField.get(key) ?? zero();
        byField.set(key, c);
        const text = reported.quality.textConfidence?.[o.field];
        const legible = legibilityConfidence(reported, o.field);
        if (o.read === null) {
          c.notRead++;
          lines.push(`  not read  ${f.truth.file} ${key}: expected ${o.expected}`);
          continue;
        }
        if ((o.confidence ?? 0) >= SURE && !o.exact) c.wrongExtractionAt09++;
        const shown = `${f.truth.file} ${key}: ${JSON.stringify(o.read)}${o.exact ? '' : ` (expected ${JSON.stringify(o.expected)})`} text ${text?.toFixed(3) ?? '-'} extraction ${o.confidence?.toFixed(3) ?? '-'}`;
        if (o.exact && (legible ?? 0) >= FLOOR) c.rightSure++;
        else if (o.exact) {
          c.rightBelow++;
          lines.push(`  false alarm ${shown}`);
        } else if ((legible ?? 0) >= FLOOR) {
          c.wrongSure++;
          if ((legible ?? 0) >= SURE) c.wrongAt09++;
          lines.push(`  WRONG SURE ${shown}`);
        } else lines.push(`  wrong, doubted ${shown}`);
      }
    }
  }
}
const total = [...byField.values()].reduce((t, c) => {
  for (const k of Object.keys(t) as (keyof Count)[]) t[k] += c[k];
  return t;
}, zero());
const out: string[] = [];
out.push(
  `files.legible fields on scanned/photographed documents of ${dossiers.size} tuned dossiers (${set}):`,
);
out.push(
  'field: right>=0.8 / right<0.8 (false alarm) / wrong>=0.8 / wrong>=0.9 / not read / wrong>=0.9 by extraction confidence',
);
for (const [key, c] of [...byField].sort(([a], [b]) => a.localeCompare(b)))
  out.push(
    `  ${key}: ${c.rightSure} / ${c.rightBelow} / ${c.wrongSure} / ${c.wrongAt09} / ${c.notRead} / ${c.wrongExtractionAt09}`,
  );
out.push(
  `  all: ${total.rightSure} / ${total.rightBelow} / ${total.wrongSure} / ${total.wrongAt09} / ${total.notRead} / ${total.wrongExtractionAt09}`,
);
out.push(
  `files.legible agrees with the truth in ${legibleAgree}/${dossiers.size} dossiers; every check right in ${everyRight}/${dossiers.size}`,
);
process.stdout.write(`${lines.join('\n')}\n${legibleWrong.join('\n')}\n${out.join('\n')}\n`);
const file = option('out') ?? join(ROOT, 'bench/.data', `legibility-${set}.json`);
await mkdir(join(file, '..'), { recursive: true });
await writeFile(
  file,
  JSON.stringify(
    {
      set,
      dossiers: dossiers.size,
      fields: Object.fromEntries(byField),
      total,
      legibleAgree,
      everyRight,
      legibleWrong,
      details: lines,
    },
    null,
    2,
  ),
);
