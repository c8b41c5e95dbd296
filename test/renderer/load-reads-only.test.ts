// Loads that only read (issue 17 item 3): showing a dossier writes nothing and decrypts each
// stored value once; the values derived from documents (the list's credit code and legal
// representative, the ID number's blind index behind id.reuse) and the list's check
// summary are kept current by the writes, before any dossier is opened.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { webBridge } from '../../src/renderer/bridge/web';
import { createWorkspace } from '../../src/renderer/model/workspace';
import { dumpRaw, newVault, sealedValuesOf } from '../vault/helpers';
import { exampleFiles, TODAY } from './example-workspace';
import { createNodeTextReader } from './node-reader';

async function setUp(label: string) {
  const vault = await newVault(label);
  const ws = createWorkspace(vault, {
    bridge: webBridge,
    host: 'web',
    reader: createNodeTextReader(),
    today: () => TODAY,
  });
  const id = await ws.createDossier('青梧屿');
  await ws.importFiles(id, exampleFiles('ready'));
  await ws.saveAccounts(id, [{ store: '青梧屿旗舰店', phone: '13800138000', email: 'a@qwy.cn' }]);
  await ws.saveDeclared(id, { officeAddress: '杭州市西湖区' });
  return { vault, ws, id };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loading a dossier', () => {
  it('writes nothing and decrypts each stored value once', async () => {
    const { vault, ws, id } = await setUp('load-reads');
    const before = await dumpRaw(vault.db);
    const decrypt = vi.spyOn(globalThis.crypto.subtle, 'decrypt');
    const view = await ws.loadDossier(id);
    const calls = decrypt.mock.calls.length;
    decrypt.mockRestore();
    expect(view.run.verdict).toBe('ready');
    expect(await dumpRaw(vault.db)).toEqual(before);
    expect(calls).toBe(await sealedValuesOf(vault, id));
    // Loading again changes nothing either (the old load wrote an edit on every view).
    await ws.loadDossier(id);
    expect(await dumpRaw(vault.db)).toEqual(before);
    vault.close();
  });

  it('finds the list values and the check summary already stored by the writes', async () => {
    const { vault, ws, id } = await setUp('derived-by-writes');
    // Never opened: the list shows the verdict and the license's values all the same.
    const [row] = await ws.listRows();
    expect(row!.verdict).toBe('ready');
    expect(row!.summary.creditCode).not.toBeNull();
    expect(row!.summary.legalRepresentative).not.toBeNull();
    const dossier = await vault.getDossier(id);
    expect(dossier.idNumber).not.toBeNull();
    // A second company of the same legal representative sees this one's account (id.reuse),
    // through the blind index the import wrote.
    expect(await vault.countAccountsForIdNumber(dossier.idNumber!, 'another-dossier')).toBe(1);
    // Deleting the ID card's document moves the verdict on the list, with no view opened.
    const idFront = (await vault.listDocuments(id)).find((d) => d.kind === 'id-card-front')!;
    await ws.deleteDocument(idFront.id);
    expect((await ws.listRows())[0]!.verdict).toBe('blocked');
    vault.close();
  });
});
