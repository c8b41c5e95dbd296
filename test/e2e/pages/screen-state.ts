// What the app showed when an end-to-end wait ran out: which screens and dialogs were on
// the page, the state of their buttons, the toasts, and a screenshot, so that a failure
// on CI says where the flow stopped instead of only "Timeout exceeded".
import type { Locator, Page } from 'playwright-core';
import { consoleTail } from '../support/app-page';

/** A short account of the page: screens shown, open dialogs, their buttons, toasts. */
export async function describeScreen(page: Page): Promise<string> {
  if (page.isClosed()) return 'the page is closed';
  try {
    return await page.evaluate(() => {
      const shown = (e: Element): boolean => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
      };
      const screens = [...document.querySelectorAll('[data-testid]')]
        .map((e) => e.getAttribute('data-testid') ?? '')
        .filter((id) => /^(screen-|dossier-(screen|loading|error)|vault-)/.test(id));
      const dialogs = [...document.querySelectorAll('.ant-modal')].filter(shown).map((modal) => {
        const title = modal.querySelector('.ant-modal-title')?.textContent ?? '';
        const inputs = [...modal.querySelectorAll('input')].map(
          (i) => `${i.getAttribute('data-testid') ?? i.name}=${JSON.stringify(i.value)}`,
        );
        const buttons = [...modal.querySelectorAll('button')].map((b) => {
          const state = [
            b.disabled ? 'disabled' : '',
            b.classList.contains('ant-btn-loading') ? 'loading' : '',
          ].filter(Boolean);
          return `${JSON.stringify(b.textContent ?? '')}${state.length ? ` (${state.join(', ')})` : ''}`;
        });
        const style = getComputedStyle(modal);
        return `dialog ${JSON.stringify(title)} [${inputs.join(', ')}] buttons ${buttons.join(' ')} opacity ${style.opacity} transform ${style.transform}`;
      });
      const toasts = [...document.querySelectorAll('.ant-message-notice, .ant-notification-notice')]
        .map((e) => JSON.stringify(e.textContent ?? ''))
        .filter((s) => s !== '""');
      return [
        `screens: ${screens.join(', ') || 'none'}`,
        `dialogs: ${dialogs.join('; ') || 'none'}`,
        `toasts: ${toasts.join(', ') || 'none'}`,
        `focus: ${document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? 'none'}`,
      ].join('\n');
    });
  } catch (error) {
    return `the page could not be read: ${(error as Error).message}`;
  }
}

/**
 * Waits until the dialog holding `inside` is open as a person sees it: its opening motion
 * done (antd's zoom starts at opacity 0, at the final place, and only then scales up from
 * 20%), so that typing and clicking in it act on what is shown. Playwright would otherwise
 * fill and click the still invisible dialog: its box is stable while the motion waits to
 * start, and the motion's frames run on the page's clock, which the tests install.
 */
export async function dialogOpened(inside: Locator, timeout = 30_000): Promise<void> {
  await inside.waitFor({ timeout });
  const dialog = inside.page().locator('.ant-modal', { has: inside });
  const settled = async (): Promise<boolean> =>
    dialog.evaluate(
      (modal: Element) =>
        !/-(appear|enter|leave)\b/.test(modal.className) && getComputedStyle(modal).opacity === '1',
    );
  const until = Date.now() + timeout;
  while (!(await settled())) {
    if (Date.now() > until)
      throw new Error(
        `The dialog did not finish opening within ${timeout / 1000} s.\n${await describeScreen(inside.page())}`,
      );
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/**
 * Waits until `target` is visible; when `timeout` runs out, throws saying `what` was awaited
 * and what the page showed instead (describeScreen), with a screenshot in test-results/.
 */
export async function waitShown(
  page: Page,
  target: Locator,
  what: string,
  timeout: number,
  screenshot: string,
): Promise<void> {
  try {
    await target.waitFor({ timeout });
  } catch (error) {
    const seen = await describeScreen(page);
    const path = `test-results/stuck-${screenshot}.png`;
    await page.screenshot({ path, fullPage: true }).catch(() => undefined);
    const lines = consoleTail(page);
    const heard = lines.length ? `\nlast console lines:\n${lines.join('\n')}` : '';
    throw new Error(
      `${what} did not show within ${timeout / 1000} s (screenshot ${path}).\n${seen}${heard}`,
      { cause: error },
    );
  }
}

/** Clicks `target` in a dialog once the dialog has finished opening (dialogOpened). */
export async function clickInDialog(target: Locator): Promise<void> {
  await dialogOpened(target);
  await target.click();
}
