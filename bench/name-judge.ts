// `npx tsx bench/name-judge.ts [-- --seeds=3600,3601 --sizes=16,20 --fonts=A,B --blur=0.8]`:
// what the visual judge of name characters (src/ocr/paddle/glyph-judge.ts) changes on
// people's names, measured leave-one-face-out: the page drawn in one face is judged with
// the bitmaps of the other faces only (glyph-templates.ts leaveOut), over every face. Names
// (rare surnames and given-name characters the recogniser reads as a look-alike, the
// look-alikes themselves, common ones) are drawn with the seeds and rendered as
// `法定代表人 <name>` lines (blurred by --blur px, as a scan softens print), read by PP-OCR
// without and with the judge, and each line extracted alone as a license's
// legalRepresentative (the value `dossier extract` prints). Prints names right before →
// after, turned wrong, wrong at >= 0.9 before and after, and CPU time (user + sys) of the
// readings; with --dump=FILE, every glyph judged (its grid, the character read and the
// recogniser's confidence in it, the true one) for trying other scorings offline.
import { writeFile } from 'node:fs/promises';
import type { DocumentText, TextItem } from '../src/core/extraction';
import { extractDocument } from '../src/core/extract/index';
import type { GlyphObservation } from '../src/ocr/paddle/glyph-judge';
import { glyphTemplates } from '../src/ocr/paddle/glyph-templates';
import { createPaddleEngineNode } from '../src/ocr/paddle/engine.node.ts';
import { FAMILY_FONTS } from '../scripts/fixtures/families/style';
import { closeRenderer, renderHtml } from '../scripts/fixtures/render';
import { drawNames } from '../scripts/fixtures/name-lines';

const option = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const seeds = (option('seeds') ?? '3600,3601').split(',').map(Number);
const sizes = (option('sizes') ?? '16,20').split(',').map(Number);
const fonts = option('fonts')?.split(',') ?? FAMILY_FONTS;
const blur = Number(option('blur') ?? '0');
const LABEL = '法定代表人';

// Rare characters PP-OCR reads as a look-alike, the look-alikes as truth, and common ones.
// prettier-ignore
const SURNAMES = ['亓', '逄', '佘', '阚', '仝', '冼', '隗', '眭', '元', '逢', '余', '阙', '全',
  '张', '王', '李'];
// prettier-ignore
const GIVEN = ['晗', '彧', '骁', '昕', '赟', '珺', '晔', '旻', '晓', '哈', '或', '赞', '听', '婕',
  '嘉', '睿', '伟', '丽', '建国'];

function names(seed: number): string[] {
  return drawNames(seed, SURNAMES, GIVEN);
}

function page(list: readonly string[], font: string, size: number) {
  const lines = list.map((n) => `<div style="margin:6px 0">${LABEL} ${n}</div>`).join('');
  const html = `<html><body style="margin:20px;font-family:'${font}';font-size:${size}px${blur > 0 ? `;filter:blur(${blur}px)` : ''}">${lines}</body></html>`;
  const heightMm = Math.ceil(((list.length * (size * 1.5 + 6) + 60) / 96) * 25.4);
  return { html, size: { widthMm: 120, heightMm } };
}

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** The name as extracted from the label's row alone, and its confidence. */
function extracted(items: readonly TextItem[], line: TextItem, width: number, height: number) {
  const middle = (t: TextItem): number => t.y + t.h / 2;
  const row = items.filter(
    (t) => t === line || (t.x > line.x && Math.abs(middle(t) - middle(line)) < line.h / 2),
  );
  const text: DocumentText = { source: 'paddle', pages: [{ page: 0, width, height, items: row }] };
  const doc = extractDocument(text, 'line.png', { kind: 'business-license' });
  const v = doc.fields.legalRepresentative;
  return {
    value: typeof v === 'string' ? v : '',
    confidence: doc.confidence.legalRepresentative ?? 0,
    proposals: doc.corrections.filter((c) => c.field === 'legalRepresentative').map((c) => c.to),
  };
}

/** The text of the label's row, as read (no white space). */
function rowText(items: readonly TextItem[], line: TextItem): string {
  const middle = (t: TextItem): number => t.y + t.h / 2;
  return items
    .filter((t) => t === line || (t.x > line.x && Math.abs(middle(t) - middle(line)) < line.h / 2))
    .sort((a, b) => a.x - b.x)
    .map((t) => t.text)
    .join('')
    .replace(/\s/gu, '');
}

