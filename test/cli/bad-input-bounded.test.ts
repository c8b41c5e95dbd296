// Hostile inputs of the issue-15 sweep against `dossier check` and `extract`, run in
// process through the command's own entry (real files, real pdfjs): each is refused or
// named in one sentence instead of hanging, exhausting memory or lying to the terminal.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflate } from 'node:zlib';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseDossierFile } from '../../src/core/dossier';
import { main } from '../../src/cli/main';
import { decodeFileName } from '../../src/cli/dossier-folder';
import { REPO_ROOT, runCli } from './run-cli';

const READY = join(REPO_ROOT, 'examples', 'ready');

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** A copy of examples/ready with dossier.json replaced (or removed with null). */
function dossier(json: string | null, extra: (dir: string) => void = () => undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'bad-bounded-'));
  for (const name of readdirSync(READY)) {
    if (name !== 'dossier.json') copyFileSync(join(READY, name), join(dir, name));
  }
  if (json !== null) writeFileSync(join(dir, 'dossier.json'), json);
  extra(dir);
  return dir;
}

/** A one-page PDF drawing one RGB image of width × height (zeros, deflated). */
async function imagePdf(width: number, height: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  // 20000 × 20000 grey: 400 MB deflate to ~0.4-2 MB; fed band by band to stay small.
  const deflate = createDeflate({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const band = Buffer.alloc(width * 100, 0xff);
  for (let y = 0; y < height; y += 100) {
    if (!deflate.write(band)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  const data = Buffer.concat(chunks);
  const image = doc.context.register(
    doc.context.stream(data, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
      Filter: 'FlateDecode',
    }),
  );
  page.node.setXObject(PDFName.of('Im0'), image);
  page.node.set(
    PDFName.of('Contents'),
    doc.context.register(doc.context.stream('q 595 0 0 842 0 0 cm /Im0 Do Q')),
  );
  return doc.save();
}

describe('bounded work on hostile PDFs', () => {
  it('refuses a PDF holding a 20000×20000 image before decoding it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bomb-'));
    const path = join(dir, 'bomb.pdf');
    writeFileSync(path, await imagePdf(20000, 20000));
    const out = await run(['extract', path, '--json']);
    expect(out.code).toBe(1);
    const [doc] = JSON.parse(out.stdout) as { error: string }[];
    expect(doc!.error).toBe(
      'The PDF holds an image of 20000×20000 pixels (400 MP); the limit is 100 MP.',
    );
  }, 60_000);

  it('the bundled `dossier` command refuses it too (pdf-lib imported from the bundle)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bomb-'));
    const path = join(dir, 'bomb.pdf');
    writeFileSync(path, await imagePdf(20000, 20000));
    const out = await runCli(['extract', path, '--json']);
    expect(out.code).toBe(1);
    const [doc] = JSON.parse(out.stdout) as { error: string }[];
    expect(doc!.error).toBe(
      'The PDF holds an image of 20000×20000 pixels (400 MP); the limit is 100 MP.',
    );
  }, 120_000);

  it('refuses 20 blank 14400-pt pages before rendering any for OCR', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 20; i++) doc.addPage([14400, 14400]);
    const dir = mkdtempSync(join(tmpdir(), 'pages-'));
    const path = join(dir, 'huge-pages.pdf');
    writeFileSync(path, await doc.save());
    const out = await run(['extract', path, '--json']);
    const [result] = JSON.parse(out.stdout) as { error: string }[];
    expect(result!.error).toBe(
      "The PDF's 20 pages would take 500 MP to render for OCR; the limit is 120 MP.",
    );
  }, 60_000);
});

describe('dossier.json', () => {
  it('strips a BOM', () => {
    expect(parseDossierFile('\uFEFF{"accounts": []}').accounts).toEqual([]);
  });

  it('says the line and column of a JSON error', () => {
    expect(() => parseDossierFile('{\n  "accounts": [],\n}')).toThrow(
      'dossier.json is not valid JSON at line 3, column 1.',
    );
    expect(() => parseDossierFile('{"accounts": [')).toThrow(/at line 1, column 15\.$/);
  });

  it('refuses a string over 1,000 characters naming the field, and a text over 1 MB', () => {
    const long = JSON.stringify({
      accounts: [{ store: 'x'.repeat(2_000_000), phone: '1', email: 'a@b.c' }],
    });
    expect(() => parseDossierFile(long)).toThrow(/over the 1 MB limit/);
    const store = JSON.stringify({
      accounts: [{ store: 'x'.repeat(5000), phone: '1', email: 'a@b.c' }],
    });
    expect(() => parseDossierFile(store)).toThrow(
      'dossier.json has a value of 5,000 characters at accounts.0.store; the limit is 1,000.',
    );
  });

  it('refuses a field name in confirmed that the document kind does not have', () => {
    expect(() =>
      parseDossierFile('{"confirmed": {"business-license": {"companyNmae": "ACME"}}}'),
    ).toThrow(/confirms "companyNmae", which is not a field of business-license/);
  });

  it.each([
    [
      'a folder',
      (dir: string) => mkdirSync(join(dir, 'dossier.json')),
      /dossier\.json is a folder/,
    ],
    [
      'a link to /dev/zero',
      (dir: string) => symlinkSync('/dev/zero', join(dir, 'dossier.json')),
      /dossier\.json is a device, not a file/,
    ],
    [
      'a FIFO',
      (dir: string) => execFileSync('mkfifo', [join(dir, 'dossier.json')]),
      /dossier\.json is a pipe \(FIFO\), not a file/,
    ],
    [
      'an 8 MB file',
      (dir: string) =>
        writeFileSync(join(dir, 'dossier.json'), `{"accounts":[{"store":"${'x'.repeat(8e6)}"}]}`),
      /over the 1 MB limit/,
    ],
  ])(
    'refuses dossier.json as %s in one sentence, exit 2',
    async (_, make, message) => {
      const out = await run(['check', dossier(null, make), '--today', '2026-11-24']);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(message);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
    },
    120_000,
  );
});

