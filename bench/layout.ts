// `npm run bench:layout`: seconds to read a text-layer PDF whose one line holds N text
// items (issue 15: an 845-byte PDF of 2,000 items took 44 s, 4,000 took 158 s, when line
// grouping re-sorted the line per character). Each size is built with pdf-lib, read by the
// real pdfjs, classified and extracted; the reading must stay well under a second at
// 50,000. Writes bench/results/layout.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { extractDocument } from '../src/core/extract/index';
import { readPdfTextNode } from '../src/ocr/pdfjs.node.ts';

const SIZES = [2_000, 4_000, 50_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** A PDF whose single line is n separate text items (one `A` each, fonts alternating so
 * that pdfjs does not merge them into one run). */
async function oneLinePdf(n: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fonts = [
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.Courier),
  ];
  const page = pdf.addPage([Math.max(600, n * 6 + 20), 200]);
  for (let i = 0; i < n; i++)
    page.drawText('A', { x: 10 + i * 6, y: 100, size: 8, font: fonts[i % 2]! });
  return pdf.save({ useObjectStreams: true });
}

async function main(): Promise<void> {
  const rows = [];
  for (const n of SIZES) {
    const bytes = await oneLinePdf(n);
    const text = await readPdfTextNode(bytes);
    const items = text.pages.reduce((sum, p) => sum + p.items.length, 0);
    const seconds: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      extractDocument(text, 'one-line.pdf');
      seconds.push((performance.now() - start) / 1000);
    }
    seconds.sort((a, b) => a - b);
    const median = seconds[Math.floor(seconds.length / 2)] ?? 0;
    rows.push({ items: n, itemsRead: items, pdfBytes: bytes.length, extractSecondsMedian: median });
    console.log(
      `${n} items (${bytes.length} bytes): ${median.toFixed(3)} s to classify and extract`,
    );
  }
  const result = { date: new Date().toISOString(), cpus: cpus().length, runs: RUNS, rows };
  const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'layout.json'), `${JSON.stringify(result, null, 2)}\n`);
}

await main();
