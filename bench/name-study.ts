// `npx tsx bench/name-study.ts [-- --pool=surnames|given --sizes=14,18 --blur=0.8 --tag=T --reuse]`:
// names as the EXTRACTOR reports them (bench/line-ends.ts gives the recogniser's own line
// confidence). The names are one per surname of the wide pool (the same names as
// bench/line-ends.ts: given names drawn with its seed) or, with --pool=given, one per
// common given-name character of the pool (behind a common surname, at the second or the
// third place), rendered as `法定代表人 <name>` lines in the fixture fonts, read by PP-OCR
// (line-ink recovery included), and each line extracted alone as a license's
// legalRepresentative. Prints right / wrong, each at confidence >= 0.9, the wrong ones
// at >= 0.9, and the measured character confusions (true → read, how often, how sure,
// whether the OCR kept the true one as a runner-up): the pairs src/core/extract/
// confusables.ts is fed from. The OCR's items are cached in bench/.data/name-study/ so
// that --reuse extracts again in seconds. Writes bench/results/name-study-<pool>.json.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentText, TextItem } from '../src/core/extraction';
import { extractDocument } from '../src/core/extract/index';
import { NAME_SECOND_P } from '../src/core/extract/alternatives';
import { misreadingsOf } from '../src/core/extract/confusables';
import { createPaddleEngineNode } from '../src/ocr/paddle/engine.node.ts';
import { FAMILY_FONTS } from '../scripts/fixtures/families/style';
import { WIDE_GIVEN, WIDE_SURNAMES } from '../scripts/fixtures/families/name-pool';
import { closeRenderer, renderHtml } from '../scripts/fixtures/render';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const option = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (option('sizes') ?? '14,18').split(',').map(Number);
const blur = Number(option('blur') ?? '0.8');
const pool = option('pool') ?? 'surnames';
const perPage = 40;
const LABEL = '法定代表人';
const COMMON = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵'];

function random(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
}

function names(): string[] {
  if (pool === 'given') {
    const next = random(2000);
    return WIDE_GIVEN.map((ch, i) => {
      const other = WIDE_GIVEN[next(WIDE_GIVEN.length)]!;
      const surname = COMMON[i % COMMON.length]!;
      return i % 2 === 0 ? surname + ch + other : surname + other + ch;
    });
  }
  const next = random(1000);
  return WIDE_SURNAMES.map((surname) => {
    const first = WIDE_GIVEN[next(WIDE_GIVEN.length)]!;
    const second = next(3) === 0 ? '' : WIDE_GIVEN[next(WIDE_GIVEN.length)]!;
    return (surname + first + second).slice(0, 4);
  });
}

interface Line {
  font: string;
  size: number;
  name: string;
  width: number;
  height: number;
  /** The label's item and the items right of it on its row. */
  items: TextItem[];
}

async function readLines(list: string[]): Promise<Line[]> {
  const engine = await createPaddleEngineNode();
  const lines: Line[] = [];
  try {
    for (const font of FAMILY_FONTS)
      for (const size of sizes)
        for (let from = 0; from < list.length; from += perPage) {
          const chunk = list.slice(from, from + perPage);
          const html = `<html><body style="margin:20px;font-family:'${font}';font-size:${size}px;filter:blur(${blur}px)">${chunk.map((n) => `<div style="margin:6px 0">${LABEL} ${n}</div>`).join('')}</body></html>`;
          const heightMm = Math.ceil(((chunk.length * (size * 1.5 + 6) + 60) / 96) * 25.4);
          const bytes = await renderHtml(
            html,
            { widthMm: 100, heightMm },
            { format: 'png', dpi: 150 },
          );
          const page = (await engine.recognise({ bytes, mime: 'image/png' })).pages[0]!;
          const labelled = page.items.filter((i) => i.text.replace(/\s/gu, '').startsWith(LABEL));
          if (labelled.length !== chunk.length) {
            process.stderr.write(`${font} ${size}px: ${labelled.length} lines for ${chunk.length}\n`);
            continue;
          }
          const middle = (t: TextItem): number => t.y + t.h / 2;
          chunk.forEach((name, i) => {
            const line = labelled[i]!;
            const items = page.items.filter(
              (t) => t === line || (t.x > line.x && Math.abs(middle(t) - middle(line)) < line.h / 2),
            );
            lines.push({ font, size, name, width: page.width, height: page.height, items });
          });
          process.stderr.write(`${font} ${size}px ${from + chunk.length}/${list.length}\n`);
        }
  } finally {
    await engine.dispose();
    await closeRenderer();
  }
  return lines;
}

const cacheDir = join(ROOT, 'bench/.data/name-study');
const tag = option('tag') ? `-${option('tag')}` : '';
const cache = join(cacheDir, `${pool}-${sizes.join('_')}-blur${blur}${tag}.json`);
const lines: Line[] =
  process.argv.includes('--reuse') && existsSync(cache)
    ? (JSON.parse(await readFile(cache, 'utf8')) as Line[])
    : await readLines(names());
await mkdir(cacheDir, { recursive: true });
await writeFile(cache, JSON.stringify(lines));

