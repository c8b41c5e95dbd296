// Launches Debian's Chromium for end-to-end tests and serves a folder on loopback.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

export { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../../../scripts/chromium';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.traineddata': 'application/octet-stream',
  '.gz': 'application/gzip',
  '.onnx': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/** Answers a request under a mounted prefix (the rest of the path after it). */
export type MountedHandler = (rest: string, req: IncomingMessage, res: ServerResponse) => void;

export interface StaticServer {
  url: string;
  /**
   * Serves requests whose path starts with `prefix` with `handler` instead of files (on
   * the page's own origin: a test's stand-in endpoint that the app's connect-src 'self'
   * allows); answers the unmount.
   */
  mount(prefix: string, handler: MountedHandler): () => void;
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 (a random port), with optional extra headers on every
 * response (e.g. the app's Content-Security-Policy). Paths outside root are refused.
 */
export async function serveFolder(
  root: string,
  headers: Record<string, string> = {},
): Promise<StaticServer> {
  const base = resolve(root);
  const mounted = new Map<string, MountedHandler>();
  const server: Server = createServer((req, res) => {
    const raw = new URL(req.url ?? '/', 'http://x').pathname;
    for (const [prefix, handler] of mounted)
      if (raw.startsWith(prefix)) return handler(raw.slice(prefix.length), req, res);
    void (async () => {
      const path = decodeURIComponent(raw);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': MIME[extname(file)] ?? 'application/octet-stream',
          ...headers,
        });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    mount(prefix, handler) {
      mounted.set(prefix, handler);
      return () => void mounted.delete(prefix);
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
