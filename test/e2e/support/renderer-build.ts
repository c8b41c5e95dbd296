// Builds the app's renderer exactly as electron-vite does (same Vite settings), into a
// temporary folder, for end-to-end tests that serve it to Debian's Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { Page, Request } from 'playwright-core';
import { rendererConfig } from '../../../electron.vite.config';

export async function buildRenderer(): Promise<{ root: string; remove(): void }> {
  const root = mkdtempSync(join(tmpdir(), 'renderer-'));
  // Under vitest NODE_ENV is 'test', which would make Vite bundle React's development
  // build (several times slower); the app ships the production one, so test that.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ ...rendererConfig(root), configFile: false, logLevel: 'error', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** What a page tried and what actually reached the network layer. */
export interface RequestLog {
  /** Every request the page started, as DevTools reports it (CSP-blocked ones included). */
  attempted: string[];
  /** Requests to another origin that got past the page's own checks (CSP) to the network layer. */
  leaving: string[];
  /** Failed requests with their error text (net::ERR_BLOCKED_BY_CSP, …). */
  failed: Map<string, string>;
}

/**
 * Records the page's requests. Requests that reach the network layer pass through a
 * route: the ones to another origin are recorded in `leaving` and aborted, so a test
 * never reaches the network even when it fails.
 */
export async function recordRequests(page: Page, origin: string): Promise<RequestLog> {
  const log: RequestLog = { attempted: [], leaving: [], failed: new Map() };
  page.on('request', (request: Request) => log.attempted.push(request.url()));
  page.on('requestfailed', (request: Request) =>
    log.failed.set(request.url(), request.failure()?.errorText ?? ''),
  );
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    log.leaving.push(url);
    return route.abort('blockedbyclient');
  });
  return log;
}
