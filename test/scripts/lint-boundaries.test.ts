// The lint's import rules per layer and its cycle check (eslint.boundaries.js), proved on
// deliberately bad files: a vault file importing OCR, a core file importing the vault, a
// renderer file importing the main process, and two files importing each other. The same
// rules on good files report nothing.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the lint configuration.
import { boundariesConfig as untypedBoundaries } from '../../eslint.boundaries.js';

const boundariesConfig = untypedBoundaries as unknown as (options: {
  basePath: string;
}) => Linter.Config;

const root = mkdtempSync(join(tmpdir(), 'lint-boundaries-'));

function write(path: string, text: string): string {
  const file = join(root, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

write('src/ocr/engine.ts', 'export const engine = 1;\n');
write('src/vault/store.ts', 'export const store = 1;\n');
write('src/main/window.ts', 'export const window = 1;\n');
write('src/core/pure.ts', 'export const pure = 1;\n');

async function lint(file: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      boundariesConfig({ basePath: root }),
    ],
  });
  const [result] = await eslint.lintFiles([file]);
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the lint boundaries', () => {
  it('refuses the vault importing OCR', async () => {
    const bad = write('src/vault/bad.ts', "export { engine } from '../ocr/engine';\n");
    const messages = await lint(bad);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^import-x\/no-restricted-paths: .*src\/vault may import only src\/core, not src\/ocr\.$/,
    );
  });

  it('refuses the core importing the vault', async () => {
    const bad = write(
      'src/core/bad.ts',
      "import { store } from '../vault/store';\nexport const x = store;\n",
    );
    const messages = await lint(bad);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^import-x\/no-restricted-paths: .*src\/core may import only itself, not src\/vault\.$/,
    );
  });

  it('refuses the renderer importing the main process', async () => {
    const bad = write('src/renderer/bad.ts', "export { window } from '../main/window';\n");
    expect((await lint(bad))[0]).toMatch(
      /^import-x\/no-restricted-paths: .*src\/renderer may import only .*, not src\/main\.$/,
    );
  });

  it('refuses an import cycle', async () => {
    write('src/ocr/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
    const b = write('src/ocr/b.ts', "import { a } from './a';\nexport const b = () => a;\n");
    expect((await lint(b)).some((m) => m.startsWith('import-x/no-cycle:'))).toBe(true);
  });

  it('accepts imports the layers allow', async () => {
    const good = write(
      'src/vault/good.ts',
      "import { pure } from '../core/pure';\nimport { store } from './store';\nexport const g = pure + store;\n",
    );
    expect(await lint(good)).toEqual([]);
  });
});
