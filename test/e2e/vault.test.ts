// The vault in Debian's Chromium: create, import, lock, reload, unlock, read the same data;
// then IndexedDB read raw from the page holds no plaintext of a name or an ID number.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveFolder, type StaticServer } from './support/chromium';
import { buildVaultPage } from './vault-harness/build';
import type { VaultHarness } from './vault-harness/entry';

const COMPANY = '杭州青梧屿贸易有限公司';
const PERSON = '林晓岚';
const ID_NUMBER = '330106198805120026';
const PASSPHRASE = 'correct horse battery staple';
const DB = 'dossier-vault-e2e';

let page: Page;
let browser: Browser;
let server: StaticServer;
let removeBuild: () => void;

beforeAll(async () => {
  const built = await buildVaultPage();
  removeBuild = built.remove;
  server = await serveFolder(built.root);
  browser = await launchChromium();
  page = await browser.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeBuild?.();
});

async function ready(): Promise<void> {
  await page.waitForFunction(() => document.title === 'ready');
}

describe('the vault in Chromium', () => {
  it('keeps data across lock and reload, and stores no plaintext', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/index.html`);
    await ready();

    const created = await page.evaluate(
      async ({ DB, PASSPHRASE, COMPANY, PERSON, ID_NUMBER }) => {
        const { openVault } = (window as unknown as { vaultHarness: VaultHarness }).vaultHarness;
        const vault = await openVault(DB);
        const started = performance.now();
        await vault.create(PASSPHRASE); // the default Argon2id: 64 MiB, 3 passes
        const createMs = performance.now() - started;
        const dossierId = await vault.createDossier({
          company: COMPANY,
          legalRepresentative: PERSON,
          idNumber: ID_NUMBER,
        });
        // A PNG whose own bytes carry the names (a tEXt chunk), so the blob must be sealed too.
        const text = new TextEncoder().encode(`Comment\u0000${COMPANY} ${PERSON} ${ID_NUMBER}`);
        const png = new Uint8Array([
          0x89,
          0x50,
          0x4e,
          0x47,
          0x0d,
          0x0a,
          0x1a,
          0x0a,
          0,
          0,
          0,
          13,
          0x49,
          0x48,
          0x44,
          0x52,
          0,
          0,
          3,
          0xf3,
          0,
          0,
          2,
          0x7e,
          8,
          6,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          text.length,
          0x74,
          0x45,
          0x58,
          0x74,
          ...text,
          0,
          0,
          0,
          0,
        ]);
        const doc = await vault.importFile(dossierId, {
          name: `${PERSON}-身份证.png`,
          bytes: png,
          kind: 'id-card-front',
        });
        await vault.saveExtraction(doc.id, [
          { field: 'name', value: PERSON, confidence: 0.93 },
          { field: 'idNumber', value: ID_NUMBER, confidence: 0.88 },
        ]);
        await vault.confirm(doc.id, 'name', PERSON, PERSON);
        await vault.addAccount(dossierId, {
          store: `${COMPANY}旗舰店`,
          phone: '13800138000',
          email: 'shop@example.com',
        });
        await vault.setDeclared(dossierId, { officeAddress: `${COMPANY}办公室` });
        vault.lock();
        const lockedRead = await vault.listDossiers().then(
          () => 'read',
          (e: Error) => e.message,
        );
        vault.close();
        return { dossierId, documentId: doc.id, png: [...png], createMs, lockedRead };
      },
      { DB, PASSPHRASE, COMPANY, PERSON, ID_NUMBER },
    );
    expect(created.lockedRead).toBe('The vault is locked; unlock it first.');

    await page.reload();
    await ready();
    const reopened = await page.evaluate(
      async ({ DB, PASSPHRASE, ID_NUMBER, dossierId, documentId }) => {
        const { openVault } = (window as unknown as { vaultHarness: VaultHarness }).vaultHarness;
        const vault = await openVault(DB);
        const wrong = await vault.unlock('not my passphrase').then(
          () => 'unlocked',
          (e: Error) => e.message,
        );
        const started = performance.now();
        await vault.unlock(PASSPHRASE);
        const unlockMs = performance.now() - started;
        const result = {
          wrong,
          unlockMs,
          dossier: await vault.getDossier(dossierId),
          list: (await vault.listDossiers()).map((d) => d.company),
          search: (await vault.searchDossiers('青梧屿')).length,
          documents: (await vault.listDocuments(dossierId)).map((d) => [d.fileName, d.mime]),
          bytes: [...(await vault.openDocumentBytes(documentId))],
          fields: (await vault.listExtractions(documentId)).map((f) => [
            f.field,
            f.value,
            f.confirmedValue,
          ]),
          accounts: await vault.listAccounts(dossierId),
          idReuse: await vault.countAccountsForIdNumber(ID_NUMBER),
          audit: (await vault.audit()).map((e) => e.action),
        };
        vault.close();
        return result;
      },
      { DB, PASSPHRASE, ID_NUMBER, dossierId: created.dossierId, documentId: created.documentId },
    );
    expect(reopened.wrong).toBe('The passphrase is wrong.');
    expect(reopened.dossier).toMatchObject({
      company: COMPANY,
      legalRepresentative: PERSON,
      idNumber: ID_NUMBER,
    });
    expect(reopened.list).toEqual([COMPANY]);
    expect(reopened.search).toBe(1);
    expect(reopened.documents).toEqual([[`${PERSON}-身份证.png`, 'image/png']]);
    expect(reopened.bytes).toEqual(created.png);
    expect(reopened.fields.sort()).toEqual([
      ['idNumber', ID_NUMBER, null],
      ['name', PERSON, PERSON],
    ]);
    expect(reopened.accounts).toEqual([
      expect.objectContaining({ store: `${COMPANY}旗舰店`, phone: '13800138000' }),
    ]);
    expect(reopened.idReuse).toBe(1);
    expect(reopened.audit).toEqual(
      expect.arrayContaining(['create-vault', 'import', 'lock', 'unlock-failed', 'unlock']),
    );
    console.log(
      `Chromium Argon2id (64 MiB, 3 passes): create ${created.createMs.toFixed(0)} ms, unlock ${reopened.unlockMs.toFixed(0)} ms`,
    );

    const raw = await page.evaluate(async (DB) => {
      const { dumpIndexedDb } = (window as unknown as { vaultHarness: VaultHarness }).vaultHarness;
      return dumpIndexedDb(DB);
    }, DB);
    expect(raw.stores).toMatchObject({
      dossiers: 1,
      documents: 1,
      blobs: 1,
      extractions: 2,
      accounts: 1,
      declared: 1,
      keyring: 1,
    });
    // The dump is real: it holds the stored, non-secret values.
    expect(raw.text).toContain(created.dossierId);
    expect(raw.text).toContain('image/png');
    expect(raw.text).toContain('"latin1"'); // sealed bytes and blobs were decoded into the dump
    for (const secret of [
      COMPANY,
      '青梧屿',
      PERSON,
      ID_NUMBER,
      '13800138000',
      'shop@example.com',
      PASSPHRASE,
    ]) {
      expect(raw.text, secret).not.toContain(secret);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
