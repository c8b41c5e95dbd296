// The renderer bundle, served with the app's Content-Security-Policy, cannot reach
// outside its origin: fetch, an <img>, a WebSocket, a <script> and a worker from the web
// are all blocked by the CSP before any request is made. A control page without the CSP
// shows that the recorder does see such requests, so the assertion can fail.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_RESPONSE_HEADERS, CONTENT_SECURITY_POLICY } from '../../src/main/policy/csp';
import { launchChromium, serveFolder, type StaticServer } from './support/chromium';
import { buildRenderer, recordRequests } from './support/renderer-build';

let built: Awaited<ReturnType<typeof buildRenderer>>;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  built = await buildRenderer();
  server = await serveFolder(built.root, { ...APP_RESPONSE_HEADERS });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  built?.remove();
});

/** Tries every way out of the page; resolves with what the page itself observed. */
async function tryToLeave(
  page: Page,
): Promise<{ fetch: string; img: string; ws: string; script: string; violations: string[] }> {
  return page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    const fetchOutcome = await fetch('https://example.com/').then(
      () => 'loaded',
      (e: unknown) => `blocked: ${String(e)}`,
    );
    const imgOutcome = await new Promise<string>((resolve) => {
      const img = document.createElement('img');
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('blocked');
      img.src = 'https://example.com/pixel.png';
      document.body.append(img);
    });
    const wsOutcome = await new Promise<string>((resolve) => {
      try {
        const ws = new WebSocket('wss://example.com/socket');
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('blocked');
      } catch (e) {
        resolve(`blocked: ${String(e)}`);
      }
    });
    const scriptOutcome = await new Promise<string>((resolve) => {
      const script = document.createElement('script');
      script.onload = () => resolve('loaded');
      script.onerror = () => resolve('blocked');
      script.src = 'https://example.com/evil.js';
      document.body.append(script);
    });
    // Let the violation events of the last attempts arrive.
    await new Promise((r) => setTimeout(r, 200));
    return {
      fetch: fetchOutcome,
      img: imgOutcome,
      ws: wsOutcome,
      script: scriptOutcome,
      violations,
    };
  });
}

describe('the renderer under the app CSP', () => {
  it('serves the CSP header and the <meta> in the built index.html', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/index.html`);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await page.close();
  });

  it('cannot fetch an outside URL, load an outside image, script or open a WebSocket', async () => {
    const page = await browser.newPage();
    const requests = await recordRequests(page, server.url);
    await page.goto(`${server.url}/index.html`);
    await page.getByTestId('offline-status').waitFor();
    const outcome = await tryToLeave(page);
    expect(outcome.fetch).toMatch(/^blocked/);
    expect(outcome.img).toBe('blocked');
    expect(outcome.ws).toMatch(/^blocked/);
    expect(outcome.script).toBe('blocked');
    expect(outcome.violations.join('\n')).toMatch(/connect-src https:\/\/example\.com/);
    expect(outcome.violations.join('\n')).toMatch(/img-src https:\/\/example\.com/);
    expect(outcome.violations.join('\n')).toMatch(/script-src(-elem)? https:\/\/example\.com/);
    // Nothing reached the network layer; what Chromium reports as attempted failed on the CSP.
    expect(requests.leaving).toEqual([]);
    expect(requests.attempted.length).toBeGreaterThan(0);
    const outsideAttempts = requests.attempted.filter((u) => !u.startsWith(server.url));
    for (const url of outsideAttempts)
      expect(requests.failed.get(url), url).toMatch(/CSP|blocked/i);
    await page.close();
  });

  it('control: without the CSP the same attempts do produce outside requests', async () => {
    const bare = await serveFolder(built.root, {});
    const page = await browser.newPage();
    try {
      const requests = await recordRequests(page, bare.url);
      // about:blank-like page of the same server without the CSP header or meta.
      await page.route(`${bare.url}/bare.html`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><body></body>' }),
      );
      await page.goto(`${bare.url}/bare.html`);
      await tryToLeave(page);
      expect(requests.leaving).toEqual(
        expect.arrayContaining([
          'https://example.com/',
          'https://example.com/pixel.png',
          'https://example.com/evil.js',
        ]),
      );
    } finally {
      await page.close();
      await bare.close();
    }
  });
});
