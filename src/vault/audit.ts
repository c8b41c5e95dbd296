// The audit log (auditLog table): append-only, plaintext with no secret, so unlock failures
// are logged while locked. Every entry goes through appendAudit, which chains it: `seq`
// counts from 1, `prev` is the previous entry's hash, `hash` is SHA-256 over the entry and
// `prev`, and `mac` is HMAC-SHA-256 of `hash` under the vault's audit key whenever the
// vault is unlocked. An entry removed or edited in the raw database breaks the chain, and
// rewriting the chain after it fails at the next entry with a MAC (verifyAudit).
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import type { EntityTable } from 'dexie';
import type { StoreContext } from './context';
import type { VaultDB } from './db';
import type { VaultKeys } from './envelope';
import { newId } from './ids';
import type { AuditAction, AuditEntry } from './schema/audit-log';

/** What appending needs: the store, and the audit key when the vault is unlocked. */
export type AuditContext = StoreContext & { readonly keys?: Pick<VaultKeys, 'audit'> };

/** The `prev` of the first entry. */
export const AUDIT_GENESIS = '0'.repeat(64);

type ChainedFields = Pick<
  AuditEntry,
  'id' | 'at' | 'action' | 'dossierId' | 'entityId' | 'detail'
> & { seq: number; prev: string };

/** SHA-256 (hex) of an entry's fields in a fixed order; synchronous, so it runs inside a transaction. */
export function auditHash(e: ChainedFields): string {
  const canonical = JSON.stringify([
    e.seq,
    e.id,
    e.at,
    e.action,
    e.dossierId,
    e.entityId,
    e.detail,
    e.prev,
  ]);
  return bytesToHex(sha256(new TextEncoder().encode(canonical)));
}

export function auditMac(key: Uint8Array, hash: string): string {
  return bytesToHex(hmac(sha256, key, new TextEncoder().encode(hash)));
}

/** The newest chained entry (highest seq), if any. */
async function chainHead(table: EntityTable<AuditEntry, 'id'>): Promise<AuditEntry | undefined> {
  return table.orderBy('seq').last();
}

export async function appendAudit(
  ctx: AuditContext,
  action: AuditAction,
  dossierId: string | null,
  entityId: string | null,
  detail: string,
): Promise<void> {
  const { db } = ctx;
  const key = ctx.keys?.audit ?? null;
  // Reading the head and adding after it in one transaction: appends never interleave.
  await db.transaction('rw', db.auditLog, async () => {
    const head = await chainHead(db.auditLog);
    const fields: ChainedFields = {
      id: newId(),
      at: ctx.now(),
      action,
      dossierId,
      entityId,
      detail,
      seq: (head?.seq ?? 0) + 1,
      prev: head?.hash ?? AUDIT_GENESIS,
    };
    const hash = auditHash(fields);
    await db.auditLog.add({ ...fields, hash, mac: key ? auditMac(key, hash) : null });
  });
}

/** Logs a value that failed its integrity check: 'integrity-failure', naming where (never what). */
export async function auditIntegrityFailure(
  ctx: AuditContext,
  error: { recordId: string; table: string; field: string },
): Promise<void> {
  await appendAudit(
    ctx,
    'integrity-failure',
    null,
    error.recordId,
    `${error.table}.${error.field}`,
  );
}

/**
 * Chains the entries that have no hash yet (a vault or backup from before version 5), in
 * the order they were written, after any chained ones; no MAC (the keys are not known).
 * Synchronous hashing only: it runs inside the upgrade's transaction.
 */
export async function chainUnchained(table: EntityTable<AuditEntry, 'id'>): Promise<number> {
  const all = await table.toArray();
  const loose = all
    .filter((e) => e.hash === undefined)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const chained = all.filter((e) => e.hash !== undefined).sort((a, b) => a.seq! - b.seq!);
  let seq = chained.at(-1)?.seq ?? 0;
  let prev = chained.at(-1)?.hash ?? AUDIT_GENESIS;
  for (const entry of loose) {
    const fields: ChainedFields = { ...entry, seq: ++seq, prev };
    const hash = auditHash(fields);
    await table.update(entry.id, { seq: fields.seq, prev, hash, mac: null });
    prev = hash;
  }
  return loose.length;
}

/** Why verification stopped: the entry's content no longer matches its hash, a number is
 * missing, the link to the previous entry is broken (an entry before it was removed or
 * rewritten), the MAC does not match (the chain was rebuilt without the key), or an entry
 * was never chained. */
export type AuditProblem = 'edited' | 'missing' | 'link' | 'forged' | 'unchained';

export interface AuditVerdict {
  /** Entries checked (all of them when intact). */
  checked: number;
  /** Entries after the last one with a MAC (written while locked): protected by the hash only. */
  unsignedTail: number;
  /** The first broken link, or null when the chain is intact. */
  broken: { seq: number; entryId: string; problem: AuditProblem } | null;
}

/** Walks the chain from the first entry; stops at the first broken link. */
export async function verifyAudit(db: VaultDB, auditKey: Uint8Array): Promise<AuditVerdict> {
  const all = await db.auditLog.toArray();
  const unchained = all.find((e) => e.seq === undefined || e.hash === undefined);
  const entries = all
    .filter((e) => e !== unchained && e.seq !== undefined)
    .sort((a, b) => a.seq! - b.seq!);
  let prev = AUDIT_GENESIS;
  let unsignedTail = 0;
  for (const [i, e] of entries.entries()) {
    const seq = i + 1;
    const stop = (problem: AuditProblem): AuditVerdict => ({
      checked: i,
      unsignedTail,
      broken: { seq, entryId: e.id, problem },
    });
    if (e.seq !== seq) return stop('missing');
    if (auditHash({ ...e, seq, prev: e.prev ?? '' }) !== e.hash) return stop('edited');
    if (e.prev !== prev) return stop('link');
    if (e.mac !== null && e.mac !== undefined) {
      if (e.mac !== auditMac(auditKey, e.hash)) return stop('forged');
      unsignedTail = 0;
    } else unsignedTail++;
    prev = e.hash;
  }
  if (unchained)
    return {
      checked: entries.length,
      unsignedTail,
      broken: { seq: entries.length + 1, entryId: unchained.id, problem: 'unchained' },
    };
  return { checked: entries.length, unsignedTail, broken: null };
}

/** The audit log, oldest first, or only one action's entries. */
export async function listAudit(db: VaultDB, action?: AuditAction): Promise<AuditEntry[]> {
  const entries = action
    ? await db.auditLog
        .where('[action+at]')
        .between([action, -Infinity], [action, Infinity])
        .toArray()
    : await db.auditLog.toArray();
  return entries.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}
