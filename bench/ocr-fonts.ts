// `npx tsx bench/ocr-fonts.ts [--fonts=all|default|NAME,...] [--per-family=2] [--seed-offset=1100] [--label=NAME] [--debian-fonts=DIR] [--refresh]`
// Reading per CJK face, TUNED families only: for each face a set of every tuned family
// drawn in that face alone (each family's media in turn: text PDFs, scans, photos,
// image-only PDFs), read once (PDF text layer or PP-OCR) and kept in
// bench/.data/families/fonts-<offset>/<face>/ (replayable with
// `npx tsx bench/ocr-replay.ts --set=fonts-<offset>/<face>`), then scored: fields exact
// (after proposals), fields wrong at confidence >= 0.9, and per field. The table is
// printed and written to bench/.data/fonts-<offset>-<label>.json.
// --debian-fonts=DIR measures Debian's CJK faces too (measurement only, never a test's or
// CI's dependency): DIR holds the files of `apt-get download fonts-arphic-uming
// fonts-arphic-ukai fonts-wqy-zenhei fonts-wqy-microhei fonts-droid-fallback`, each
// unpacked with `dpkg-deb -x PKG.deb DIR`; the fixtures' Chromium finds them through a
// fontconfig file written there, and nothing is installed on the machine.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAMILY_FONTS, fontsOption } from '../scripts/fixtures/families/style';
import { familyCases, writeFamilySet } from '../scripts/fixtures/families/set';
import { useLocalFonts } from '../scripts/fixtures/fonts';
import { closeRenderer } from '../scripts/fixtures/render';
import { createLazyOcrEngine, createNodeReadDocumentDeps } from '../src/ocr/engines.node.ts';
import { loadTruths, matchDocuments } from './ocr-read';
import { confidentlyWrong } from './ocr-score';
import { replayedDocuments } from './replay-text';
import { args, option } from '../scripts/args';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const perFamily = Number(option('per-family') ?? 2);
const seedOffset = Number(option('seed-offset') ?? 1100);
const label = option('label') ?? 'run';

/** Debian's CJK faces, by the family name fontconfig gives each, and the package shipping it. */
const DEBIAN_FACES: Record<string, string> = {
  'AR PL UMing CN': 'fonts-arphic-uming',
  'AR PL UKai CN': 'fonts-arphic-ukai',
  'WenQuanYi Zen Hei': 'fonts-wqy-zenhei',
  'WenQuanYi Micro Hei': 'fonts-wqy-microhei',
  'Droid Sans Fallback': 'fonts-droid-fallback',
};

/** Writes DIR/fonts.conf and checks that fontconfig finds each Debian face in DIR. */
function debianFonts(dir: string): string[] {
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${dir}</dir>
  <cachedir>${join(dir, '.fontconfig-cache')}</cachedir>
</fontconfig>
`,
  );
  for (const [family, pkg] of Object.entries(DEBIAN_FACES)) {
    const file = execFileSync('fc-match', ['-f', '%{file}', `${family}:lang=zh-cn`], {
      env: { ...process.env, FONTCONFIG_FILE: conf },
      encoding: 'utf8',
    });
    if (!file.startsWith(dir))
      throw new Error(
        `${family} is not in ${dir} (fontconfig gives ${file}): unpack Debian's ${pkg} there with \`apt-get download ${pkg} && dpkg-deb -x ${pkg}_*.deb ${dir}\`.`,
      );
  }
  useLocalFonts(conf, Object.keys(DEBIAN_FACES));
  return Object.keys(DEBIAN_FACES);
}

const debianDir = option('debian-fonts');
const debian = debianDir ? debianFonts(resolve(debianDir)) : [];
// Every face (the npm ones and, with --debian-fonts, Debian's) unless --fonts names some.
const fonts = option('fonts')
  ? fontsOption(option('fonts'), debian)
  : [...FAMILY_FONTS, ...debian];
const slug = (font: string): string =>
  (debian.includes(font) ? `debian-${font}` : font).toLowerCase().replace(/[^a-z0-9]+/g, '-');
/** The file a case was rendered to (its truth names it). */
const fileOf = (dir: string, name: string): string =>
  (JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { file: string }).file;
