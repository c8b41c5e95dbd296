// Dossier data round trips, ID reuse by blind index, delete with undo (both paths),
// auto-lock on idle and on a hidden window.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VaultLockedError } from '../../src/vault/errors';
import { dumpRaw, newVault, pdfFile, pngHeader } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

describe('dossier data', () => {
  it('round-trips dossiers, extractions, confirmations, accounts, declared values and history', async () => {
    const vault = await newVault('data');
    const id = await vault.createDossier({
      company: '杭州青梧屿贸易有限公司',
      legalRepresentative: '林晓岚',
      idNumber: '330106198805120026',
      creditCode: '91330106MA2KXXXX1X',
    });
    await vault.updateDossier(id, { legalRepresentative: '林晓兰' });
    const front = await vault.importFile(id, {
      name: 'id-front.png',
      bytes: pngHeader(1011, 638),
      kind: 'id-card-front',
    });
    await vault.saveExtraction(front.id, [
      {
        field: 'name',
        value: '林晓兰',
        confidence: 0.82,
        box: { page: 0, x: 10, y: 20, w: 100, h: 30 },
      },
      {
        field: 'idNumber',
        value: '33010619880512002G',
        confidence: 0.6,
        corrections: [
          {
            field: 'idNumber',
            from: '33010619880512002G',
            to: '330106198805120026',
            reason: 'checksum',
          },
        ],
      },
    ]);
    await vault.confirm(front.id, 'idNumber', '330106198805120026', '王会计');
    await vault.addAccount(id, {
      store: '青梧屿旗舰店',
      phone: '13800138000',
      email: 'shop@example.com',
    });
    await vault.setDeclared(id, { idValidUntil: '2035-05-12' });

    expect(await vault.getDossier(id)).toMatchObject({
      company: '杭州青梧屿贸易有限公司',
      legalRepresentative: '林晓兰',
    });
    const fields = await vault.listExtractions(front.id);
    expect(fields.find((f) => f.field === 'idNumber')).toMatchObject({
      value: '33010619880512002G',
      confirmedValue: '330106198805120026',
      confirmedBy: '王会计',
      corrections: [{ to: '330106198805120026' }],
    });
    expect(fields.find((f) => f.field === 'name')?.box).toEqual({
      page: 0,
      x: 10,
      y: 20,
      w: 100,
      h: 30,
    });
    expect(await vault.checkInputs(id)).toEqual({
      accounts: [{ store: '青梧屿旗舰店', phone: '13800138000', email: 'shop@example.com' }],
      declared: { idValidUntil: '2035-05-12' },
      confirmed: { 'id-card-front': { idNumber: '330106198805120026' } },
      idAccountsElsewhere: 0,
    });
    expect((await vault.listChanges(id)).map((c) => [c.kind, c.field, c.before, c.after])).toEqual([
      ['edit', 'legalRepresentative', '林晓岚', '林晓兰'],
      // The dossier's ID number follows its ID card, in the write that changes it: the
      // OCR reading first, then the confirmed value.
      ['edit', 'idNumber', '330106198805120026', '33010619880512002G'],
      ['confirm', 'idNumber', null, '330106198805120026'],
      ['edit', 'idNumber', '33010619880512002G', '330106198805120026'],
      // Accounts and declared values go into the pack: their edits are history too.
      ['create', 'store', null, '青梧屿旗舰店'],
      ['create', 'phone', null, '13800138000'],
      ['create', 'email', null, 'shop@example.com'],
      ['edit', 'idValidUntil', null, '2035-05-12'],
    ]);
    expect(
      (await vault.audit('edit')).filter((e) => e.dossierId === id).map((e) => e.detail),
    ).toEqual(['1 field(s)', 'read 2 field(s)', 'account added', 'declared idValidUntil']);
    // Nothing of it is stored in plaintext.
    const raw = JSON.stringify(await dumpRaw(vault.db), (_k, v: unknown) =>
      v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v,
    );
    for (const secret of [
      '杭州青梧屿',
      '林晓',
      '330106198805120026',
      '13800138000',
      'shop@example.com',
      '王会计',
      '2035-05-12',
    ]) {
      expect(raw).not.toContain(secret);
    }
    vault.close();
  });

  it('lists and searches dossiers by company, person or credit code, in memory after unlock', async () => {
    const vault = await newVault('search');
    await vault.createDossier({
      company: '杭州青梧屿贸易有限公司',
      legalRepresentative: '林晓岚',
      creditCode: '91330106MA2KXXXX1X',
    });
    await vault.createDossier({
      company: '宁波远帆电子商务有限公司',
      legalRepresentative: '陈志远',
    });
    expect(await vault.listDossiers()).toHaveLength(2);
    expect((await vault.searchDossiers('远帆')).map((d) => d.company)).toEqual([
      '宁波远帆电子商务有限公司',
    ]);
    expect((await vault.searchDossiers('林晓岚')).map((d) => d.company)).toEqual([
      '杭州青梧屿贸易有限公司',
    ]);
    expect((await vault.searchDossiers('ma2k')).map((d) => d.company)).toEqual([
      '杭州青梧屿贸易有限公司',
    ]);
    expect(await vault.findDossiersByCreditCode('91330106ma2kxxxx1x')).toHaveLength(1);
    vault.lock();
    await expect(vault.searchDossiers('远帆')).rejects.toThrow(VaultLockedError);
    vault.close();
  });
});

