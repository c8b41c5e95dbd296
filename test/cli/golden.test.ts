// Golden tests: each example dossier gives exactly its expected verdict and failing
// check ids, through the real CLI process (spec/cli-contract.md).
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
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
  warning: z.array(z.string()).default([]),
  reasons: z.record(z.string(), z.string()).default({}),
});

const CheckOutputSchema = z.object({
  verdict: VerdictSchema,
  today: z.string(),
  documents: z.array(
    z.object({
      file: z.string(),
      kind: z.string(),
      fields: z.record(z.string(), z.string().nullable()),
    }),
  ),
  checks: z.array(CheckResultSchema),
});

/** Image dossiers (`"ocr": true`) are read by OCR: golden-images.test.ts runs them. */
const isOcrExample = (name: string): boolean =>
  (JSON.parse(readFileSync(join(EXAMPLES, name, 'expected.json'), 'utf8')) as { ocr?: boolean })
    .ocr === true;

const examples = existsSync(EXAMPLES)
  ? readdirSync(EXAMPLES).filter(
      (name) => existsSync(join(EXAMPLES, name, 'expected.json')) && !isOcrExample(name),
    )
  : [];

describe('dossier check on the example dossiers', () => {
  it('has the example dossiers the README promises', () => {
    expect(examples).toEqual(
      expect.arrayContaining([
        'ready',
        'bank-name-half-width',
        'legal-rep-one-char',
        'id-expires-60-days',
        'individual-business-92',
        'credit-code-bad-check',
        'license-expired',
        'six-accounts',
        'repeated-phone',
        'id-name-not-read',
        'license-title-only',
      ]),
    );
  });

  for (const name of examples) {
    it(`${name}: verdict and failing checks as expected`, async () => {
      const expected = ExpectedSchema.parse(
        JSON.parse(readFileSync(join(EXAMPLES, name, 'expected.json'), 'utf8')),
      );
      const run = await runCli([
        'check',
        join('examples', name),
        '--today',
        expected.today,
        '--json',
      ]);
      expect(run.code, run.stderr).toBe(expected.verdict === 'ready' ? 0 : 1);
      const out = CheckOutputSchema.parse(JSON.parse(run.stdout));
      expect(out.verdict).toBe(expected.verdict);
      expect(out.today).toBe(expected.today);
      const failing = out.checks.filter((c) => c.status === 'fail').map((c) => c.id);
      expect(failing.sort()).toEqual([...expected.failing].sort());
      const warning = out.checks.filter((c) => c.status === 'warn').map((c) => c.id);
      expect(warning.sort()).toEqual([...expected.warning].sort());
      for (const [id, phrase] of Object.entries(expected.reasons)) {
        expect(out.checks.find((c) => c.id === id)?.message, id).toContain(phrase);
      }
      // Every document was recognised, and every check of the spec was reported once.
      expect(out.documents.every((d) => d.kind !== 'unknown')).toBe(true);
      expect(new Set(out.checks.map((c) => c.id)).size).toBe(CHECK_IDS.length);
    }, 60_000);
  }

  it('reports the half-width bracket of the bank account name as a width difference at its position', async () => {
    const run = await runCli([
      'check',
      'examples/bank-name-half-width',
      '--today',
      '2026-11-24',
      '--json',
    ]);
    const out = CheckOutputSchema.parse(JSON.parse(run.stdout));
    const check = out.checks.find((c) => c.id === 'name.license-vs-bank');
    expect(check?.status).toBe('fail');
    const [licenseName, bankName] = check?.values ?? [];
    expect(licenseName).toContain('（');
    expect(bankName).toContain('(');
    const open = [...(licenseName ?? '')].indexOf('（');
    expect(check?.diff).toContainEqual({ at: open, a: '（', b: '(', kind: 'width' });
    expect(check?.diff?.every((d) => d.kind === 'width')).toBe(true);
  }, 60_000);

  it('license-title-only: once the title-only picture is set aside in dossier.json, only the expired term fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-set-aside-'));
    try {
      const source = join(EXAMPLES, 'license-title-only');
      for (const name of readdirSync(source)) copyFileSync(join(source, name), join(dir, name));
      const stated = JSON.parse(readFileSync(join(dir, 'dossier.json'), 'utf8')) as object;
      writeFileSync(
        join(dir, 'dossier.json'),
        JSON.stringify({ ...stated, setAside: ['license-title-only.jpg'] }),
      );
      const run = await runCli(['check', dir, '--today', '2026-11-24', '--json']);
      const out = CheckOutputSchema.parse(JSON.parse(run.stdout));
      expect(out.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([
        'license.validity',
      ]);
      expect(run.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('prints a human summary without --json', async () => {
    const run = await runCli(['check', 'examples/ready', '--today', '2026-11-24']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Verdict: READY/);
    expect(run.stdout).toMatch(/name\.license-vs-bank/);
  }, 60_000);
});
