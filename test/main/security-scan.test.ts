// The static Electron security scan (@doyensec/electronegativity, offline) over src/:
// no HIGH or MEDIUM finding, every file parsed. A deliberately insecure app in a
// temporary folder shows that the same scan does fail.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { REPO_ROOT } from '../cli/run-cli';

const ScanSchema = z.object({
  electronVersion: z.string(),
  checks: z.number(),
  findings: z.array(
    z.object({
      id: z.string(),
      severity: z.string(),
      confidence: z.string(),
      file: z.string(),
      line: z.number(),
    }),
  ),
  unparsed: z.array(z.object({ file: z.string(), message: z.string() })),
});

async function scan(dir: string): Promise<{ code: number; result: z.infer<typeof ScanSchema> }> {
  const script = join(REPO_ROOT, 'scripts/scan-security.mjs');
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [script, dir, '--json'], {
      cwd: REPO_ROOT,
      maxBuffer: 16 << 20,
    });
    return { code: 0, result: ScanSchema.parse(JSON.parse(stdout)) };
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    return { code: e.code ?? -1, result: ScanSchema.parse(JSON.parse(e.stdout ?? '{}')) };
  }
}

describe('npm run scan:security', () => {
  it(
    'finds nothing HIGH or MEDIUM in src/, and parses every file',
    { timeout: 180_000 },
    async () => {
      const { code, result } = await scan(join(REPO_ROOT, 'src'));
      expect(result.unparsed).toEqual([]);
      expect(result.checks).toBeGreaterThanOrEqual(40);
      expect(
        result.findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM'),
      ).toEqual([]);
      // The scanner sees the app's CSP (a missing one is MEDIUM); what it says about it is
      // LOW and reviewed in the README's Security model: the evaluator flags 'self' in script-src (no
      // JSONP or uploads are served) and does not know 'wasm-unsafe-eval'.
      const csp = result.findings.filter((f) => f.id === 'CSP_GLOBAL_CHECK');
      expect(csp.map((f) => `${f.severity} ${f.file}`)).toEqual(['LOW renderer/index.html']);
      expect(code).toBe(0);
    },
  );

  it('fails on an insecure app (control)', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'insecure-app-'));
    try {
      writeFileSync(
        join(dir, 'main.js'),
        [
          "const { app, BrowserWindow } = require('electron');",
          'app.whenReady().then(() => {',
          '  const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });',
          "  w.loadURL('http://example.com/');",
          '});',
        ].join('\n'),
      );
      const { code, result } = await scan(dir);
      expect(code).toBe(1);
      const ids = result.findings
        .filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')
        .map((f) => f.id);
      expect(ids).toEqual(
        expect.arrayContaining([
          'CONTEXT_ISOLATION_JS_CHECK',
          'SANDBOX_JS_CHECK',
          'WEB_SECURITY_JS_CHECK',
          'LIMIT_NAVIGATION_GLOBAL_CHECK',
          'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
          'CSP_GLOBAL_CHECK',
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
