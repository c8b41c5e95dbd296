// What the renderer may ask of its host: one function per capability. Two
// implementations: the Electron preload (window.vault, over IPC) and the web one in
// src/renderer (file input, Blob download) for plain Chromium; both are checked against
// this interface with `satisfies`.
import type { Capability, IpcRequest, IpcResponse } from './ipc';

export type VaultBridge = {
  readonly [K in Capability]: (request: IpcRequest<K>) => Promise<IpcResponse<K>>;
};

/** Where the bridge runs; the interface says "offline" the same way in both. */
export type BridgeHost = 'electron' | 'web';
