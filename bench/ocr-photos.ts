// `npx tsx bench/ocr-photos.ts [--per-family=2] [--seed-offset=500] [--label=NAME] [--regenerate] [--fonts=default|all|NAME,...] [--with-scans]`
// Tuning aid for page preparation (src/ocr/prepare.ts): phone photos of every TUNED family
// that is photographed, drawn with seeds bench:ocr's quick and full sets do not use, read
// for real (PP-OCR, the command line's reader: bench/ocr-replay.ts replays stored text, so
// it cannot judge a change to the pixels), and scored per file and in total, with CPU
// seconds per page. Never generates or reads a held-out family.
// The set is kept in bench/.data/families/photos-<offset>/tuned/ (a replayable set:
// `npx tsx bench/ocr-replay.ts --set=photos-<offset>` replays this run's text), each run's
// figures in bench/.data/families/photos-<offset>/<label>.json. --fonts draws the faces as
// fixtures:families does (a set other than the default one is kept in photos-<offset>-<fonts>/).
// Each photo's fields are also counted by the blur radius it was drawn with (degrade.ts:
// 1 or 2), and with --with-scans every sample is rendered as its family's scan too (same
// sample, same seed), read alike, and the fields the photo lost that the scan read listed:
// what the photo itself costs, apart from what the layout or the face costs. From seed
// offset 5000 on, photos are drawn in the wider phone ranges (degrade.ts widePhoto).
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { familiesIn, familySample } from '../scripts/fixtures/families/families';
import { fontsOption } from '../scripts/fixtures/families/style';
import { closeRenderer } from '../scripts/fixtures/render';
import { writeFamilySet, type FamilyCase } from '../scripts/fixtures/families/set';
import type { Medium } from '../scripts/fixtures/families/types';
import { loadTruths, runEngine } from './ocr-read';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const perFamily = Number(option('per-family') ?? 2);
/** bench:ocr's sets use sample indices 0..5 at offset 0: 500 stays clear of them. */
const seedOffset = Number(option('seed-offset') ?? 500);
const label = option('label') ?? 'run';
const fontsArg = option('fonts') ?? 'default';
const fonts = fontsOption(fontsArg);
const setName = `photos-${seedOffset}${fontsArg === 'default' ? '' : `-${fontsArg.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}`;
const dir = join(ROOT, 'bench/.data/families', setName, 'tuned');
const withScans = args.includes('--with-scans');
/**
 * Photos at seed offsets of 5000 and more are drawn in the generator's wider phone ranges
 * (degrade.ts widePhoto: perspective, desks, shadow, motion blur, JPEG, quarter turns with
 * and without EXIF); earlier offsets keep the photos their figures were measured on.
 */
const wide = seedOffset >= 5000;

function photoCases(): FamilyCase[] {
  return familiesIn('tuned')
    .filter((family) => family.media.includes('photo'))
    .flatMap((family) =>
      Array.from({ length: perFamily }, (_, i) => {
        const sample = familySample(family, i, { seedOffset, fonts });
        const scan = family.media.find((m) => m === 'scan' || m === 'copy-scan');
        const media: Medium[] = withScans && scan ? ['photo', scan] : ['photo'];
        return media.map((medium) => ({
          name: `${family.id}-${i}-${medium}`,
          family: family.id,
          partition: 'tuned' as const,
          medium,
          font: sample.style.font,
          seed: 9000 + seedOffset + i * 97 + family.id.length,
          file: family.render(sample),
        }));
      }).flat(),
    );
}

if (args.includes('--regenerate')) await rm(dir, { recursive: true, force: true });
// Files already rendered stay (a larger --per-family only adds samples).
const cases = photoCases();
const missing = cases.filter((c) => !existsSync(join(dir, `${c.name}.json`)));
if (missing.length > 0) {
  try {
    await writeFamilySet(missing, dir, (line) => process.stderr.write(`${line}\n`), {
      ...(wide ? { phone: 'wide' as const } : {}),
    });
  } finally {
    await closeRenderer();
  }
}
await writeFile(
  join(dir, 'index.json'),
  JSON.stringify(
    cases.map((c) => `${c.name}.jpg`),
    null,
    2,
  ) + '\n',
);
const truths = await loadTruths(dir);
if (truths.some((t) => t.partition !== 'tuned')) throw new Error(`${dir} holds held-out files`);
const run = await runEngine('paddle', [{ dir, truths }]);
let exact = 0;
let total = 0;
let cpu = 0;
const byFamily = new Map<string, { exact: number; total: number }>();
const byBlur = new Map<string, { exact: number; total: number }>();
const blurOf = new Map(truths.map((t) => [t.file, t.degradation[0]?.blurRadius]));
const photos = run.files.filter((f) => f.medium === 'photo');
const scans = new Map(
  run.files
    .filter((f) => f.medium !== 'photo')
    .map((f) => [f.file.replace(/-(copy-)?scan\.\w+$/, ''), f]),
);
/** Fields the photo lost that its scan read. */
const lostToPhoto: string[] = [];
for (const file of photos) {
  const fields = file.documents.flatMap((d) => d.outcome.fields);
  const scan = scans.get(file.file.replace(/-photo\.\w+$/, ''));
  const scanRight = new Set(
    scan?.documents.flatMap((d) =>
      d.outcome.fields.filter((f) => f.exactAfterProposals).map((f) => f.field),
    ) ?? [],
  );
  for (const f of fields.filter((f) => !f.exactAfterProposals && scanRight.has(f.field)))
    lostToPhoto.push(`${file.file} ${f.field} (blur radius ${blurOf.get(file.file) ?? '?'})`);
  const blur = `blur radius ${blurOf.get(file.file) ?? '?'}`;
  const b = byBlur.get(blur) ?? { exact: 0, total: 0 };
  b.exact += fields.filter((f) => f.exactAfterProposals).length;
  b.total += fields.length;
  byBlur.set(blur, b);
}
for (const file of photos) {
  const fields = file.documents.flatMap((d) => d.outcome.fields);
  const right = fields.filter((f) => f.exactAfterProposals).length;
  exact += right;
  total += fields.length;
  cpu += file.cpuSeconds;
  const family = byFamily.get(file.family) ?? { exact: 0, total: 0 };
  family.exact += right;
  family.total += fields.length;
  byFamily.set(file.family, family);
  for (const f of fields.filter((f) => !f.exactAfterProposals))
    process.stdout.write(
      `${file.file} ${f.field}: expected ${JSON.stringify(f.expected)} read ${JSON.stringify(f.read)}\n`,
    );
}
for (const [family, f] of byFamily) process.stdout.write(`${family}: ${f.exact}/${f.total}\n`);
for (const [blur, f] of [...byBlur].sort())
  process.stdout.write(`photos drawn with ${blur}: ${f.exact}/${f.total}\n`);
const scanFields = [...scans.values()].flatMap((f) => f.documents.flatMap((d) => d.outcome.fields));
const scanExact = scanFields.filter((f) => f.exactAfterProposals).length;
if (withScans) {
  process.stdout.write(`the same samples as scans: ${scanExact}/${scanFields.length}\n`);
  for (const line of lostToPhoto) process.stdout.write(`lost to the photo: ${line}\n`);
}
const pages = photos.reduce((n, f) => n + f.pages, 0);
const summary = {
  label,
  exact,
  total,
  share: exact / total,
  cpuSecondsPerPage: cpu / pages,
  byBlur: Object.fromEntries(byBlur),
  ...(withScans ? { scans: { exact: scanExact, total: scanFields.length }, lostToPhoto } : {}),
  files: run.files.map((f) => ({
    file: f.file,
    cpuSeconds: f.cpuSeconds,
    exact: f.documents.flatMap((d) => d.outcome.fields).filter((x) => x.exactAfterProposals).length,
    total: f.documents.flatMap((d) => d.outcome.fields).length,
  })),
};
await writeFile(join(dir, '..', `${label}.json`), JSON.stringify(summary, null, 2) + '\n');
process.stdout.write(
  `${label}: fields exact ${exact}/${total} (${((100 * exact) / total).toFixed(1)}%), ` +
    `CPU ${summary.cpuSecondsPerPage.toFixed(2)} s per page over ${pages} pages\n`,
);
