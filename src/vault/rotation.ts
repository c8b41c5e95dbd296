// Key rotation (issue 17 item 5; Bitwarden's "rotate encryption key"): a new random master
// secret, and every sealed value of the vault sealed again under it, after a suspected leak.
//
// 1. Check: every record is opened with the current keys first, so pre-existing damage
//    refuses the rotation (RotationDamagedError naming every damaged record, each logged
//    'integrity-failure') before anything changes.
// 2. Start: the new secret, wrapped by the same passphrase-derived key as the current one,
//    goes into the keyring with a cursor (keyring.rotation).
// 3. Batches: each batch of records is re-sealed outside any transaction (WebCrypto), then
//    written with the cursor's advance in one transaction. A record is therefore always
//    sealed with exactly one of the two secrets, and the cursor says which: a crash
//    between batches loses nothing, and the next unlock (which unwraps both) resumes.
//    A record found damaged from here on (after the check, or when an unlock resumes) never
//    stops the rotation, which would leave a vault no unlock can open: its fields that open
//    are sealed again, the damaged ones kept as they were, and the result names it.
// 4. Finish, in one transaction: every audit MAC that verifies under the old audit key is
//    made again under the new one (a forged one stays forged), the settings' MAC likewise,
//    the pack signing key re-sealed, the keyring keeps only the new secret, and the log
//    gets 'rotate-keys'. The old secret opens nothing in the vault from then on (backups
//    taken before carry their own keyring and still restore with their passphrase).
import * as z from 'zod';
import { appendAudit, auditIntegrityFailure, auditMac, type AuditContext } from './audit';
import type { StoreContext } from './context';
import {
  deriveVaultKeys,
  openBytes,
  randomBytes,
  sealBytes,
  wrapSecret,
  type VaultKeys,
} from './envelope';
import {
  RotationDamagedError,
  RotationPendingError,
  VaultError,
  VaultIntegrityError,
  type DamagedRecord,
} from './errors';
import {
  keyringChecksum,
  readKeyring,
  unwrapRotating,
  unwrapWith,
  type UnlockedKeyring,
} from './keyring';
import {
  checkRecord,
  countFrom,
  primaryKeyOf,
  recordBatches,
  resealKeeping,
  type RotationCursor,
} from './rotation-records';
import type { ProblemReporter } from './problems';
import { KEYRING_ID, type KeyringRecord } from './schema/keyring';
import { VaultSettingsSchema } from './schema/settings';
import type { SealedTable } from './sealed-fields';
import type { VaultSession } from './session';
import { PACK_SIGNING_KEY, SETTINGS_KEY, SETTINGS_MAC_KEY, settingsMac } from './tables/settings';

