// `npx tsx bench/name-second-opinion.ts [-- --fonts=A,B --sizes=18 --seed=3120]`: what the
// second reader of doubtful glyphs (src/ocr/paddle/second-opinion.ts) changes on people's
// names. Names (common and rare surnames and given-name characters, drawn with the seed)
// are rendered as `法定代表人 <name>` lines with the fixture renderer, one page per face and
// size, and read by PP-OCR without and with the second opinion. Prints names read right
// before → after, names turned wrong, and the CPU time of each reading (user + sys).
import type { TextItem } from '../src/core/extraction';
import { createPaddleEngineNode } from '../src/ocr/paddle/engine.node.ts';
import { FAMILY_FONTS } from '../scripts/fixtures/families/style';
import { NAME_LABEL, nameList, namePage } from '../scripts/fixtures/name-lines';
import { closeRenderer, renderHtml } from '../scripts/fixtures/render';

const option = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (option('sizes') ?? '18').split(',').map(Number);
const fonts = option('fonts')?.split(',') ?? FAMILY_FONTS;
const LABEL = NAME_LABEL;

const nameOf = (item: TextItem): string =>
  item.text.slice(item.text.indexOf(LABEL) + LABEL.length).replace(/\s/gu, '');
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const list = nameList(Number(option('seed') ?? '3120'));
const before = await createPaddleEngineNode({ secondOpinion: false });
const after = await createPaddleEngineNode({ secondOpinion: true });
const right = [0, 0];
let turnedWrong = 0;
let total = 0;
const seconds = [0, 0];
const changes: string[] = [];
try {
  for (const font of fonts)
    for (const size of sizes) {
      const page = namePage(list, font, size);
      const bytes = await renderHtml(page.html, page.size, { format: 'png', dpi: 150 });
      const reads: string[][] = [];
      for (const [k, engine] of [before, after].entries()) {
        const t = cpu();
        const items = (await engine.recognise({ bytes, mime: 'image/png' })).pages[0]!.items;
        seconds[k]! += cpu() - t;
        reads.push(items.filter((i) => i.text.replace(/\s/gu, '').includes(LABEL)).map(nameOf));
      }
      const [a, b] = reads as [string[], string[]];
      if (a.length !== list.length || b.length !== list.length) {
        process.stderr.write(`${font} ${size}px: lines do not match the names, skipped\n`);
        continue;
      }
      list.forEach((name, i) => {
        total++;
        if (a[i] === name) right[0]!++;
        if (b[i] === name) right[1]!++;
        if (a[i] === name && b[i] !== name) turnedWrong++;
        if (a[i] !== b[i]) changes.push(`${name}: ${a[i]} → ${b[i]}`);
      });
      process.stderr.write(`${font} ${size}px read\n`);
    }
} finally {
  await before.dispose();
  await after.dispose();
  await closeRenderer();
}
console.log(
  `${total} names (${fonts.length} faces × ${sizes.join(', ')} px): right ${right[0]} → ${right[1]}, turned wrong ${turnedWrong}; CPU ${seconds[0]!.toFixed(1)} s → ${seconds[1]!.toFixed(1)} s`,
);
for (const c of changes) console.log(`  ${c}`);
