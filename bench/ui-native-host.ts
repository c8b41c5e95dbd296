// bench:ui's native OCR host: the real host code (src/ocr-host/child.node.ts) bundled by
// esbuild, as electron-vite bundles the utility process, behind the stand-in bridge of
// test/e2e/support/native-host-bridge.ts (the page's port relayed over HTTP on the page's
// origin, binary frames, to the host in a child process of the bench). The relay is the
// stand-in's own overhead, which the app does not have: each message's way through it is
// timed over each run, and an echo of the four files' bytes through it, with no OCR, is
// timed on its own.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/cli/run-cli';
import { OCR_HOST_CHILD } from '../test/support/ocr-host-child';
export {
  installNativeHost,
  standInEcho,
  type StandInCounts,
} from '../test/e2e/support/native-host-bridge';

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
