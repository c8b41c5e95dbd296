// The desktop reminders in the real Electron main process: the renderer's bridge sends a
// deadline falling due today, main shows one OS notification naming it (Notification's
// show is recorded in main, where Playwright's evaluate runs), not a second on the next
// send of the day, refuses a malformed list, and forgets everything when turned off.
// Runs only where the Electron binary is installed; elsewhere skipped with the reason.
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/core/dates';
import type { VaultBridge } from '../../src/shared/bridge';
import type { RemindersRequest } from '../../src/shared/ipc';
import { electronBinary, electronSkipReason, launchApp } from './electron-binary';

type AppWindow = Window & { vault?: VaultBridge };
type Shown = { title: string; body: string }[];

const binary = electronBinary();
const skipReason = electronSkipReason(binary);
if (skipReason !== null) console.log(`test/e2e-electron/reminders skipped: ${skipReason}.`);

describe.skipIf(skipReason !== null)('desktop reminders in Electron', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    ({ app, page } = await launchApp(binary));
    // Record instead of showing: a test machine may have no notification daemon.
    await app.evaluate(({ Notification }) => {
      const shown: { title: string; body: string }[] = [];
      (globalThis as { shown?: typeof shown }).shown = shown;
      Notification.isSupported = () => true;
      Notification.prototype.show = function (this: Electron.Notification) {
        shown.push({ title: this.title, body: this.body });
      };
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  const send = (request: unknown) =>
    page.evaluate((r) => (window as AppWindow).vault?.setReminders(r as RemindersRequest), request);
  const shown = () =>
    app.evaluate(() => (globalThis as unknown as { shown: Shown }).shown.map((n) => ({ ...n })));

  it('notifies once for a deadline due today, refuses a malformed list and forgets when off', async () => {
    const today = localIsoDate();
    const request: RemindersRequest = {
      enabled: true,
      language: 'en',
      reminders: [
        { key: 'a', date: today, title: 'File the change with the platform: Test Co' },
        { key: 'b', date: '2099-01-01', title: 'Business license expires: Test Co' },
      ],
      schedules: null,
    };
    expect(await send(request)).toEqual({ ok: true, value: { watching: 2, dueToday: 1 } });
    expect(await shown()).toEqual([
      {
        title: 'Dossier Vault: 1 deadline within 2 working days',
        body: `${today} File the change with the platform: Test Co`,
      },
    ]);
    await send(request);
    expect((await shown()).length).toBe(1);
    const bad = await send({ ...request, reminders: [{ key: 'a', date: 'today', title: 'x' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await send({ ...request, enabled: false })).toEqual({
      ok: true,
      value: { watching: 0, dueToday: 0 },
    });
  });
});
