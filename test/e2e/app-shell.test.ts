// The app shell in Debian's Chromium against the built renderer, under the app's CSP
// headers: create the vault, the empty list, a dossier, search, lock, reload, a wrong then
// the right passphrase, language switch, delete with undo, auto-lock notice. Screenshots
// of each screen go to test-results/ui-<screen>.png; no CSP violation, no request leaving
// the origin.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_RESPONSE_HEADERS } from '../../src/main/policy/csp';
import { launchChromium, serveFolder, type StaticServer } from './support/chromium';
import { buildRenderer, recordRequests, type RequestLog } from './support/renderer-build';
import { ShellPage } from './pages/shell';
import { buildVaultPage } from './vault-harness/build';
import type { VaultHarness } from './vault-harness/entry';
import { dialogOpened } from './pages/screen-state';

const PASSPHRASE = 'correct horse battery staple';
const COMPANY_A = '杭州青梧屿贸易有限公司';
const COMPANY_B = '宁波海曙澄川电子商务有限公司';

let built: Awaited<ReturnType<typeof buildRenderer>>;
let harness: Awaited<ReturnType<typeof buildVaultPage>>;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  built = await buildRenderer();
  // The vault harness on the app's origin (same IndexedDB), to fill a vault quickly.
  harness = await buildVaultPage();
  cpSync(harness.root, built.root, {
    recursive: true,
    filter: (src) => !src.endsWith('index.html'),
  });
  writeFileSync(
    join(built.root, 'harness.html'),
    '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="/entry.js"></script>',
  );
  server = await serveFolder(built.root, { ...APP_RESPONSE_HEADERS });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  built?.remove();
  harness?.remove();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  shell: ShellPage;
  requests: RequestLog;
  violations: string[];
  errors: string[];
}

/** A fresh profile (empty IndexedDB) with the page's CSP violations and requests recorded. */
async function openApp(install?: (page: Page) => Promise<void>): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await install?.(page);
  const requests = await recordRequests(page, server.url);
  const violations: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportCspViolation: (t: string) => void })
        .reportCspViolation;
      report(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(`${server.url}/index.html`);
  return { context, page, shell: new ShellPage(page), requests, violations, errors };
}

