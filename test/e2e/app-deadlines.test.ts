// Issue 18 end to end in Debian's Chromium, on the app as built: a change recorded on
// Monday 28 December 2026 has deadlines in 2027, which the bundled holiday data does not
// cover; the unlock banner lists them with the flag; loading a 2027 schedule in Settings
// removes the flag; the calendar exported from the app is parsed back by two ICS parsers;
// two exports of one dossier and one of a second dossier holding the same ID card show,
// in the register, where that ID card was sent. Screenshots: ui-deadlines-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DossierFile } from '../../src/core/dossier';
import { REPO_ROOT } from '../cli/run-cli';
import { useApp } from './support/app-page';
import {
  createDossier,
  createVault,
  openDossier,
  pdfsOf,
  unlockVault,
  type DossierPage,
} from './pages/dossier';

const TODAY = '2026-12-28';
const ID_NUMBER_TAIL = /\d{3}[\dX]$/;
const app = useApp();

async function readyDossier(page: Page, company: string): Promise<DossierPage> {
  const dir = join(REPO_ROOT, 'examples', 'ready');
  const dossier = JSON.parse(readFileSync(join(dir, 'dossier.json'), 'utf8')) as DossierFile;
  const screen = await createDossier(page, company);
  const outcomes = await screen.importFiles(pdfsOf(dir));
  expect(Object.values(outcomes)).toEqual(['imported', 'imported', 'imported', 'imported']);
  await screen.fillAccounts(dossier.accounts ?? []);
  await screen.fillDeclared(dossier.declared ?? {});
  await screen.tab('checks');
  await page.locator('[data-testid="verdict"][data-verdict="ready"]').waitFor();
  return screen;
}

async function downloadText(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/** Exports the pack with this recipient and waits until it is saved. */
async function exportTo(page: Page, screen: DossierPage, recipient: string): Promise<void> {
  await screen.tab('export');
  await page.getByTestId('export-recipient').fill(recipient);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 180_000 }),
    page.getByTestId('export-button').click(),
  ]);
  await page.getByTestId('export-saved').waitFor({ timeout: 180_000 });
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
}

describe('deadlines, calendar and the register of where copies went', () => {
  it('flags 2027 until its schedule is loaded, exports the calendar, and registers where the ID went', async () => {
    const { page, requests, violations, errors } = await app.open(TODAY);
    await createVault(page);
    await readyDossier(page, '青梧屿示例公司');

    // A change of address today: platform 31 Dec, bank 5 working days, into 2027.
    await page.getByTestId('change-occurred-on').fill(TODAY);
    await page.getByTestId('change-record').click();
    const bank = page.locator('[data-testid="deadline"][data-kind="bank-notification"]');
    await bank.waitFor();
    expect(await bank.textContent()).toContain('2027');
    expect(await bank.textContent()).toMatch(
      /未按2027年官方节假日安排|official holiday schedule for 2027/,
    );

    // Lock and unlock (from the list, where unlocking returns): the banner lists what
    // falls due in the next 7 days, flagged.
    await page.getByTestId('dossier-back').click();
    await page.getByTestId('screen-dossiers').waitFor();
    await page.keyboard.press('Control+L');
    await unlockVault(page);
    const banner = page.getByTestId('deadline-banner');
    await banner.waitFor();
    expect(
      await page
        .getByTestId('deadline-banner-item')
        .evaluateAll((els) =>
          els.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-date')]),
        ),
    ).toEqual([
      ['change-filing', '2026-12-31'],
      ['bank-notification', '2027-01-04'],
    ]);
    expect(await page.getByTestId('deadline-banner-warning').count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/ui-deadlines-banner.png', fullPage: true });

    // Settings: load the 2027 schedule (the README's sample format).
    await page.getByTestId('deadline-banner-close').click();
    await page.getByTestId('nav-settings').click();
    await page
      .getByTestId('holidays-file')
      .setInputFiles(join(REPO_ROOT, 'docs/holidays-2027.sample.json'));
    await page.locator('[data-testid="holidays-loaded"][data-year="2027"]').waitFor();
    // From the top: a full-page shot of a scrolled page draws the sticky header mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'test-results/ui-deadlines-settings.png', fullPage: true });

    // The flag is gone, and the bank deadline moved past the sample's New Year holiday.
    await page.getByTestId('nav-list').click();
    const reopened = await openDossier(page, '青梧屿示例公司');
    await reopened.tab('checks');
    await bank.waitFor();
    expect(await bank.textContent()).not.toMatch(
      /未按2027年官方节假日安排|official holiday schedule for 2027/,
    );
    expect(await bank.textContent()).toMatch(/2027年01月05日|2027-01-05/);

    // The calendar from the app, read back by ical.js and node-ical.
    await page.getByTestId('dossier-back').click();
    const [calendar] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-calendar').click(),
    ]);
    expect(calendar.suggestedFilename()).toBe(`dossier-vault-deadlines-${TODAY}.ics`);
    const ics = (await downloadText(calendar)).toString('utf8');
    const events = new ICAL.Component(ICAL.parse(ics) as unknown[])
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    const starts = events.map((e) => e.startDate.toString()).sort();
    expect(starts).toContain('2026-12-31');
    expect(starts).toContain('2027-01-05');
    expect(events.every((e) => e.uid.endsWith('@dossier-vault'))).toBe(true);
    const parsed = Object.values(nodeIcal.sync.parseICS(ics)).filter(
      (c): c is VEvent => c?.type === 'VEVENT',
    );
    expect(parsed.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());

    // Two exports of this dossier, one of a second dossier with the same ID card.
    const again = await openDossier(page, '青梧屿示例公司');
    await exportTo(page, again, '速卖通平台');
    await exportTo(page, again, '财务部王会计');
    await page.getByTestId('dossier-back').click();
    const second = await readyDossier(page, '青梧屿第二公司');
    await exportTo(page, second, '银行对公柜台');

    // The second dossier's register: its own export; by the ID number, all three.
    await second.tab('register');
    await page.locator('[data-testid="register"][data-scope="dossier"]').waitFor();
    await expect.poll(() => page.getByTestId('register-row').count()).toBe(1);
    await page
      .getByTestId('register-scope')
      .getByText(/此身份证|This ID card/)
      .click();
    await page.locator('[data-testid="register"][data-scope="id"]').waitFor();
    await expect.poll(() => page.getByTestId('register-row').count()).toBe(3);
    const recipients = await page
      .getByTestId('register-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-recipient')));
    expect([...recipients].sort()).toEqual(['财务部王会计', '速卖通平台', '银行对公柜台'].sort());
    const text = await page.getByTestId('register').textContent();
    expect(text).toContain('青梧屿示例公司');
    expect(text).toContain('青梧屿第二公司');
    expect(text).toContain('仅供办理速卖通店铺账户关联使用');
    await page.screenshot({ path: 'test-results/ui-deadlines-register.png', fullPage: true });

    // The register as CSV with a BOM: a header and one line per export.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('register-export').click(),
    ]);
    const bytes = await downloadText(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').trim().split(/\r?\n/);
    expect(lines.length).toBe(4);
    expect(lines.slice(1).every((l) => /[0-9a-f]{64}/.test(l))).toBe(true);
    expect(lines.slice(1).every((l) => ID_NUMBER_TAIL.test(l.split(',')[4] ?? ''))).toBe(true);

    expect(requests.leaving).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});
