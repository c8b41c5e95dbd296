// Changes to file with the platform (spec/linking-rules.md §4): tracked per dossier, sealed,
// purged with the dossier, carried by backups, and summarised on the dossier for the list.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ChangeEventSchema } from '../../src/core/deadlines/change';
import {
  deriveVaultKeys,
  deriveWrappingKey,
  sealJson,
  unwrapSecret,
} from '../../src/vault/envelope';
import { BackupError, VaultError, VaultIntegrityError } from '../../src/vault/errors';
import { KeyringRecordSchema } from '../../src/vault/schema/keyring';
import type { DossierCheckSummary } from '../../src/vault/types';
import { PASSPHRASE, dumpRaw, newVault, rewriteBackup, uniqueName, openTestVault } from './helpers';

const T0 = 1_763_900_000_000;

async function withDossier(label: string, clock = { now: T0 }) {
  const vault = await newVault(label, clock);
  const dossier = await vault.createDossier({ company: '杭州青梧屿贸易有限公司' });
  return { vault, dossier, clock };
}

describe('tracked changes', () => {
  it('round-trip as core ChangeEvents sorted by the day they happened, with history and audit', async () => {
    const { vault, dossier, clock } = await withDossier('tracked-roundtrip');
    const other = await vault.createDossier({ company: '宁波远帆电子商务有限公司' });
    clock.now += 60_000;
    const later = await vault.addTrackedChange(dossier, {
      kind: 'bank-account-closed',
      occurredOn: '2026-11-23',
    });
    const earlier = await vault.addTrackedChange(dossier, {
      kind: 'address',
      occurredOn: '2026-11-19',
    });
    await vault.addTrackedChange(other, { kind: 'legal-representative', occurredOn: '2026-11-01' });
    expect(later).not.toBe(earlier);
    const listed = await vault.listTrackedChanges(dossier);
    expect(listed).toEqual([
      { id: earlier, kind: 'address', occurredOn: '2026-11-19' },
      { id: later, kind: 'bank-account-closed', occurredOn: '2026-11-23' },
    ]);
    for (const change of listed) expect(ChangeEventSchema.parse(change)).toEqual(change);
    // A user change: the dossier moves to the top of the list.
    expect((await vault.listDossiers())[0]?.id).toBe(dossier);
    expect((await vault.getDossier(dossier)).updatedAt).toBe(T0 + 60_000);
    const history = (await vault.listChanges(dossier)).filter((c) => c.entity === 'trackedChanges');
    expect(history.map((c) => [c.kind, c.entityId, c.field, c.before, c.after])).toEqual([
      ['create', later, 'bank-account-closed', null, '2026-11-23'],
      ['create', earlier, 'address', null, '2026-11-19'],
    ]);
    const audit = (await vault.audit('edit')).filter((e) => e.dossierId === dossier);
    expect(audit.map((e) => [e.entityId, e.detail])).toEqual([
      [later, 'change bank-account-closed'],
      [earlier, 'change address'],
    ]);
    expect(JSON.stringify(await vault.audit())).not.toContain('2026-11-19');
    // Survives a lock: read back from the sealed records.
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(await vault.listTrackedChanges(dossier)).toEqual(listed);
    vault.close();
  });

  it('refuses an unknown kind, a date that is not a date, and an unknown dossier, writing nothing', async () => {
    const { vault, dossier } = await withDossier('tracked-invalid');
    await expect(
      vault.addTrackedChange(dossier, { kind: 'phone' as never, occurredOn: '2026-11-19' }),
    ).rejects.toThrow(
      '"phone" is not a change to track; use one of address, legal-representative, bank-account-closed.',
    );
    for (const bad of ['2026-02-30', '19/11/2026', ''])
      await expect(
        vault.addTrackedChange(dossier, { kind: 'address', occurredOn: bad }),
      ).rejects.toThrow(`The change date "${bad}" is not a date (YYYY-MM-DD).`);
    await expect(
      vault.addTrackedChange('nope', { kind: 'address', occurredOn: '2026-11-19' }),
    ).rejects.toMatchObject({ code: 'not-found', message: 'There is no dossier nope.' });
    await vault.deleteDossier(dossier);
    await expect(
      vault.addTrackedChange(dossier, { kind: 'address', occurredOn: '2026-11-19' }),
    ).rejects.toThrow(`There is no dossier ${dossier}.`);
    expect(await vault.db.trackedChanges.count()).toBe(0);
    vault.close();
  });

  it('records the filing date, not before the change, and lets it be corrected', async () => {
    const { vault, dossier } = await withDossier('tracked-filed');
    const id = await vault.addTrackedChange(dossier, {
      kind: 'legal-representative',
      occurredOn: '2026-11-19',
    });
    await expect(vault.markChangeFiled(id, '2026-11-18')).rejects.toThrow(
      new VaultError(
        'The filing date 2026-11-18 is before the change on 2026-11-19; enter the day the update was filed.',
      ),
    );
    await expect(vault.markChangeFiled(id, '2026-13-01')).rejects.toThrow(
      'The filing date "2026-13-01" is not a date (YYYY-MM-DD).',
    );
    await expect(vault.markChangeFiled('nope', '2026-11-20')).rejects.toThrow(
      'There is no tracked change nope.',
    );
    expect((await vault.listTrackedChanges(dossier))[0]).not.toHaveProperty('filedOn');
    // The same day counts as filed in time.
    await vault.markChangeFiled(id, '2026-11-19');
    await vault.markChangeFiled(id, '2026-11-21');
    expect(await vault.listTrackedChanges(dossier)).toEqual([
      { id, kind: 'legal-representative', occurredOn: '2026-11-19', filedOn: '2026-11-21' },
    ]);
    const history = (await vault.listChanges(dossier)).filter((c) => c.field === 'filedOn');
    expect(history.map((c) => [c.kind, c.before, c.after])).toEqual([
      ['edit', null, '2026-11-19'],
      ['edit', '2026-11-19', '2026-11-21'],
    ]);
    expect((await vault.audit('edit')).at(-1)).toMatchObject({
      dossierId: dossier,
      entityId: id,
      detail: 'change legal-representative filed',
    });
    vault.close();
  });

  it('records the day the bank was told, not before the change, with history and audit', async () => {
    const { vault, dossier } = await withDossier('tracked-bank');
    const id = await vault.addTrackedChange(dossier, { kind: 'address', occurredOn: '2026-11-19' });
    await expect(vault.markBankNotified(id, '2026-11-18')).rejects.toThrow(
      'The bank notification date 2026-11-18 is before the change on 2026-11-19; enter the day the bank was told.',
    );
    await expect(vault.markBankNotified(id, '2026-11-31')).rejects.toThrow(
      'The bank notification date "2026-11-31" is not a date (YYYY-MM-DD).',
    );
    await vault.markChangeFiled(id, '2026-11-20');
    await vault.markBankNotified(id, '2026-11-24');
    // Each day is its own field: recording one keeps the other.
    expect(await vault.listTrackedChanges(dossier)).toEqual([
      {
        id,
        kind: 'address',
        occurredOn: '2026-11-19',
        filedOn: '2026-11-20',
        bankNotifiedOn: '2026-11-24',
      },
    ]);
    const history = (await vault.listChanges(dossier)).filter((c) => c.field === 'bankNotifiedOn');
    expect(history.map((c) => [c.before, c.after])).toEqual([[null, '2026-11-24']]);
    expect((await vault.audit('edit')).at(-1)).toMatchObject({
      entityId: id,
      detail: 'change address told to the bank',
    });
    vault.close();
  });

  it('removes an entry made by mistake, with history and audit', async () => {
    const { vault, dossier } = await withDossier('tracked-remove');
    const keep = await vault.addTrackedChange(dossier, {
      kind: 'address',
      occurredOn: '2026-11-02',
    });
    const wrong = await vault.addTrackedChange(dossier, {
      kind: 'bank-account-closed',
      occurredOn: '2026-11-03',
    });
    await vault.removeTrackedChange(wrong);
    expect((await vault.listTrackedChanges(dossier)).map((c) => c.id)).toEqual([keep]);
    expect(await vault.db.trackedChanges.get(wrong)).toBeUndefined();
    const last = (await vault.listChanges(dossier)).at(-1);
    expect(last).toMatchObject({
      kind: 'delete',
      entityId: wrong,
      before: '2026-11-03',
      after: null,
    });
    expect((await vault.audit('edit')).at(-1)).toMatchObject({
      entityId: wrong,
      detail: 'change bank-account-closed removed',
    });
    await expect(vault.removeTrackedChange(wrong)).rejects.toThrow(
      `There is no tracked change ${wrong}.`,
    );
    vault.close();
  });

  it('go with their dossier when it is purged, and no sooner', async () => {
    const { vault, dossier, clock } = await withDossier('tracked-purge');
    const other = await vault.createDossier({ company: 'Other' });
    await vault.addTrackedChange(dossier, { kind: 'address', occurredOn: '2026-11-19' });
    await vault.addTrackedChange(dossier, {
      kind: 'bank-account-closed',
      occurredOn: '2026-11-20',
    });
    const stays = await vault.addTrackedChange(other, {
      kind: 'address',
      occurredOn: '2026-11-21',
    });
    const ticket = await vault.deleteDossier(dossier);
    await vault.undoDelete(ticket);
    expect(await vault.listTrackedChanges(dossier)).toHaveLength(2);
    await vault.deleteDossier(dossier);
    clock.now += 10_001;
    expect(await vault.purgeExpired()).toBe(1);
    expect(await vault.db.trackedChanges.where('dossierId').equals(dossier).count()).toBe(0);
    expect((await vault.listTrackedChanges(other)).map((c) => c.id)).toEqual([stays]);
    vault.close();
  });

  it('a tampered or swapped change fails with the integrity error and is logged', async () => {
    const { vault, dossier } = await withDossier('tracked-tamper');
    const a = await vault.addTrackedChange(dossier, { kind: 'address', occurredOn: '2026-11-19' });
    const b = await vault.addTrackedChange(dossier, { kind: 'address', occurredOn: '2026-11-25' });
    const recordA = (await vault.db.trackedChanges.get(a))!;
    const recordB = (await vault.db.trackedChanges.get(b))!;
    // B's sealed dates on A's record: the AAD names the record, so the move is caught.
    await vault.db.trackedChanges.put({ ...recordA, change: recordB.change });
    await expect(vault.listTrackedChanges(dossier)).rejects.toThrow(
      `Record trackedChanges/${a} (field change) failed its integrity check`,
    );
    await expect(vault.markChangeFiled(a, '2026-11-26')).rejects.toThrow(VaultIntegrityError);
    // A flipped bit in the ciphertext.
    const ct = new Uint8Array(recordB.change.ct);
    ct[0] = ct[0]! ^ 1;
    await vault.db.trackedChanges.put({ ...recordB, change: { ...recordB.change, ct } });
    await expect(vault.removeTrackedChange(b)).rejects.toThrow(
      `Record trackedChanges/${b} (field change)`,
    );
    expect(await vault.db.trackedChanges.count()).toBe(2);
    const logged = await vault.audit('integrity-failure');
    expect(logged.map((e) => e.entityId)).toEqual(expect.arrayContaining([a, b]));
    vault.close();
  });

  it('the raw database holds no plaintext date of a change', async () => {
    const { vault, dossier } = await withDossier('tracked-raw');
    const id = await vault.addTrackedChange(dossier, {
      kind: 'legal-representative',
      occurredOn: '2031-07-14',
    });
    await vault.markChangeFiled(id, '2031-07-16');
    const raw = await dumpRaw(vault.db);
    expect(raw.trackedChanges).toHaveLength(1);
    expect(Object.keys(raw.trackedChanges![0]!).sort()).toEqual([
      'change',
      'createdAt',
      'dossierId',
      'id',
    ]);
    // Bytes decoded both ways so that plaintext anywhere, in any field, would show. Hex
    // digests (audit hashes and MACs, checksums) are left out: '2031' turns up in about one
    // run in a hundred as four of their random hex digits. So are numbers (a record's
    // createdAt, 1764924203157, holds 2031 as often), except one that is a date in 2031:
    // 20310714, or a time in 2031 in seconds or milliseconds.
    const in2031 = (n: number): boolean =>
      (n >= 20310000 && n < 20320000) ||
      [n, n * 1000].some((ms) => Math.abs(ms) < 8.64e15 && new Date(ms).getUTCFullYear() === 2031);
    const text = (value: unknown) =>
      JSON.stringify(value, (_k, v: unknown) =>
        v instanceof Uint8Array
          ? new TextDecoder('utf-8').decode(v) + new TextDecoder('latin1').decode(v)
          : typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)
            ? ''
            : typeof v === 'number'
              ? in2031(v)
                ? 'a date in 2031'
                : ''
              : v,
      );
    for (const secret of ['2031-07-14', '2031-07-16', '2031'])
      expect(text(raw), secret).not.toContain(secret);
    // The record seals the kind with the dates; history and audit name it as a field
    // name (like an exception's check id), never a date.
    expect(text(raw.trackedChanges)).not.toContain('legal-representative');
    expect(text(raw.auditLog)).toContain('change legal-representative filed');
    vault.close();
  });
});