describe('the app shell', () => {
  it('create, list, search, lock, reload, unlock, language, delete with undo', async () => {
    const { context, page, shell, requests, violations, errors } = await openApp();

    // The gate: a new vault, in Chinese, offline.
    await shell.testId('vault-create').waitFor();
    expect(await shell.testId('offline-status').textContent()).toContain(
      '离线：文件不会离开这台电脑',
    );
    expect(await shell.testId('app-name').textContent()).toContain('资料保险箱');
    // A weak passphrase cannot create the vault.
    await shell.testId('create-passphrase').fill('12345678');
    await shell.testId('create-repeat').fill('12345678');
    await page.locator('[data-testid="passphrase-strength"]').waitFor();
    expect(
      Number(await page.getByTestId('passphrase-strength').getAttribute('data-score')),
    ).toBeLessThan(3);
    expect(await shell.testId('create-submit').isDisabled()).toBe(true);
    await shell.testId('create-passphrase').fill(PASSPHRASE);
    await shell.testId('create-repeat').fill(PASSPHRASE);
    await page.locator('[data-testid="passphrase-strength"][data-score="4"]').waitFor();
    await shell.screenshot('vault-create');
    await shell.testId('create-submit').click();

    // The empty list says what to do.
    await shell.testId('dossier-empty').waitFor({ timeout: 20_000 });
    expect(await shell.testId('dossier-empty').textContent()).toContain('新建资料');
    expect(await shell.testId('lock-button').isVisible()).toBe(true);
    await shell.screenshot('dossiers-empty');

    // New dossiers open at once; both are listed.
    await shell.newDossier(COMPANY_A);
    await shell.screenshot('dossier');
    await shell.goToList();
    await shell.newDossier(COMPANY_B);
    await shell.goToList();
    await shell.row(COMPANY_A).waitFor();
    expect((await shell.companies()).sort()).toEqual([COMPANY_A, COMPANY_B].sort());
    // Sorted by name on request (collation by pinyin: Hang… before Ning…).
    await shell.testId('dossier-sort').getByText('按名称').click();
    await expect.poll(() => shell.companies()).toEqual([COMPANY_A, COMPANY_B]);
    // Each row carries its status (not checked yet, or the verdict of the opened dossier).
    expect(await shell.row(COMPANY_A).locator('[data-status]').count()).toBeGreaterThan(0);
    await shell.screenshot('dossiers');

    // Search by part of the company name; a query that matches nothing says so.
    await shell.search('青梧屿');
    await expect.poll(() => shell.companies()).toEqual([COMPANY_A]);
    await shell.search('不存在的公司');
    await shell.testId('dossier-search-empty').waitFor();
    await shell.search('');
    await expect.poll(async () => (await shell.companies()).length).toBe(2);

    // Settings: every section is there, and the rule pack's values are shown.
    await shell.goToSettings();
    expect(await shell.testId('settings-rule-pack').textContent()).toContain('速卖通账户关联');
    await shell.testId('settings-username').fill('王敏');
    await shell.testId('settings-username-save').click();
    await page.getByText('已保存。').first().waitFor();
    await shell.screenshot('settings');
    await shell.goToList();

    // Lock, reload: the gate asks to unlock; a wrong passphrase is refused after the delay.
    await shell.lock();
    await page.reload();
    await shell.testId('vault-unlock').waitFor();
    expect(await shell.testId('lock-button').count()).toBe(0);
    await shell.screenshot('vault-unlock');
    const started = Date.now();
    await shell.submitUnlock('wrong horse battery staple');
    await shell.testId('vault-error').waitFor({ timeout: 20_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(await shell.testId('vault-error').textContent()).toBe('主密码不正确，请重新输入。');
    await shell.unlock(PASSPHRASE);
    await shell.row(COMPANY_A).waitFor();
    expect((await shell.companies()).sort()).toEqual([COMPANY_A, COMPANY_B].sort());

    // English and back; the choice is kept in the vault and before unlock.
    await shell.switchLanguage('EN');
    await expect.poll(() => shell.testId('app-name').textContent()).toContain('Dossier Vault');
    expect(await shell.testId('offline-status').textContent()).toContain(
      'offline: files never leave this computer',
    );
    expect(await shell.testId('new-dossier').textContent()).toContain('New dossier');
    await shell.screenshot('dossiers-en');
    // Ctrl+L locks; before unlock the gate speaks the language last chosen on this computer.
    await page.keyboard.press('Control+l');
    await shell.testId('vault-unlock').waitFor();
    await page.reload();
    await shell.testId('vault-unlock').waitFor();
    expect(await shell.testId('unlock-submit').textContent()).toContain('Unlock');
    // After unlock the vault's own setting wins (here: a profile that forgot it).
    await page.evaluate(() => localStorage.removeItem('dv.language'));
    await page.reload();
    await shell.testId('vault-unlock').waitFor();
    expect(await shell.testId('unlock-submit').textContent()).toMatch(/解\s*锁/);
    await shell.unlock(PASSPHRASE);
    await expect.poll(() => shell.testId('new-dossier').textContent()).toContain('New dossier');
    await shell.switchLanguage('中文');
    await expect.poll(() => shell.testId('app-name').textContent()).toContain('资料保险箱');
    expect(await shell.testId('new-dossier').textContent()).toContain('新建资料');

    // The keyboard opens a row (Enter) and goes back.
    await shell.row(COMPANY_B).focus();
    await page.keyboard.press('Enter');
    await shell.testId('screen-dossier').waitFor();
    await shell.goToList();

    // Delete with undo: the row goes, Undo brings it back; a second delete stays.
    await shell.row(COMPANY_A).getByTestId('delete-dossier').click();
    await shell.testId('undo-delete').waitFor();
    await expect.poll(() => shell.companies()).toEqual([COMPANY_B]);
    await shell.screenshot('dossiers-undo');
    await shell.testId('undo-button').click();
    await shell.row(COMPANY_A).waitFor();
    await shell.row(COMPANY_B).getByTestId('delete-dossier').click();
    await expect.poll(() => shell.companies()).toEqual([COMPANY_A]);

    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    expect(requests.leaving).toEqual([]);
    await context.close();
  }, 120_000);

  it('changes the passphrase, backs up and restores only after a confirmation', async () => {
    const { context, page, shell, violations, requests, errors } = await openApp();
    const NEW_PASSPHRASE = 'velvet lantern orbit 1987 maple';
    await shell.testId('vault-create').waitFor();
    await shell.createVault(PASSPHRASE);
    await shell.newDossier(COMPANY_A);

    // Change the passphrase: current once, the new one twice.
    await shell.goToSettings();
    await shell.testId('settings-current-passphrase').fill(PASSPHRASE);
    await shell.testId('settings-new-passphrase').fill(NEW_PASSPHRASE);
    await shell.testId('settings-new-repeat').fill(NEW_PASSPHRASE);
    await page.locator('[data-testid="passphrase-strength"][data-score="4"]').waitFor();
    await page.getByRole('button', { name: '修改主密码' }).click();
    await page.getByText('主密码已修改').waitFor({ timeout: 20_000 });

    // Where the browser has the File System Access API, the backup streams into the file
    // the person picks (a file of the origin's private file system stands in for the
    // picker's choice). Cancelling the picker saves nothing.
    type Picker = { showSaveFilePicker?: unknown; picked?: string; picks?: number };
    await page.evaluate(() => {
      const w = window as unknown as Picker;
      w.picks = 0;
      w.showSaveFilePicker = () => {
        w.picks! += 1;
        return Promise.reject(new DOMException('The user aborted a request.', 'AbortError'));
      };
    });
    const backupButton = shell.testId('settings-backup');
    await backupButton.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as Picker).picks)).toBe(1);
    await expect.poll(() => backupButton.getAttribute('class')).not.toContain('ant-btn-loading');
    expect(await page.getByText(/备份已保存为/).count()).toBe(0);
    await page.evaluate(() => {
      const w = window as unknown as Picker;
      w.showSaveFilePicker = async (options: { suggestedName: string }) => {
        w.picked = `picked-${options.suggestedName}`;
        const root = await navigator.storage.getDirectory();
        return root.getFileHandle(w.picked, { create: true });
      };
    });
    await backupButton.click();
    await page.getByText(/备份已保存为 picked-dossier-vault-/).waitFor({ timeout: 20_000 });
    const picked = await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const names: string[] = [];
      for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys())
        names.push(name);
      const file = await (
        await root.getFileHandle((window as unknown as Picker).picked!)
      ).getFile();
      return {
        names,
        size: file.size,
        magic: [...new Uint8Array(await file.slice(0, 5).arrayBuffer())],
      };
    });
    // The whole file under the picked name, format 2, and no swap file left beside it.
    expect(picked.names).toEqual([expect.stringMatching(/^picked-dossier-vault-.+\.dvbackup$/)]);
    expect(picked.magic).toEqual([0x44, 0x56, 0x42, 0x4b, 2]);
    expect(picked.size).toBeGreaterThan(1000);

    // Without that API, the backup is a download of one file.
    await page.evaluate(() => {
      // Shadows the browser's own (on Window.prototype) for this page.
      (window as unknown as Picker).showSaveFilePicker = undefined;
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      shell.testId('settings-backup').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^dossier-vault-\d{4}-\d{2}-\d{2}\.dvbackup$/);
    const backupDir = mkdtempSync(join(tmpdir(), 'shell-backup-'));
    const backupPath = join(backupDir, 'vault.dvbackup');
    await download.saveAs(backupPath);

    // Later another dossier is added; restoring the backup must ask before replacing it.
    await shell.goToList();
    await shell.newDossier(COMPANY_B);
    await shell.goToSettings();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      shell.testId('settings-restore').click(),
    ]);
    await chooser.setFiles(backupPath);
    const dialog = page.getByRole('dialog');
    await dialogOpened(shell.testId('settings-restore-passphrase'));
    expect(await dialog.textContent()).toContain('无法撤销');
    await shell.screenshot('settings-restore-confirm', { fullPage: false });
    // Cancel first: nothing changes.
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await shell.goToList();
    await expect
      .poll(async () => (await shell.companies()).sort())
      .toEqual([COMPANY_A, COMPANY_B].sort());
    // Then confirm with the backup's passphrase: the vault is as it was at the backup.
    await shell.goToSettings();
    const [again] = await Promise.all([
      page.waitForEvent('filechooser'),
      shell.testId('settings-restore').click(),
    ]);
    await again.setFiles(backupPath);
    await dialogOpened(shell.testId('settings-restore-passphrase'));
    await shell.testId('settings-restore-passphrase').fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: '删除现有资料并恢复' }).click();
    await shell.testId('screen-dossiers').waitFor({ timeout: 20_000 });
    await expect.poll(() => shell.companies()).toEqual([COMPANY_A]);

    // The new passphrase unlocks it; the old one no longer does.
    await shell.lock();
    await shell.submitUnlock(PASSPHRASE);
    await shell.testId('vault-error').waitFor({ timeout: 20_000 });
    await shell.unlock(NEW_PASSPHRASE);
    await expect.poll(() => shell.companies()).toEqual([COMPANY_A]);
    rmSync(backupDir, { recursive: true, force: true });

    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    expect(requests.leaving).toEqual([]);
    await context.close();
  }, 120_000);

  it('says the vault locked itself after the idle time', async () => {
    const { context, page, shell, violations, requests } = await openApp((p) => p.clock.install());
    await shell.testId('vault-create').waitFor();
    await shell.createVault(PASSPHRASE);
    // The default auto-lock is 10 minutes without input.
    await page.clock.fastForward('10:30');
    await shell.testId('auto-lock-notice').waitFor();
    expect(await shell.testId('auto-lock-notice').textContent()).toContain('已自动锁定');
    expect(await shell.testId('lock-button').count()).toBe(0);
    await shell.screenshot('vault-auto-locked');
    await shell.unlock(PASSPHRASE);
    expect(await shell.testId('auto-lock-notice').count()).toBe(0);
    expect(violations).toEqual([]);
    expect(requests.leaving).toEqual([]);
    await context.close();
  }, 90_000);
});