interface Result {
  font: string;
  size: number;
  name: string;
  read: string;
  confidence: number;
  proposals: string[];
}
const results: Result[] = lines.map((l) => {
  const text: DocumentText = {
    source: 'paddle',
    pages: [{ page: 0, width: l.width, height: l.height, items: l.items }],
  };
  const doc = extractDocument(text, 'line.png', { kind: 'business-license' });
  const read = doc.fields.legalRepresentative;
  return {
    font: l.font,
    size: l.size,
    name: l.name,
    read: typeof read === 'string' ? read : '',
    confidence: doc.confidence.legalRepresentative ?? 0,
    proposals: doc.corrections.filter((c) => c.field === 'legalRepresentative').map((c) => c.to),
  };
});

// Character confusions: a read of the true name's length differs at single places.
interface Pair {
  from: string;
  to: string;
  place: number;
  n: number;
  sure: number;
  runnerUp: number;
  /** The least p the OCR gave the true character as a runner-up (1 where it kept none). */
  leastP: number;
}
const pairs = new Map<string, Pair>();
lines.forEach((l) => {
  const label = l.items.find((i) => i.text.replace(/\s/gu, '').startsWith(LABEL))!;
  const row = [...l.items].sort((a, b) => a.x - b.x);
  const text = row.map((t) => t.text).join('');
  const chars = [...text];
  let at = text.indexOf(LABEL) + LABEL.length;
  while (chars[at] === ' ' || chars[at] === ':' || chars[at] === '：') at++;
  const read = chars.slice(at);
  const truth = [...l.name];
  if (read.length !== truth.length) return;
  read.forEach((ch, k) => {
    if (ch === truth[k]) return;
    const key = `${truth[k]}>${ch}@${k === 0 ? 0 : 1}`;
    const p = pairs.get(key) ?? {
      from: truth[k]!,
      to: ch,
      place: k === 0 ? 0 : 1,
      n: 0,
      sure: 0,
      runnerUp: 0,
      leastP: 1,
    };
    p.n++;
    // The label's item holds the name when the OCR read the line as one item.
    const item = label;
    const cc = item.charConfidences?.[[...item.text.replace(/\s/gu, '')].length - read.length + k];
    if ((cc ?? item.confidence) >= 0.9) p.sure++;
    const alt = item.alternatives?.find((a) => a.at === at + k);
    const kept = alt?.options.find((o) => o.text === truth[k]);
    if (kept) p.runnerUp++;
    p.leastP = Math.min(p.leastP, kept?.p ?? 0);
    pairs.set(key, p);
  });
});

const sure = (rs: Result[]): number => rs.filter((r) => r.confidence >= 0.9).length;
const right = results.filter((r) => r.read === r.name);
const wrong = results.filter((r) => r.read !== r.name);
console.log(
  `${results.length} names (pool ${pool}, ${FAMILY_FONTS.length} fonts × ${sizes.join('/')} px, blur ${blur}), as extracted: right ${right.length} (${sure(right)} at >= 0.9); wrong ${wrong.length} (${sure(wrong)} at >= 0.9); wrong with the true name proposed ${wrong.filter((r) => r.proposals.includes(r.name)).length}`,
);
for (const r of wrong.filter((r) => r.confidence >= 0.9))
  console.log(`  wrong >= 0.9: ${r.name} → ${r.read} @${r.confidence.toFixed(3)} (${r.font} ${r.size}px)`);
const sorted = [...pairs.values()].sort((a, b) => b.n - a.n);
console.log(
  `confusions (true>read@place n, at >= 0.9 by the character's own confidence, true kept as runner-up): ${sorted.map((p) => `${p.from}>${p.to}@${p.place} ${p.n}/${p.sure}/${p.runnerUp}`).join(', ')}`,
);
// What the tables should hold: a misreading seen at least twice that the runner-up check
// may miss (in some print the OCR kept no runner-up, or one near its floor), where what it
// was read as is not itself a common name character of that place (one of the 100 most
// common surnames, the pool's own given-name characters): a reading of 余 or 瑶 is mostly
// 余 or 瑶, and left to the runner-ups.
const commonAt = (ch: string, place: number): boolean =>
  place === 0 ? WIDE_SURNAMES.slice(0, 100).includes(ch) : WIDE_GIVEN.includes(ch);
const seenTwice = sorted.filter((p) => p.n >= 2 && p.leastP < 4 * NAME_SECOND_P);
const feed = seenTwice.filter((p) => !commonAt(p.to, p.place));
console.log(
  `left to the runner-ups (a common name character): ${seenTwice
    .filter((p) => commonAt(p.to, p.place))
    .map((p) => `${p.to}→${p.from}@${p.place}`)
    .join(', ')}`,
);
const covered = (p: Pair): boolean => misreadingsOf(p.to, p.place).includes(p.from);
console.log(
  `misreadings to hold (seen >= 2 times, the true one kept behind below ${4 * NAME_SECOND_P} at least once): ${feed.map((p) => `${p.to}→${p.from}@${p.place}${covered(p) ? '' : ' (new)'}`).join(', ')}`,
);
const rightLost = right.filter((r) => r.confidence < 0.9);
console.log(
  `right below 0.9: ${rightLost.length}: ${[...new Set(rightLost.map((r) => r.name))].join(' ')}`,
);
await mkdir(join(ROOT, 'bench/results'), { recursive: true });
await writeFile(
  join(ROOT, `bench/results/name-study-${pool}${tag}.json`),
  JSON.stringify(
    { date: new Date().toISOString(), pool, sizes, blur, pairs: sorted, results },
    null,
    1,
  ) + '\n',
);
