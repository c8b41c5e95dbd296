// What the table modules work over: the database and the clock, and once unlocked the keys
// and the decrypted dossier list to keep current. Only the session hands out a VaultContext.
import type { VaultDB } from './db';
import type { DossierList } from './dossier-list';
import type { VaultKeys } from './envelope';

/** Enough for what works while locked: settings, the audit log, the keyring. */
export interface StoreContext {
  readonly db: VaultDB;
  readonly now: () => number;
}

/** An unlocked vault: every operation that reads or writes sealed values. */
export interface VaultContext extends StoreContext {
  readonly keys: VaultKeys;
  readonly list: DossierList;
}