export const RotationProgressSchema = z.object({
  /** 'checking': every record opened with the current keys; 'sealing': sealed again. */
  phase: z.enum(['checking', 'sealing']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type RotationProgress = z.infer<typeof RotationProgressSchema>;

export interface RotationOptions {
  /** Records per batch (default 200; a batch of document files holds at most 4). */
  batchRecords?: number;
  /** Told after each batch; tests stop the rotation here to play a crash. */
  onProgress?: (progress: RotationProgress) => void | Promise<void>;
  /** False once the session lost its keys (a lock): the rotation stops between batches. */
  stillHeld?: () => boolean;
}

export interface RotationResult {
  /** The new keys (the session holds them from now on). */
  keys: VaultKeys;
  /** Records sealed again. */
  records: number;
  /** True when an earlier, interrupted rotation was finished. */
  resumed: boolean;
  /** Records met damaged midway, left as they were (their intact fields rotated). */
  damaged: DamagedRecord[];
}

/** What the vault's caller hears of a rotation. */
export type RotationOutcome = Omit<RotationResult, 'keys'>;

const DEFAULT_BATCH = 200;

const cursorOf = (keyring: KeyringRecord): RotationCursor | null => {
  const r = keyring.rotation;
  return r === undefined ? null : { table: r.table as SealedTable, after: r.after };
};

const whereOf = (error: VaultIntegrityError): DamagedRecord => ({
  table: error.table,
  recordId: error.recordId,
  field: error.field,
});

/** Logs the damaged records met by the rotation, as the session logs one met by a read. */
async function logDamaged(ctx: AuditContext, damaged: readonly DamagedRecord[]): Promise<void> {
  for (const where of damaged) await auditIntegrityFailure(ctx, where).catch(() => undefined);
}

/**
 * Opens every record from the cursor on with `keys` (and the pack signing key); answers
 * every record that does not open (nothing stops at the first).
 */
async function checkAll(
  ctx: StoreContext,
  keys: VaultKeys,
  from: RotationCursor | null,
  options: RotationOptions,
): Promise<DamagedRecord[]> {
  const damaged: DamagedRecord[] = [];
  const check = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof VaultIntegrityError)) throw error;
      damaged.push(whereOf(error));
    }
  };
  const total = await countFrom(ctx.db, from);
  let done = 0;
  for await (const batch of recordBatches(ctx.db, from, options.batchRecords ?? DEFAULT_BATCH)) {
    for (const record of batch.records)
      await check(() =>
        checkRecord(keys, batch.table, primaryKeyOf(ctx.db, batch.table, record), record),
      );
    done += batch.records.length;
    await options.onProgress?.({ phase: 'checking', done, total });
  }
  const pack = await ctx.db.settings.get(PACK_SIGNING_KEY);
  if (pack)
    await check(() => openBytes(keys.data, 'settings', PACK_SIGNING_KEY, 'secret', pack.value));
  return damaged;
}

/**
 * Rotates the keys of an unlocked vault whose current keys are `current`; `passphrase` must
 * open the keyring (WrongPassphraseError, delayed and logged, otherwise). A rotation left
 * unfinished is resumed instead of starting another.
 */
export async function rotateKeys(
  ctx: StoreContext,
  current: VaultKeys,
  passphrase: string,
  delayMs: () => Promise<number>,
  options: RotationOptions = {},
): Promise<RotationResult> {
  const keyring = await readKeyring(ctx);
  const { secret, wrappingKey } = await unwrapWith(
    ctx,
    keyring,
    passphrase,
    delayMs,
    'rotate-keys',
  );
  const opened = await deriveVaultKeys(secret);
  secret.fill(0);
  // The passphrase opened the keyring, but the session must hold that same secret.
  if (opened.audit.some((b, i) => b !== current.audit[i]))
    throw new VaultError(
      'The vault changed since it was unlocked; lock it and unlock again.',
      'conflict',
    );
  const audited = { ...ctx, keys: current };
  const rotating = await unwrapRotating(keyring, wrappingKey);
  if (rotating) return resumeRotation(ctx, current, rotating, options);

  const damaged = await checkAll(ctx, current, null, options);
  if (damaged.length > 0) {
    await logDamaged(audited, damaged);
    throw new RotationDamagedError(damaged, false);
  }
  const next = randomBytes(32);
  const wrapped = await wrapSecret(wrappingKey, next);
  const keys = await deriveVaultKeys(next);
  next.fill(0);
  const total = await countFrom(ctx.db, null);
  await ctx.db.transaction('rw', [ctx.db.keyring, ctx.db.auditLog], async () => {
    const stored = await ctx.db.keyring.get(KEYRING_ID);
    if (!stored || stored.rotation !== undefined || stored.checksum !== keyring.checksum)
      throw new VaultError('The vault key record changed meanwhile; try again.', 'conflict');
    await ctx.db.keyring.put({
      ...stored,
      rotation: {
        wrappedSecret: wrapped,
        table: 'dossiers',
        after: null,
        done: 0,
        total,
        startedAt: ctx.now(),
      },
    });
    await appendAudit(audited, 'rotate-keys', null, null, `started ${total} records`);
  });
  return { ...(await continueRotation(ctx, current, keys, options)), resumed: false };
}

