// Import rules per layer, the cycle check (eslint-plugin-import-x; in scripts, bench and test
// too) and the host naming rule, in their own module so that
// test/scripts/lint-boundaries.test.ts proves each rule on deliberately bad files. A layer
// may import only the layers listed for it (and itself).
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { hostNamesRule } from './eslint.host-names.js';

/** Which layers each layer of src/ may import from (besides itself and npm packages). */
export const LAYER_IMPORTS = {
  core: [],
  ocr: ['core'],
  'pack-host': ['core'],
  vault: ['core'],
  shared: ['core'],
  renderer: ['core', 'ocr', 'pack-host', 'vault', 'shared'],
  main: ['core', 'shared'],
  'ocr-host': ['core', 'ocr', 'shared'],
  preload: ['shared'],
  cli: ['core', 'ocr', 'pack-host', 'shared'],
};

const LAYERS = Object.keys(LAYER_IMPORTS);

/** no-restricted-paths zones: every layer a layer may not import, with why. */
export function layerZones(root = 'src') {
  return LAYERS.flatMap((layer) => {
    const allowed = LAYER_IMPORTS[layer];
    const from = LAYERS.filter((other) => other !== layer && !allowed.includes(other));
    return from.map((other) => ({
      target: `./${root}/${layer}`,
      from: `./${root}/${other}`,
      message: `src/${layer} may import only ${allowed.length ? allowed.map((a) => `src/${a}`).join(', ') : 'itself'}, not src/${other}.`,
    }));
  });
}

/** How import-x follows an import: the file it leads to, parsed as TypeScript. */
const importSettings = {
  'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
  'import-x/resolver-next': [
    createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.json'] }),
  ],
};

/** The flat-config block: files under `root`, resolved as TypeScript sources. */
export function boundariesConfig({ root = 'src', basePath } = {}) {
  return {
    files: [`${root}/**/*.ts`, `${root}/**/*.tsx`],
    plugins: { 'import-x': importX, hosts: { rules: { 'file-names': hostNamesRule } } },
    settings: importSettings,
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'hosts/file-names': ['error', { root }],
      'import-x/no-restricted-paths': [
        'error',
        { zones: layerZones(root), ...(basePath ? { basePath } : {}) },
      ],
    },
  };
}

/**
 * No import cycles among the scripts, benchmarks and tests either (they have no layers):
 * the examples generator and the family and quality example writers imported each other.
 */
export function cycleConfig({ files = ['scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'] } = {}) {
  return {
    files,
    plugins: { 'import-x': importX },
    settings: importSettings,
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  };
}
