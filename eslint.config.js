// ESLint flat config: type-aware rules everywhere, an import boundary that keeps src/core
// pure (no Node, Electron or DOM-only modules), import rules per layer and a cycle check.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { boundariesConfig, cycleConfig } from './eslint.boundaries.js';

/** Every Node built-in, with and without `node:` (fs, events, http, …), and their subpaths. */
const nodeBuiltins = ['node:*', ...builtinModules.flatMap((m) => [m, `${m}/*`])];
/** Globals only a host has: src/core may not use them, even in a file named for a host. */
const hostGlobals = [
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
  'global',
  'document',
  'window',
  'navigator',
  'OffscreenCanvas',
  'createImageBitmap',
  'indexedDB',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      'test-results/**',
      'examples/**',
      'test/fixtures/**',
      'bench/results/**',
      'bench/tmp/**',
      'bench/.data/**',
      '**/*.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'src/core is pure: receive Node capabilities through a port.' },
            { group: ['electron', 'electron/*'], message: 'src/core must not import Electron.' },
            { group: ['react', 'react-dom', 'dexie', 'pdfjs-dist', 'pdfjs-dist/*', 'tesseract.js', '@napi-rs/*', 'onnxruntime-*', 'playwright-core'], message: 'src/core is pure: hosts pass these in through ports.' },
            { group: ['**/ocr/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**', '**/vault/**'], message: 'src/core depends on nothing outside itself.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...hostGlobals.map((name) => ({ name, message: 'src/core is pure: receive host capabilities through a port.' })),
      ],
    },
  },
  // Import rules per layer and no import cycles (eslint.boundaries.js).
  boundariesConfig({ basePath: import.meta.dirname }),
  // No import cycles in scripts/, bench/ and test/ either.
  cycleConfig(),
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
