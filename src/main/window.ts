// The one app window: every web preference that matters set explicitly, loaded from app://.
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './policy';

export function createMainWindow(
  preloadPath: string,
  options: { devTools: boolean },
): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    show: false,
    title: 'Dossier Vault',
    webPreferences: {
      // Reviewed (PRELOAD_JS_CHECK): the preload exposes only window.vault's functions and
      // window.ocrHost.connect through contextBridge, never ipcRenderer; see the README's
      // Security model.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Developer tools only in development builds.
      devTools: options.devTools,
      // Middle-click (auxclick) could open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Built files, relative to out/main/index.js (also inside app.asar). */
export function builtPaths(mainDir: string): {
  rendererRoot: string;
  preload: string;
  ocrHost: string;
} {
  return {
    rendererRoot: join(mainDir, '..', 'renderer'),
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    // The native OCR host's entry (src/ocr-host/utility.node.ts), built beside main.
    ocrHost: join(mainDir, 'ocr-host.js'),
  };
}
