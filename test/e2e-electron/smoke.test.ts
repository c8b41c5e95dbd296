// The packaged shell end to end with Playwright's Electron driver: open the app, check
// the renderer is locked down (no Node, no network, app:// origin, only window.vault),
// create the vault, import the ready example dossier and see it ready, lock and unlock.
// Runs only where the Electron binary is installed (`node scripts/ensure-electron.mjs`);
// elsewhere it is skipped with the reason printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultBridge } from '../../src/shared/bridge';
import { IPC } from '../../src/shared/ipc';
import { REPO_ROOT } from '../cli/run-cli';
import type { DossierFile } from '../../src/core/dossier';
import { createDossier, createVault, pdfsOf, unlockVault } from '../e2e/pages/dossier';
import { electronBinary, electronSkipReason, launchApp } from './electron-binary';

/** The renderer's window as the preload leaves it. */
type AppWindow = Window & { vault?: VaultBridge };

const binary = electronBinary();
const skipReason = electronSkipReason(binary);
if (skipReason !== null) console.log(`test/e2e-electron skipped: ${skipReason}.`);

describe.skipIf(skipReason !== null)('the Electron shell', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    ({ app, page } = await launchApp(binary));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('loads the interface from app://, with no Node and only window.vault', async () => {
    expect(page.url()).toBe('app://vault/index.html');
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      vault: Object.keys((window as AppWindow).vault ?? {}).sort(),
    }));
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      // One function per IPC capability, no more (test/main/ipc.test.ts lists them).
      vault: Object.keys(IPC).sort(),
    });
    const version = await page.evaluate(() => (window as AppWindow).vault?.appVersion({}));
    expect(version).toEqual({ ok: true, value: { version: expect.any(String) as string } });
  });

  it('cannot reach the network, navigate away or open a window', async () => {
    const outcome = await page.evaluate(async () => {
      const fetched = await fetch('https://example.com/').then(
        () => 'loaded',
        () => 'blocked',
      );
      const opened = window.open('https://example.com/');
      return { fetched, opened: opened === null ? 'denied' : 'opened' };
    });
    expect(outcome).toEqual({ fetched: 'blocked', opened: 'denied' });
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://vault/index.html');
    expect(app.windows()).toHaveLength(1);
  });

  it('refuses to reveal a path it did not save', async () => {
    const result = await page.evaluate(() =>
      (window as AppWindow).vault?.revealInFolder({ path: '/etc/passwd' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'not-saved-here' } });
  });

  it('creates the vault, imports the ready example, is ready, locks and unlocks', async () => {
    const dir = join(REPO_ROOT, 'examples/ready');
    const dossier = JSON.parse(readFileSync(join(dir, 'dossier.json'), 'utf8')) as DossierFile;
    await createVault(page);
    const screen = await createDossier(page, '青梧屿示例公司');
    const outcomes = await screen.importFiles(pdfsOf(dir));
    expect(Object.values(outcomes).every((s) => s === 'imported')).toBe(true);
    await screen.fillAccounts(dossier.accounts);
    await screen.fillDeclared(dossier.declared);
    await screen.tab('checks');
    await page.getByTestId('verdict').waitFor({ timeout: 60_000 });
    expect(await screen.verdict()).toBe('ready');
    await page.getByTestId('lock-button').click();
    await unlockVault(page);
  });
});
