// Which requests the app's session lets through. The app is offline by design: its own
// scheme and in-memory URLs only; http, https, ws, wss, ftp, file and anything unknown
// are cancelled (an allow-list, so a new scheme is refused by default).
import { isAppUrl, parseUrl } from './origin';

export type RequestDecision = 'allow' | 'cancel';

/** Schemes that never reach the network: in-memory data and Chromium's own devtools. */
const LOCAL_SCHEMES = new Set(['data:', 'devtools:']);

export function requestDecision(url: string): RequestDecision {
  if (isAppUrl(url)) return 'allow';
  const parsed = parseUrl(url);
  if (parsed === null) return 'cancel';
  // blob: URLs carry their creator's origin (blob:app://vault/<uuid>): only the app's own.
  if (parsed.protocol === 'blob:') return isAppUrl(parsed.pathname) ? 'allow' : 'cancel';
  if (LOCAL_SCHEMES.has(parsed.protocol)) return 'allow';
  return 'cancel';
}
