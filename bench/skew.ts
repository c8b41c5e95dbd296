// `npx tsx bench/skew.ts [--per-family=2] [--seed-offset=3700] [--label=NAME] [--compare=LABEL] [--only=VARIANT,...]`
// Tuning aid for the page's skew estimate (src/ocr/skew.ts, as page preparation calls it:
// prepare.ts pageSkew): pages of every TUNED family (and the tuned multi-document files),
// each rendered clean, then again with a purpose watermark added in grey
// (仅供办理…使用，他用无效): one line (`note`, as staff stamp a copy) or repeated diagonally
// over the page (`grid`), at −4°, 15°, 30° and 45°; every rendering scanned (degrade.ts
// `scan`: rotated by a known angle, blurred, noisy, JPEG). The estimate is compared with the
// angle the scan applied. Prints per page the error (and, with --compare, the error of an
// earlier run), the pages off by more than 0.5°, the worst, and CPU per estimate.
// Scans are kept in bench/.data/skew-<offset>/ (reused), each run's figures in
// bench/.data/skew-<offset>/<label>.json. Never renders a held-out family.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeImageCodec } from '../src/ocr/codec.node.ts';
import { pageSkew } from '../src/ocr/prepare';
import { familiesIn, familySample } from '../scripts/fixtures/families/families';
import { MULTI_FAMILIES } from '../scripts/fixtures/families/multi';
import { familyDpi } from '../scripts/fixtures/families/render-family';
import type { FamilyPage } from '../scripts/fixtures/families/types';
import { degrade } from '../scripts/fixtures/images/degrade';
import { seededRandom } from '../scripts/fixtures/random';
import { closeRenderer, renderHtml } from '../scripts/fixtures/render';
import { option } from '../scripts/args';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const perFamily = Number(option('per-family') ?? 2);
const seedOffset = Number(option('seed-offset') ?? 3700);
const label = option('label') ?? 'run';
const compare = option('compare');
const only = option('only')?.split(',');
const dir = join(ROOT, 'bench/.data', `skew-${seedOffset}`);

const WATERMARK_ANGLES = [-4, 15, 30, 45];
const TEXT = '仅供办理银行开户使用，他用无效';

interface Variant {
  name: string;
  /** HTML added to the page's body, sized to the page. */
  overlay: (page: FamilyPage, rng: () => number) => string;
}

/** One stamped line across the page, grey as a4Copy's note (id.ts), at `angle`. */
const note = (angle: number): Variant => ({
  name: `note${angle}`,
  overlay: ({ size }, rng) => {
    const font = Math.min(5.5, size.widthMm / 17);
    const top = size.heightMm * (0.3 + rng() * 0.4);
    const left = size.widthMm * (0.05 + rng() * 0.1);
    return `<div style="position:absolute;left:${left.toFixed(1)}mm;top:${top.toFixed(1)}mm;font-size:${font.toFixed(2)}mm;color:#8c8c8c;transform:rotate(${angle}deg);transform-origin:left center;white-space:nowrap">${TEXT}</div>`;
  },
});

/** The line repeated over the whole page, as style.ts diagonalWatermark lays it, at `angle`. */
const grid = (angle: number): Variant => ({
  name: `grid${angle}`,
  overlay: ({ size }) => {
    const font = Math.min(5.5, size.widthMm / 17);
    const rows: string[] = [];
    for (let y = -size.heightMm * 0.4; y < size.heightMm * 1.3; y += font * 4.2)
      rows.push(
        `<div style="position:absolute;left:${-size.widthMm * 0.3}mm;top:${y.toFixed(1)}mm;white-space:nowrap">${`${TEXT}\u3000\u3000\u3000`.repeat(4)}</div>`,
      );
    return `<div style="position:absolute;inset:0;overflow:hidden"><div style="position:absolute;inset:0;transform:rotate(${angle}deg);font-size:${font.toFixed(2)}mm;color:rgba(120,120,120,0.38);font-weight:700">${rows.join('')}</div></div>`;
  },
});

const VARIANTS: Variant[] = [
  { name: 'plain', overlay: () => '' },
  ...WATERMARK_ANGLES.map(note),
  ...WATERMARK_ANGLES.map(grid),
].filter((v) => !only || only.includes(v.name));

interface Page {
  name: string;
  page: FamilyPage;
  seed: number;
}

function pages(): Page[] {
  const out: Page[] = [];
  for (const family of familiesIn('tuned')) {
    for (let i = 0; i < perFamily; i++) {
      const file = family.render(familySample(family, i, { seedOffset }));
      file.pages.forEach((page, p) =>
        out.push({ name: `${family.id}-${i}-p${p}`, page, seed: seedOffset * 100 + out.length }),
      );
    }
  }
  for (const multi of MULTI_FAMILIES) {
    const file = multi.render('tuned', 0, { seedOffset });
    file.pages.forEach((page, p) =>
      out.push({ name: `${multi.id}-0-p${p}`, page, seed: seedOffset * 100 + out.length }),
    );
  }
  return out;
}

