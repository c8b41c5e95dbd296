// The main process's security decisions, attacked directly: traversal, encoded variants,
// other schemes and hosts, redirects, navigation, permissions and IPC senders.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  GRANTED_PERMISSIONS,
  SavedPaths,
  navigationDecision,
  permissionDecision,
  requestDecision,
  resolveAppPath,
  senderDecision,
  windowOpenDecision,
} from '../../src/main/policy';

const ROOT = '/opt/dossier-vault/resources/app.asar/out/renderer';
const WIN_ROOT = 'C:\\Program Files\\Dossier Vault\\resources\\app.asar\\out\\renderer';

function fileOf(url: string, root = ROOT, api: typeof path.posix = path.posix): string | null {
  const r = resolveAppPath(root, url, api);
  return r.ok ? r.file : null;
}

describe('resolveAppPath: app:// serves only files under the renderer folder', () => {
  it('maps the root to index.html and nested paths under the root', () => {
    expect(fileOf(`${APP_ORIGIN}/`)).toBe(`${ROOT}/index.html`);
    expect(fileOf(`${APP_ORIGIN}/index.html`)).toBe(`${ROOT}/index.html`);
    expect(fileOf(`${APP_ORIGIN}/assets/index-abc.js?v=1#x`)).toBe(`${ROOT}/assets/index-abc.js`);
    expect(fileOf(`${APP_ORIGIN}/pdfjs/cmaps/UniGB-UCS2-H.bcmap`)).toBe(
      `${ROOT}/pdfjs/cmaps/UniGB-UCS2-H.bcmap`,
    );
  });

  it('decodes percent-encoded names once', () => {
    expect(fileOf(`${APP_ORIGIN}/assets/a%20b.js`)).toBe(`${ROOT}/assets/a b.js`);
  });

  it('refuses app://x/../../etc/passwd (another host)', () => {
    expect(resolveAppPath(ROOT, 'app://x/../../etc/passwd')).toEqual({
      ok: false,
      reason: 'not the app host',
    });
  });

  it('keeps literal ../ inside the root: the URL parser removes the dot segments first', () => {
    // new URL() resolves /../../etc/passwd to /etc/passwd, which is then under the root.
    expect(fileOf(`${APP_ORIGIN}/../../etc/passwd`)).toBe(`${ROOT}/etc/passwd`);
    expect(fileOf(`${APP_ORIGIN}/assets/../../../../etc/passwd`)).toBe(`${ROOT}/etc/passwd`);
    expect(fileOf(`${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`)).toBe(`${ROOT}/etc/passwd`);
  });

  it.each([
    ['encoded slash traversal %2e%2e%2f', `${APP_ORIGIN}/%2e%2e%2f%2e%2e%2fetc%2fpasswd`],
    ['encoded dots and slash ..%2f', `${APP_ORIGIN}/..%2f..%2fetc/passwd`],
    ['upper-case %2E%2E%2F', `${APP_ORIGIN}/%2E%2E%2F%2E%2E%2Fetc/passwd`],
    ['encoded backslash ..%5c', `${APP_ORIGIN}/..%5c..%5cwindows%5cwin.ini`],
    ['double-encoded %252e%252e%252f', `${APP_ORIGIN}/%252e%252e%252fetc%252fpasswd`],
    ['null byte %00', `${APP_ORIGIN}/index.html%00.png`],
    ['encoded absolute path %2fetc', `${APP_ORIGIN}/%2fetc/passwd`],
    ['drive letter C:', `${APP_ORIGIN}/C:/Windows/win.ini`],
    ['encoded drive letter C%3a', `${APP_ORIGIN}/C%3a%5cWindows%5cwin.ini`],
    ['malformed escape %e0%a4%a', `${APP_ORIGIN}/%e0%a4%a`],
    ['file: URL', 'file:///etc/passwd'],
    ['http URL', 'http://vault/index.html'],
    ['credentials', 'app://user:pw@vault/index.html'],
    ['not a URL', '../../etc/passwd'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(ROOT, url).ok).toBe(false);
  });

  it('applies the same rules with Windows paths', () => {
    expect(fileOf(`${APP_ORIGIN}/assets/app.js`, WIN_ROOT, path.win32)).toBe(
      `${WIN_ROOT}\\assets\\app.js`,
    );
    for (const url of [
      `${APP_ORIGIN}/..%5c..%5c..%5cWindows%5cwin.ini`,
      `${APP_ORIGIN}/C:%5cWindows%5cwin.ini`,
      `${APP_ORIGIN}/%5c%5cserver%5cshare%5cx`,
      `${APP_ORIGIN}/assets/..%2f..%2f..%2fx`,
    ]) {
      expect(resolveAppPath(WIN_ROOT, url, path.win32).ok, url).toBe(false);
    }
  });

  it('never returns a file outside the root, for any single path segment', () => {
    const nasty = [
      '..',
      '.',
      '...',
      '%2e%2e',
      '%2e.',
      '.%2e',
      '%252e%252e',
      '..%00',
      '%c0%ae%c0%ae',
      '..;',
      '~',
      '%7e',
    ];
    for (const a of nasty) {
      for (const b of nasty) {
        const r = resolveAppPath(ROOT, `${APP_ORIGIN}/${a}/${b}/etc/passwd`);
        if (r.ok) expect(r.file.startsWith(`${ROOT}/`), r.file).toBe(true);
      }
    }
  });
});