/**
 * Finishes a rotation left unfinished (a crash, a lock midway): checks what is left with the
 * old keys, then seals it again from the cursor on. Unlock calls it before the vault opens.
 */
export async function resumeRotation(
  ctx: StoreContext,
  from: VaultKeys,
  to: VaultKeys,
  options: RotationOptions = {},
): Promise<RotationResult> {
  const keyring = await readKeyring(ctx);
  if (keyring.rotation === undefined)
    throw new VaultError('No key rotation is under way.', 'not-found');
  // No check pass: half the vault is already under the new keys, so refusing would leave
  // it unopenable; continueRotation keeps (and names) what it cannot open.
  return { ...(await continueRotation(ctx, from, to, options)), resumed: true };
}

/** The batches from the keyring's cursor to the end, then the finish. */
async function continueRotation(
  ctx: StoreContext,
  from: VaultKeys,
  to: VaultKeys,
  options: RotationOptions,
): Promise<Omit<RotationResult, 'resumed'>> {
  const { db } = ctx;
  const start = await readKeyring(ctx);
  const total = start.rotation?.total ?? 0;
  const damaged: DamagedRecord[] = [];
  for await (const batch of recordBatches(
    db,
    cursorOf(start),
    options.batchRecords ?? DEFAULT_BATCH,
  )) {
    if (options.stillHeld && !options.stillHeld()) throw new RotationPendingError();
    const results = await Promise.all(
      batch.records.map((r) =>
        resealKeeping(from, to, batch.table, primaryKeyOf(db, batch.table, r), r),
      ),
    );
    const resealed = results.map((r) => r.record);
    const met = results.flatMap((r) => (r.damaged ? [whereOf(r.damaged)] : []));
    // Logged under the old audit key, which the finish carries over to the new one.
    await logDamaged({ ...ctx, keys: from }, met);
    damaged.push(...met);
    let done = 0;
    await db.transaction('rw', [db.table(batch.table), db.keyring], async () => {
      const keyring = await db.keyring.get(KEYRING_ID);
      if (!keyring?.rotation) throw new RotationPendingError();
      done = keyring.rotation.done + batch.records.length;
      await db.table(batch.table).bulkPut(resealed);
      await db.keyring.put({
        ...keyring,
        rotation: { ...keyring.rotation, table: batch.table, after: batch.last, done },
      });
    });
    await options.onProgress?.({ phase: 'sealing', done, total: Math.max(total, done) });
  }
  return { keys: to, records: await finishRotation(ctx, from, to, damaged), damaged };
}

