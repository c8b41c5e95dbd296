// The built app in Debian's Chromium for the interface's end-to-end tests: the renderer
// built as electron-vite builds it, served with the app's response headers (CSP included),
// and pages opened on it that record every request, CSP violation and page error.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { APP_RESPONSE_HEADERS } from '../../../src/main/policy/csp';
import { REPO_ROOT } from '../../cli/run-cli';
import { launchChromium, serveFolder, type StaticServer } from './chromium';
import { buildRenderer, recordRequests, type RequestLog } from './renderer-build';

export interface AppServer {
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

export async function startApp(): Promise<AppServer> {
  mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
  const built = await buildRenderer();
  const server = await serveFolder(built.root, { ...APP_RESPONSE_HEADERS });
  const browser = await launchChromium();
  return {
    browser,
    server,
    async close() {
      await browser.close();
      await server.close();
      built.remove();
    },
  };
}

export interface OpenedApp {
  page: Page;
  requests: RequestLog;
  /** CSP violations reported on the console, each with `label()` at the time. */
  violations: string[];
  errors: string[];
}

/**
 * A new page on the app, its clock fixed at `today` 10:00 (the examples' reference date:
 * the checks and the expiry watch count from it).
 */
export async function openApp(
  app: AppServer,
  today: string,
  label: () => string = () => '',
): Promise<OpenedApp> {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.clock.setFixedTime(new Date(`${today}T10:00:00`));
  const requests = await recordRequests(page, app.server.url);
  const violations: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text()))
      violations.push(
        `${m.text().slice(0, 60)} @ ${m.location().url}:${m.location().lineNumber}:${m.location().columnNumber} [${label()}]`,
      );
  });
  page.on('pageerror', (e) => errors.push(e.message));
  keepConsoleTail(page);
  await page.goto(`${app.server.url}/index.html`);
  return { page, requests, violations, errors };
}

const CONSOLE_KEPT = 20;
const consoleTails = new WeakMap<Page, string[]>();

/** Keeps the page's last console lines (errors and warnings first of all) for consoleTail. */
function keepConsoleTail(page: Page): void {
  const tail: string[] = [];
  consoleTails.set(page, tail);
  const keep = (line: string): void => {
    tail.push(line.slice(0, 300));
    if (tail.length > CONSOLE_KEPT) tail.shift();
  };
  page.on('console', (m) => {
    if (m.type() !== 'debug') keep(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => keep(`page error: ${e.message}`));
  page.on('crash', () => keep('the page crashed'));
}

/** The last console lines of a page opened by openApp (for a failure's message). */
export function consoleTail(page: Page): string[] {
  return [...(consoleTails.get(page) ?? [])];
}

/** The running app of one test file, as useApp gives it. */
export interface UsedApp {
  /** A new page on the app (openApp), its clock fixed at `today` 10:00. */
  open(today: string, label?: () => string): Promise<OpenedApp>;
}

/**
 * Starts the app (build, server, Chromium) before the file's tests and closes it after
 * them; call at the top level of a test file.
 */
export function useApp(): UsedApp {
  let app: AppServer | undefined;
  beforeAll(async () => {
    app = await startApp();
  }, 300_000);
  afterAll(async () => {
    await app?.close();
  });
  return {
    open(today, label) {
      if (!app) throw new Error('The app is not started: call useApp() at the top of the file.');
      return openApp(app, today, label);
    },
  };
}
