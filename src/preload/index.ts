// The bridge the sandboxed renderer gets: window.vault, one function per capability of
// src/shared/ipc.ts, and window.ocrHost, whose one function asks main for a port to the
// native OCR host (src/main/ocr-host.ts). ipcRenderer itself is never exposed, nor any
// callback: the port comes to the page as a window message (Electron's pattern for
// main-world ports under contextIsolation), posted to the page's own origin only.
import { contextBridge, ipcRenderer } from 'electron';
import type { VaultBridge } from '../shared/bridge';
import { OCR_HOST_CHANNELS, OCR_HOST_PORT_MESSAGE, type OcrHostBridge } from '../shared/ocr-host';
import { ipcInvoker } from '../shared/ipc-invoke';

const invoke = ipcInvoker(
  (channel, request) => ipcRenderer.invoke(channel, request),
  ({ channel, code, detail }) => console.error(`[ipc] ${channel} ${code}: ${detail}`),
);

const vault = {
  savePack: invoke('savePack'),
  startBackupSave: invoke('startBackupSave'),
  appendBackupSave: invoke('appendBackupSave'),
  finishBackupSave: invoke('finishBackupSave'),
  abortBackupSave: invoke('abortBackupSave'),
  appVersion: invoke('appVersion'),
  revealInFolder: invoke('revealInFolder'),
  setReminders: invoke('setReminders'),
} satisfies VaultBridge;

contextBridge.exposeInMainWorld('vault', vault);

// Main answers each connect with exactly one port, for this frame; the page's reader
// (src/renderer/reader/host.ts) listens for it before it asks.
ipcRenderer.on(OCR_HOST_CHANNELS.port, (event) => {
  if (event.ports.length !== 1) return;
  window.postMessage(OCR_HOST_PORT_MESSAGE, window.location.origin, [...event.ports]);
});

const ocrHost = {
  connect: () => ipcRenderer.send(OCR_HOST_CHANNELS.connect),
} satisfies OcrHostBridge;

contextBridge.exposeInMainWorld('ocrHost', ocrHost);
