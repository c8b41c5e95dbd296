// `npx tsx bench/line-ends.ts [-- --sizes=14,18 --blur=0.8 --names=wide|A,B --per-page=40 --tag=T]`:
// how often PP-OCRv4 drops a character of a person's name (most often the last one, at
// the line's end) and at which confidence the line is then reported. One name per
// surname of the wide pool (scripts/fixtures/families/name-pool.ts, given names drawn
// with a fixed seed), rendered with the fixture renderer as `法定代表人 <name>` lines,
// pages of --per-page lines per font and size, optionally blurred (a phone photo's
// softness), read by the OCR. Prints names read right / with one character dropped /
// otherwise wrong, each split at confidence 0.9, and how many lines the reader marked
// as doubtful for ink its characters do not cover (src/ocr/paddle/line-ink.ts).
// With --set=NAME it reads instead every file of bench/.data/families/NAME/tuned (as
// bench/ocr-replay.ts, without its cache) and prints per medium how many lines the check
// found uncovered ink in, how many it read again and recovered, and its CPU time per page.
// Writes bench/results/line-ends.json.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextItem } from '../src/core/extraction';
import { createPaddleEngineNode } from '../src/ocr/paddle/engine.node.ts';
import type { InkCheckObserver } from '../src/ocr/paddle/engine';
import type { InkCheckStats } from '../src/ocr/paddle/line-ink';
import { FAMILY_FONTS } from '../scripts/fixtures/families/style';
import { WIDE_GIVEN, WIDE_SURNAMES } from '../scripts/fixtures/families/name-pool';
import { closeRenderer, renderHtml } from '../scripts/fixtures/render';
import { createNodeReadDocumentDeps } from '../src/ocr/engines.node.ts';
import { readDocuments } from '../src/ocr/read-document';
import { loadTruths } from './ocr-read';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const option = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (option('sizes') ?? '14,18').split(',').map(Number);
const blur = Number(option('blur') ?? '0');
const perPage = Number(option('per-page') ?? '40');
const only = option('names');
const label = option('label') ?? '法定代表人';

function names(): string[] {
  if (only && only !== 'wide') return only.split(',');
  let seed = 1000;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
  return WIDE_SURNAMES.map((surname) => {
    const first = WIDE_GIVEN[next(WIDE_GIVEN.length)]!;
    const second = next(3) === 0 ? '' : WIDE_GIVEN[next(WIDE_GIVEN.length)]!;
    return (surname + first + second).slice(0, 4);
  });
}

interface Reading {
  font: string;
  size: number;
  name: string;
  read: string;
  confidence: number;
}

/** `read` is `name` with exactly one character left out. */
function dropsOne(name: string, read: string): boolean {
  const n = [...name];
  return n.some((_, i) => [...n.slice(0, i), ...n.slice(i + 1)].join('') === read);
}

const INK_FIGURES = ['pages', 'lines', 'flagged', 'spans', 'recovered', 'inkMs'] as const;

/** The ink check's figures summed over the pages the engine reads, timed by `clock`. */
function inkTotals(clock: () => number): { totals: InkCheckStats; inkCheck: InkCheckObserver } {
  const totals: InkCheckStats = {
    pages: 0,
    lines: 0,
    flagged: 0,
    spans: 0,
    recovered: 0,
    inkMs: 0,
  };
  const observe = (page: InkCheckStats): void => {
    for (const k of INK_FIGURES) totals[k] += page[k];
  };
  return { totals, inkCheck: { clock, observe } };
}

const set = option('set');
if (set !== undefined) {
  await readSet(set);
  process.exit(0);
}

/** The check's figures over a family set's files, per medium (scan, photo, image-pdf…). */
async function readSet(name: string): Promise<void> {
  const dir = join(ROOT, 'bench/.data/families', name, 'tuned');
  const { totals, inkCheck } = inkTotals(() => process.cpuUsage().user / 1000);
  const ocr = await createPaddleEngineNode({ inkCheck });
  const deps = await createNodeReadDocumentDeps(ocr);
  const byMedium = new Map<string, InkCheckStats & { files: number }>();
  for (const truth of await loadTruths(dir)) {
    const before = { ...totals };
    const bytes = new Uint8Array(await readFile(join(dir, truth.file)));
    await readDocuments({ name: truth.file, bytes }, deps);
    const after = totals;
    const medium = truth.file.replace(/\.[a-z]+$/u, '').replace(/^.*-\d+-/u, '');
    const m =
      byMedium.get(medium) ??
      ({
        files: 0,
        ...Object.fromEntries(Object.keys(before).map((k) => [k, 0])),
      } as InkCheckStats & { files: number });
    m.files++;
    for (const k of INK_FIGURES) m[k] += after[k] - before[k];
    byMedium.set(medium, m);
    if (after.flagged > before.flagged)
      console.log(
        `${truth.file}: ${after.flagged - before.flagged} of ${after.lines - before.lines} lines with uncovered ink, ${after.recovered - before.recovered} spans recovered`,
      );
  }
  await ocr.dispose();
  for (const [medium, m] of byMedium)
    console.log(
      `${medium}: ${m.files} files, ${m.pages} pages OCR'd, lines with uncovered ink ${m.flagged}/${m.lines} (${((100 * m.flagged) / Math.max(1, m.lines)).toFixed(1)}%), spans read again ${m.spans}, recovered ${m.recovered}; check CPU ${(m.inkMs / Math.max(1, m.pages)).toFixed(1)} ms per page`,
    );
}