interface Dumped {
  face: string;
  size: number;
  read: string;
  confidence: number;
  truth: string | null;
  glyph: number[];
}
const dumped: Dumped[] = [];
const plain = await createPaddleEngineNode({ glyphJudge: false });
let total = 0;
const right = [0, 0];
const sure = [0, 0];
const wrongSure = [0, 0];
let turnedWrong = 0;
const seconds = [0, 0];
const changes: string[] = [];
try {
  for (const font of fonts) {
    const observed: GlyphObservation[] = [];
    const judging = await createPaddleEngineNode({
      glyphJudge: { templates: glyphTemplates([font]), observe: (o) => observed.push(o) },
    });
    try {
      for (const size of sizes)
        for (const seed of seeds) {
          const list = names(seed);
          const p = page(list, font, size);
          const bytes = await renderHtml(p.html, p.size, { format: 'png', dpi: 150 });
          observed.length = 0;
          const reads = [];
          let judgedLines: string[] = [];
          for (const [k, engine] of [plain, judging].entries()) {
            const t = cpu();
            const pg = (await engine.recognise({ bytes, mime: 'image/png' })).pages[0]!;
            seconds[k]! += cpu() - t;
            const labelled = pg.items.filter((i) => i.text.replace(/\s/gu, '').startsWith(LABEL));
            reads.push(labelled.map((l) => extracted(pg.items, l, pg.width, pg.height)));
            if (k === 1) judgedLines = labelled.map((l) => rowText(pg.items, l));
          }
          const [a, b] = reads as [ReturnType<typeof extracted>[], ReturnType<typeof extracted>[]];
          if (a.length !== list.length || b.length !== list.length) {
            process.stderr.write(`${font} ${size}px seed ${seed}: lines do not match, skipped\n`);
            continue;
          }
          list.forEach((name, i) => {
            total++;
            const before = a[i]!;
            const after = b[i]!;
            if (before.value === name) right[0]!++;
            if (after.value === name) right[1]!++;
            if (before.value === name && before.confidence >= 0.9) sure[0]!++;
            if (after.value === name && after.confidence >= 0.9) sure[1]!++;
            if (before.value !== name && before.confidence >= 0.9) wrongSure[0]!++;
            if (after.value !== name && after.confidence >= 0.9) wrongSure[1]!++;
            if (before.value === name && after.value !== name) turnedWrong++;
            if (before.value !== after.value || before.confidence !== after.confidence)
              changes.push(
                `${name}: ${before.value}@${before.confidence.toFixed(2)} → ${after.value}@${after.confidence.toFixed(2)} (${font} ${size}px)`,
              );
          });
          // Each glyph judged with the true character: the name of the one line read as the
          // glyph's line (two names read alike, 亓丽 and 元丽 both as 元丽, tell nothing).
          const linesRead = b.map((_, i) => judgedLines[i]!);
          for (const o of observed) {
            const own = o.line.replace(/\s/gu, '');
            // A name read as a box of its own (a gap after the label) has no label.
            const labelled = own.includes(LABEL);
            const line = labelled ? own : LABEL + own;
            const same = linesRead.flatMap((l, i) => (l === line ? [i] : []));
            const name = same.length === 1 ? list[same[0]!]! : undefined;
            const k =
              [...o.line].slice(0, o.at).filter((c) => c.trim() !== '').length -
              (labelled ? own.indexOf(LABEL) + LABEL.length : 0);
            const read = [...line.slice(line.indexOf(LABEL) + LABEL.length)];
            dumped.push({
              face: font,
              size,
              read: o.read,
              confidence: o.confidence,
              truth:
                name !== undefined && k >= 0 && read.length === [...name].length
                  ? ([...name][k] ?? null)
                  : null,
              glyph: [...o.glyph].map((v) => Math.round(v * 1000) / 1000),
            });
          }
          process.stderr.write(`${font} ${size}px seed ${seed} read\n`);
        }
    } finally {
      await judging.dispose();
    }
  }
} finally {
  await plain.dispose();
  await closeRenderer();
}
console.log(
  `${total} names (${fonts.length} faces leave-one-out × ${sizes.join(', ')} px × seeds ${seeds.join(', ')}${blur > 0 ? `, blur ${blur} px` : ''}): right ${right[0]} → ${right[1]} (at >= 0.9: ${sure[0]} → ${sure[1]}), turned wrong ${turnedWrong}, wrong at >= 0.9 ${wrongSure[0]} → ${wrongSure[1]}; CPU ${seconds[0]!.toFixed(1)} s → ${seconds[1]!.toFixed(1)} s`,
);
for (const c of changes) console.log(`  ${c}`);
const dump = option('dump');
if (dump) await writeFile(dump, JSON.stringify(dumped));
