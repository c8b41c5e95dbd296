// A stand-in for the Electron app's bridge to the native OCR host, for Chromium without
// Electron (test/e2e/reader-native-host.test.ts, bench:ui): the page gets a window.ocrHost
// whose connect() hands the reader a MessagePort, as the preload does; the other end of
// that port is relayed over HTTP on the page's own origin (a path the test server mounts:
// connect-src 'self' allows it, nothing else is loosened) to the real host code
// (src/ocr-host/child.node.ts) in a Node child process of the test, forked on the first
// message, as main forks the utility process on the first connect. Both ends still parse
// every message with the shared schemas: the relay only carries them.
//
// The relay is the stand-in's own cost, which the app does not have (there the port joins
// the renderer and the utility process directly), so it is made as cheap as it can be and
// measured. Its frames are binary: a message's typed arrays travel as raw bytes after a
// JSON header (no base64, no DevTools protocol); page → host, the messages posted in one
// task go as one POST, one POST after another (the order is kept); host → page, every
// answer, progress included, comes down one streamed response per port, and the frames
// that arrive together are delivered in one task. Each message's way through the relay is
// timed (page → host: from the page's port to the child's IPC channel; host → page: from
// the child's IPC channel to the page's port), and the part of it on the path of a read
// (its request, and its final answer: the reader sends the next file only after it) is
// summed apart from progress.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { OCR_HOST_PORT_MESSAGE } from '../../../src/shared/ocr-host';
import { REPO_ROOT } from '../../cli/run-cli';
import type { StaticServer } from './chromium';

/**
 * The frame codec, the same source in the page and in Node. A frame: u32 (LE) header
 * length, u32 count of typed arrays, the header (UTF-8 JSON: { t: the sender's clock when the relay got the message,
 * m: the message }), then each typed array's bytes as u32 length + bytes. In the header, a
 * typed array is { $bytes: its index, $type }, a number that JSON cannot carry
 * (NaN, ±Infinity) { $num: its text }; a property whose value is undefined is left out
 * (the schemas read a missing key as undefined).
 */
const CODEC = `{
  TYPES: { u8: Uint8Array, u8c: Uint8ClampedArray, i32: Int32Array, f32: Float32Array, f64: Float64Array },
  encode(message, t) {
    const parts = [];
    const typeOf = (v) => v instanceof Uint8Array ? 'u8' : v instanceof Uint8ClampedArray ? 'u8c'
      : v instanceof Int32Array ? 'i32' : v instanceof Float32Array ? 'f32' : v instanceof Float64Array ? 'f64' : undefined;
    const header = JSON.stringify({ t, m: message }, (_k, v) => {
      if (typeof v === 'number' && !Number.isFinite(v)) return { $num: String(v) };
      const type = typeOf(v);
      if (type === undefined) return v;
      parts.push(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      return { $bytes: parts.length - 1, $type: type };
    });
    const text = new TextEncoder().encode(header);
    let size = 8 + text.byteLength;
    for (const p of parts) size += 4 + p.byteLength;
    const frame = new Uint8Array(size);
    const view = new DataView(frame.buffer);
    view.setUint32(0, text.byteLength, true);
    view.setUint32(4, parts.length, true);
    frame.set(text, 8);
    let at = 8 + text.byteLength;
    for (const p of parts) {
      view.setUint32(at, p.byteLength, true);
      frame.set(p, at + 4);
      at += 4 + p.byteLength;
    }
    return frame;
  },
  /** The frame at \`at\` of \`bytes\` when it is whole: { t, m, end }, else undefined. */
  decode(bytes, at) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength - at < 8) return undefined;
    const headerLength = view.getUint32(at, true);
    const count = view.getUint32(at + 4, true);
    if (bytes.byteLength - at - 8 < headerLength) return undefined;
    let end = at + 8 + headerLength;
    const parts = [];
    for (let i = 0; i < count; i++) {
      if (bytes.byteLength - end < 4) return undefined;
      const length = view.getUint32(end, true);
      if (bytes.byteLength - end - 4 < length) return undefined;
      parts.push(bytes.subarray(end + 4, end + 4 + length));
      end += 4 + length;
    }
    const header = new TextDecoder().decode(bytes.subarray(at + 8, at + 8 + headerLength));
    const TYPES = this.TYPES;
    const frame = JSON.parse(header, (_k, v) => {
      if (typeof v !== 'object' || v === null) return v;
      if ('$num' in v) return Number(v.$num);
      if (!('$bytes' in v)) return v;
      const copy = parts[v.$bytes].slice();
      const Type = TYPES[v.$type];
      return new Type(copy.buffer, 0, copy.byteLength / Type.BYTES_PER_ELEMENT);
    });
    return { t: frame.t, m: frame.m, end };
  },
}`;

export interface Codec {
  encode(message: unknown, t: number): Uint8Array;
  decode(bytes: Uint8Array, at: number): { t: number; m: unknown; end: number } | undefined;
}