const list = names();
const ink = inkTotals(() => performance.now());
const engine = await createPaddleEngineNode({ inkCheck: ink.inkCheck });
const readings: Reading[] = [];
const started = process.cpuUsage();
let pages = 0;
try {
  for (const font of FAMILY_FONTS)
    for (const size of sizes)
      for (let from = 0; from < list.length; from += perPage) {
        const chunk = list.slice(from, from + perPage);
        const lines = chunk.map((n) => `<div style="margin:6px 0">${label} ${n}</div>`).join('');
        const html = `<html><body style="margin:20px;font-family:'${font}';font-size:${size}px;filter:blur(${blur}px)">${lines}</body></html>`;
        const heightMm = Math.ceil(((chunk.length * (size * 1.5 + 6) + 60) / 96) * 25.4);
        const bytes = await renderHtml(
          html,
          { widthMm: 100, heightMm },
          { format: 'png', dpi: 150 },
        );
        const items = (await engine.recognise({ bytes, mime: 'image/png' })).pages[0]!.items;
        pages++;
        const labelled = items.filter((i) => i.text.replace(/\s/gu, '').startsWith(label));
        if (labelled.length !== chunk.length) {
          process.stderr.write(`${font} ${size}px: ${labelled.length} lines for ${chunk.length}\n`);
          continue;
        }
        chunk.forEach((name, i) => {
          // The name may be an item of its own: a dropped first character leaves a gap.
          const line = labelled[i]!;
          const middle = (t: TextItem): number => t.y + t.h / 2;
          const row = items
            .filter(
              (t) =>
                t === line || (t.x > line.x && Math.abs(middle(t) - middle(line)) < line.h / 2),
            )
            .sort((a, b) => a.x - b.x);
          const text = row.map((t) => t.text).join('');
          const read = text
            .replace(/\s/gu, '')
            .slice(label.length)
            .replace(/^[:：]/u, '');
          // As the extractor takes it: each item's, or an ideograph's own where lower.
          const confidence = Math.min(
            ...row.map((t) => t.confidence),
            ...row.flatMap((t) => t.charConfidences ?? []).slice([...label].length),
          );
          readings.push({ font, size, name, read, confidence });
        });
      }
} finally {
  await engine.dispose();
  await closeRenderer();
}
const cpu = process.cpuUsage(started);

const at = (rs: Reading[]): string =>
  `${rs.length} (${rs.filter((r) => r.confidence >= 0.9).length} at >= 0.9)`;
const right = readings.filter((r) => r.read === r.name);
const dropped = readings.filter((r) => dropsOne(r.name, r.read));
const otherWrong = readings.filter((r) => r.read !== r.name && !dropsOne(r.name, r.read));
console.log(
  `${readings.length} names (${FAMILY_FONTS.length} fonts × ${sizes.join('/')} px, blur ${blur}, ${pages} pages, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU s):`,
);
console.log(
  `  right ${at(right)}; one character dropped ${at(dropped)}; other wrong ${at(otherWrong)}`,
);
console.log(`  ink check: ${JSON.stringify(ink.totals)}`);
for (const r of dropped)
  console.log(
    `  dropped: ${r.name} → ${r.read} @${r.confidence.toFixed(3)} (${r.font} ${r.size}px)`,
  );
for (const r of otherWrong.filter((r) => r.confidence >= 0.9))
  console.log(
    `  wrong >= 0.9: ${r.name} → ${r.read} @${r.confidence.toFixed(3)} (${r.font} ${r.size}px)`,
  );
await mkdir(join(ROOT, 'bench/results'), { recursive: true });
await writeFile(
  join(ROOT, `bench/results/line-ends${option('tag') ? `-${option('tag')}` : ''}.json`),
  JSON.stringify({ date: new Date().toISOString(), sizes, blur, readings }, null, 1) + '\n',
);
