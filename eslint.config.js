// ESLint flat config: type-aware rules everywhere, an import boundary that keeps src/core
// pure (no Node, Electron or DOM-only modules), import rules per layer and a cycle check.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { boundariesConfig } from './eslint.boundaries.js';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'worker_threads',
  'stream',
  'zlib',
  'util',
  'buffer',
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
            { group: ['react', 'react-dom', 'dexie', 'pdfjs-dist', 'pdfjs-dist/*', 'tesseract.js', '@napi-rs/*'], message: 'src/core is pure: hosts pass these in through ports.' },
            { group: ['**/ocr/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**', '**/vault/**'], message: 'src/core depends on nothing outside itself.' },
          ],
        },
      ],
    },
  },
  // Import rules per layer and no import cycles (eslint.boundaries.js).
  boundariesConfig({ basePath: import.meta.dirname }),
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
