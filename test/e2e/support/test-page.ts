// Builds a page for Chromium that runs one browser entry module, bundled by Vite into a
// temporary folder (served with serveFolder()). The page title is "loading" until the
// entry sets its own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from '../../cli/run-cli';

export interface TestPage {
  root: string;
  remove: () => void;
}

export async function buildTestPage(
  entry: string,
  prefix: string,
  target = 'es2022',
): Promise<TestPage> {
  const root = mkdtempSync(join(tmpdir(), `${prefix}-`));
  await build({
    root: REPO_ROOT,
    configFile: false,
    logLevel: 'error',
    build: {
      outDir: root,
      emptyOutDir: false,
      minify: false,
      target,
      rollupOptions: { input: entry, output: { entryFileNames: 'entry.js' } },
    },
  });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="/entry.js"></script>',
  );
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
