// The Electron main process, kept thin: lock down the app before any window exists, then
// open the one window. Every security decision lives in ./policy (pure, unit-tested).
//
// Secrets at rest: main writes nothing but the pack the user saves; the crash reporter is
// never started (no minidumps with document content) and nothing is logged about documents.
import { app, Menu, session, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { registerIpcHandlers } from './ipc';
import { registerOcrHost } from './ocr-host';
import { handleAppProtocol, registerAppSchemePrivileges } from './protocol';
import { createReminders } from './reminders';
import { hardenSession } from './session';
import { hardenWebContents } from './web-contents';
import { builtPaths, createMainWindow } from './window';

// Every renderer sandboxed, whatever a BrowserWindow says.
app.enableSandbox();
registerAppSchemePrivileges();

const appWindows = new Set<BrowserWindow>();
let mainWindow: BrowserWindow | null = null;

function minimalMenu(): Menu {
  // The default menu's Help items open electronjs.org in a browser: ours has none.
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}

function openWindow(): void {
  const paths = builtPaths(import.meta.dirname);
  const window = createMainWindow(paths.preload, { devTools: !app.isPackaged });
  appWindows.add(window);
  window.on('closed', () => {
    appWindows.delete(window);
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same vault twice: hand over to the first and quit.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    const paths = builtPaths(import.meta.dirname);
    hardenSession(session.defaultSession);
    handleAppProtocol(session.defaultSession, paths.rendererRoot);
    registerIpcHandlers(
      (window) => window !== null && appWindows.has(window),
      createReminders(() => mainWindow),
    );
    // The native OCR host (a utility process), forked when the page first asks for it.
    const ocrHost = registerOcrHost(
      paths.ocrHost,
      (window) => window !== null && appWindows.has(window),
    );
    app.on('will-quit', () => ocrHost.dispose());
    Menu.setApplicationMenu(minimalMenu());
    openWindow();
  });
}