// The page's own codec (one source), run in Node too.
// eslint-disable-next-line @typescript-eslint/no-unsafe-call, @typescript-eslint/no-implied-eval
const codec = new Function(`return ${CODEC};`)() as Codec;
/** The relay's frame codec (for its own test). */
export const relayCodec: Codec = codec;

/** In the page: window.ocrHost, each port relayed over `base` (a path of the page's origin). */
function pageSide(base: string): string {
  return `(() => {
  const codec = ${CODEC};
  const base = ${JSON.stringify(base)};
  const ports = new Map();
  let next = 0;
  /** The relay's own time in the page (encoding, decoding), and each answer's way here. */
  const stats = window.__ocrHostStandIn = { encodeMs: 0, decodeMs: 0, toPage: [], codec, base };
  const record = (message, t) => {
    const final = message && typeof message === 'object' && message.type !== 'progress';
    stats.toPage.push({ type: message && message.type, id: message && message.id, stage: message && message.stage, final, ms: Date.now() - t });
  };
  /** The answers of port \`id\`, as they stream in. */
  async function listen(id, port) {
    const response = await fetch(base + 'answers/' + id, { cache: 'no-store' });
    const reader = response.body.getReader();
    let buffered = new Uint8Array(0);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const t0 = performance.now();
      const joined = new Uint8Array(buffered.byteLength + value.byteLength);
      joined.set(buffered);
      joined.set(value, buffered.byteLength);
      let at = 0;
      const frames = [];
      for (let f = codec.decode(joined, at); f; f = codec.decode(joined, at)) {
        frames.push(f);
        at = f.end;
      }
      buffered = joined.slice(at);
      stats.decodeMs += performance.now() - t0;
      for (const f of frames) {
        port.postMessage(f.m);
        record(f.m, f.t);
      }
    }
  }
  window.ocrHost = {
    connect() {
      const id = ++next;
      const { port1, port2 } = new MessageChannel();
      ports.set(id, port2);
      // One POST at a time, in order; what the port gets meanwhile goes as the next one.
      let batch = [];
      let sending = false;
      const flush = () => {
        if (sending || batch.length === 0) return;
        // One frame as it is, several joined: an ArrayBuffer body, no Blob to read back.
        let body = batch[0];
        if (batch.length > 1) {
          body = new Uint8Array(batch.reduce((n, f) => n + f.byteLength, 0));
          let at = 0;
          for (const f of batch) {
            body.set(f, at);
            at += f.byteLength;
          }
        }
        batch = [];
        sending = true;
        fetch(base + 'send/' + id, { method: 'POST', body, cache: 'no-store' })
          .then((r) => r.arrayBuffer())
          .catch(() => undefined)
          .finally(() => {
            sending = false;
            flush();
          });
      };
      port2.onmessage = (event) => {
        const t0 = performance.now();
        batch.push(codec.encode(event.data, Date.now()));
        stats.encodeMs += performance.now() - t0;
        flush();
      };
      void listen(id, port2).catch(() => undefined);
      window.postMessage(${JSON.stringify(OCR_HOST_PORT_MESSAGE)}, location.origin, [port1]);
    },
  };
})();`;
}

/** One message's way through the relay. */
export interface RelayTiming {
  type: string;
  id: number;
  /** A progress message's stage (loading-ocr, ocr). */
  stage?: string;
  /** A request, or a final answer (not progress): on the path of a read. */
  final: boolean;
  ms: number;
}

export interface StandInCounts {
  /** Messages page → host and host → page. */
  toHost: number;
  toPage: number;
  /** POSTs page → host (the messages of one task go as one). */
  posts: number;
  /** Bytes page → host and host → page (frames). */
  bytesToHost: number;
  bytesToPage: number;
  /** The relay's CPU in the page: encoding page → host, decoding host → page. */
  pageEncodeMs: number;
  pageDecodeMs: number;
  /** The relay's time on the reads' path: their requests and final answers, summed. */
  onPathMs: number;
  /** The same for progress messages (off the path: nothing waits for them). */
  progressMs: number;
  /** Each message's way, page → host and host → page. */
  toHostMs: RelayTiming[];
  toPageMs: RelayTiming[];
}

function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    req.on('error', reject);
  });
}

const timing = (message: unknown, final: boolean, ms: number): RelayTiming => {
  const m = (typeof message === 'object' && message !== null ? message : {}) as {
    type?: unknown;
    id?: unknown;
  };
  return { type: String(m.type), id: typeof m.id === 'number' ? m.id : -1, final, ms };
};

/**
 * Installs the stand-in bridge in `context` (before its pages load), relayed through
 * `server` (the one that serves the page); `hostEntry` is forked on the first message.
 */
