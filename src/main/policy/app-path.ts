// Which file an app:// request may read: only a file under the built renderer folder.
// Pure (no file system access); the caller reads the file it is given.
import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME, parseUrl } from './origin';

export type AppPathResolution = { ok: true; file: string } | { ok: false; reason: string };

type PathApi = Pick<typeof nodePath, 'resolve' | 'join' | 'sep' | 'isAbsolute' | 'relative'>;

const refuse = (reason: string): AppPathResolution => ({ ok: false, reason });

/**
 * The absolute file under `root` that `url` names, or why it is refused. `/` is
 * index.html. Refused: another scheme or host; a path that does not decode; a decoded
 * path holding a null byte, a backslash, a colon (drive letters, streams), a `%` (a
 * second round of decoding elsewhere could turn it into `..`), or a `.`/`..` segment;
 * and, as a last guard, anything that resolves outside root. `path` lets tests check
 * Windows rules on any OS.
 */
export function resolveAppPath(
  root: string,
  url: string,
  path: PathApi = nodePath,
): AppPathResolution {
  const parsed = parseUrl(url);
  if (parsed === null) return refuse('not a URL');
  if (parsed.protocol !== `${APP_SCHEME}:`) return refuse('not the app scheme');
  if (parsed.host !== APP_HOST) return refuse('not the app host');
  if (parsed.username !== '' || parsed.password !== '') return refuse('credentials in the URL');

  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return refuse('the path is not valid percent-encoding');
  }
  if (decoded.includes('\0')) return refuse('null byte in the path');
  if (decoded.includes('\\')) return refuse('backslash in the path');
  if (decoded.includes(':')) return refuse('colon in the path');
  if (decoded.includes('%')) return refuse('percent sign left after decoding');
  if (!decoded.startsWith('/') || decoded.startsWith('//')) return refuse('not a rooted path');

  const segments = decoded.slice(1).split('/');
  if (segments.some((s) => s === '.' || s === '..')) return refuse('dot segment in the path');
  const relativePath =
    decoded === '/' ? 'index.html' : segments.filter((s) => s !== '').join(path.sep);
  if (relativePath === '') return refuse('empty path');

  const base = path.resolve(root);
  const file = path.resolve(base, relativePath);
  const rel = path.relative(base, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
    return refuse('outside the app folder');
  return { ok: true, file };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.otf': 'font/otf',
  '.ttf': 'font/ttf',
  '.pfb': 'application/octet-stream',
  '.bcmap': 'application/octet-stream',
  '.onnx': 'application/octet-stream',
  '.gz': 'application/gzip',
  '.traineddata': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a served file, by extension (the app's own build output only). */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[nodePath.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
