// The one bridge the sandboxed renderer gets: window.vault, one function per capability
// of src/shared/ipc.ts. ipcRenderer itself is never exposed, nor any callback.
import { contextBridge, ipcRenderer } from 'electron';
import type { VaultBridge } from '../shared/bridge';
import { IPC, type Capability, type IpcRequest, type IpcResponse } from '../shared/ipc';

function invoke<K extends Capability>(name: K) {
  return (request: IpcRequest<K>): Promise<IpcResponse<K>> =>
    ipcRenderer.invoke(IPC[name].channel, request) as Promise<IpcResponse<K>>;
}

const vault = {
  savePack: invoke('savePack'),
  saveBackup: invoke('saveBackup'),
  appVersion: invoke('appVersion'),
  revealInFolder: invoke('revealInFolder'),
  setReminders: invoke('setReminders'),
} satisfies VaultBridge;

contextBridge.exposeInMainWorld('vault', vault);
