// The test prerequisite step (npm's pretest) in its own process, as `npm test` runs it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../cli/run-cli';
import { CHROMIUM_PATH } from '../../scripts/chromium';
import {
  CJK_FONT_FAMILIES,
  CJK_FONT_NAMES,
  fontFaceCss,
  fontFileFor,
  FONT_ORIGIN,
} from '../../scripts/fixtures/fonts';
import { FAMILY_FONTS, fontsOption } from '../../scripts/fixtures/families/style';

function prereqs(env: Record<string, string>, args: string[] = []) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'scripts/prereqs.ts'), ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scripts/prereqs.ts', () => {
  it('stops with one sentence naming the fix when DOSSIER_CHROMIUM is not a binary, installing nothing over it', () => {
    const run = prereqs({ DOSSIER_CHROMIUM: '/nonexistent/chrome' });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/installing/);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^DOSSIER_CHROMIUM=\/nonexistent\/chrome is not an executable file \(.*\): point it at a Chromium .*`sudo apt-get install chromium`\.$/,
    );
  });

  it('passes when the Chromium it is pointed at exists', () => {
    const run = prereqs({ DOSSIER_CHROMIUM: CHROMIUM_PATH });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Chromium at ${CHROMIUM_PATH}`);
  });

  it('checks Chromium alone when asked, with the same sentence, and refuses a name it does not know', () => {
    const missing = prereqs({ DOSSIER_CHROMIUM: '/nonexistent/chrome' }, ['chromium']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^DOSSIER_CHROMIUM=\/nonexistent\/chrome is not an executable/);
    const present = prereqs({ DOSSIER_CHROMIUM: CHROMIUM_PATH }, ['chromium']);
    expect(present.code).toBe(0);
    expect(present.stdout.trim()).toBe(`prereqs: Chromium at ${CHROMIUM_PATH}`);
    const unknown = prereqs({}, ['chrome']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^prereqs: no requirement named chrome \(known: chromium, 7za\)\.$/m,
    );
  });

  // A fresh machine has no Chromium until a prerequisite step installs it: an npm script
  // whose code launches it must run that step first (as `npm test` does), not end in
  // playwright's stack trace (`npm run bench:ocr` did).
  it('runs the Chromium step before every npm script whose code drives Chromium', async () => {
    const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const drivers: string[] = [];
    for (const [name, command] of Object.entries(scripts)) {
      const entry = /^tsx (\S+\.ts)\b/.exec(command)?.[1];
      if (!entry || name.startsWith('pre')) continue;
      const { metafile } = await build({
        absWorkingDir: REPO_ROOT,
        entryPoints: [entry],
        bundle: true,
        packages: 'external',
        platform: 'node',
        format: 'esm',
        write: false,
        metafile: true,
        logLevel: 'silent',
        outdir: 'out/prereqs-test',
        loader: { '.css': 'empty', '.png': 'empty', '.wasm': 'empty' },
      });
      const drives = Object.values(metafile.inputs).some((input) =>
        input.imports.some((i) => i.path === 'playwright-core'),
      );
      if (drives) drivers.push(name);
    }
    // The scripts known to drive it, so the scan itself cannot go blind unnoticed.
    expect(drivers).toEqual(expect.arrayContaining(['bench:ocr', 'bench:ui', 'fixtures']));
    for (const name of drivers) {
      expect(scripts[`pre${name}`], name).toMatch(/^tsx scripts\/prereqs\.ts( chromium)?$/);
    }
  }, 60_000);
});

describe('scripts/fixtures/fonts.ts', () => {
  it('gives each family the templates name 400 and 700 faces from local subsets', () => {
    const css = fontFaceCss();
    for (const family of [
      'Noto Sans CJK SC',
      'Noto Serif CJK SC',
      'LXGW WenKai',
      'AR PL UKai CN',
    ]) {
      expect(CJK_FONT_NAMES).toContain(family);
      const faces = css.split('@font-face').filter((f) => f.includes(`font-family: '${family}'`));
      expect(
        faces.some((f) => /font-weight: 400/.test(f)),
        family,
      ).toBe(true);
      expect(
        faces.some((f) => /font-weight: 700/.test(f)),
        family,
      ).toBe(true);
    }
    const urls = [...css.matchAll(/url\('([^']+)'\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(400);
    expect(urls.every((url) => url.startsWith(FONT_ORIGIN) && fontFileFor(url))).toBe(true);
  });

  it('gives each face a regular face from local subsets, its files found under their encoded paths', () => {
    expect(CJK_FONT_FAMILIES.length).toBeGreaterThanOrEqual(8);
    for (const { family } of CJK_FONT_FAMILIES) {
      const css = fontFaceCss(`<body style="font-family: '${family}'">`);
      const faces = css.split('@font-face').filter((f) => f.includes(`font-family: '${family}'`));
      expect(faces.length, family).toBeGreaterThan(20);
      // Only this family's rules: a page loads the packages it names, no other.
      expect(css.split('@font-face').length - 1, family).toBe(faces.length);
      expect(css, family).not.toMatch(/local\(/);
      const urls = [...css.matchAll(/url\('([^']+)'\)/g)].map((m) => m[1]!);
      expect(
        urls.every((url) => fontFileFor(url)?.endsWith('.woff2')),
        family,
      ).toBe(true);
    }
  });

  it('draws from every npm face unless --fonts names some', () => {
    expect(FAMILY_FONTS).toEqual(
      expect.arrayContaining([
        'Noto Sans CJK SC',
        'LXGW WenKai',
        'ZCOOL XiaoWei',
        'Noto Serif CJK SC Light',
      ]),
    );
    expect(fontsOption(undefined)).toEqual(FAMILY_FONTS);
    expect(fontsOption('default')).toEqual(FAMILY_FONTS);
    expect(fontsOption('all')).toEqual(FAMILY_FONTS);
    // An alias of a face already drawn (the same package and weights) is not drawn twice.
    expect(FAMILY_FONTS).not.toContain('AR PL UKai CN');
    expect(fontsOption('ZCOOL XiaoWei, LXGW WenKai')).toEqual(['ZCOOL XiaoWei', 'LXGW WenKai']);
    expect(() => fontsOption('Comic Sans')).toThrow(
      /^--fonts is default, all or a list of .*; not Comic Sans$/,
    );
    expect(fontsOption('WenQuanYi Zen Hei', ['WenQuanYi Zen Hei'])).toEqual(['WenQuanYi Zen Hei']);
    // all with faces of the caller's own (bench/ocr-fonts.ts --debian-fonts): those too, once
    // each (old code: the npm faces only, so --fonts=all measured no Debian face).
    expect(fontsOption('all', ['WenQuanYi Zen Hei', 'AR PL UKai CN'])).toEqual([
      ...FAMILY_FONTS,
      'WenQuanYi Zen Hei',
      'AR PL UKai CN',
    ]);
  });

  it('serves nothing outside the font packages', () => {
    expect(
      fontFileFor(`${FONT_ORIGIN}/%40fontsource%2Fnoto-sans-sc/../../package.json`),
    ).toBeUndefined();
    expect(fontFileFor(`${FONT_ORIGIN}/left-pad/files/x.woff2`)).toBeUndefined();
    expect(fontFileFor('https://example.com/files/x.woff2')).toBeUndefined();
  });
});
