// The Workspace over a real vault (fake-indexeddb) and the real reading pipeline on the
// examples' PDFs: import, slots, checks, confirmations, exceptions, search, delete/undo
// (how it words what went wrong: workspace-errors.test.ts).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulkConfirmable } from '../../src/renderer/model/confirmable';
import { REPO_ROOT } from '../cli/run-cli';
import { exampleDossier, exampleFiles, importExample, workspace } from './example-workspace';

describe('workspace', () => {
  it('imports a ready dossier: four slots filled, verdict ready, summary on the list', async () => {
    const ws = await workspace('ready');
    const progress: string[] = [];
    const id = await ws.createDossier('青梧屿');
    const outcomes = await ws.importFiles(id, exampleFiles('ready'), {
      onProgress: (i, p) => progress.push(`${i}:${p.stage}`),
    });
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
    expect(progress).toContain('0:done');
    const { accounts, declared } = exampleDossier('ready');
    await ws.saveAccounts(id, accounts);
    await ws.saveDeclared(id, declared);
    const view = await ws.loadDossier(id);
    expect(Object.values(view.slots).every((s) => s !== null)).toBe(true);
    expect(view.others).toHaveLength(0);
    expect(view.run.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(view.run.verdict).toBe('ready');
    expect(view.slots['business-license']!.pages[0]!.width).toBeGreaterThan(500);
    const rows = await ws.listRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.verdict).toBe('ready');
    expect(rows[0]!.summary.creditCode).toMatch(/^[0-9A-Z]{18}$/);
  });

  it('a duplicate file is refused with the dossier it is already in', async () => {
    const ws = await workspace('dup');
    const { id } = await importExample(ws, 'ready');
    const again = await ws.importFiles(id, exampleFiles('ready').slice(0, 1));
    expect(again[0]!.status).toBe('duplicate');
    expect(again[0]!.message).toMatch(/青梧屿/);
    expect((await ws.loadDossier(id)).documents).toHaveLength(4);
  });

  it('an unreadable file is reported and not stored; a cancelled import stores nothing', async () => {
    const ws = await workspace('bad');
    const id = await ws.createDossier('坏文件公司');
    const bad = await ws.importFiles(id, [
      { name: 'broken.pdf', bytes: new TextEncoder().encode('%PDF-1.7 nonsense') },
    ]);
    expect(bad[0]!.status).toBe('unreadable');
    expect(bad[0]!.message).toMatch(/\.$/);
    const controller = new AbortController();
    controller.abort();
    const cancelled = await ws.importFiles(id, exampleFiles('ready'), {
      signal: controller.signal,
    });
    expect(cancelled.every((o) => o.status === 'cancelled')).toBe(true);
    expect((await ws.loadDossier(id)).documents).toHaveLength(0);
  });

  it('a bracket-width mismatch fails until the bank name is corrected and confirmed', async () => {
    const ws = await workspace('bracket');
    const { id } = await importExample(ws, 'bank-name-half-width');
    let view = await ws.loadDossier(id);
    const check = view.run.checks.find((c) => c.id === 'name.license-vs-bank')!;
    expect(check.status).toBe('fail');
    expect(check.diff?.some((d) => d.kind === 'width')).toBe(true);
    expect(view.run.verdict).toBe('blocked');
    const license = view.slots['business-license']!.fields.find((f) => f.field === 'companyName')!;
    const bank = view.slots['bank-permit']!;
    await ws.updateSettings({ userName: '王会计' });
    await ws.confirmField(bank.info.id, 'accountName', license.value!);
    view = await ws.loadDossier(id);
    expect(view.run.checks.find((c) => c.id === 'name.license-vs-bank')!.status).toBe('pass');
    expect(view.run.verdict).toBe('ready');
    const confirmed = view.slots['bank-permit']!.fields.find((f) => f.field === 'accountName')!;
    expect(confirmed.confirmedBy).toBe('王会计');
    expect((await ws.listRows())[0]!.verdict).toBe('ready');
    expect((await ws.vault.audit('confirm')).length).toBe(1);
  });

  it('an accepted exception with a reason unblocks a failed check, and can be revoked', async () => {
    const ws = await workspace('exception');
    const { id } = await importExample(ws, 'credit-code-bad-check');
    expect((await ws.loadDossier(id)).run.verdict).toBe('blocked');
    await expect(ws.acceptException(id, 'credit-code.checksum', '  ')).rejects.toThrow();
    await ws.acceptException(id, 'credit-code.checksum', '早期试点代码，早于校验规则');
    const view = await ws.loadDossier(id);
    const check = view.run.checks.find((c) => c.id === 'credit-code.checksum')!;
    expect(check.exception?.reason).toBe('早期试点代码，早于校验规则');
    await ws.revokeException(id, 'credit-code.checksum');
    expect(
      (await ws.loadDossier(id)).run.checks.find((c) => c.id === 'credit-code.checksum')!.exception,
    ).toBeUndefined();
  });

  it('confirm-all confirms exactly the listed fields of one document, refusing a stale list', async () => {
    const ws = await workspace('confirm-all');
    const { id } = await importExample(ws, 'ready');
    const before = await ws.loadDossier(id);
    const license = before.slots['business-license']!;
    const listed = bulkConfirmable(license).map((f) => ({ field: f.field, value: f.value! }));
    expect(listed.length).toBeGreaterThan(3);
    // A value other than the one shown confirms nothing.
    const forged = listed.map((f, i) => (i === 0 ? { ...f, value: `${f.value}X` } : f));
    await expect(ws.confirmShown(id, license.info.id, forged)).rejects.toThrow(/changed after/);
    expect(await ws.confirmShown(id, license.info.id, listed)).toBe(listed.length);
    const view = await ws.loadDossier(id);
    const confirmedIn = (kind: string) =>
      view.documents
        .filter((d) => d.info.kind === kind)
        .flatMap((d) => d.fields)
        .filter((f) => f.confirmedValue !== null)
        .map((f) => f.field)
        .sort();
    expect(confirmedIn('business-license')).toEqual(listed.map((f) => f.field).sort());
    // The other documents were not touched.
    for (const kind of ['id-card-front', 'id-card-back', 'bank-permit']) {
      expect(confirmedIn(kind)).toEqual([]);
    }
    // The audit log holds one confirmation per listed field, of that document.
    const confirms = (await ws.auditLog(id)).filter((r) => r.action === 'confirm');
    expect(confirms.map((r) => r.detail).sort()).toEqual(listed.map((f) => f.field).sort());
    expect(new Set(confirms.map((r) => r.file))).toEqual(new Set(['license.pdf']));
  });

  it('the same file goes into two dossiers, noted; twice into one it is refused', async () => {
    const ws = await workspace('two-dossiers');
    const { id } = await importExample(ws, 'ready');
    const other = await ws.createDossier('另一家公司');
    const bytes = new Uint8Array(
      readFileSync(join(REPO_ROOT, 'examples', 'ready', 'id-front.pdf')),
    );
    const [first] = await ws.importFiles(other, [{ name: 'id-front.pdf', bytes }]);
    expect(first).toMatchObject({ status: 'imported', kind: 'id-card-front' });
    expect(first?.alsoIn).toEqual([(await ws.loadDossier(id)).dossier.company]);
    const [again] = await ws.importFiles(other, [{ name: 'copy.pdf', bytes }]);
    expect(again?.status).toBe('duplicate');
  });

  it('a second license blocks until one is set aside, and a kind set by hand is read again', async () => {
    const ws = await workspace('set-aside');
    const { id } = await importExample(ws, 'ready');
    const bytes = new Uint8Array(
      readFileSync(join(REPO_ROOT, 'examples', 'license-expired', 'license.pdf')),
    );
    const [second] = await ws.importFiles(id, [{ name: 'old-license.pdf', bytes }]);
    let view = await ws.loadDossier(id);
    const complete = view.run.checks.find((c) => c.id === 'docs.complete')!;
    expect(complete.status).toBe('fail');
    expect(complete.message).toContain('old-license.pdf');
    await ws.setAside(second!.documentId!, true);
    view = await ws.loadDossier(id);
    expect(view.run.checks.find((c) => c.id === 'docs.complete')!.status).toBe('pass');
    expect(view.slots['business-license']?.info.fileName).toBe('license.pdf');
    // Setting aside is audited, and so is using the document again.
    await ws.setAside(second!.documentId!, false);
    await ws.setAside(second!.documentId!, true);
    const asides = (await ws.auditLog(id)).filter((r) => r.action === 'set-aside');
    expect(asides.map((r) => [r.file, r.detail])).toEqual([
      ['old-license.pdf', 'on'],
      ['old-license.pdf', 'off'],
      ['old-license.pdf', 'on'],
    ]);
    // Moved by hand to another kind: read again for it (a license read as a bank form
    // finds no bank fields, but every bank field is now there to enter).
    await ws.moveDocument(second!.documentId!, 'bank-permit');
    view = await ws.loadDossier(id);
    const moved = view.documents.find((d) => d.info.id === second!.documentId)!;
    expect(moved.fields.map((f) => f.field)).toEqual(
      expect.arrayContaining(['accountName', 'bankName', 'accountNumber']),
    );
  });

  it('finds dossiers by company, credit code, person and account; delete has undo', async () => {
    const ws = await workspace('search');
    const { id } = await importExample(ws, 'ready');
    await ws.createDossier('另一家公司');
    const view = await ws.loadDossier(id);
    const code = view.dossier.creditCode!;
    expect((await ws.searchRows(code)).map((r) => r.summary.id)).toEqual([id]);
    expect(
      (await ws.searchRows(view.dossier.legalRepresentative!)).map((r) => r.summary.id),
    ).toEqual([id]);
    expect((await ws.searchRows('13169036418')).map((r) => r.summary.id)).toEqual([id]);
    expect((await ws.searchRows('store2.101')).map((r) => r.summary.id)).toEqual([id]);
    expect(await ws.searchRows('另一家')).toHaveLength(1);
    const ticket = await ws.deleteDossier(id);
    expect((await ws.listRows()).map((r) => r.summary.id)).not.toContain(id);
    await ws.undoDelete(ticket);
    expect((await ws.listRows()).map((r) => r.summary.id)).toContain(id);
  });

  it('the list shows the nearest expiry: an ID card expiring in 60 days blocks', async () => {
    const ws = await workspace('expiry');
    const { id } = await importExample(ws, 'id-expires-60-days');
    const view = await ws.loadDossier(id);
    expect(view.run.checks.find((c) => c.id === 'id.validity')!.status).toBe('fail');
    const row = (await ws.listRows())[0]!;
    expect(row.verdict).toBe('blocked');
    expect(row.nearest?.kind).toBe('id-card-expiry');
    expect(row.nearest && 'daysLeft' in row.nearest ? row.nearest.daysLeft : -1).toBeGreaterThan(
      50,
    );
  });

  it('moving a document to another slot is kept', async () => {
    const ws = await workspace('move');
    const { id } = await importExample(ws, 'ready');
    const view = await ws.loadDossier(id);
    const back = view.slots['id-card-back']!;
    await ws.moveDocument(back.info.id, 'unknown');
    const after = await ws.loadDossier(id);
    expect(after.slots['id-card-back']).toBeNull();
    expect(after.others.map((d) => d.info.id)).toEqual([back.info.id]);
    expect(after.others[0]!.detectedKind).toBe('id-card-back');
    expect(after.run.checks.find((c) => c.id === 'docs.complete')!.status).toBe('fail');
  });

  it('a recorded change shows its filing deadline in working days until it is filed', async () => {
    const ws = await workspace('changes');
    const { id } = await importExample(ws, 'ready');
    // Friday 2026-11-20: three working days later is Wednesday 2026-11-25.
    await ws.recordChange(id, { kind: 'address', occurredOn: '2026-11-20' });
    let view = await ws.loadDossier(id);
    const item = view.deadlines.find((d) => d.kind === 'change-filing');
    expect(item && item.kind === 'change-filing' ? item.date : null).toBe('2026-11-25');
    expect(item && item.kind === 'change-filing' ? item.workingDaysLeft : null).toBe(1);
    const row = (await ws.listRows())[0]!;
    expect(row.nearest?.kind).toBe('change-filing');
    await ws.markChangeFiled(view.changes[0]!.id, '2026-11-24');
    view = await ws.loadDossier(id);
    expect(view.deadlines.some((d) => d.kind === 'change-filing')).toBe(false);
    // The bank must still be told (5 working days: Friday 27 November); filing with the
    // platform does not make that deadline go away.
    expect((await ws.listRows())[0]!.nearest).toMatchObject({
      kind: 'bank-notification',
      date: '2026-11-27',
    });
  });
});