/** The scan of one page in one variant: rendered and degraded once, then kept. */
async function scanOf(page: Page, variant: Variant): Promise<{ file: string; applied: number }> {
  const file = join(dir, `${page.name}-${variant.name}.jpg`);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta))
    return {
      file,
      applied: (JSON.parse(readFileSync(meta, 'utf8')) as { applied: number }).applied,
    };
  const rng = seededRandom(page.seed);
  const overlay = variant.overlay(page.page, () => rng.next());
  const html = page.page.html.replace('</body>', `${overlay}</body>`);
  const png = await renderHtml(html, page.page.size, {
    format: 'png',
    dpi: familyDpi(page.page.size),
  });
  const clean = await nodeImageCodec.decode(png, 'image/png');
  // The same scan angle for every variant of a page: only the watermark differs.
  const scan = degrade(clean, 'scan', seededRandom(page.seed + 1));
  const applied = Number(scan.applied.rotationDegrees);
  await writeFile(file, await nodeImageCodec.encode(scan.raster, 'jpeg', scan.jpegQuality ?? 0.8));
  await writeFile(meta, JSON.stringify({ applied }) + '\n');
  return { file, applied };
}

interface Row {
  page: string;
  variant: string;
  applied: number;
  estimate: number;
  error: number;
  cpuMs: number;
}

await mkdir(dir, { recursive: true });
const rows: Row[] = [];
try {
  for (const page of pages()) {
    for (const variant of VARIANTS) {
      const { file, applied } = await scanOf(page, variant);
      const raster = await nodeImageCodec.decode(await readFile(file), 'image/jpeg');
      const start = process.cpuUsage();
      // The scan turned the page by `applied` clockwise: straightening it is the opposite.
      const estimate = pageSkew(raster, false);
      const used = process.cpuUsage(start);
      rows.push({
        page: page.name,
        variant: variant.name,
        applied,
        estimate,
        error: estimate + applied,
        cpuMs: (used.user + used.system) / 1000,
      });
    }
  }
} finally {
  await closeRenderer();
}

const earlier = new Map<string, Row>();
if (compare) {
  const old = JSON.parse(await readFile(join(dir, `${compare}.json`), 'utf8')) as { rows: Row[] };
  for (const r of old.rows) earlier.set(`${r.page}/${r.variant}`, r);
}
const f = (n: number): string => (n >= 0 ? ' ' : '') + n.toFixed(2);
for (const r of rows) {
  const before = earlier.get(`${r.page}/${r.variant}`);
  const flag = Math.abs(r.error) > 0.5 ? ' !' : '';
  const grew = before && Math.abs(r.error) > Math.abs(before.error) + 0.3 ? ' GREW' : '';
  console.log(
    `${r.page.padEnd(34)} ${r.variant.padEnd(7)} applied ${f(r.applied)} estimate ${f(r.estimate)} error ${before ? `${f(before.error)} -> ` : ''}${f(r.error)}${flag}${grew}`,
  );
}
const summary = (list: Row[]): string => {
  const off = list.filter((r) => Math.abs(r.error) > 0.5).length;
  const worst = list.reduce((w, r) => (Math.abs(r.error) > Math.abs(w.error) ? r : w), list[0]!);
  const cpu = list.reduce((s, r) => s + r.cpuMs, 0) / list.length;
  return `${off}/${list.length} off by > 0.5°, worst ${f(worst.error)} (${worst.page} ${worst.variant}), CPU ${cpu.toFixed(0)} ms per estimate`;
};
console.log(`\n${label}: ${summary(rows)}`);
for (const v of VARIANTS)
  console.log(`  ${v.name.padEnd(7)} ${summary(rows.filter((r) => r.variant === v.name))}`);
if (compare) {
  const paired = rows.filter((r) => earlier.has(`${r.page}/${r.variant}`));
  const old = paired.map((r) => earlier.get(`${r.page}/${r.variant}`)!);
  console.log(`${compare} (same pages): ${summary(old)}`);
  const grew = paired.filter((r, i) => Math.abs(r.error) > Math.abs(old[i]!.error) + 0.3);
  console.log(`error grew by > 0.3° on ${grew.length} pages`);
}
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
await writeFile(
  join(dir, `${label}.json`),
  JSON.stringify({ label, seedOffset, perFamily, rows }, null, 2) + '\n',
);
