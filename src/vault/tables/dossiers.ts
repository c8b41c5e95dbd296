// dossiers: one company's dossier (company, legal representative, ID number and credit code
// sealed; blind indexes of the last two for exact lookups) and its last check summary.
import { appendAudit } from '../audit';
import type { VaultContext } from '../context';
import { blindIndex } from '../envelope';
import { VaultError, VaultNotFoundError } from '../errors';
import { newId } from '../ids';
import { recordEdit } from '../record-edit';
import type { DossierRecord } from '../schema/dossiers';
import { openFields, sealFields } from '../sealed-fields';
import {
  DossierCheckSummarySchema,
  DossierPatchSchema,
  NewDossierSchema,
  type Dossier,
  type DossierCheckSummaryInput,
  type DossierPatch,
  type NewDossier,
} from '../types';
import type { FieldChange } from './history';

const INDEXED = { idNumber: 'idNumberIndex', creditCode: 'creditCodeIndex' } as const;

/** The blind index of an ID number or credit code ('' when there is none). */
export async function indexOf(
  ctx: VaultContext,
  field: keyof typeof INDEXED,
  value: string | null,
): Promise<string> {
  return value ? blindIndex(ctx.keys.mac, field, value) : '';
}

/** The live dossier record, or VaultNotFoundError. */
export async function liveDossierRecord(ctx: VaultContext, id: string): Promise<DossierRecord> {
  const record = await ctx.db.dossiers.get(id);
  if (!record || record.deletedAt !== 0) throw new VaultNotFoundError('dossier', id);
  return record;
}

export async function openDossier(ctx: VaultContext, r: DossierRecord): Promise<Dossier> {
  const { checkSummary, ...opened } = await openFields(ctx.keys.data, 'dossiers', r.id, r);
  // Derived data: a summary that no longer matches the schema reads as null (re-run checks).
  const summary = checkSummary === null ? null : DossierCheckSummarySchema.safeParse(checkSummary);
  return {
    id: r.id,
    rulePack: r.rulePack,
    status: r.status,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    ...opened,
    checkSummary: summary?.success ? summary.data : null,
  };
}

export async function getDossier(ctx: VaultContext, id: string): Promise<Dossier> {
  return openDossier(ctx, await liveDossierRecord(ctx, id));
}

/** Every live dossier, decrypted (the list's one read per unlock). */
export async function readLiveDossiers(ctx: VaultContext): Promise<Dossier[]> {
  const rows = await ctx.db.dossiers.where('deletedAt').equals(0).toArray();
  return Promise.all(rows.map((r) => openDossier(ctx, r)));
}

export async function companyOf(ctx: VaultContext, dossierId: string): Promise<string> {
  const record = (await ctx.db.dossiers.get(dossierId))!;
  return (await openFields(ctx.keys.data, 'dossiers', dossierId, { company: record.company }))
    .company;
}

export async function createDossier(ctx: VaultContext, input: NewDossier): Promise<string> {
  const value = NewDossierSchema.parse(input);
  const id = newId();
  const at = ctx.now();
  const { company, legalRepresentative, idNumber, creditCode } = value;
  const record: DossierRecord = {
    id,
    rulePack: value.rulePack,
    status: value.status,
    createdAt: at,
    updatedAt: at,
    deletedAt: 0,
    ...(await sealFields(ctx.keys.data, 'dossiers', id, {
      company,
      legalRepresentative,
      idNumber,
      creditCode,
    })),
    idNumberIndex: await indexOf(ctx, 'idNumber', idNumber),
    creditCodeIndex: await indexOf(ctx, 'creditCode', creditCode),
    checkSummary: null,
  };
  await ctx.db.transaction('rw', [ctx.db.dossiers, ctx.db.auditLog], async () => {
    await ctx.db.dossiers.add(record);
    await appendAudit(ctx, 'create-dossier', id, id, '');
  });
  ctx.list.set({ ...value, id, createdAt: at, updatedAt: at, checkSummary: null });
  return id;
}

/**
 * The sealed values and blind indexes of a dossier patch, with the history of each field
 * that changes (shared by updateDossier and the writes that derive dossier values).
 */
