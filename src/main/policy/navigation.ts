// Where a window may go: nowhere but the app's own origin. Covers will-navigate,
// will-redirect and will-frame-navigate; window.open is always denied (the app opens no
// second window, and links to the web must not open a browser either).
import { isAppUrl } from './origin';

export type NavigationDecision = 'allow' | 'deny';

/** A navigation or redirect to `url`: allowed only within the app origin. */
export function navigationDecision(url: string): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

/** window.open and target=_blank links: always denied. */
export function windowOpenDecision(_url: string): NavigationDecision {
  return 'deny';
}
