// The lint's import rules per layer, its cycle check and its host naming rule
// (eslint.boundaries.js, eslint.host-names.js), proved on deliberately bad files: a vault
// file importing OCR, a core file importing the vault, a renderer file importing the main
// process, two files importing each other, Node-only code in a file not named *.node.ts,
// the renderer importing a *.node.ts module; and the repository's own eslint.config.js
// refusing node:fs in src/core. The same rules on good files report nothing.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the lint configuration.
import * as untypedBoundaries from '../../eslint.boundaries.js';

const { boundariesConfig, cycleConfig } = untypedBoundaries as unknown as {
  boundariesConfig: (options: { basePath: string }) => Linter.Config;
  cycleConfig: () => Linter.Config;
};

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

  it('refuses an import cycle among the scripts, benchmarks and tests', async () => {
    // Before cycleConfig, no-cycle looked only at src/: scripts/fixtures/make-examples.ts
    // and the family and quality example writers imported each other unseen.
    write('scripts/fixtures/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
    const b = write(
      'scripts/fixtures/b.ts',
      "import { a } from './a';\nexport const b = () => a;\n",
    );
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
        cycleConfig(),
      ],
    });
    const [result] = await eslint.lintFiles([b]);
    expect(result!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
    const repo = fileURLToPath(new URL('../..', import.meta.url));
    for (const file of ['scripts/fixtures/make-examples.ts', 'bench/ocr.ts', 'test/cli/run-cli.ts'])
      expect(
        (await new ESLint({ cwd: repo }).calculateConfigForFile(file)) as Linter.Config,
        file,
      ).toHaveProperty(['rules', 'import-x/no-cycle']);
  });

  it('accepts imports the layers allow', async () => {
    const good = write(
      'src/vault/good.ts',
      "import { pure } from '../core/pure';\nimport { store } from './store';\nexport const g = pure + store;\n",
    );
    expect(await lint(good)).toEqual([]);
  });

  it('refuses Node-only code in a file that runs on both hosts, and names the fix', async () => {
    const bad = write(
      'src/ocr/reads-disk.ts',
      "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\nexport const p = process.env;\n",
    );
    expect(await lint(bad)).toEqual([
      "hosts/file-names: 'node:fs/promises' runs only in Node: name this file *.node.ts, or receive it through a port.",
      "hosts/file-names: 'process' exists only in Node: name this file *.node.ts, or receive it through a port.",
    ]);
    const named = write(
      'src/ocr/reads-disk.node.ts',
      "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\nexport const p = process.env;\n",
    );
    expect(await lint(named)).toEqual([]);
  });

  it('refuses browser-only globals in a file that runs on both hosts', async () => {
    const bad = write('src/pack-host/draws.ts', 'export const c = new OffscreenCanvas(1, 1);\n');
    expect(await lint(bad)).toEqual([
      "hosts/file-names: 'OffscreenCanvas' exists only in the web (renderer): name this file *.web.ts, or receive it through a port.",
    ]);
    const local = write(
      'src/pack-host/local.ts',
      'export function pages(document: { numPages: number }): number {\n  return document.numPages;\n}\n',
    );
    expect(await lint(local)).toEqual([]);
  });

  it('refuses the renderer importing a Node module, and a bare .node specifier', async () => {
    write('src/ocr/codec.node.ts', 'export const codec = 1;\n');
    const bad = write('src/renderer/uses-node.ts', "export { codec } from '../ocr/codec.node';\n");
    expect(await lint(bad)).toEqual([
      "hosts/file-names: Import '../ocr/codec.node.ts' with its extension: Node's module loader takes a bare '.node' for a native addon.",
      "hosts/file-names: This file runs in the web (renderer); '../ocr/codec.node' runs only in Node.",
    ]);
    const cli = write('src/cli/uses-node.ts', "export { codec } from '../ocr/codec.node.ts';\n");
    expect(await lint(cli)).toEqual([]);
  });
});

describe("the repository's lint configuration", () => {
  const repo = fileURLToPath(new URL('../..', import.meta.url));
  /**
   * The repository's own configuration, its type-aware rules off: a fixture linted as if it
   * were a file of src/ is in no tsconfig project.
   */
  const repoLint = (): ESLint =>
    new ESLint({
      cwd: repo,
      overrideConfig: [
        {
          files: ['src/**/*.ts'],
          ...tseslint.configs.disableTypeChecked,
          languageOptions: { parserOptions: { project: false, projectService: false } },
        },
      ],
    });

  it('refuses node:fs in src/core', async () => {
    // The fixture is linted as if it were src/core/fixture.ts; type-aware rules are off
    // because the file is not in a tsconfig project.
    const eslint = repoLint();
    const [result] = await eslint.lintText(
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      { filePath: join(repo, 'src/core/lint-fixture.ts') },
    );
    const rules = result!.messages.map((m) => m.ruleId);
    expect(rules).toContain('no-restricted-imports');
    expect(rules).toContain('hosts/file-names');
    expect(result!.messages.find((m) => m.ruleId === 'no-restricted-imports')?.message).toMatch(
      /src\/core is pure/,
    );
  });

  it('refuses any Node built-in, a host package and a host global in src/core, even in a file named for a host', async () => {
    // The old list named a dozen built-ins: `events` or `http` in src/core/x.node.ts, or
    // `process` there, passed (the host naming rule is satisfied by the name).
    const eslint = repoLint();
    const lint = async (code: string): Promise<(string | null)[]> => {
      const [result] = await eslint.lintText(code, {
        filePath: join(repo, 'src/core/lint-fixture.node.ts'),
      });
      return result!.messages.map((m) => m.ruleId);
    };
    for (const module of ['events', 'http', 'onnxruntime-node', 'playwright-core'])
      expect(
        await lint(`import * as m from '${module}';\nexport const a = m;\n`),
        module,
      ).toContain('no-restricted-imports');
    for (const global of ['process.env', 'Buffer.from', 'document.title'])
      expect(await lint(`export const a = () => ${global};\n`), global).toContain(
        'no-restricted-globals',
      );
  });
});