describe('requestDecision: the session cancels every request that could leave the computer', () => {
  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/x',
    'http://localhost/',
    'ws://example.com/socket',
    'wss://example.com/socket',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'app://evil/index.html',
    'blob:https://example.com/5f0c',
    'chrome-extension://abc/x.js',
    'not a url',
  ])('cancels %s', (url) => {
    expect(requestDecision(url)).toBe('cancel');
  });

  it.each([
    `${APP_ORIGIN}/index.html`,
    `blob:${APP_ORIGIN}/3b1e-4c`,
    'data:text/plain,hi',
    'devtools://devtools/bundled/x.html',
  ])('allows %s', (url) => {
    expect(requestDecision(url)).toBe('allow');
  });
});

describe('navigationDecision: no navigation or redirect away from the app', () => {
  it('allows the app origin', () => {
    expect(navigationDecision(`${APP_ORIGIN}/index.html#/dossier/1`)).toBe('allow');
  });

  it.each([
    ['a redirect to http', 'http://example.com/'],
    ['https', 'https://example.com/login'],
    ['file://', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['data: navigation', 'data:text/html,<script>alert(1)</script>'],
    ['blob: navigation', `blob:${APP_ORIGIN}/1234`],
    ['another app host', 'app://x/../../etc/passwd'],
    ['about:blank', 'about:blank'],
  ])('denies %s', (_label, url) => {
    expect(navigationDecision(url)).toBe('deny');
  });

  it('denies every window.open, even to the app itself', () => {
    expect(windowOpenDecision(`${APP_ORIGIN}/index.html`)).toBe('deny');
    expect(windowOpenDecision('https://example.com')).toBe('deny');
  });
});

describe('permissionDecision: every permission request is denied', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'midi',
    'openExternal',
    'fullscreen',
    'hid',
    'serial',
    'usb',
    'pointerLock',
  ])('denies %s, even to the app origin', (permission) => {
    expect(permissionDecision({ permission, requestingUrl: `${APP_ORIGIN}/index.html` })).toBe(
      false,
    );
    expect(permissionDecision({ permission, requestingUrl: 'https://example.com/' })).toBe(false);
  });

  it('grants nothing by default', () => {
    expect(GRANTED_PERMISSIONS.size).toBe(0);
  });
});

describe('senderDecision: IPC is acted on only from the app top frame of an app window', () => {
  const good = { frameUrl: `${APP_ORIGIN}/index.html`, isTopFrame: true, isAppWindow: true };

  it('accepts the app page', () => {
    expect(senderDecision(good)).toEqual({ ok: true });
  });

  it.each([
    ['a web origin', { ...good, frameUrl: 'https://example.com/' }],
    ['file://', { ...good, frameUrl: 'file:///tmp/evil.html' }],
    ['another app host', { ...good, frameUrl: 'app://evil/index.html' }],
    ['a data: frame', { ...good, frameUrl: 'data:text/html,x' }],
    ['a sub-frame of the app', { ...good, isTopFrame: false }],
    ['a frame that is gone', { ...good, frameUrl: null }],
    ['a window main did not create', { ...good, isAppWindow: false }],
  ])('refuses %s', (_label, sender) => {
    expect(senderDecision(sender).ok).toBe(false);
  });
});

describe('SavedPaths: revealInFolder shows only what savePack wrote', () => {
  it('knows exactly the remembered paths', () => {
    const saved = new SavedPaths();
    saved.remember('/home/a/Documents/pack.zip');
    expect(saved.has('/home/a/Documents/pack.zip')).toBe(true);
    expect(saved.has('/home/a/Documents/../Documents/pack.zip')).toBe(false);
    expect(saved.has('/etc/passwd')).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('allows scripts only from the app, plus wasm compilation, and no eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('has no network source anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
  });

  it('leaves frame-ancestors out of the <meta> variant only', () => {
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY_META).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });
});
