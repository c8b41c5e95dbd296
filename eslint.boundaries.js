// Import rules per layer, the cycle check (eslint-plugin-import-x) and the host naming rule,
// in their own module so that test/scripts/lint-boundaries.test.ts proves each rule on
// deliberately bad files. A layer may import only the layers listed for it (and itself).
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

/** The flat-config block: files under `root`, resolved as TypeScript sources. */
export function boundariesConfig({ root = 'src', basePath } = {}) {
  return {
    files: [`${root}/**/*.ts`, `${root}/**/*.tsx`],
    plugins: { 'import-x': importX, hosts: { rules: { 'file-names': hostNamesRule } } },
    settings: {
      // no-cycle parses the files an import leads to: as TypeScript.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.json'] }),
      ],
    },
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