/** The audit MACs, the settings' MAC, the pack signing key and the keyring, at once. */
async function finishRotation(
  ctx: StoreContext,
  from: VaultKeys,
  to: VaultKeys,
  damaged: DamagedRecord[],
): Promise<number> {
  const { db } = ctx;
  const keyring = await readKeyring(ctx);
  const rotation = keyring.rotation;
  if (rotation === undefined) throw new RotationPendingError();
  // Everything WebCrypto computes, before the transaction (an await on it would end it).
  const row = await db.settings.get(SETTINGS_KEY);
  const parsed = VaultSettingsSchema.safeParse(row?.value ?? {});
  const oldMac = (await db.settings.get(SETTINGS_MAC_KEY))?.value;
  const settingsSigned =
    row !== undefined &&
    parsed.success &&
    oldMac === (await settingsMac(from.settings, parsed.data));
  const newSettingsMac = settingsSigned ? await settingsMac(to.settings, parsed.data) : null;
  const pack = await db.settings.get(PACK_SIGNING_KEY);
  let packSealed = null;
  try {
    if (pack) {
      const secret = await openBytes(from.data, 'settings', PACK_SIGNING_KEY, 'secret', pack.value);
      packSealed = await sealBytes(to.data, 'settings', PACK_SIGNING_KEY, 'secret', secret);
    }
  } catch (error) {
    // A damaged signing key is kept as it was (a new one is made on first use once deleted).
    if (!(error instanceof VaultIntegrityError)) throw error;
    damaged.push(whereOf(error));
    await logDamaged({ ...ctx, keys: from }, [whereOf(error)]);
  }
  const checksum = await keyringChecksum(keyring.kdf, rotation.wrappedSecret);
  await db.transaction('rw', [db.keyring, db.settings, db.auditLog], async () => {
    const stored = await db.keyring.get(KEYRING_ID);
    if (stored?.rotation === undefined) throw new RotationPendingError();
    const entries = await db.auditLog.toArray();
    const remade = entries
      .filter((e) => e.hash !== undefined && e.mac && e.mac === auditMac(from.audit, e.hash))
      .map((e) => ({ key: e.id, changes: { mac: auditMac(to.audit, e.hash!) } }));
    if (remade.length > 0) await db.auditLog.bulkUpdate(remade);
    if (newSettingsMac !== null)
      await db.settings.put({ key: SETTINGS_MAC_KEY, value: newSettingsMac });
    if (packSealed) await db.settings.put({ key: PACK_SIGNING_KEY, value: packSealed });
    const { rotation: _done, ...rest } = stored;
    await db.keyring.put({
      ...rest,
      wrappedSecret: rotation.wrappedSecret,
      checksum,
      changedAt: ctx.now(),
    });
    await appendAudit(
      { ...ctx, keys: to },
      'rotate-keys',
      null,
      null,
      `finished ${stored.rotation.done} records`,
    );
  });
  return rotation.done;
}

/** True while the keyring holds an unfinished rotation. */
export async function rotationPending(ctx: StoreContext): Promise<boolean> {
  return (await ctx.db.keyring.get(KEYRING_ID))?.rotation !== undefined;
}

/**
 * A rotation of the session's vault: holds it (nothing else runs), and holds the new keys
 * once finished. Stopped midway (a lock, a crash), the vault locks: its old keys no longer
 * open everything, and the next unlock finishes the rotation. Damaged records met midway
 * do not stop it: they are in the answer.
 */
export async function rotateInSession(
  session: VaultSession,
  store: StoreContext,
  passphrase: string,
  delayMs: () => Promise<number>,
  options: RotationOptions = {},
): Promise<RotationOutcome> {
  const current = session.context().keys;
  const { keys, records, resumed, damaged } = await session.exclusively('rotation', () =>
    rotateKeys(store, current, passphrase, delayMs, {
      ...options,
      // Each batch keeps the idle lock away; a lock (the window hidden) still stops it.
      stillHeld: () => {
        session.touch();
        return session.holds(current);
      },
    }).catch(async (error: unknown) => {
      // A database closed under it (a crash) counts as stopped midway.
      if (await rotationPending(store).catch(() => true)) session.lock();
      throw error;
    }),
  );
  session.list.clear();
  session.open(keys);
  return { records, resumed, damaged };
}

/**
 * The keys to open the vault with: a rotation left unfinished is finished first; the
 * damaged records it met (left as they were) are reported (RotationDamagedError).
 */
export async function finishOnUnlock(
  session: VaultSession,
  store: StoreContext,
  unlocked: UnlockedKeyring,
  problems: Pick<ProblemReporter, 'report'>,
  options: RotationOptions = {},
): Promise<VaultKeys> {
  const rotating = unlocked.rotating;
  if (rotating === null) return unlocked.keys;
  const done = await session.exclusively('rotation', () =>
    resumeRotation(store, unlocked.keys, rotating, options),
  );
  if (done.damaged.length > 0) problems.report(new RotationDamagedError(done.damaged, true));
  return done.keys;
}
