// The Node host's second reader of doubtful glyphs (second-opinion.ts): Tesseract's legacy
// classifier with the chi_sim 4.0.0 data that @tesseract.js-data/chi_sim installs beside the
// 4.0.0_best_int data the Tesseract engine reads (its LSTM model cannot write most rarer
// name characters: 亓 冼 晗 隗 逄 仝 are not in its 4,022 characters; the legacy data's 5,074
// hold them). Nothing is fetched; the worker is made on the first glyph asked about and
// ended with the engine. Off unless DOSSIER_OCR_SECOND_OPINION=on: making the worker costs
// about 1.1 s of CPU and 0.3 GB (the legacy core's wasm and 20 MB of data), paid by every
// call whose page has one doubtful ideograph on a short line, which puts a single ID side
// (0.9 s today) over the 1 s target; the names it reads right are in second-opinion.ts.
import { mkdir, readlink, rm, symlink, copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type Tesseract from 'tesseract.js';
import { encodePgm, toGray } from '../raster';
import type { GlyphReader } from './second-opinion';

const require = createRequire(import.meta.url);

const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/** A folder holding chi_sim.traineddata.gz of the legacy (4.0.0) data, linked from node_modules. */
async function legacyLangPath(): Promise<string> {
  const dir = join(tmpdir(), `dossier-tessdata-legacy-${process.getuid?.() ?? 0}`);
  await mkdir(dir, { recursive: true });
  const target = join(packageDir('@tesseract.js-data/chi_sim'), '4.0.0', 'chi_sim.traineddata.gz');
  const link = join(dir, 'chi_sim.traineddata.gz');
  if ((await readlink(link).catch(() => null)) !== target) {
    await rm(link, { force: true });
    await symlink(target, link).catch(async () => copyFile(target, link));
  }
  return dir;
}

export function secondOpinionWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.DOSSIER_OCR_SECOND_OPINION === 'on';
}

/** The reader, its worker made on first use, and how to end it. */
export function createLegacyGlyphReader(): { read: GlyphReader; dispose: () => Promise<void> } {
  let worker: Promise<Tesseract.Worker> | undefined;
  const make = async (): Promise<Tesseract.Worker> => {
    const { createWorker, OEM } = require('tesseract.js') as typeof Tesseract;
    const w = await createWorker('chi_sim', OEM.TESSERACT_ONLY, {
      workerPath: join(packageDir('tesseract.js'), 'src', 'worker-script', 'node', 'index.js'),
      corePath: packageDir('tesseract.js-core'),
      cacheMethod: 'none',
      langPath: await legacyLangPath(),
      legacyCore: true,
      legacyLang: true,
    });
    // One character per image.
    await w.setParameters({ tessedit_pageseg_mode: '10' as Tesseract.PSM });
    return w;
  };
  const read: GlyphReader = async (glyphs) => {
    const w = await (worker ??= make());
    const out: { text: string; confidence: number }[] = [];
    for (const g of glyphs) {
      const pgm = Buffer.from(encodePgm(toGray(g)));
      const r = await w.recognize(pgm, {}, { text: true });
      out.push({ text: r.data.text.trim(), confidence: r.data.confidence / 100 });
    }
    return out;
  };
  const dispose = async (): Promise<void> => {
    const w = await worker?.catch(() => undefined);
    worker = undefined;
    await w?.terminate();
  };
  return { read, dispose };
}
