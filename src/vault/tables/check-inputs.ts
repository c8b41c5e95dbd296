// Everything the checks and the dossier screen read about one dossier, each record
// decrypted once: its documents with their fields and readings, accounts, declared values,
// accepted exceptions, tracked changes, confirmed values by kind, and the `id.reuse` count
// of accounts elsewhere (src/core/dossier.ts DossierInput).
import type { AcceptedException, Confirmed } from '../../core/dossier';
import type { ChangeEvent as TrackedChange } from '../../core/deadlines/change';
import type { VaultContext } from '../context';
import { confirmedOf, readDocumentSources, type DocumentSource } from '../dossier-source';
import type { AccountInput, DeclaredInput, Dossier, StoredAccount } from '../types';
import { getDeclared, listAccounts } from './accounts';
import { countAccountsForIdNumber, getDossier } from './dossiers';
import { listExceptions } from './exceptions';
import { listTrackedChanges } from './tracked-changes';

export interface CheckInputs {
  accounts: AccountInput[];
  declared: DeclaredInput;
  confirmed: Confirmed;
  idAccountsElsewhere: number | undefined;
}

export interface DossierRecords {
  dossier: Dossier;
  documents: DocumentSource[];
  accounts: StoredAccount[];
  declared: DeclaredInput;
  exceptions: AcceptedException[];
  changes: TrackedChange[];
  confirmed: Confirmed;
  idAccountsElsewhere: number | undefined;
}

/** One dossier's records for the checks and the screen; reads only. */
export async function dossierRecords(
  ctx: VaultContext,
  dossierId: string,
): Promise<DossierRecords> {
  const dossier = await getDossier(ctx, dossierId);
  const [documents, accounts, declared, exceptions, changes, idAccountsElsewhere] =
    await Promise.all([
      readDocumentSources(ctx, dossierId),
      listAccounts(ctx, dossierId),
      getDeclared(ctx, dossierId),
      listExceptions(ctx, dossierId),
      listTrackedChanges(ctx, dossierId),
      dossier.idNumber
        ? countAccountsForIdNumber(ctx, dossier.idNumber, dossierId)
        : Promise.resolve(undefined),
    ]);
  return {
    dossier,
    documents,
    accounts,
    declared,
    exceptions,
    changes,
    confirmed: confirmedOf(documents),
    idAccountsElsewhere,
  };
}

export async function checkInputs(ctx: VaultContext, dossierId: string): Promise<CheckInputs> {
  const records = await dossierRecords(ctx, dossierId);
  return {
    accounts: records.accounts.map(({ store, phone, email }) => ({ store, phone, email })),
    declared: records.declared,
    confirmed: records.confirmed,
    idAccountsElsewhere: records.idAccountsElsewhere,
  };
}
