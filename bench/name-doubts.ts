// `npm run bench:name-doubts [-- --sizes=16,18,22]`: how often PP-OCRv4 misreads a
// person's name with no doubt the reader would see, and what seeing smaller doubts costs.
// Names (common, rare and compound surnames, the fixture generator's given names, and
// genuine 逢 beside the rare 逄) are rendered with the fixture renderer, one page per font
// and size of `法定代表人 <name>` lines, and read by the OCR. Per proposal floor (the
// p a runner-up needs to be a doubt, src/core/extract/alternatives.ts), it prints how
// many misread names show a doubt (and propose the true name), how many names read right
// show one (they are confirmed by a person), and how often a genuine 逢 is doubted as 逄.
// Writes bench/results/name-doubts.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextItem } from '../src/core/extraction';
import { CLOSE_SECOND_P, NAME_SECOND_P } from '../src/core/extract/alternatives';
import { createPaddleEngineNode } from '../src/ocr/paddle/engine.node.ts';
import { FAMILY_FONTS } from '../scripts/fixtures/families/style';
import { closeRenderer, renderHtml } from '../scripts/fixtures/render';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const option = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (option('sizes') ?? '16,18,22').split(',').map(Number);

// prettier-ignore
const SURNAMES = ['张', '王', '李', '陈', '刘', '隗', '佘', '仝', '亓', '逄', '冼', '覃', '阚', '眭',
  '欧阳', '司马', '上官', '逢', '余', '赵', '周', '吴', '郑', '孙', '黄', '徐', '马', '胡', '朱',
  '郭', '何', '林', '高', '罗'];
// prettier-ignore
const GIVEN = ['婕', '嘉', '睿', '瑶', '翔', '晗', '彧', '琰', '珺', '骁', '晟', '昕', '璟', '沁',
  '钊', '舒', '霖', '恺', '赟', '玥', '春华', '建国', '丽', '伟', '秀英', '志强'];

/** Three names per surname, drawn with a fixed seed: the same set every run. */
function names(): string[] {
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
  const out: string[] = [];
  for (const surname of SURNAMES)
    for (let k = 0; k < 3; k++) {
      const first = GIVEN[next(GIVEN.length)]!;
      const second = next(2) === 0 ? GIVEN[next(GIVEN.length)]!.slice(0, 1) : '';
      out.push((surname + first + second).slice(0, 4));
    }
  return out;
}

interface Reading {
  font: string;
  size: number;
  name: string;
  read: string;
  /** Per character read: the runners-up the OCR kept. */
  options: { text: string; p: number }[][];
}

const LABEL = '法定代表人';
const CJK = /^[\u3400-\u9fff]$/u;

/** The name part of a `法定代表人 <name>` line, with its characters' runners-up. */
function readingOf(item: TextItem): Pick<Reading, 'read' | 'options'> {
  const chars = [...item.text];
  let at = chars.join('').indexOf(LABEL) + LABEL.length;
  while (chars[at] === ' ') at++;
  const read = chars.slice(at).join('');
  const options = chars
    .slice(at)
    .map((_, k) => item.alternatives?.find((a) => a.at === at + k)?.options ?? []);
  return { read, options };
}

/** The doubts a floor gives, as alternatives.ts finds them (a neighbour's smear is none). */
function doubts(r: Reading, floor: number): { at: number; text: string }[] {
  const chars = [...r.read];
  return r.options.flatMap((options, i) =>
    options
      .filter(
        (o) =>
          o.p >= floor &&
          CJK.test(o.text) &&
          o.text !== chars[i] &&
          o.text !== chars[i - 1] &&
          o.text !== chars[i + 1],
      )
      .map((o) => ({ at: i, text: o.text })),
  );
}

const proposes = (r: Reading, d: { at: number; text: string }): boolean => {
  const chars = [...r.read];
  chars[d.at] = d.text;
  return chars.join('') === r.name;
};

async function read(): Promise<Reading[]> {
  const engine = await createPaddleEngineNode();
  const list = names();
  const readings: Reading[] = [];
  try {
    for (const font of FAMILY_FONTS)
      for (const size of sizes) {
        const lines = list.map((n) => `<div style="margin:6px 0">${LABEL} ${n}</div>`).join('');
        const html = `<html><body style="margin:20px;font-family:'${font}';font-size:${size}px">${lines}</body></html>`;
        const heightMm = Math.ceil(((list.length * (size * 1.5 + 6) + 60) / 96) * 25.4);
        const bytes = await renderHtml(
          html,
          { widthMm: 120, heightMm },
          { format: 'png', dpi: 150 },
        );
        const items = (await engine.recognise({ bytes, mime: 'image/png' })).pages[0]!.items;
        const labelled = items.filter((i) => i.text.replace(/\s/gu, '').includes(LABEL));
        if (labelled.length !== list.length) {
          process.stderr.write(
            `${font} ${size}px: ${labelled.length} lines for ${list.length} names, skipped\n`,
          );
          continue;
        }
        list.forEach((name, i) => readings.push({ font, size, name, ...readingOf(labelled[i]!) }));
        process.stderr.write(`${font} ${size}px read\n`);
      }
  } finally {
    await engine.dispose();
    await closeRenderer();
  }
  return readings;
}

const readings = await read();
const right = readings.filter((r) => r.read === r.name);
const wrong = readings.filter((r) => r.read !== r.name);
const genuineFeng = right.filter((r) => r.name.startsWith('逢'));
const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
const floors = [...new Set([CLOSE_SECOND_P, NAME_SECOND_P])].sort((a, b) => b - a);
const rows = floors.map((floor) => {
  const wrongDoubted = wrong.filter((r) => doubts(r, floor).length > 0).length;
  const trueProposed = wrong.filter((r) => doubts(r, floor).some((d) => proposes(r, d))).length;
  const rightDoubted = right.filter((r) => doubts(r, floor).length > 0).length;
  const fengAccused = genuineFeng.filter((r) =>
    doubts(r, floor).some((d) => d.at === 0 && d.text === '逄'),
  ).length;
  return { floor, wrongDoubted, trueProposed, rightDoubted, fengAccused };
});
console.log(
  `${readings.length} names (${FAMILY_FONTS.length} fonts × sizes ${sizes.join(', ')} px): ${right.length} read right, ${wrong.length} misread`,
);
for (const r of rows)
  console.log(
    `floor ${r.floor}: misread with a doubt ${r.wrongDoubted}/${wrong.length} (${pct(r.wrongDoubted, wrong.length)}), true name proposed ${r.trueProposed}; read right with a doubt ${r.rightDoubted}/${right.length} (${pct(r.rightDoubted, right.length)}); genuine 逢 doubted as 逄 ${r.fengAccused}/${genuineFeng.length}`,
  );
await mkdir(join(ROOT, 'bench/results'), { recursive: true });
await writeFile(
  join(ROOT, 'bench/results/name-doubts.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      sizes,
      fonts: FAMILY_FONTS,
      names: readings.length,
      right: right.length,
      misread: wrong.length,
      genuineFeng: genuineFeng.length,
      floors: rows,
    },
    null,
    2,
  ) + '\n',
);
