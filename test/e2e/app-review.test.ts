// Issue 14's review that helps the eye, in Debian's Chromium against the app's own build:
// thumbnails in the four slots; a 基本存款账户信息 counted without the 核准号 and 编号 it
// never prints; labels tied to inputs (found by getByLabel); an unsaved office address
// asks before 返回列表 and before another tab; two dossiers with one company name warned
// about and told apart in the list; zooming keeps the selected field in view; a magnifier
// over small print. Screenshots: test-results/ui-review-*.png.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../cli/run-cli';
import { useApp } from './support/app-page';
import { createDossier, createVault, pdfsOf } from './pages/dossier';
import { clickInDialog, dialogOpened } from './pages/screen-state';

const TODAY = '2026-11-24';
const COMPANY = '青梧屿示例公司';
const app = useApp();

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/ui-review-${name}.png`, fullPage: true });
}

async function rect(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not laid out');
  return box;
}

describe('a review that helps the eye (issue 14)', () => {
  it('thumbnails, printed fields, labels, unsaved guard, same-name dossiers, zoom and magnifier', async () => {
    const opened = await app.open(TODAY);
    const { page } = opened;
    await createVault(page);
    const screen = await createDossier(page, COMPANY);
    const outcomes = await screen.importFiles(pdfsOf(join(REPO_ROOT, 'examples', 'ready')));
    expect(Object.values(outcomes)).toEqual(['imported', 'imported', 'imported', 'imported']);

    // Every slot shows its document's thumbnail, drawn (not the placeholder icon).
    for (const kind of ['business-license', 'id-card-front', 'id-card-back', 'bank-permit']) {
      const thumb = screen.slot(kind).getByTestId('slot-thumbnail');
      await screen
        .slot(kind)
        .locator('[data-testid="slot-thumbnail"][data-loaded="true"]')
        .waitFor();
      const drawn = await thumb
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
      expect(drawn, kind).toBe(true);
    }
    // The 基本存款账户信息 prints neither 核准号 nor 编号: everything it prints was read.
    expect(await screen.slot('bank-permit').getByTestId('slot-fields-read').innerText()).toMatch(
      /读取到 (\d+)\/\1 个字段/u,
    );
    await shot(page, 'slots-thumbnails');

    // Labels tied to inputs: the office address and an account's phone, by their labels.
    const office = page.getByLabel('办公地址');
    await office.fill('浙江省杭州市滨江区示例路 1 号');
    await page.getByLabel('登录手机号').first().fill('138 0013 8000');

    // Unsaved: 返回列表 asks, naming what would be lost; staying keeps it.
    await page.getByTestId('dossier-back').click();
    const prompt = page.getByTestId('unsaved-prompt');
    await prompt.waitFor();
    expect(await prompt.innerText()).toContain('办公地址');
    expect(await prompt.innerText()).toContain('账户列表');
    await shot(page, 'unsaved-prompt');
    await clickInDialog(page.getByTestId('unsaved-stay'));
    await prompt.waitFor({ state: 'detached' });
    expect(await office.inputValue()).toBe('浙江省杭州市滨江区示例路 1 号');
    // Another tab asks too (the documents tab is unmounted when left).
    await page.getByTestId('tab-checks').click();
    await prompt.waitFor();
    await clickInDialog(page.getByTestId('unsaved-stay'));
    await prompt.waitFor({ state: 'detached' });
    expect(await page.getByTestId('declared-editor').isVisible()).toBe(true);
    // Saved, nothing is asked; after discarding, the unsaved value is gone.
    await page.getByTestId('declared-save').click();
    await page.getByLabel('登录手机号').first().fill('');
    await page.getByTestId('tab-checks').click();
    await page.getByTestId('verdict').waitFor();
    await screen.tab('documents');
    await page.getByLabel('办公地址').fill('改过但未保存');
    await page.getByTestId('dossier-back').click();
    await clickInDialog(page.getByTestId('unsaved-discard'));
    await page.getByTestId('screen-dossiers').waitFor();

    // A second dossier with the same company name: warned, and the rows told apart.
    await page.getByTestId('new-dossier').click();
    await dialogOpened(page.getByTestId('new-dossier-name'));
    await page.getByTestId('new-dossier-name').fill(COMPANY);
    const warning = page.getByTestId('same-name-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain(COMPANY);
    await shot(page, 'same-name-warning');
    await page.getByTestId('new-dossier-submit').click();
    await page.getByTestId('dossier-screen').waitFor();
    await page.getByTestId('dossier-back').click();
    await page.getByTestId('screen-dossiers').waitFor();
    const rows = page.locator(`[data-testid="dossier-row"][data-company="${COMPANY}"]`);
    await expect.poll(() => rows.count()).toBe(2);
    const marks = await page.getByTestId('same-name-mark').allInnerTexts();
    expect(marks).toHaveLength(2);
    expect(new Set(marks).size).toBe(2);
    await shot(page, 'same-name-rows');

    // The first dossier kept the office address that was saved, not the discarded edit.
    await rows.filter({ hasText: '91' }).first().click();
    await page.getByTestId('dossier-screen').waitFor();
    expect(await page.getByLabel('办公地址').inputValue()).toBe('浙江省杭州市滨江区示例路 1 号');

    // Review: the license's credit code selected, zoomed in six times, stays in view.
    await screen.tab('review');
    await page.locator('[data-testid="review-document"][data-kind="business-license"]').click();
    await page.locator('[data-testid="review"][data-kind="business-license"]').waitFor();
    await screen.field('creditCode').click();
    const selectedBox = page.locator('[data-testid="field-box"][data-selected="true"]');
    await selectedBox.waitFor();
    const frame = page.getByTestId('page-frame');

    // The magnifier over small print at the fitted zoom, under the pointer.
    const box = await rect(screen.box('companyName'));
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const loupe = page.getByTestId('page-loupe');
    await loupe.waitFor();
    expect(Number(await loupe.getAttribute('data-scale'))).toBeGreaterThan(1);
    await shot(page, 'magnifier');
    await page.mouse.move(5, 5);
    await loupe.waitFor({ state: 'detached' });

    for (let i = 0; i < 6; i++) await page.getByTestId('zoom-in').click();
    const f = await rect(frame);
    const s = await rect(selectedBox);
    expect(s.x).toBeGreaterThanOrEqual(f.x);
    expect(s.y).toBeGreaterThanOrEqual(f.y);
    expect(s.x + Math.min(s.width, f.width)).toBeLessThanOrEqual(f.x + f.width + 1);
    expect(s.y + s.height).toBeLessThanOrEqual(f.y + f.height + 1);
    await shot(page, 'zoomed-selected');
    // Print now large on screen: no magnifier.
    await page.mouse.move(s.x + Math.min(s.width, f.width) / 2, s.y + s.height / 2);
    await page.waitForTimeout(200);
    expect(await loupe.count()).toBe(0);

    // A value typed in review but not confirmed: leaving the tab asks, naming the field.
    await page.mouse.move(5, 5);
    await screen.field('companyName').click();
    await page.getByLabel('名称', { exact: true }).fill('改过的名称');
    await page.getByTestId('tab-checks').click();
    expect(await page.getByTestId('unsaved-prompt').innerText()).toContain('名称');
    await clickInDialog(page.getByTestId('unsaved-discard'));
    await page.getByTestId('verdict').waitFor();
    await screen.tab('review');

    // The bank form's review does not list what that form never prints.
    await page.locator('[data-testid="review-document"][data-kind="bank-permit"]').click();
    await page.locator('[data-testid="review"][data-kind="bank-permit"]').waitFor();
    await screen.field('accountCode').waitFor();
    expect(await screen.field('approvalNumber').count()).toBe(0);
    expect(await screen.field('serialNumber').count()).toBe(0);

    // Settings: every input found by its label.
    await page.getByTestId('nav-settings').click();
    await page.getByLabel('你的名字').fill('王会计');
    expect(await page.getByLabel('自动锁定').inputValue()).toMatch(/^\d+$/u);
    await page.getByLabel('当前主密码').fill('x');
    const settings = page.getByTestId('screen-settings');
    for (const name of ['界面语言', '文字识别引擎']) {
      expect(await settings.getByRole('radiogroup', { name }).count(), name).toBe(1);
    }

    expect(opened.requests.leaving).toEqual([]);
    expect(opened.violations).toEqual([]);
    expect(opened.errors).toEqual([]);
  }, 600_000);
});