describe('backup and restore of tracked changes', () => {
  it('carries them, filed or not, with the counts verified', async () => {
    const { vault, dossier } = await withDossier('tracked-backup');
    const filed = await vault.addTrackedChange(dossier, {
      kind: 'address',
      occurredOn: '2026-11-02',
    });
    await vault.markChangeFiled(filed, '2026-11-04');
    await vault.addTrackedChange(dossier, {
      kind: 'bank-account-closed',
      occurredOn: '2026-11-20',
    });
    const file = await vault.backup();
    const target = await openTestVault(uniqueName('tracked-restore'));
    await target.restore(file, PASSPHRASE);
    expect(await target.listTrackedChanges(dossier)).toEqual(
      await vault.listTrackedChanges(dossier),
    );
    expect((await dumpRaw(target.db)).trackedChanges).toEqual(
      (await dumpRaw(vault.db)).trackedChanges,
    );
    // The restored vault keeps working with them.
    await target.markChangeFiled((await target.listTrackedChanges(dossier))[1]!.id, '2026-11-21');
    expect((await target.listTrackedChanges(dossier)).every((c) => c.filedOn)).toBe(true);
    target.close();

    vault.close();
  });

  it('refuses a backup whose tracked changes do not match its manifest, writing nothing', async () => {
    const { vault, dossier } = await withDossier('tracked-backup-count');
    await vault.addTrackedChange(dossier, { kind: 'address', occurredOn: '2026-11-02' });
    const file = await vault.backup();
    vault.close();
    const target = await openTestVault(uniqueName('tracked-restore-count'));
    const dropped = await rewriteBackup(file, (_h, content) => {
      content.tables.trackedChanges = [];
    });
    await expect(target.restore(dropped, PASSPHRASE)).rejects.toThrow(
      new BackupError(
        'The backup holds 0 trackedChanges records but its manifest says 1.',
        'count',
        {
          table: 'trackedChanges',
          count: 0,
          expected: 1,
        },
      ),
    );
    // A version-3 backup must hold the table; only older ones may lack it.
    const missing = await rewriteBackup(file, (_h, content) => {
      delete content.tables.trackedChanges;
    });
    await expect(target.restore(missing, PASSPHRASE)).rejects.toThrow(
      'The backup holds 0 trackedChanges records but its manifest says 1.',
    );
    expect(Object.values(await dumpRaw(target.db)).every((rows) => rows.length === 0)).toBe(true);
    target.close();
  });
});

