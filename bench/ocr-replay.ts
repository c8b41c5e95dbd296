// `npx tsx bench/ocr-replay.ts [--set=quick|full] [--refresh] [--field=NAME] [--family=ID] [--kind=KIND] [--unsure]`
// Tuning aid for the reader (src/core/extract), TUNED families only: the text each file of
// bench:ocr's tuned set gives (PDF text layer or OCR) is read once and kept in
// bench/.data/families/<set>/tuned-text/ (bench:ocr's paddle run keeps it too, as the
// documents it reported with their texts), then every run only segments and extracts that
// text again and prints each field not read exactly (expected, read, confidence), so a
// change to the reader is judged in seconds instead of a full OCR run. It never opens the
// held-out set: their misreadings are not for looking at (see scripts/fixtures/families).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLazyOcrEngine, createNodeReadDocumentDeps } from '../src/ocr/engines.node.ts';
import { loadTruths, matchDocuments } from './ocr-read';
import { confidentlyWrong } from './ocr-score';
import { replayedDocuments } from './replay-text';
import { args, option } from '../scripts/args';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = join(ROOT, 'bench/.data/families', option('set') ?? 'quick', 'tuned');
const cache = join(dir, '..', 'tuned-text');

const truths = await loadTruths(dir);
if (truths.some((t) => t.partition !== 'tuned')) throw new Error(`${dir} holds held-out files`);
await mkdir(cache, { recursive: true });
const ocr = createLazyOcrEngine('paddle');
const deps = await createNodeReadDocumentDeps(ocr);
let exact = 0;
let among = 0;
let first = 0;
/** Fields read exactly as read at confidence ≥ 0.9: what needs no person's look. */
let sure = 0;
let total = 0;
let confident = 0;
for (const truth of truths) {
  if (option('family') && truth.family !== option('family')) continue;
  const reported = await replayedDocuments(
    dir,
    cache,
    truth.file,
    deps,
    args.includes('--refresh'),
  );
  const documents = matchDocuments(truth.documents, reported);
  for (const doc of documents) {
    if (option('kind') && doc.kind !== option('kind')) continue;
    if (!doc.found) process.stdout.write(`${truth.file} p${doc.page} ${doc.kind}: NOT FOUND\n`);
    for (const f of doc.outcome.fields) {
      total++;
      if (f.amongProposals) among++;
      if (f.exactOrFirstProposal) first++;
      if (f.exact && (f.confidence ?? 0) >= 0.9) sure++;
      if (f.exact && (f.confidence ?? 0) < 0.9 && args.includes('--unsure'))
        process.stdout.write(
          `${truth.file} ${doc.kind} ${f.field}: right below 0.9 ${JSON.stringify(f.read)} @${f.confidence?.toFixed(2) ?? '-'}\n`,
        );
      if (f.exactAfterProposals) exact++;
      else if (!option('field') || option('field') === f.field)
        process.stdout.write(
          `${truth.file} ${doc.kind} ${f.field}: expected ${JSON.stringify(f.expected)} read ${JSON.stringify(f.read)} @${f.confidence?.toFixed(2) ?? '-'}\n`,
        );
    }
    confident += confidentlyWrong(doc.outcome.fields).length;
  }
}
await ocr.dispose();
process.stdout.write(
  `fields exact ${exact}/${total} (${((100 * exact) / total).toFixed(1)}%), ` +
    `exact or first proposal true ${first}/${total}, ` +
    `exact or true value among proposals ${among}/${total} (${((100 * among) / total).toFixed(1)}%), ` +
    `right at ≥0.9: ${sure}, wrong at ≥0.9: ${confident}\n`,
);
