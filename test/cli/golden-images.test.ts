// Golden tests for the example dossiers made of images (JPG scans, PNG phone photos,
// image-only PDFs): the real `dossier check --json` and `dossier extract --json`
// processes read them by OCR (PP-OCRv4, the default engine), and the verdict, the
// failing and warning checks and the key fields must come out exactly as the generator
// wrote them into expected.json. One process per dossier: the model loads once in each.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CHECK_IDS, CheckResultSchema, VerdictSchema } from '../../src/core/checks/types';
import { REPO_ROOT, runCli } from './run-cli';

const EXAMPLES = join(REPO_ROOT, 'examples');

const ExpectedSchema = z.object({
  today: z.string(),
  verdict: VerdictSchema,
  failing: z.array(z.string()),
  warning: z.array(z.string()),
  ocr: z.literal(true),
  fields: z.record(z.string(), z.record(z.string(), z.string().nullable())),
});
type Expected = z.infer<typeof ExpectedSchema>;

const DocumentSchema = z.object({
  file: z.string(),
  kind: z.string(),
  fields: z.record(z.string(), z.string().nullable()),
});

const CheckOutputSchema = z.object({
  verdict: VerdictSchema,
  today: z.string(),
  documents: z.array(DocumentSchema),
  checks: z.array(CheckResultSchema),
});

const ExtractOutputSchema = z.array(
  DocumentSchema.extend({
    confidence: z.record(z.string(), z.number().min(0).max(1)),
    corrections: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
    warnings: z.array(z.string()),
    error: z.string().optional(),
  }),
);

/** OCR of four pages on a busy 2-core machine, model load included. */
const OCR_TIMEOUT = 240_000;

function readExpected(name: string): Expected | null {
  const file = join(EXAMPLES, name, 'expected.json');
  if (!existsSync(file)) return null;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  // Files holding several documents (expected.json `documents`): golden-multi.test.ts.
  if (typeof raw === 'object' && raw !== null && 'documents' in raw) return null;
  const parsed = ExpectedSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const imageExamples = readdirSync(EXAMPLES)
  .map((name) => ({ name, expected: readExpected(name) }))
  .filter((e): e is { name: string; expected: Expected } => e.expected !== null);

const files = (name: string): string[] =>
  readdirSync(join(EXAMPLES, name)).filter((f) => /\.(jpe?g|png|pdf)$/i.test(f));

describe('dossier check on the image example dossiers (OCR)', () => {
  it('has JPG, PNG and image-only PDF dossiers', () => {
    const extensions = imageExamples.map(
      (e) => new Set(files(e.name).map((f) => f.split('.').pop())),
    );
    expect(extensions.some((s) => s.size === 1 && s.has('jpg'))).toBe(true);
    expect(extensions.some((s) => s.size === 1 && s.has('png'))).toBe(true);
    expect(extensions.some((s) => s.size === 1 && s.has('pdf'))).toBe(true);
    expect(imageExamples.some((e) => e.expected.verdict === 'ready')).toBe(true);
  });

  it('keeps the image examples small enough to commit', () => {
    let total = 0;
    for (const { name } of imageExamples)
      for (const f of files(name)) total += readFileSync(join(EXAMPLES, name, f)).length;
    expect(total).toBeLessThan(6 * 1024 * 1024);
  });

  for (const { name, expected } of imageExamples) {
    it(
      `${name}: verdict, checks and key fields as expected`,
      async () => {
        const run = await runCli([
          'check',
          join('examples', name),
          '--today',
          expected.today,
          '--json',
        ]);
        expect(run.code, run.stderr).toBe(expected.verdict === 'ready' ? 0 : 1);
        const out = CheckOutputSchema.parse(JSON.parse(run.stdout));
        // Fields first: a misread field explains a wrong verdict.
        for (const [kind, fields] of Object.entries(expected.fields)) {
          const doc = out.documents.find((d) => d.kind === kind);
          expect(doc, `${name}: no ${kind} recognised`).toBeDefined();
          for (const [field, value] of Object.entries(fields))
            expect(doc?.fields[field], `${name} ${kind}.${field}`).toBe(value);
        }
        expect(out.documents).toHaveLength(4);
        expect(out.documents.every((d) => d.kind !== 'unknown')).toBe(true);
        expect(out.verdict).toBe(expected.verdict);
        const failing = out.checks.filter((c) => c.status === 'fail').map((c) => c.id);
        expect(failing.sort()).toEqual([...expected.failing].sort());
        const warning = out.checks.filter((c) => c.status === 'warn').map((c) => c.id);
        expect(warning.sort()).toEqual([...expected.warning].sort());
        expect(new Set(out.checks.map((c) => c.id)).size).toBe(CHECK_IDS.length);
      },
      OCR_TIMEOUT,
    );
  }

  it(
    'dossier extract --json reads one file of each image type with confidences, in input order',
    async () => {
      // One file per example, a different kind each: a JPG, a PNG and an image-only PDF.
      const picks = imageExamples.map(({ name, expected }, i) => {
        const kinds = Object.keys(expected.fields);
        const kind = kinds[i % kinds.length]!;
        const stem = {
          'business-license': 'license',
          'id-card-front': 'id-front',
          'bank-permit': 'bank',
        }[kind];
        const file = files(name).find((f) => f.startsWith(`${stem}.`));
        return { path: join('examples', name, file ?? ''), kind, fields: expected.fields[kind]! };
      });
      const run = await runCli(['extract', ...picks.map((p) => p.path), '--json']);
      expect(run.code, run.stderr).toBe(0);
      const out = ExtractOutputSchema.parse(JSON.parse(run.stdout));
      expect(out.map((d) => d.file)).toEqual(picks.map((p) => p.path));
      out.forEach((doc, i) => {
        const pick = picks[i]!;
        expect(doc.error).toBeUndefined();
        expect(doc.kind).toBe(pick.kind);
        for (const [field, value] of Object.entries(pick.fields)) {
          expect(doc.fields[field], `${pick.path} ${field}`).toBe(value);
          expect(doc.confidence[field], `${pick.path} confidence of ${field}`).toBeGreaterThan(0);
        }
      });
    },
    OCR_TIMEOUT,
  );
});
