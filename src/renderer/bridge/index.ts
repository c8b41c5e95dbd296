// The bridge the interface uses: the Electron preload's window.vault when present,
// otherwise the web implementation.
import type { BridgeHost, VaultBridge } from '../../shared/bridge';
import { webBridge } from './web';

declare global {
  interface Window {
    /** Installed by src/preload in the Electron app; absent in a plain browser. */
    readonly vault?: VaultBridge;
  }
}

export function currentBridge(): { bridge: VaultBridge; host: BridgeHost } {
  return window.vault
    ? { bridge: window.vault, host: 'electron' }
    : { bridge: webBridge, host: 'web' };
}
