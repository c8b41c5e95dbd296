// Builds a browser test page the way the app's renderer is built (the same runtime assets
// — pdfjs cMaps, OCR models, wasm —, module workers, no inlined assets), into a temporary
// folder served with serveFolder(). The entry sets the page title when it is ready.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { RENDERER_ALIAS, RENDERER_WORKER, runtimeAssets } from '../../../electron.vite.config';
import { REPO_ROOT } from '../../cli/run-cli';
import type { TestPage } from './test-page';

export async function buildReaderPage(entry: string, prefix: string): Promise<TestPage> {
  const root = mkdtempSync(join(tmpdir(), `${prefix}-`));
  await build({
    root: REPO_ROOT,
    base: './',
    configFile: false,
    logLevel: 'error',
    plugins: [runtimeAssets()],
    worker: RENDERER_WORKER,
    resolve: { alias: RENDERER_ALIAS },
    build: {
      outDir: root,
      emptyOutDir: false,
      minify: false,
      target: 'chrome130',
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 8192,
      rollupOptions: { input: entry, output: { entryFileNames: 'entry.js' } },
    },
  });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="./entry.js"></script>',
  );
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
