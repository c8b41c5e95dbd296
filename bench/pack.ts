// `npm run bench:pack`: seconds to pack a dossier of four documents from 300-dpi scans
// (licence and ID sides as scanner PNGs, the bank form as a PDF around a 300-dpi JPEG),
// and how many bytes normalisation saved. Writes bench/results/pack.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPack } from '../src/core/pack';
import { nodeHasher } from '../src/pack-host/hasher.node.ts';
import { nodeImageCodec } from '../src/pack-host/image-codec.node.ts';
import { loadReportFont } from '../src/pack-host/report-font.node.ts';
import {
  A4_300,
  bankPdf,
  COMPANY,
  LICENSE_FIELDS,
  readyDossier,
  scanJpeg,
  scanPng,
} from '../test/pack/fixtures';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** An ID card (85.6 × 54 mm) at 300 dpi. */
const ID_300 = { width: 1011, height: 638 };

async function main(): Promise<void> {
  const base = await readyDossier();
  const license = await scanPng({
    ...A4_300,
    title: '营业执照',
    lines: Object.values(LICENSE_FIELDS),
    noise: 10,
    seed: 21,
  });
  const front = await scanPng({
    ...ID_300,
    title: '居民身份证',
    lines: ['姓名 林晓岚', '公民身份号码 330106198805120026'],
    noise: 10,
    seed: 22,
  });
  const back = await scanPng({
    ...ID_300,
    title: '中华人民共和国',
    lines: ['签发机关 杭州市公安局西湖分局'],
    noise: 10,
    seed: 23,
  });
  const bankScan = await scanJpeg(
    { ...A4_300, title: '基本存款账户信息', lines: [`存款人名称 ${COMPANY}`], noise: 30, seed: 24 },
    95,
  );
  const bank = await bankPdf(bankScan);
  const sources = [
    { name: 'license.png', bytes: license, mime: 'image/png' },
    { name: 'id-front.png', bytes: front, mime: 'image/png' },
    { name: 'id-back.png', bytes: back, mime: 'image/png' },
    { name: 'bank.pdf', bytes: bank, mime: 'application/pdf' },
  ];
  const input = {
    ...base,
    documents: base.documents.map((d, i) => ({
      ...d,
      sourceName: sources[i]!.name,
      bytes: sources[i]!.bytes,
      mime: sources[i]!.mime,
      extracted: { ...d.extracted, file: sources[i]!.name },
    })),
  };
  const deps = { codec: nodeImageCodec, hasher: nodeHasher, font: await loadReportFont() };

  const seconds: number[] = [];
  let pack = await buildPack(input, deps); // warm-up: font parsing, codec and JIT
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    pack = await buildPack(input, deps);
    seconds.push((performance.now() - start) / 1000);
  }
  const inputBytes = sources.reduce((n, s) => n + s.bytes.length, 0);
  const documents = pack.manifest.files.filter((f) => f.role === 'document');
  const outputBytes = documents.reduce((n, f) => n + f.bytes, 0);
  const sorted = [...seconds].sort((a, b) => a - b);
  const result = {
    bench: 'pack',
    when: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    runs: RUNS,
    secondsMedian: Number(sorted[Math.floor(sorted.length / 2)]!.toFixed(3)),
    secondsAll: seconds.map((s) => Number(s.toFixed(3))),
    documents: documents.map((f) => ({
      source: f.source?.name,
      sourceBytes: f.source?.bytes,
      name: f.name,
      bytes: f.bytes,
      conversions: f.conversions.map((c) => c.detail),
    })),
    inputBytes,
    outputDocumentBytes: outputBytes,
    savedBytes: inputBytes - outputBytes,
    savedPercent: Number((((inputBytes - outputBytes) / inputBytes) * 100).toFixed(1)),
    zipBytes: pack.zip.length,
    reportBytes: pack.manifest.files.find((f) => f.role === 'report')?.bytes,
  };
  const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'pack.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `pack: ${result.secondsMedian} s (median of ${RUNS}) for 4 documents from 300-dpi scans`,
  );
  for (const d of result.documents) {
    console.log(
      `  ${d.source} ${(d.sourceBytes! / 1048576).toFixed(2)} MB → ${d.name} ${(d.bytes / 1048576).toFixed(2)} MB  ${d.conversions.join('; ')}`,
    );
  }
  console.log(
    `normalisation saved ${(result.savedBytes / 1048576).toFixed(2)} MB of ${(inputBytes / 1048576).toFixed(2)} MB ` +
      `(${result.savedPercent} %); zip ${(result.zipBytes / 1048576).toFixed(2)} MB`,
  );
  console.log(`wrote ${join(dir, 'pack.json')}`);
}

await main();
