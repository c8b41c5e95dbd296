// The app:// protocol: serves the built renderer folder and nothing else, with the
// Content-Security-Policy and companion headers on every response.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_RESPONSE_HEADERS, APP_SCHEME, contentTypeFor, resolveAppPath } from './policy';

/** Must run before app 'ready': gives app:// a secure, standard origin (fetch, workers, IndexedDB). */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function refused(status: 403 | 404): Response {
  return new Response(null, { status, headers: { ...APP_RESPONSE_HEADERS } });
}

export function handleAppProtocol(session: Session, rendererRoot: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refused(403);
    const resolved = resolveAppPath(rendererRoot, request.url);
    if (!resolved.ok) return refused(403);
    try {
      const body = await readFile(resolved.file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...APP_RESPONSE_HEADERS, 'content-type': contentTypeFor(resolved.file) },
      });
    } catch {
      return refused(404);
    }
  });
}
