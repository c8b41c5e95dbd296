// What the checks need from the vault for one dossier, besides its documents' readings:
// accounts, declared values, confirmed fields by document kind, and the `id.reuse`
// count of accounts elsewhere (src/core/dossier.ts DossierInput).
import type { Confirmed } from '../../core/dossier';
import { DocumentKindSchema } from '../../core/documents';
import type { VaultContext } from '../context';
import type { AccountInput, DeclaredInput } from '../types';
import { getDeclared, listAccounts } from './accounts';
import { listDocuments } from './documents';
import { countAccountsForIdNumber, getDossier } from './dossiers';
import { listExtractions } from './extractions';

export interface CheckInputs {
  accounts: AccountInput[];
  declared: DeclaredInput;
  confirmed: Confirmed;
  idAccountsElsewhere: number | undefined;
}

export async function checkInputs(ctx: VaultContext, dossierId: string): Promise<CheckInputs> {
  const dossier = await getDossier(ctx, dossierId);
  const confirmed: Confirmed = {};
  for (const doc of await listDocuments(ctx, dossierId)) {
    const kind = DocumentKindSchema.safeParse(doc.kind);
    if (!kind.success) continue;
    for (const field of await listExtractions(ctx, doc.id)) {
      if (field.confirmedValue === null) continue;
      (confirmed[kind.data] ??= {})[field.field] = field.confirmedValue;
    }
  }
  return {
    accounts: (await listAccounts(ctx, dossierId)).map(({ store, phone, email }) => ({
      store,
      phone,
      email,
    })),
    declared: await getDeclared(ctx, dossierId),
    confirmed,
    idAccountsElsewhere: dossier.idNumber
      ? await countAccountsForIdNumber(ctx, dossier.idNumber, dossierId)
      : undefined,
  };
}
