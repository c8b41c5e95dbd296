// Both engines read real generated images with no network at all: the child process runs
// under a preload that refuses (and reports) every fetch, socket, DNS lookup and HTTP
// request, in the main thread and in tesseract.js's worker thread alike.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OCR_FIXTURES } from './support/fixtures';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GUARD = join(ROOT, 'test/ocr/support/no-network.mjs');
const CHILD = join(ROOT, 'test/ocr/support/read-offline.ts');

function runOffline(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', GUARD, CHILD, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 150_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('OCR offline', () => {
  it('the guard reports an attempted request (so its silence below means something)', () => {
    const r = runOffline('--try-fetch');
    expect(r.stderr).toMatch(/NETWORK-ATTEMPT fetch http:\/\/127\.0\.0\.1:9\//);
  }, 150_000);

  it('creates tesseract.js and PP-OCRv4 and reads an ID card without any network request', () => {
    const r = runOffline(join(OCR_FIXTURES, 'id-back-sans-0-scan.jpg'));
    expect(r.stderr).not.toMatch(/NETWORK-ATTEMPT/);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            engine: string;
            doc: { kind: string; fields: Record<string, string | null> };
          },
      );
    expect(lines.map((l) => l.engine)).toEqual(['tesseract', 'paddle']);
    for (const { doc } of lines) {
      expect(doc.kind).toBe('id-card-back');
      expect(doc.fields.validUntil).toBe('2044-07-13');
    }
  }, 150_000);
});