describe('ID reuse', () => {
  it('counts accounts of other dossiers with the same ID number through the blind index', async () => {
    const vault = await newVault('reuse');
    const idNumber = '330106198805120026';
    const a = await vault.createDossier({ company: 'A', idNumber });
    const b = await vault.createDossier({ company: 'B', idNumber: ` ${idNumber} ` });
    const c = await vault.createDossier({ company: 'C', idNumber: '11010519491231002X' });
    await vault.addAccount(a, { store: 'a1', phone: '1', email: 'a1@x' });
    await vault.addAccount(b, { store: 'b1', phone: '2', email: 'b1@x' });
    await vault.addAccount(b, { store: 'b2', phone: '3', email: 'b2@x' });
    await vault.addAccount(c, { store: 'c1', phone: '4', email: 'c1@x' });
    expect(await vault.countAccountsForIdNumber(idNumber)).toBe(3);
    expect(await vault.countAccountsForIdNumber(idNumber, a)).toBe(2);
    expect(await vault.countAccountsForIdNumber(idNumber, b)).toBe(1);
    expect((await vault.checkInputs(a)).idAccountsElsewhere).toBe(2);
    expect(await vault.dossiersForIdNumber('11010519491231002x')).toEqual([c]);
    // The index is keyed: the ID number does not appear, and a second vault indexes differently.
    const rows = await vault.db.dossiers.toArray();
    expect(JSON.stringify(rows.map((r) => r.idNumberIndex))).not.toContain(idNumber);
    const other = await newVault('reuse-other');
    const x = await other.createDossier({ company: 'X', idNumber });
    expect((await other.db.dossiers.get(x))!.idNumberIndex).not.toBe(
      (await vault.db.dossiers.get(a))!.idNumberIndex,
    );
    // A deleted dossier no longer counts.
    await vault.deleteDossier(b);
    expect(await vault.countAccountsForIdNumber(idNumber, a)).toBe(0);
    vault.close();
    other.close();
  });
});

