// `npx tsx bench/ocr-photos.ts [--per-family=2] [--seed-offset=500] [--label=NAME] [--regenerate] [--fonts=default|all|NAME,...]`
// Tuning aid for page preparation (src/ocr/prepare.ts): phone photos of every TUNED family
// that is photographed, drawn with seeds bench:ocr's quick and full sets do not use, read
// for real (PP-OCR, the command line's reader: bench/ocr-replay.ts replays stored text, so
// it cannot judge a change to the pixels), and scored per file and in total, with CPU
// seconds per page. Never generates or reads a held-out family.
// The set is kept in bench/.data/families/photos-<offset>/tuned/ (a replayable set:
// `npx tsx bench/ocr-replay.ts --set=photos-<offset>` replays this run's text), each run's
// figures in bench/.data/families/photos-<offset>/<label>.json. --fonts draws the faces as
// fixtures:families does (a set other than the default one is kept in photos-<offset>-<fonts>/).
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { familiesIn, familySample } from '../scripts/fixtures/families/families';
import { fontsOption } from '../scripts/fixtures/families/style';
import { closeRenderer } from '../scripts/fixtures/render';
import { writeFamilySet, type FamilyCase } from '../scripts/fixtures/families/set';
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

function photoCases(): FamilyCase[] {
  return familiesIn('tuned')
    .filter((family) => family.media.includes('photo'))
    .flatMap((family) =>
      Array.from({ length: perFamily }, (_, i) => {
        const sample = familySample(family, i, { seedOffset, fonts });
        return {
          name: `${family.id}-${i}-photo`,
          family: family.id,
          partition: 'tuned' as const,
          medium: 'photo' as const,
          font: sample.style.font,
          seed: 9000 + seedOffset + i * 97 + family.id.length,
          file: family.render(sample),
        };
      }),
    );
}

if (args.includes('--regenerate')) await rm(dir, { recursive: true, force: true });
// Files already rendered stay (a larger --per-family only adds samples).
const cases = photoCases();
const missing = cases.filter((c) => !existsSync(join(dir, `${c.name}.json`)));
if (missing.length > 0) {
  try {
    await writeFamilySet(missing, dir, (line) => process.stderr.write(`${line}\n`));
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
for (const file of run.files) {
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
const pages = run.files.reduce((n, f) => n + f.pages, 0);
const summary = {
  label,
  exact,
  total,
  share: exact / total,
  cpuSecondsPerPage: cpu / pages,
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
