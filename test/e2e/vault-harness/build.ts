// Builds a page for Chromium that runs a browser entry module (the vault harness, or the
// vault benchmark) with Vite, into a temporary folder served by serveFolder().
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const HARNESS_ENTRY = join(REPO_ROOT, 'test/e2e/vault-harness/entry.ts');

export async function buildVaultPage(
  entry: string = HARNESS_ENTRY,
): Promise<{ root: string; remove: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'vault-page-'));
  await build({
    root: REPO_ROOT,
    configFile: false,
    logLevel: 'error',
    build: {
      outDir: root,
      emptyOutDir: false,
      minify: false,
      target: 'es2022',
      rollupOptions: { input: entry, output: { entryFileNames: 'entry.js' } },
    },
  });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="/entry.js"></script>',
  );
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
