// Grouping characters into lines is O(n log n): a PDF of 50,000 text items on one line
// (issue 15: 2,000 took 44 s when the line's median height was re-sorted per character)
// must read in well under a second. Asserted on a count of elementary steps, never on time
// (bench/layout.ts measures the seconds).
import { describe, expect, it } from 'vitest';
import type { DocumentText, TextItem } from '../../src/core/extraction';
import { extractDocument, type WorkCounter } from '../../src/core/extract/index';
import { RunningMedian, pageLines } from '../../src/core/extract/lines';

function oneLine(n: number, text: (i: number) => string = () => 'A'): DocumentText {
  const items: TextItem[] = Array.from({ length: n }, (_, i) => ({
    page: 0,
    x: i * 6,
    y: 100 + (i % 3) * 0.5, // a jittered baseline, as OCR gives it
    w: 5.5 * [...text(i)].length,
    h: 10 + (i % 5),
    text: text(i),
    confidence: 1,
  }));
  return { source: 'pdf-text', pages: [{ page: 0, width: n * 6, height: 200, items }] };
}

const nLogN = (n: number): number => n * Math.log2(n);

describe('line grouping work', () => {
  it('groups 50,000 items on one line in O(n log n) steps', () => {
    const n = 50_000;
    const work: WorkCounter = { steps: 0 };
    const lines = pageLines(oneLine(n).pages[0]!, work);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.glyphs).toHaveLength(n);
    // Generous: re-sorting the line per character would be over n² / 2 = 1.25e9 steps.
    expect(work.steps).toBeLessThan(10 * nLogN(n));
  });

  it('reads a whole document of 50,000 items on one line, labels among them, within the bound', () => {
    const n = 50_000;
    const work: WorkCounter = { steps: 0 };
    const text = oneLine(n, (i) => (i % 1000 === 0 ? '名称' : i % 1000 === 1 ? '账号' : '1'));
    const doc = extractDocument(text, 'hostile.pdf', { kind: 'business-license', work });
    expect(doc.kind).toBe('business-license');
    expect(work.steps).toBeLessThan(10 * nLogN(n));
  });

  it('keeps the running median equal to the sorted middle value', () => {
    const values = Array.from({ length: 501 }, (_, i) => (i * 7919) % 113);
    const median = new RunningMedian();
    values.forEach((v, i) => {
      median.add(v);
      const sorted = values.slice(0, i + 1).sort((a, b) => a - b);
      expect(median.value).toBe(sorted[Math.floor(sorted.length / 2)]);
    });
  });
});
