// Backup and restore: one encrypted file, restorable elsewhere with the passphrase,
// verified before writing, never overwriting a vault without consent.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BackupError } from '../../src/vault/errors';
import {
  PASSPHRASE,
  dumpRaw,
  newVault,
  pdfFile,
  pngHeader,
  uniqueName,
  openTestVault,
} from './helpers';

async function filledVault() {
  const vault = await newVault('backup-source');
  const dossier = await vault.createDossier({
    company: '杭州青梧屿贸易有限公司',
    idNumber: '330106198805120026',
  });
  const png = pngHeader(800, 600, 4096);
  const doc = await vault.importFile(dossier, {
    name: 'license.png',
    bytes: png,
    kind: 'business-license',
  });
  await vault.importFile(dossier, { name: 'bank.pdf', bytes: pdfFile(2) });
  await vault.saveExtraction(doc.id, [
    { field: 'companyName', value: '杭州青梧屿贸易有限公司', confidence: 0.9 },
  ]);
  await vault.addAccount(dossier, { store: 'Store', phone: '13800138000', email: 'a@example.com' });
  return { vault, dossier, doc, png };
}

describe('backup and restore', () => {
  it('restores the whole vault into a new database with the passphrase', async () => {
    const { vault, dossier, doc, png } = await filledVault();
    const file = await vault.backup();
    expect(new TextDecoder('latin1').decode(file)).not.toContain('13800138000');
    expect([...file.subarray(0, 4)]).toEqual([0x44, 0x56, 0x42, 0x4b]);
    const target = await openTestVault(uniqueName('restore-target'));
    await target.restore(file, PASSPHRASE);
    expect((await target.getDossier(dossier)).company).toBe('杭州青梧屿贸易有限公司');
    expect(await target.openDocumentBytes(doc.id)).toEqual(png);
    expect(await target.listAccounts(dossier)).toEqual([
      expect.objectContaining({ phone: '13800138000' }),
    ]);
    expect(await target.countAccountsForIdNumber('330106198805120026')).toBe(1);
    const source = await dumpRaw(vault.db);
    const restored = await dumpRaw(target.db);
    for (const table of [
      'dossiers',
      'documents',
      'blobs',
      'extractions',
      'accounts',
      'keyring',
    ] as const) {
      expect(restored[table], table).toEqual(source[table]);
    }
    // The restored vault unlocks with the backup's passphrase after a reload.
    target.lock();
    await target.unlock(PASSPHRASE);
    vault.close();
    target.close();
  });

  it('refuses a wrong passphrase and a tampered file, leaving the target untouched', async () => {
    const { vault } = await filledVault();
    const file = await vault.backup();
    const target = await openTestVault(uniqueName('restore-refused'));
    await expect(target.restore(file, 'wrong passphrase')).rejects.toThrow(
      'The passphrase does not open this backup.',
    );
    const tampered = file.slice();
    tampered[tampered.length - 100]! ^= 1;
    await expect(target.restore(tampered, PASSPHRASE)).rejects.toThrow(
      'The backup file is damaged or was altered.',
    );
    const header = file.slice();
    const at = new TextDecoder('latin1').decode(header).indexOf('"createdAt":') + 13;
    header[at] = header[at] === 0x31 ? 0x32 : 0x31;
    await expect(target.restore(header, PASSPHRASE)).rejects.toThrow(BackupError);
    await expect(
      target.restore(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), PASSPHRASE),
    ).rejects.toThrow('This file is not a Dossier Vault backup.');
    await expect(target.restore(file.slice(0, 200), PASSPHRASE)).rejects.toThrow(BackupError);
    expect(Object.values(await dumpRaw(target.db)).every((rows) => rows.length === 0)).toBe(true);
    vault.close();
    target.close();
  });

  it('never overwrites a vault that holds data unless asked to', async () => {
    const { vault, dossier } = await filledVault();
    const file = await vault.backup();
    const other = await newVault('restore-occupied');
    const mine = await other.createDossier({ company: 'Mine' });
    await expect(other.restore(file, PASSPHRASE)).rejects.toThrow(
      'This vault already holds data; restore into it only with overwrite, or into a new vault.',
    );
    expect((await other.getDossier(mine)).company).toBe('Mine');
    await other.restore(file, PASSPHRASE, { overwrite: true });
    expect((await other.listDossiers()).map((d) => d.id)).toEqual([dossier]);
    expect((await other.audit('restore')).length).toBe(1);
    vault.close();
    other.close();
  });
});
