// accounts and declared: the marketplace accounts a dossier links (store, phone, email
// sealed) and the values the company declared (ID validity, office address). Both go
// into the pack, so every change is history and audit (recordEdit).
import { AccountSchema, DeclaredSchema } from '../../core/dossier';
import { auditIntegrityFailure } from '../audit';
import type { VaultContext } from '../context';
import { VaultIntegrityError } from '../errors';
import { newId } from '../ids';
import { recordEdit } from '../record-edit';
import type { AccountRecord } from '../schema/accounts';
import { openFields, sealFields } from '../sealed-fields';
import type { AccountInput, DeclaredInput, StoredAccount } from '../types';
import { liveDossierRecord } from './dossiers';
import type { FieldChange } from './history';

const ACCOUNT_FIELDS = ['store', 'phone', 'email'] as const;

export async function addAccount(
  ctx: VaultContext,
  dossierId: string,
  account: AccountInput,
): Promise<string> {
  const value = AccountSchema.parse(account);
  await liveDossierRecord(ctx, dossierId);
  const id = newId();
  const at = ctx.now();
  const record: AccountRecord = {
    id,
    dossierId,
    createdAt: at,
    ...(await sealFields(ctx.keys.data, 'accounts', id, value)),
  };
  await recordEdit(ctx, {
    dossierId,
    action: 'edit',
    entityId: id,
    detail: 'account added',
    changes: ACCOUNT_FIELDS.map((field) => ({
      kind: 'create' as const,
      entity: 'accounts',
      entityId: id,
      field,
      before: null,
      after: value[field],
    })),
    tables: [ctx.db.accounts],
    write: () => ctx.db.accounts.add(record),
    at,
  });
  return id;
}

async function openAccount(ctx: VaultContext, r: AccountRecord): Promise<StoredAccount> {
  return { id: r.id, ...(await openFields(ctx.keys.data, 'accounts', r.id, r)) };
}

const byCreation = (a: AccountRecord, b: AccountRecord) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

export async function listAccounts(ctx: VaultContext, dossierId: string): Promise<StoredAccount[]> {
  const rows = await ctx.db.accounts.where('dossierId').equals(dossierId).toArray();
  return Promise.all(rows.sort(byCreation).map((r) => openAccount(ctx, r)));
}

/**
 * Every account of every live dossier, decrypted: the UI searches dossiers by store,
 * phone or email in memory after unlock (nothing of it is indexed).
 */
export async function listAccountsAll(
  ctx: VaultContext,
): Promise<{ dossierId: string; account: StoredAccount }[]> {
  const live = new Set(await ctx.db.dossiers.where('deletedAt').equals(0).primaryKeys());
  const rows = (await ctx.db.accounts.toArray()).filter((r) => live.has(r.dossierId));
  return Promise.all(
    rows
      .sort(byCreation)
      .map(async (r) => ({ dossierId: r.dossierId, account: await openAccount(ctx, r) })),
  );
}

/**
 * Removes an account (nothing happens when there is none). A damaged record (a field that
 * fails its integrity check) is removed too, or a person could never get rid of it: its
 * values cannot be read, so its history has no before values; the damage is logged
 * ('integrity-failure') and the audit entry says the account was removed damaged.
 */
export async function removeAccount(ctx: VaultContext, accountId: string): Promise<void> {
  const record = await ctx.db.accounts.get(accountId);
  if (!record) return;
  let before: StoredAccount | null = null;
  try {
    before = await openAccount(ctx, record);
  } catch (error) {
    if (!(error instanceof VaultIntegrityError)) throw error;
    await auditIntegrityFailure(ctx, error);
  }
  await recordEdit(ctx, {
    dossierId: record.dossierId,
    action: 'edit',
    entityId: accountId,
    detail: before ? 'account removed' : 'account removed (damaged)',
    changes: before
      ? ACCOUNT_FIELDS.map((field) => ({
          kind: 'delete' as const,
          entity: 'accounts',
          entityId: accountId,
          field,
          before: before[field],
          after: null,
        }))
      : [],
    tables: [ctx.db.accounts],
    write: () => ctx.db.accounts.delete(accountId),
  });
}