export async function dossierChanges(
  ctx: VaultContext,
  before: Dossier,
  patch: DossierPatch,
): Promise<{ record: Partial<DossierRecord>; changes: FieldChange[] }> {
  const value = DossierPatchSchema.parse(patch);
  const record: Partial<DossierRecord> = {};
  const changes: FieldChange[] = [];
  if (value.rulePack !== undefined) record.rulePack = value.rulePack;
  if (value.status !== undefined) record.status = value.status;
  for (const field of ['company', 'legalRepresentative', 'idNumber', 'creditCode'] as const) {
    const next = value[field];
    if (next === undefined || next === before[field]) continue;
    if (field === 'company' && next === null)
      throw new VaultError('A dossier needs a company name.');
    Object.assign(
      record,
      await sealFields(ctx.keys.data, 'dossiers', before.id, { [field]: next }),
    );
    if (field === 'idNumber' || field === 'creditCode')
      record[INDEXED[field]] = await indexOf(ctx, field, next);
    changes.push({
      kind: 'edit',
      entity: 'dossiers',
      entityId: before.id,
      field,
      before: before[field],
      after: next,
    });
  }
  return { record, changes };
}

export async function updateDossier(
  ctx: VaultContext,
  id: string,
  patch: DossierPatch,
): Promise<void> {
  const before = await getDossier(ctx, id);
  const value = DossierPatchSchema.parse(patch);
  const { record, changes } = await dossierChanges(ctx, before, value);
  const listed = Object.fromEntries(
    Object.entries(value).filter(([k, v]) => v !== undefined && k !== 'idNumber'),
  );
  await recordEdit(ctx, {
    dossierId: id,
    action: 'edit',
    entityId: id,
    detail: `${changes.length} field(s)`,
    changes,
    dossier: record,
    summary: listed,
  });
}

/**
 * Stores the result of the last check run on the dossier (shown in the list): derived
 * data, not an edit, so no history or audit entry and `updatedAt` stays (running the
 * checks does not reorder the list "most recently changed first").
 */
export async function setCheckSummary(
  ctx: VaultContext,
  dossierId: string,
  summary: DossierCheckSummaryInput,
): Promise<void> {
  const value = DossierCheckSummarySchema.parse(summary);
  const sealed = await sealFields(ctx.keys.data, 'dossiers', dossierId, { checkSummary: value });
  const written = await ctx.db.dossiers
    .where('id')
    .equals(dossierId)
    .and((d) => d.deletedAt === 0)
    .modify(sealed);
  if (written === 0) throw new VaultNotFoundError('dossier', dossierId);
  ctx.list.changed(dossierId, { checkSummary: value });
}

/** Live dossiers whose blind-indexed field is exactly `value` (no decryption). */
export async function dossiersWith(
  ctx: VaultContext,
  field: keyof typeof INDEXED,
  value: string,
  exceptDossierId?: string,
): Promise<string[]> {
  const index = await blindIndex(ctx.keys.mac, field, value);
  const rows = await ctx.db.dossiers.where(INDEXED[field]).equals(index).toArray();
  return rows.filter((r) => r.deletedAt === 0 && r.id !== exceptDossierId).map((r) => r.id);
}

/**
 * Accounts that other dossiers link with the same ID number: the `id.reuse` check's
 * DossierInput.idAccountsElsewhere (src/core/dossier.ts).
 */
export async function countAccountsForIdNumber(
  ctx: VaultContext,
  idNumber: string,
  exceptDossierId?: string,
): Promise<number> {
  let count = 0;
  for (const id of await dossiersWith(ctx, 'idNumber', idNumber, exceptDossierId))
    count += await ctx.db.accounts.where('dossierId').equals(id).count();
  return count;
}

/** The dossier a document or a tracked change belongs to (plain: no decryption). */
export async function dossierIdOf(
  ctx: VaultContext,
  table: 'documents' | 'trackedChanges',
  id: string,
): Promise<string> {
  const row = await ctx.db.table<{ dossierId: string }, string>(table).get(id);
  if (!row) throw new VaultNotFoundError(table === 'documents' ? 'document' : 'tracked change', id);
  return row.dossierId;
}