describe('check summary with pending changes', () => {
  const base = {
    verdict: 'ready' as const,
    failed: 0,
    warnings: 0,
    computedAt: T0,
    idValidUntil: null,
    licenseValidUntil: '2041-03-09',
  };

  it('round-trips pendingChanges, and a summary stored without them reads with []', async () => {
    const { vault, dossier } = await withDossier('tracked-summary');
    const id = await vault.addTrackedChange(dossier, { kind: 'address', occurredOn: '2026-11-19' });
    const pending = await vault.listTrackedChanges(dossier);
    const withPending: DossierCheckSummary = { ...base, pendingChanges: pending };
    await vault.setCheckSummary(dossier, withPending);
    expect((await vault.getDossier(dossier)).checkSummary).toEqual(withPending);
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect((await vault.listDossiers())[0]?.checkSummary?.pendingChanges).toEqual([
      { id, kind: 'address', occurredOn: '2026-11-19' },
    ]);
    // Left out by the caller: none pending.
    await vault.setCheckSummary(dossier, base);
    expect((await vault.getDossier(dossier)).checkSummary?.pendingChanges).toEqual([]);
    // A malformed pending change is refused before anything is written.
    await expect(
      vault.setCheckSummary(dossier, {
        ...base,
        pendingChanges: [{ id, kind: 'address', occurredOn: '2026-02-30' }],
      }),
    ).rejects.toThrow();

    // A summary sealed by the code before pendingChanges existed (no such key).
    const keyring = KeyringRecordSchema.parse(await vault.db.keyring.get('main'));
    const keys = await deriveVaultKeys(
      await unwrapSecret(await deriveWrappingKey(PASSPHRASE, keyring.kdf), keyring.wrappedSecret),
    );
    const old = await sealJson(keys.data, 'dossiers', dossier, 'checkSummary', base);
    await vault.db.dossiers.update(dossier, { checkSummary: old });
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect((await vault.getDossier(dossier)).checkSummary).toEqual({ ...base, pendingChanges: [] });
    expect((await vault.listDossiers())[0]?.checkSummary?.pendingChanges).toEqual([]);
    vault.close();
  });
});
