// Bad input: each gives one clear sentence and the documented exit code, and one bad
// file never stops the others (spec/cli-contract.md).
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { REPO_ROOT, runCli } from './run-cli';

const ExtractOutputSchema = z.array(
  z.object({ file: z.string(), kind: z.string(), fields: z.record(z.string(), z.string().nullable()), error: z.string().optional() }),
);

/** One sentence: a single line of reasonable length, no second sentence after a full stop. */
const ONE_SENTENCE = /^(?!.*[.。] [A-Z])[^\n]{10,240}$/;

let dir: string;
let goodPdf: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-bad-'));
  goodPdf = join(dir, 'license.pdf');
  copyFileSync(join(REPO_ROOT, 'examples', 'ready', findLicense()), goodPdf);
  writeFileSync(join(dir, 'corrupt.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage garbage\n');
  writeFileSync(join(dir, 'empty.pdf'), '');
  writeFileSync(join(dir, 'notes.pdf'), 'These are meeting notes, not a PDF at all.\n');
  // AES-256 with a user password; committed (scripts/fixtures/make-encrypted-pdf.sh made it).
  copyFileSync(join(REPO_ROOT, 'test/fixtures/pdf/license-aes256-encrypted.pdf'), join(dir, 'encrypted.pdf'));
  mkdirSync(join(dir, 'empty-folder'));
});

function findLicense(): string {
  const files = readdirSync(join(REPO_ROOT, 'examples', 'ready'));
  const pdf = files.find((f) => /licen|执照/i.test(f) && f.endsWith('.pdf')) ?? files.find((f) => f.endsWith('.pdf'));
  if (!pdf) throw new Error('examples/ready has no PDF');
  return pdf;
}

describe('dossier extract with bad files', () => {
  it('gives an error element for each bad file, still reads the good one, and exits 1', async () => {
    const names = ['corrupt.pdf', 'encrypted.pdf', 'license.pdf', 'empty.pdf', 'notes.pdf', 'missing.pdf'];
    const run = await runCli(['extract', ...names.map((n) => join(dir, n)), '--json']);
    expect(run.code).toBe(1);
    const out = ExtractOutputSchema.parse(JSON.parse(run.stdout));
    expect(out.map((e) => e.file)).toEqual(names.map((n) => join(dir, n)));
    const byName = (n: string) => out[names.indexOf(n)]!;
    expect(byName('license.pdf').kind).toBe('business-license');
    expect(byName('license.pdf').error).toBeUndefined();
    for (const bad of ['corrupt.pdf', 'encrypted.pdf', 'empty.pdf', 'notes.pdf', 'missing.pdf']) {
      const e = byName(bad);
      expect(e.kind, bad).toBe('unknown');
      expect(e.error, bad).toMatch(ONE_SENTENCE);
    }
    expect(byName('encrypted.pdf').error).toMatch(/password|encrypt/i);
    expect(byName('empty.pdf').error).toMatch(/empty|0 bytes/i);
    expect(byName('missing.pdf').error).toMatch(/does not exist/);
    expect(byName('notes.pdf').error).toMatch(/not a PDF|not .*image|neither/i);
  }, 90_000);
});

describe('dossier check with a bad folder', () => {
  it('exits 2 with one sentence for a missing folder', async () => {
    const run = await runCli(['check', join(dir, 'nope'), '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toMatch(/does not exist/);
  });

  it('exits 2 with one sentence for an empty folder', async () => {
    const run = await runCli(['check', join(dir, 'empty-folder')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/holds no document files/);
  });

  it('exits 2 on a malformed date', async () => {
    const run = await runCli(['check', 'examples/ready', '--today', '2026-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--today must be a date/);
  });

  it('blocks (exit 1) a folder of unreadable files, naming each error', async () => {
    const folder = join(dir, 'bad-dossier');
    mkdirSync(folder);
    copyFileSync(join(dir, 'corrupt.pdf'), join(folder, 'corrupt.pdf'));
    copyFileSync(goodPdf, join(folder, 'license.pdf'));
    const run = await runCli(['check', folder, '--json', '--today', '2026-11-24']);
    expect(run.code).toBe(1);
    const out = z
      .object({ verdict: z.string(), documents: z.array(z.object({ file: z.string(), kind: z.string(), error: z.string().optional() })) })
      .parse(JSON.parse(run.stdout));
    expect(out.verdict).toBe('blocked');
    expect(out.documents.find((d) => d.file === 'corrupt.pdf')?.error).toMatch(ONE_SENTENCE);
    expect(out.documents.find((d) => d.file === 'license.pdf')?.kind).toBe('business-license');
  }, 60_000);
});

describe('dossier usage', () => {
  it('exits 2 on an unknown command', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command/);
  });
});
