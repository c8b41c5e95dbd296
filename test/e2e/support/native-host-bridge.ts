// A stand-in for the Electron app's bridge to the native OCR host, for Chromium without
// Electron (test/e2e/reader-native-host.test.ts, bench:ui): the page gets a window.ocrHost
// whose connect() hands the reader a MessagePort, as the preload does; the other end of
// that port is relayed through playwright (exposeBinding one way, page.evaluate the
// other) to the real host code (src/ocr-host/child.node.ts) in a Node child process of
// the test, forked on the first message, as main forks the utility process on the first
// connect. The relay is the stand-in's own cost, which the app does not have (there the
// port joins the renderer and the utility process directly): bytes go as base64 through
// the DevTools protocol, and every answer, progress included, is one page.evaluate. It is
// counted (messages, characters, the relay's time).
import { fork, type ChildProcess } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';
import { OCR_HOST_PORT_MESSAGE } from '../../../src/shared/ocr-host';
import { REPO_ROOT } from '../../cli/run-cli';

/** In the page: typed arrays travel as base64 (the relay's encoding), the rest as JSON. */
const PAGE_SIDE = `(() => {
  const toBase64 = (bytes) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const encode = (value) => JSON.stringify(value, (_k, v) =>
    v instanceof Uint8Array ? { $bytes: toBase64(v), $type: 'u8' }
      : v instanceof Uint8ClampedArray ? { $bytes: toBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)), $type: 'u8c' }
      : v);
  const ports = new Map();
  let next = 0;
  window.__ocrHostStandIn = { encodeMs: 0, deliver: (id, message) => ports.get(id)?.postMessage(message) };
  window.ocrHost = {
    connect() {
      const id = ++next;
      const { port1, port2 } = new MessageChannel();
      ports.set(id, port2);
      port2.onmessage = (event) => {
        const t = performance.now();
        const text = encode(event.data);
        window.__ocrHostStandIn.encodeMs += performance.now() - t;
        void window.__ocrHostSend(id, text);
      };
      window.postMessage(${JSON.stringify(OCR_HOST_PORT_MESSAGE)}, location.origin, [port1]);
    },
  };
})();`;

function revive(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (typeof v !== 'object' || v === null || !('$bytes' in v)) return v;
    const { $bytes, $type } = v as { $bytes: string; $type: string };
    const buffer = Buffer.from($bytes, 'base64');
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
    return $type === 'u8c' ? new Uint8ClampedArray(bytes.buffer) : bytes;
  });
}

export interface StandInCounts {
  /** Messages page → host and host → page. */
  toHost: number;
  toPage: number;
  /** Base64 characters sent page → host. */
  base64Chars: number;
  /** The relay's own time: encoding in the page, and each answer's page.evaluate. */
  pageEncodeMs: number;
  deliverMs: number;
}

/** Installs the stand-in bridge in `context` (before its pages load); `hostEntry` is forked on the first message. */
export async function installNativeHost(
  context: BrowserContext,
  hostEntry: string,
): Promise<{ counts(page: Page): Promise<StandInCounts>; close(): Promise<void> }> {
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const counts = { toHost: 0, toPage: 0, base64Chars: 0, deliverMs: 0 };
  /** The port of the page's latest connect: the host's answers go there. */
  let latest = 0;
  await context.exposeBinding('__ocrHostSend', (source, id: number, text: string) => {
    latest = id;
    counts.toHost++;
    counts.base64Chars += text.length;
    if (!child) {
      const forked = fork(hostEntry, [], {
        cwd: REPO_ROOT,
        // The TypeScript source (tests) through tsx; a bundle (bench:ui) as it is.
        execArgv: hostEntry.endsWith('.ts') ? ['--import', 'tsx'] : [],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      exited = new Promise((resolve) => forked.once('exit', () => resolve()));
      forked.on('message', (message) => {
        counts.toPage++;
        const started = Date.now();
        void source.page
          .evaluate(
            ([port, m]) =>
              (
                window as unknown as {
                  __ocrHostStandIn: { deliver(id: number, message: unknown): void };
                }
              ).__ocrHostStandIn.deliver(port, m),
            [latest, message] as const,
          )
          .then(() => (counts.deliverMs += Date.now() - started))
          .catch(() => undefined);
      });
      child = forked;
    }
    child.send(revive(text) as object);
  });
  await context.addInitScript(PAGE_SIDE);
  return {
    async counts(page) {
      const pageEncodeMs = await page.evaluate(
        () =>
          (window as unknown as { __ocrHostStandIn: { encodeMs: number } }).__ocrHostStandIn
            .encodeMs,
      );
      return { ...counts, pageEncodeMs: Math.round(pageEncodeMs) };
    },
    async close() {
      if (child?.connected) child.disconnect();
      await exited;
    },
  };
}
