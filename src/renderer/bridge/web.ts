// The VaultBridge for plain Chromium (npm run web, end-to-end tests): Blob downloads for
// savePack and saveBackup. Same interface as the Electron preload. (Files come in through
// the page's own file inputs and drops in both hosts: no bridge call reads a file.)
import type { VaultBridge } from '../../shared/bridge';
import { ipcError } from '../../shared/ipc';

/** Hands bytes to the browser's download (the web host's "save as"; Electron asks where). */
export function downloadBytes(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has started from the blob; free it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const webBridge = {
  savePack(request) {
    downloadBytes(request.bytes, request.suggestedName, 'application/zip');
    // A browser does not say where it saved: the name is all there is.
    return Promise.resolve({ ok: true, value: { path: request.suggestedName } });
  },

  saveBackup(request) {
    downloadBytes(request.bytes, request.suggestedName, 'application/octet-stream');
    return Promise.resolve({ ok: true, value: { path: request.suggestedName } });
  },

  appVersion() {
    return Promise.resolve({
      ok: true,
      value: { version: import.meta.env.VITE_APP_VERSION ?? 'web' },
    });
  },

  setReminders() {
    return Promise.resolve(
      ipcError('unsupported', 'A browser cannot show desktop notifications: use the desktop app.'),
    );
  },

  revealInFolder() {
    return Promise.resolve(
      ipcError(
        'unsupported',
        'A browser cannot show a file in its folder: open your downloads folder.',
      ),
    );
  },
} satisfies VaultBridge;
