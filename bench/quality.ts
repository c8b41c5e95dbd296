// `npm run bench:quality [-- --set=calibration|report] [--dossiers=N]`: the image
// analysis (src/core/image) on generated images with known defects and on clean ones
// (scripts/fixtures/quality/defects.ts). Prints, per defect, how often its flag was
// raised (detection rate, target ≥ 90%), per flag how often it was raised on a clean
// image (false-alarm rate, target ≤ 2%), and the seal found / not found on bank forms.
// The thresholds were chosen on the `calibration` set (seeds 9100+); the figures that
// BENCHMARKS.md reports come from the `report` set (seeds 9500+), which calibration
// never saw. Writes bench/results/quality.json (report) or quality-calibration.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspectDocument, QUALITY_FLAGS } from '../src/core/image';
import { createNodeReadDocumentDeps } from '../src/ocr/engines.node.ts';
import { DEFECTS, qualityCases, type QualityCase } from '../scripts/fixtures/quality/defects';
import { closeRenderer } from '../scripts/fixtures/render';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const set = arg('set') === 'calibration' ? 'calibration' : 'report';
const dossiers = Number(arg('dossiers') ?? 8);
const firstSeed = set === 'calibration' ? 9100 : 9500;

interface Outcome {
  name: string;
  defect: string;
  base: string;
  kind: string;
  flags: string[];
  values: Record<string, number>;
  seal?: boolean;
  sealExpected?: boolean;
  ms: number;
}

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

async function main(): Promise<void> {
  const deps = await createNodeReadDocumentDeps();
  const outcomes: Outcome[] = [];
  const started = performance.now();
  try {
    for (let i = 0; i < dossiers; i++) {
      const cases: QualityCase[] = await qualityCases(firstSeed + i, deps);
      for (const c of cases) {
        const t0 = performance.now();
        const { quality, seal } = inspectDocument({
          kind: c.kind,
          pages: [
            {
              page: 0,
              image: c.image,
              width: c.image.width,
              height: c.image.height,
              vector: false,
            },
          ],
          boxes: c.boxes,
        });
        const values: Record<string, number> = {};
        for (const f of quality.flags) if (f.value !== undefined) values[f.flag] = f.value;
        outcomes.push({
          name: c.name,
          defect: c.defect,
          base: c.base,
          kind: c.kind,
          flags: [...new Set(quality.flags.map((f) => f.flag))],
          values,
          ...(seal ? { seal: seal.found } : {}),
          ...(c.sealExpected === undefined ? {} : { sealExpected: c.sealExpected }),
          ms: Math.round(performance.now() - t0),
        });
      }
      process.stderr.write(`dossier ${i + 1}/${dossiers}: ${outcomes.length} images\n`);
      await summarise(outcomes, i + 1, started, false);
    }
  } finally {
    await closeRenderer();
  }

  await summarise(outcomes, dossiers, started, true);
}

/**
 * The rates so far, written to the results file after every dossier (a long run cut
 * short still leaves its figures) and printed at the end.
 */
async function summarise(
  outcomes: Outcome[],
  done: number,
  started: number,
  print: boolean,
): Promise<void> {
  const say = (line: string): void => {
    if (print) console.log(line);
  };
  const clean = outcomes.filter((o) => o.defect === 'clean');
  const detection = DEFECTS.filter((d) => d !== 'no-seal').map((defect) => {
    const cases = outcomes.filter((o) => o.defect === defect);
    const flag = defect;
    const hit = cases.filter((o) => o.flags.includes(flag)).length;
    return {
      defect,
      flag,
      images: cases.length,
      detected: hit,
      rate: cases.length ? hit / cases.length : 0,
    };
  });
  const falseAlarms = QUALITY_FLAGS.map((flag) => {
    const raised = clean.filter((o) => o.flags.includes(flag));
    return {
      flag,
      clean: clean.length,
      raised: raised.length,
      rate: raised.length / Math.max(1, clean.length),
      images: raised.map((o) => o.name),
    };
  });
  const sealed = outcomes.filter((o) => o.sealExpected === true);
  const unsealed = outcomes.filter((o) => o.sealExpected === false && o.defect === 'no-seal');
  const seals = {
    sealedBankForms: sealed.length,
    found: sealed.filter((o) => o.seal === true).length,
    unsealedBankForms: unsealed.length,
    wronglyFound: unsealed.filter((o) => o.seal === true).length,
  };
  const msPerImage = outcomes.reduce((s, o) => s + o.ms, 0) / Math.max(1, outcomes.length);

  say(
    `Image quality, ${set} set: ${outcomes.length} images (${clean.length} clean) from ${done} dossiers, seeds ${firstSeed}-${firstSeed + done - 1}`,
  );
  say('defect              images  detected  rate   (target ≥ 90%)');
  for (const d of detection)
    say(
      `${d.defect.padEnd(20)}${String(d.images).padStart(6)}${String(d.detected).padStart(10)}  ${pct(d.detected, d.images)}`,
    );
  say(
    `no-seal (bank.seal)  ${String(seals.unsealedBankForms).padStart(5)}${String(seals.unsealedBankForms - seals.wronglyFound).padStart(10)}  ${pct(seals.unsealedBankForms - seals.wronglyFound, seals.unsealedBankForms)}`,
  );
  say('flag                clean  raised  false-alarm rate (target ≤ 2%)');
  for (const f of falseAlarms)
    say(
      `${f.flag.padEnd(20)}${String(f.clean).padStart(5)}${String(f.raised).padStart(8)}  ${pct(f.raised, f.clean)}`,
    );
  say(
    `seal found on sealed bank forms: ${seals.found}/${seals.sealedBankForms} (${pct(seals.found, seals.sealedBankForms)})`,
  );
  say(
    `analysis time: ${msPerImage.toFixed(0)} ms per image (median page ~1654 × 2339 px), total ${((performance.now() - started) / 1000).toFixed(0)} s with rendering`,
  );

  const out = join(
    ROOT,
    'bench/results',
    set === 'report' ? 'quality.json' : 'quality-calibration.json',
  );
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  await writeFile(
    out,
    JSON.stringify(
      {
        set,
        seeds: [firstSeed, firstSeed + done - 1],
        dossiers: done,
        date: new Date().toISOString(),
        images: outcomes.length,
        clean: clean.length,
        detection,
        falseAlarms,
        seals,
        msPerImage,
        outcomes,
      },
      null,
      2,
    ) + '\n',
  );
  say(`written: ${out}`);
}

await main();