describe('the frame', () => {
  it('keeps content clear of the header and status line, closes toasts under a fixed clock, and shows Chinese in a sans font in English', async () => {
    const { context, page, shell, violations, requests, errors } = await openApp((p) =>
      p.clock.setFixedTime(new Date('2026-11-24T10:00:00')),
    );
    await shell.testId('vault-create').waitFor();
    await shell.createVault(PASSPHRASE);

    // The "created" toast closes by itself although Date.now() stands still.
    await shell.newDossier(COMPANY_A);
    const toasts = page.locator('.ant-message-notice');
    await toasts.first().waitFor();
    await expect.poll(() => toasts.count(), { timeout: 8_000 }).toBe(0);
    // A success toast closes when the person navigates away.
    await shell.goToSettings();
    await shell.testId('settings-username').fill('王敏');
    await shell.testId('settings-username-save').click();
    await toasts.first().waitFor();
    await shell.goToList();
    await expect.poll(() => toasts.count(), { timeout: 1_500 }).toBe(0);

    // A small window: the page scrolls as one column, nothing is drawn over the content,
    // the lock button stays in view.
    await shell.row(COMPANY_A).click();
    await shell.testId('documents-empty').waitFor();
    await page.setViewportSize({ width: 560, height: 420 });
    const frame = () =>
      page.evaluate(() => {
        const box = (selector: string) => {
          const r = document.querySelector(selector)!.getBoundingClientRect();
          return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
        };
        return {
          header: box('.dv-header'),
          main: box('.dv-main'),
          footer: box('.dv-footer'),
          pageHeight: document.documentElement.scrollHeight,
        };
      });
    const layout = await frame();
    expect(layout.pageHeight).toBeGreaterThan(420);
    expect(layout.header.bottom).toBeLessThanOrEqual(layout.main.top + 0.5);
    expect(layout.footer.top).toBeGreaterThanOrEqual(layout.main.bottom - 0.5);
    expect(layout.footer.bottom).toBeGreaterThanOrEqual(layout.pageHeight - 0.5);
    const lockInView = async () => {
      const box = await shell.testId('lock-button').boundingBox();
      return (
        box !== null &&
        box.x >= 0 &&
        box.x + box.width <= 560 &&
        box.y >= 0 &&
        box.y + box.height <= 420
      );
    };
    expect(await lockInView()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await lockInView()).toBe(true);
    await shell.screenshot('dossier-small-window');
    await page.setViewportSize({ width: 1280, height: 800 });

    // English interface, Chinese company name: rendered in a sans CJK face, not a serif one.
    await shell.goToList();
    await shell.switchLanguage('EN');
    await expect.poll(() => shell.testId('new-dossier').textContent()).toContain('New dossier');
    const probed = await shell.row(COMPANY_A).evaluate((row, company) => {
      const all = [row, ...row.querySelectorAll('*')];
      const holder = all.find((e) =>
        [...e.childNodes].some(
          (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes(company),
        ),
      );
      holder?.setAttribute('data-font-probe', '');
      return holder ? `${holder.tagName}.${holder.className}` : null;
    }, COMPANY_A);
    expect(probed).not.toBeNull();
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '[data-font-probe]',
    });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    console.log(
      `font probe ${probed}: ${fonts.map((f) => `${f.familyName} ×${f.glyphCount}`).join(', ')}`,
    );
    // The system's Noto Sans CJK SC where installed, else the app's own Noto Sans SC.
    expect(fonts.map((f) => f.familyName).join(', ')).toMatch(/Noto Sans (CJK )?SC/);
    expect(fonts.some((f) => /serif/i.test(f.familyName) && !/sans/i.test(f.familyName))).toBe(
      false,
    );
    await cdp.detach();

    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    expect(requests.leaving).toEqual([]);
    await context.close();
  }, 120_000);
});

function isoInDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

describe('the dossier list with 1,000 dossiers', () => {
  it('renders a window of rows, sorts by nearest deadline, searches and scrolls smoothly', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const requests = await recordRequests(page, server.url);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
    });

    // Fill the app's vault through the harness: 1,000 dossiers, every third with an ID
    // card expiring within 90 days (the nearest: dossier 7, in 3 days).
    await page.goto(`${server.url}/harness.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const days = Array.from({ length: 1000 }, (_, i) =>
      i === 7 ? 3 : i % 3 === 0 ? 10 + (i % 80) : null,
    );
    const dates = days.map((d) => (d === null ? null : isoInDays(d)));
    await page.evaluate(
      async ({ PASSPHRASE, dates }) => {
        const { openVault } = (window as unknown as { vaultHarness: VaultHarness }).vaultHarness;
        const vault = await openVault('dossier-vault');
        await vault.create(PASSPHRASE);
        for (let i = 0; i < dates.length; i++) {
          const id = await vault.createDossier({
            company: `测试贸易有限公司 ${String(i).padStart(4, '0')}`,
            legalRepresentative: `法人${i}`,
            creditCode: `91330106MA${String(i).padStart(8, '0')}`,
          });
          await vault.setCheckSummary(id, {
            verdict: i % 2 === 0 ? 'ready' : 'blocked',
            failed: i % 2,
            warnings: i % 5 === 0 ? 2 : 0,
            computedAt: Date.now(),
            idValidUntil: dates[i] ?? null,
            licenseValidUntil: null,
          });
        }
        vault.close();
      },
      { PASSPHRASE, dates },
    );

    // The harness page itself is not the app: only the app's violations count.
    violations.length = 0;
    await page.goto(`${server.url}/index.html`);
    const shell = new ShellPage(page);
    await shell.testId('vault-unlock').waitFor();
    const started = Date.now();
    await shell.unlock(PASSPHRASE);
    await shell.rows().first().waitFor({ timeout: 30_000 });
    const listMs = Date.now() - started;

    // Nearest deadline first; only a window of the 1,000 rows is in the DOM.
    expect(await shell.companies().then((c) => c[0])).toBe('测试贸易有限公司 0007');
    expect(await shell.rows().first().textContent()).toContain('身份证 3 天后到期');
    expect(await shell.rows().count()).toBeLessThan(60);
    await shell.screenshot('dossiers-1000');

    const cdp = process.env.SHELL_PROFILE ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    // Scroll from top to bottom, one step per frame; record the frame gaps.
    const frames = await page.evaluate(async () => {
      const scroller = document.querySelector<HTMLElement>('[data-testid="dossier-list"]');
      if (!scroller) throw new Error('no list');
      const gaps: number[] = [];
      let last = performance.now();
      while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
        scroller.scrollTop += 300;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        gaps.push(now - last);
        last = now;
      }
      return gaps;
    });
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(process.env.SHELL_PROFILE ?? '', JSON.stringify(profile));
    }
    frames.sort((a, b) => a - b);
    const p95 = frames[Math.floor(frames.length * 0.95)] ?? 0;
    const max = frames[frames.length - 1] ?? 0;
    // The last row: dossiers without a deadline come last, by name.
    expect(await shell.companies()).toContain('测试贸易有限公司 0998');
    console.log(
      `1,000 dossiers: list after unlock ${listMs} ms; scroll ${frames.length} frames, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
    );
    // Frame times are measured by `npm run bench:ui`, not asserted here (a shared machine's
    // load decides them); what keeps scrolling cheap is that the window stays small.
    expect(await shell.rows().count()).toBeLessThan(60);

    // Search among them by credit code.
    const searchStarted = Date.now();
    await shell.search('91330106MA00000512');
    await expect.poll(() => shell.companies()).toEqual(['测试贸易有限公司 0512']);
    console.log(`search among 1,000: ${Date.now() - searchStarted} ms (incl. 150 ms debounce)`);

    expect(violations).toEqual([]);
    expect(requests.leaving).toEqual([]);
    await context.close();
  }, 180_000);
});
