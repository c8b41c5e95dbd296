// `npx tsx bench/name-fields.ts [--set=NAME]`: the person names of a TUNED family set
// (bench/.data/families/NAME/tuned, written by `fixtures:families --images --names=wide
// --seed-offset=N --out=…`; several runs into one folder are all read), the way
// bench/ocr-replay.ts reads it (the text of each file kept in tuned-text/, OCR'd once):
// per ID front name and legal representative on a license or bank form read by OCR (text
// layers left out), the truth, the value and its confidence, the proposals, and whether
// a comparison with a document printing the value as read would warn for a doubted
// look-alike (src/core/checks/name-lookalikes.ts). The last line: names exact, wrong at
// >= 0.9, and those warnings on names read right (false alarms) and read wrong.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EffectiveDocument } from '../src/core/checks/context';
import { doubtedLookAlikes } from '../src/core/checks/name-lookalikes';
import type { DocumentText, ExtractedDocument } from '../src/core/extraction';
import { withDoubts } from '../src/core/extract/doubts';
import { segmentText } from '../src/core/segment';
import { createLazyOcrEngine, createNodeReadDocumentDeps } from '../src/ocr/engines.node.ts';
import type { FileTruth } from '../scripts/fixtures/families/render-family';
import { replayedDocuments } from './replay-text';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const set = process.argv.find((a) => a.startsWith('--set='))?.slice(6) ?? 'quick';
const dir = join(ROOT, 'bench/.data/families', set, 'tuned');
const cache = join(dir, '..', 'tuned-text');
const FIELDS: Partial<Record<string, string>> = {
  'id-card-front': 'name',
  'business-license': 'legalRepresentative',
  'bank-permit': 'legalRepresentative',
};

const names = (await readdir(dir)).filter((f) => f.endsWith('.json') && f !== 'index.json');
const truths = (
  await Promise.all(
    names.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as FileTruth),
  )
).sort((a, b) => a.file.localeCompare(b.file));
if (truths.some((t) => t.partition !== 'tuned')) throw new Error(`${dir} holds held-out files`);
await mkdir(cache, { recursive: true });
const deps = await createNodeReadDocumentDeps(createLazyOcrEngine('paddle'));

/** The text a document of the file was read from (its part of a page holding several). */
function textOf(text: DocumentText, kind: string): DocumentText | undefined {
  const parts = segmentText(text);
  return parts.length > 1 ? parts.find((p) => p.kind === kind)?.text : text;
}

/** The warnings a comparison with a document printing the value as read would give. */
function warnings(doc: ExtractedDocument, field: string, text: DocumentText | undefined): string {
  const value = doc.fields[field];
  if (typeof value !== 'string' || text === undefined) return '';
  const doubted = withDoubts(doc, [field], text).doubted?.[field] ?? [];
  const proposed = doc.corrections.filter((c) => c.field === field && c.from === value);
  const effective: EffectiveDocument = {
    kind: doc.kind,
    key: doc.file,
    fields: doc.fields,
    unconfirmed: new Set(),
    doubted: new Map([[field, new Set(doubted)]]),
    proposed: new Map([[field, proposed.map((c) => c.to)]]),
    ocr: true,
  } as unknown as EffectiveDocument;
  return doubtedLookAlikes(effective, field, value)
    .map((d) => `${d.read}${d.at + 1}→${d.other}`)
    .join(' ');
}

let total = 0;
let exact = 0;
let wrongSure = 0;
const warned = { right: 0, wrong: 0 };
for (const truth of truths) {
  if (truth.medium === 'text-pdf') continue;
  const reported = await replayedDocuments(dir, cache, truth.file, deps);
  const kept = JSON.parse(await readFile(join(cache, `${truth.file}.json`), 'utf8')) as
    DocumentText | { documents: unknown };
  const text = 'documents' in kept ? undefined : kept;
  const used = new Set<ExtractedDocument>();
  for (const want of truth.documents) {
    const field = FIELDS[want.kind];
    const expected = field === undefined ? undefined : want.fields[field];
    if (field === undefined || typeof expected !== 'string') continue;
    const doc = reported.find((d) => d.kind === want.kind && !used.has(d));
    if (doc) used.add(doc);
    const value = doc?.fields[field] ?? null;
    const confidence = doc?.confidence[field] ?? 0;
    const right = value === expected;
    total++;
    if (right) exact++;
    else if (value !== null && confidence >= 0.9) wrongSure++;
    const warn = doc && text ? warnings(doc, field, textOf(text, want.kind)) : '';
    if (warn !== '') warned[right ? 'right' : 'wrong']++;
    const proposals = doc?.corrections.filter((c) => c.field === field).map((c) => c.to) ?? [];
    process.stdout.write(
      `${right ? 'ok ' : 'BAD'} ${truth.file} ${want.kind} ${truth.font}: ${expected} read ${String(value)} @${confidence.toFixed(2)}${proposals.length > 0 ? ` proposed ${proposals.join('/')}` : ''}${warn ? ` WARN ${warn}` : ''}\n`,
    );
  }
}
process.stdout.write(
  `${set}: names exact ${exact}/${total}, wrong at >= 0.9 ${wrongSure}; look-alike warnings on names read right ${warned.right}, read wrong ${warned.wrong}\n`,
);
