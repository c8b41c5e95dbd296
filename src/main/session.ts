// Session-wide locks: no network, no permissions, no spell-check dictionary downloads.
import type { Session } from 'electron';
import { permissionDecision, requestDecision } from './policy';

export function hardenSession(session: Session): void {
  // Every request goes through the allow-list: only app://, the app's blob: URLs, data:
  // and devtools: pass. http(s), ws(s), ftp, file and unknown schemes are cancelled.
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: requestDecision(details.url) === 'cancel' });
  });

  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    callback(
      permissionDecision({
        permission,
        requestingUrl: details.requestingUrl ?? webContents.getURL(),
      }),
    );
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    permissionDecision({ permission, requestingUrl: requestingOrigin }),
  );
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));

  // The spell checker downloads dictionaries from a Google CDN: off.
  session.setSpellCheckerEnabled(false);
}