describe('delete with undo', () => {
  it('undo within the window brings the document back unchanged', async () => {
    const clock = { now: 1_700_000_000_000 };
    const vault = await newVault('undo', clock);
    const dossier = await vault.createDossier({ company: 'A' });
    const doc = await vault.importFile(dossier, { name: 'a.pdf', bytes: pdfFile(1) });
    const ticket = await vault.deleteDocument(doc.id);
    expect(ticket.undoUntil).toBe(clock.now + 10_000);
    expect(await vault.listDocuments(dossier)).toEqual([]);
    clock.now += 9_000;
    await vault.undoDelete(ticket);
    expect(await vault.listDocuments(dossier)).toEqual([doc]);
    clock.now += 60_000;
    expect(await vault.purgeExpired()).toBe(0);
    expect(await vault.openDocumentBytes(doc.id)).toHaveLength(doc.size);
    vault.close();
  });

  it('after the window the blob and every field are removed, and undo says so', async () => {
    const clock = { now: 1_700_000_000_000 };
    const vault = await newVault('purge', clock);
    const keep = await vault.createDossier({ company: 'Keep' });
    const kept = await vault.importFile(keep, { name: 'k.pdf', bytes: pdfFile(1) });
    const dossier = await vault.createDossier({ company: 'Gone' });
    const doc = await vault.importFile(dossier, { name: 'a.pdf', bytes: pdfFile(2) });
    await vault.saveExtraction(doc.id, [{ field: 'name', value: '林晓岚', confidence: 1 }]);
    await vault.addAccount(dossier, { store: 's', phone: 'p', email: 'e' });
    await vault.setDeclared(dossier, { officeAddress: '杭州' });
    await vault.updateDossier(dossier, { company: 'Gone 2' });
    const ticket = await vault.deleteDossier(dossier);
    expect((await vault.listDossiers()).map((d) => d.company)).toEqual(['Keep']);
    clock.now += 10_001;
    await expect(vault.undoDelete(ticket)).rejects.toThrow(
      'The undo window has closed; the item was removed.',
    );
    expect(await vault.purgeExpired()).toBe(1);
    const raw = await dumpRaw(vault.db);
    expect(raw.dossiers).toHaveLength(1);
    expect(raw.documents).toHaveLength(1);
    expect(raw.blobs).toEqual([expect.objectContaining({ documentId: kept.id })]);
    expect(raw.extractions).toEqual([]);
    expect(raw.accounts).toEqual([]);
    expect(raw.declared).toEqual([]);
    expect(raw.changeEvents).toEqual([]);
    expect((await vault.audit('purge')).at(-1)?.detail).toBe('1 dossier(s), 1 document(s)');
    vault.close();
  });
});

describe('auto-lock', () => {
  it('locks after the idle time (default 10 minutes), reset by activity', async () => {
    const vault = await newVault('idle');
    expect((await vault.settings()).autoLockMinutes).toBe(10);
    const reasons: string[] = [];
    vault.onLock((reason) => reasons.push(reason));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vault.touch();
    vi.advanceTimersByTime(9 * 60_000);
    vault.touch();
    vi.advanceTimersByTime(9 * 60_000);
    expect(vault.isUnlocked).toBe(true);
    vi.advanceTimersByTime(60_001);
    expect(vault.isUnlocked).toBe(false);
    expect(reasons).toEqual(['idle']);
    vi.useRealTimers();
    await vault.unlock('correct horse battery staple');
    await vault.updateSettings({ autoLockMinutes: 1 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vault.touch();
    vi.advanceTimersByTime(60_001);
    expect(vault.isUnlocked).toBe(false);
    vault.close();
  });

  it('locks when the window stays hidden too long, not when it comes back in time', async () => {
    const vault = await newVault('hidden');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vault.setWindowHidden(true);
    vi.advanceTimersByTime(60_000);
    vault.setWindowHidden(false);
    vi.advanceTimersByTime(5 * 60_000);
    expect(vault.isUnlocked).toBe(true);
    const reasons: string[] = [];
    vault.onLock((reason) => reasons.push(reason));
    vault.setWindowHidden(true);
    vi.advanceTimersByTime(2 * 60_000 + 1);
    expect(vault.isUnlocked).toBe(false);
    expect(reasons).toEqual(['hidden']);
    vault.close();
  });
});

describe('the dossier list cache', () => {
  it('lists a dossier created right after unlock, while the list is decrypted in the background', async () => {
    const vault = await newVault('race');
    for (let i = 0; i < 20; i++) await vault.createDossier({ company: `Company ${i}` });
    vault.lock();
    await vault.unlock('correct horse battery staple'); // starts decrypting the list
    const id = await vault.createDossier({ company: 'Created during the load' });
    const list = await vault.listDossiers();
    expect(list).toHaveLength(21);
    expect(list.map((d) => d.id)).toContain(id);
    await vault.updateDossier(id, { company: 'Renamed' });
    expect((await vault.searchDossiers('renamed')).map((d) => d.id)).toEqual([id]);
    vault.close();
  });
});