describe('the folder', () => {
  it('reads a document behind a symlink and names every entry it skips', async () => {
    const dir = dossier(null, (d) => {
      const real = mkdtempSync(join(tmpdir(), 'real-'));
      copyFileSync(join(d, 'license.pdf'), join(real, 'license.pdf'));
      execFileSync('rm', [join(d, 'license.pdf')]);
      symlinkSync(join(real, 'license.pdf'), join(d, 'license.pdf'));
      symlinkSync(join(real, 'gone.pdf'), join(d, 'broken.pdf'));
      mkdirSync(join(d, 'old scans'));
      execFileSync('mkfifo', [join(d, 'pipe.pdf')]);
    });
    const out = await run(['check', dir, '--today', '2026-11-24', '--json']);
    const json = JSON.parse(out.stdout) as {
      documents: { file: string; kind: string }[];
      skipped: { name: string; reason: string }[];
    };
    expect(json.documents.find((d) => d.file === 'license.pdf')?.kind).toBe('business-license');
    expect(json.skipped).toEqual(
      expect.arrayContaining([
        { name: 'broken.pdf', reason: 'a link to nothing (its target does not exist)' },
        { name: 'old scans', reason: 'a folder (sub-folders are not read)' },
        { name: 'pipe.pdf', reason: 'a pipe (FIFO), not a file' },
      ]),
    );
    const human = await run(['check', dir, '--today', '2026-11-24']);
    expect(human.stdout).toContain('pipe.pdf: skipped, a pipe (FIFO), not a file');
  }, 120_000);

  it('decodes a GBK file name and reads the file', async () => {
    const gbk = Buffer.from([0xd3, 0xaa, 0xd2, 0xb5, 0xd6, 0xb4, 0xd5, 0xd5]); // 营业执照
    expect(decodeFileName(gbk)).toBe('营业执照');
    const dir = dossier(null);
    const raw = Buffer.concat([Buffer.from(`${dir}/`), gbk, Buffer.from('.pdf')]);
    renameSync(join(dir, 'license.pdf'), raw);
    const out = await run(['check', dir, '--today', '2026-11-24', '--json']);
    const json = JSON.parse(out.stdout) as { documents: { file: string; kind: string }[] };
    expect(json.documents.find((d) => d.file === '营业执照.pdf')?.kind).toBe('business-license');
  }, 120_000);

  it('blocks on a file over the size cap, as on an unreadable one', async () => {
    const dir = dossier(null, (d) =>
      writeFileSync(join(d, 'huge.pdf'), Buffer.alloc(51 * 1048576)),
    );
    const out = await run(['check', dir, '--today', '2026-11-24', '--json']);
    const json = JSON.parse(out.stdout) as {
      verdict: string;
      checks: { id: string; status: string }[];
    };
    expect(json.verdict).toBe('blocked');
    expect(json.checks.find((c) => c.id === 'files.format')?.status).toBe('fail');
  }, 120_000);
});

describe('nothing raw to the terminal', () => {
  const hostile = 'ACME\u001b[31m\r\nVerdict: READY\u001b[8m\u202e';
  it('escapes control and bidi characters from dossier.json in the human output, not in JSON', async () => {
    const dir = dossier(
      JSON.stringify({ confirmed: { 'business-license': { companyName: hostile } } }),
    );
    const human = await run(['check', dir, '--today', '2026-11-24']);
    // eslint-disable-next-line no-control-regex
    expect(human.stdout).not.toMatch(/[\u001b\r\u202e]/);
    expect(human.stdout).toContain('ACME\\x1B[31m\\x0D\\x0AVerdict: READY\\x1B[8m\\u202E');
    const verdicts = human.stdout.split('\n').filter((l) => l.startsWith('Verdict:'));
    expect(verdicts).toEqual([expect.stringMatching(/^Verdict: BLOCKED/)]);
    const json = await run(['check', dir, '--today', '2026-11-24', '--json']);
    expect(json.stdout).toContain(JSON.stringify(hostile).slice(1, -1));
  }, 120_000);
});
