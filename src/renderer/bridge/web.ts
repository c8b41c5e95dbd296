// The VaultBridge for plain Chromium (npm run web, end-to-end tests): a Blob download for
// savePack, a streamed save for the backup (web-save.ts: File System Access, else a Blob
// download). Same interface as the Electron preload. (Files come in through
// the page's own file inputs and drops in both hosts: no bridge call reads a file.)
import type { VaultBridge } from '../../shared/bridge';
import { ipcError } from '../../shared/ipc';
import { abortWebSave, appendWebSave, downloadBlob, finishWebSave, startWebSave } from './web-save';

/** Hands bytes to the browser's download (the web host's "save as"; Electron asks where). */
export function downloadBytes(bytes: Uint8Array, name: string, type: string): void {
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
}

export const webBridge = {
  savePack(request) {
    downloadBytes(request.bytes, request.suggestedName, 'application/zip');
    // A browser does not say where it saved: the name is all there is.
    return Promise.resolve({ ok: true, value: { path: request.suggestedName } });
  },

  startBackupSave: (request) => startWebSave(request.suggestedName),
  appendBackupSave: (request) => appendWebSave(request),
  finishBackupSave: (request) => finishWebSave(request),
  abortBackupSave: (request) => abortWebSave(request.saveId),

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