export async function getDeclared(ctx: VaultContext, dossierId: string): Promise<DeclaredInput> {
  const r = await ctx.db.declared.get(dossierId);
  if (!r) return {};
  const opened = await openFields(ctx.keys.data, 'declared', dossierId, r);
  const out: DeclaredInput = {};
  if (opened.idValidUntil !== null) out.idValidUntil = opened.idValidUntil;
  if (opened.officeAddress !== null) out.officeAddress = opened.officeAddress;
  return out;
}

/** Replaces the declared values; history for each one that changed. */
export async function setDeclared(
  ctx: VaultContext,
  dossierId: string,
  declared: DeclaredInput,
): Promise<void> {
  const value = DeclaredSchema.parse(declared);
  await liveDossierRecord(ctx, dossierId);
  const before = await getDeclared(ctx, dossierId);
  const next = {
    idValidUntil: value.idValidUntil ?? null,
    officeAddress: value.officeAddress ?? null,
  };
  const changes: FieldChange[] = (['idValidUntil', 'officeAddress'] as const)
    .filter((field) => (before[field] ?? null) !== next[field])
    .map((field) => ({
      kind: 'edit',
      entity: 'declared',
      entityId: dossierId,
      field,
      before: before[field] ?? null,
      after: next[field],
    }));
  const at = ctx.now();
  const record = {
    dossierId,
    updatedAt: at,
    ...(await sealFields(ctx.keys.data, 'declared', dossierId, next)),
  };
  await recordEdit(ctx, {
    dossierId,
    action: 'edit',
    entityId: dossierId,
    detail: `declared ${changes.map((c) => c.field).join(' ') || 'unchanged'}`,
    changes,
    tables: [ctx.db.declared],
    write: () => ctx.db.declared.put(record),
    at,
  });
}

/**
 * Replaces a dossier's accounts with `next` in one transaction: accounts that stay the
 * same are kept, the others removed, the new ones added, each with its history.
 */
export async function replaceAccounts(
  ctx: VaultContext,
  dossierId: string,
  next: readonly AccountInput[],
): Promise<void> {
  const values = next.map((a) => AccountSchema.parse(a));
  await liveDossierRecord(ctx, dossierId);
  const key = (a: AccountInput) => JSON.stringify([a.store, a.phone, a.email]);
  const current = await listAccounts(ctx, dossierId);
  const wanted = new Map(values.map((v) => [key(v), v]));
  const removed = current.filter((a) => !wanted.delete(key(a)));
  const at = ctx.now();
  const added: AccountRecord[] = await Promise.all(
    [...wanted.values()].map(async (value, i) => {
      const id = newId();
      // Distinct times keep the order they were given in.
      const sealed = await sealFields(ctx.keys.data, 'accounts', id, value);
      return { id, dossierId, createdAt: at + i, ...sealed };
    }),
  );
  if (removed.length === 0 && added.length === 0) return;
  const change = (kind: 'create' | 'delete', id: string, a: AccountInput): FieldChange[] =>
    ACCOUNT_FIELDS.map((field) => ({
      kind,
      entity: 'accounts',
      entityId: id,
      field,
      before: kind === 'delete' ? a[field] : null,
      after: kind === 'create' ? a[field] : null,
    }));
  await recordEdit(ctx, {
    dossierId,
    action: 'edit',
    entityId: dossierId,
    detail: `accounts ${removed.length} removed ${added.length} added`,
    changes: [
      ...removed.flatMap((a) => change('delete', a.id, a)),
      ...[...wanted.values()].flatMap((a, i) => change('create', added[i]!.id, a)),
    ],
    tables: [ctx.db.accounts],
    write: async () => {
      await ctx.db.accounts.bulkDelete(removed.map((a) => a.id));
      await ctx.db.accounts.bulkAdd(added);
    },
    at,
  });
}
