// Guards applied to every web contents the app ever creates (windows, devtools, any
// frame): no navigation away from the app, no new windows, no <webview>.
import type { WebContents } from 'electron';
import { navigationDecision, windowOpenDecision } from './policy';

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (navigationDecision(event.url) === 'deny') event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (navigationDecision(event.url) === 'deny') event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (navigationDecision(event.url) === 'deny') event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => ({
    action: windowOpenDecision(url) === 'allow' ? 'allow' : 'deny',
  }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
