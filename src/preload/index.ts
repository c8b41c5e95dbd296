// The one bridge the sandboxed renderer gets: window.vault, one function per capability
// of src/shared/ipc.ts. ipcRenderer itself is never exposed, nor any callback.
import { contextBridge, ipcRenderer } from 'electron';
import type { VaultBridge } from '../shared/bridge';
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
