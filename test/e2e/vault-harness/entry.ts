// The vault harness page: exposes the vault API and a raw IndexedDB dump on window, for
// playwright to drive (test/e2e/vault.test.ts).
import { openVault } from '../../../src/vault/vault';
import { dumpIndexedDb } from './raw-dump';

export interface VaultHarness {
  openVault: typeof openVault;
  dumpIndexedDb: typeof dumpIndexedDb;
}

(window as unknown as { vaultHarness: VaultHarness }).vaultHarness = { openVault, dumpIndexedDb };
document.title = 'ready';