const setDir = (font: string): string =>
  join(ROOT, 'bench/.data/families', `fonts-${seedOffset}`, slug(font), 'tuned');

// Files already rendered stay (a reader change is then measured in seconds, and a larger
// --per-family only adds samples).
try {
  for (const font of fonts) {
    const dir = setDir(font);
    const cases = familyCases('tuned', {
      perFamily,
      perMulti: 0,
      media: 'mixed',
      seedOffset,
      fonts: [font],
    });
    const missing = cases.filter((c) => !existsSync(join(dir, `${c.name}.json`)));
    if (missing.length > 0)
      await writeFamilySet(missing, dir, (line) => process.stderr.write(`${font} ${line}\n`));
    await writeFile(
      join(dir, 'index.json'),
      JSON.stringify(cases.map((c) => fileOf(dir, c.name))) + '\n',
    );
  }
} finally {
  await closeRenderer();
}

interface Tally {
  exact: number;
  total: number;
  wrongSure: number;
}
const tally = (): Tally => ({ exact: 0, total: 0, wrongSure: 0 });
const ocr = createLazyOcrEngine('paddle');
const deps = await createNodeReadDocumentDeps(ocr);
const results: { font: string; all: Tally; byField: Record<string, Tally>; files: number }[] = [];
const misreadings: string[] = [];
for (const font of fonts) {
  const dir = setDir(font);
  const cache = join(dir, '..', 'tuned-text');
  await mkdir(cache, { recursive: true });
  const truths = await loadTruths(dir);
  if (truths.some((t) => t.partition !== 'tuned')) throw new Error(`${dir} holds held-out files`);
  const all = tally();
  const byField: Record<string, Tally> = {};
  for (const truth of truths) {
    const reported = await replayedDocuments(
      dir,
      cache,
      truth.file,
      deps,
      args.includes('--refresh'),
    );
    for (const doc of matchDocuments(truth.documents, reported)) {
      const sure = new Set(confidentlyWrong(doc.outcome.fields));
      for (const f of doc.outcome.fields) {
        const field = (byField[`${doc.kind}.${f.field}`] ??= tally());
        for (const t of [all, field]) {
          t.total++;
          if (f.exactAfterProposals) t.exact++;
          if (sure.has(f)) t.wrongSure++;
        }
        if (!f.exactAfterProposals)
          misreadings.push(
            `${slug(font)} ${truth.file} ${doc.kind} ${f.field}: expected ${JSON.stringify(f.expected)} read ${JSON.stringify(f.read)} @${f.confidence?.toFixed(2) ?? '-'}`,
          );
      }
    }
  }
  results.push({ font, all, byField, files: truths.length });
}
await ocr.dispose();

const pct = (t: Tally): string => `${((100 * t.exact) / Math.max(1, t.total)).toFixed(1)}%`;
const lines = [
  `per face, TUNED families, seed offset ${seedOffset}, ${perFamily} samples per family:`,
  `${'face'.padEnd(34)} ${'files'.padStart(5)} ${'exact'.padStart(9)} ${''.padStart(6)} wrong>=0.9  weakest fields`,
  ...results.map((r) => {
    const weakest = Object.entries(r.byField)
      .filter(([, t]) => t.exact < t.total)
      .sort(([, a], [, b]) => a.exact / a.total - b.exact / b.total)
      .slice(0, 4)
      .map(([name, t]) => `${name} ${t.exact}/${t.total}`)
      .join(', ');
    return `${(debian.includes(r.font) ? `${r.font} (Debian)` : r.font).padEnd(34)} ${String(r.files).padStart(5)} ${`${r.all.exact}/${r.all.total}`.padStart(9)} ${pct(r.all).padStart(6)} ${String(r.all.wrongSure).padStart(10)}  ${weakest}`;
  }),
];
if (args.includes('--misreadings')) process.stdout.write(`${misreadings.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\n`);
const out = join(ROOT, 'bench/.data', `fonts-${seedOffset}-${label}.json`);
await writeFile(
  out,
  JSON.stringify({ label, seedOffset, perFamily, results, misreadings }, null, 2) + '\n',
);
process.stdout.write(`written to ${out}\n`);
