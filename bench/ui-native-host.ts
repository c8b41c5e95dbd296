// bench:ui's native OCR host: the real host code (src/ocr-host/child.node.ts) bundled by
// esbuild, as electron-vite bundles the utility process, behind the stand-in bridge of
// test/e2e/support/native-host-bridge.ts (the page's port relayed through playwright to
// the host in a child process of the bench). The relay is the stand-in's own overhead,
// which the app does not have: it is counted over each run, and an echo of the four
// files' bytes through it, with no OCR, is timed on its own.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../test/cli/run-cli';
import { OCR_HOST_CHILD } from '../test/support/ocr-host-child';
export { installNativeHost, type StandInCounts } from '../test/e2e/support/native-host-bridge';

/** The host bundled once per bench run (out of the measured windows). */
export async function bundleOcrHost(): Promise<string> {
  const esbuild = await import('esbuild');
  const outdir = join(REPO_ROOT, 'bench/tmp/ocr-host');
  mkdirSync(outdir, { recursive: true });
  await esbuild.build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [OCR_HOST_CHILD],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    outfile: join(outdir, 'child.mjs'),
    packages: 'external',
    logLevel: 'error',
  });
  return join(outdir, 'child.mjs');
}

/**
 * The relay alone: the four files' bytes through the stand-in's encoding and the
 * DevTools protocol to Node and back as one echo each (no OCR), timed in the page.
 */
export async function standInEcho(page: Page, files: Uint8Array[]): Promise<number> {
  await page.exposeFunction('__ocrHostEcho', (text: string) => text.length);
  return page.evaluate(
    async (sizes) => {
      const started = performance.now();
      for (const size of sizes) {
        const bytes = new Uint8Array(size).map((_, i) => i % 251);
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000)
          s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
        await (window as unknown as { __ocrHostEcho(t: string): Promise<number> }).__ocrHostEcho(
          JSON.stringify({ type: 'read', bytes: { $bytes: btoa(s) } }),
        );
      }
      return Math.round(performance.now() - started);
    },
    files.map((f) => f.byteLength),
  );
}
