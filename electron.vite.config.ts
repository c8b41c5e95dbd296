// electron-vite: main (ESM), preload (one CommonJS file with its dependencies bundled:
// a sandboxed preload can require nothing but 'electron'), renderer (React, pdfjs).
// The renderer's settings are exported for vite.web.config.ts (`npm run web`) and the
// end-to-end tests, so the browser build is the app's build.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './src/main/policy/csp';

const ROOT = import.meta.dirname;
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** Folders of node_modules the renderer fetches at run time, copied to the build under `to`. */
const RUNTIME_ASSETS: readonly { from: string; to: string }[] = [
  { from: 'node_modules/pdfjs-dist/cmaps', to: 'pdfjs/cmaps' },
  { from: 'node_modules/pdfjs-dist/standard_fonts', to: 'pdfjs/standard_fonts' },
];

/** Copies RUNTIME_ASSETS into the build, and serves them in dev: never a CDN. */
function runtimeAssets(): Plugin {
  return {
    name: 'dossier-vault:runtime-assets',
    generateBundle() {
      for (const { from, to } of RUNTIME_ASSETS) {
        for (const name of readdirSync(join(ROOT, from))) {
          this.emitFile({
            type: 'asset',
            fileName: `${to}/${name}`,
            source: readFileSync(join(ROOT, from, name)),
          });
        }
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        const asset = RUNTIME_ASSETS.find((a) => path.startsWith(`/${a.to}/`));
        const name = asset ? path.slice(asset.to.length + 2) : '';
        if (!asset || name.includes('/') || name.includes('..')) return next();
        try {
          res.end(readFileSync(join(ROOT, asset.from, name)));
        } catch {
          next();
        }
      });
    },
  };
}

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>\s*/;

/**
 * index.html carries the app's CSP <meta> literally (so scanners and reviewers see it):
 * the build fails if it differs from src/main/policy/csp.ts; the dev server drops it,
 * because React's refresh preamble is an inline script.
 */
function cspMeta(): Plugin {
  return {
    name: 'dossier-vault:csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        const found = CSP_META.exec(html);
        if (context.server) return html.replace(CSP_META, '');
        if (found?.[1] !== CONTENT_SECURITY_POLICY_META) {
          throw new Error(
            'src/renderer/index.html: its Content-Security-Policy <meta> differs from CONTENT_SECURITY_POLICY_META in src/main/policy/csp.ts.',
          );
        }
        return html;
      },
    },
  };
}

/** The renderer's Vite settings; `outDir` differs between the app and the web build. */
export function rendererConfig(outDir: string): UserConfig {
  return {
    root: resolve(ROOT, 'src/renderer'),
    base: './',
    plugins: [react(), runtimeAssets(), cspMeta()],
    define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(PKG.version) },
    build: {
      outDir: resolve(ROOT, outDir),
      emptyOutDir: true,
      target: 'chrome130',
      // The 5 MB worker and wasm must stay files of the app's origin, never inlined data: URLs.
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: resolve(ROOT, 'src/renderer/index.html') },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: resolve(ROOT, 'src/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: resolve(ROOT, 'src/preload/index.ts'),
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig('out/renderer'),
});