export async function installNativeHost(
  context: BrowserContext,
  server: StaticServer,
  hostEntry: string,
): Promise<{ counts(page: Page): Promise<StandInCounts>; close(): Promise<void> }> {
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const counts = { toHost: 0, toPage: 0, posts: 0, bytesToHost: 0, bytesToPage: 0 };
  const toHostMs: RelayTiming[] = [];
  /** Each port's stream of answers, and what came for it before the page opened it. */
  const streams = new Map<number, ServerResponse>();
  const early = new Map<number, Uint8Array[]>();
  /** The port each request id came from: its answers go back there. */
  const portOf = new Map<number, number>();
  let latest = 0;

  const toPage = (port: number, frame: Uint8Array): void => {
    counts.bytesToPage += frame.byteLength;
    const stream = streams.get(port);
    if (stream) stream.write(frame);
    else early.set(port, [...(early.get(port) ?? []), frame]);
  };

  const host = (): ChildProcess => {
    if (child) return child;
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
      const id = (message as { id?: unknown }).id;
      const port = (typeof id === 'number' ? portOf.get(id) : undefined) ?? latest;
      toPage(port, codec.encode(message, Date.now()));
    });
    child = forked;
    return forked;
  };

  // A path of the page's origin that no file of the app has.
  const base = `/__ocr-host-stand-in/${randomBytes(8).toString('hex')}/`;
  const unmount = server.mount(base, (rest, req, res) => {
    const [what, portText] = rest.split('/');
    const port = Number(portText);
    if (what === 'answers' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.flushHeaders();
      streams.set(port, res);
      for (const frame of early.get(port) ?? []) res.write(frame);
      early.delete(port);
      res.on('close', () => streams.delete(port));
      return;
    }
    if (what === 'send' && req.method === 'POST') {
      void readBody(req).then((body) => {
        counts.posts++;
        counts.bytesToHost += body.byteLength;
        latest = port;
        let at = 0;
        for (let f = codec.decode(body, at); f; f = codec.decode(body, at)) {
          at = f.end;
          counts.toHost++;
          const id = (f.m as { id?: unknown }).id;
          if (typeof id === 'number') portOf.set(id, port);
          const target = host();
          // Page's port → the child's channel; the fork (main's, in the app) not included.
          const waited = Date.now() - f.t;
          const sent = Date.now();
          target.send(f.m as object);
          toHostMs.push(timing(f.m, true, waited + Date.now() - sent));
        }
        res.writeHead(204).end();
      });
      return;
    }
    if (what === 'echo' && req.method === 'POST') {
      // The relay alone: the frame decoded and sent back encoded, no OCR.
      void readBody(req).then((body) => {
        const frame = codec.decode(body, 0);
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(frame ? codec.encode(frame.m, Date.now()) : new Uint8Array(0));
      });
      return;
    }
    res.writeHead(404).end();
  });
  await context.addInitScript(pageSide(base));
  return {
    async counts(page) {
      const stats = await page.evaluate(
        () =>
          (
            window as unknown as {
              __ocrHostStandIn: { encodeMs: number; decodeMs: number; toPage: RelayTiming[] };
            }
          ).__ocrHostStandIn,
      );
      const sum = (ts: RelayTiming[]) => ts.reduce((n, t) => n + t.ms, 0);
      return {
        ...counts,
        pageEncodeMs: Math.round(stats.encodeMs),
        pageDecodeMs: Math.round(stats.decodeMs),
        onPathMs:
          sum(toHostMs.filter((t) => t.type === 'read' || t.type === 'raster')) +
          sum(stats.toPage.filter((t) => t.final && t.type !== 'loaded')),
        progressMs: sum(stats.toPage.filter((t) => !t.final)),
        toHostMs: [...toHostMs],
        toPageMs: stats.toPage,
      };
    },
    async close() {
      for (const stream of streams.values()) stream.end();
      streams.clear();
      unmount();
      if (child?.connected) child.disconnect();
      await exited;
    },
  };
}

/**
 * The relay alone: the four files' bytes, each as a read request, through the stand-in's
 * encoding and its HTTP way to Node and back (no OCR), timed in the page, median of
 * `rounds`. Call after installNativeHost's page has loaded.
 */
export async function standInEcho(page: Page, files: Uint8Array[], rounds = 3): Promise<number> {
  return page.evaluate(
    async ([sizes, n]) => {
      const { codec: c, base } = (
        window as unknown as { __ocrHostStandIn: { codec: Codec; base: string } }
      ).__ocrHostStandIn;
      const times: number[] = [];
      for (let round = 0; round < n; round++) {
        const started = performance.now();
        for (const size of sizes) {
          const bytes = new Uint8Array(size).map((_, i) => i % 251);
          const frame = c.encode(
            { type: 'read', id: 1, engine: 'paddle', name: 'echo.jpg', bytes },
            Date.now(),
          );
          const answer = new Uint8Array(
            await (
              await fetch(base + 'echo/0', {
                method: 'POST',
                body: new Blob([frame as Uint8Array<ArrayBuffer>]),
              })
            ).arrayBuffer(),
          );
          const back = c.decode(answer, 0) as { m: { bytes: Uint8Array } } | undefined;
          if (back?.m.bytes.byteLength !== size) throw new Error('The echo lost bytes.');
        }
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      return Math.round(times[Math.floor(times.length / 2)]!);
    },
    [files.map((f) => f.byteLength), rounds] as const,
  );
}
