// The streamed backup (format 2): frames bound to their place, so reordering, dropping,
// cutting or splicing is refused before anything is written; the old format 1 still
// restores; a vault that holds data is replaced only when unlocked or with its passphrase,
// and that check runs inside the transaction that clears it.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupKeys, readPrefix } from '../../src/vault/backup/header';
import { STREAMED_FORMAT } from '../../src/vault/backup/stream';
import { backupPieces, vaultEntries } from '../../src/vault/backup/write';
import { randomBytes } from '../../src/vault/envelope';
import { BackupError, WrongPassphraseError } from '../../src/vault/errors';
import { type Vault } from '../../src/vault/vault';
import {
  FAST_KDF,
  PASSPHRASE,
  dumpRaw,
  newVault,
  openTestVault,
  pngHeader,
  uniqueName,
} from './helpers';

async function filledVault(documents = 12): Promise<{ vault: Vault; dossier: string }> {
  const vault = await newVault('stream-source');
  const dossier = await vault.createDossier({ company: '杭州青梧屿贸易有限公司' });
  for (let i = 0; i < documents; i++) {
    const bytes = new Uint8Array([...pngHeader(800 + i, 600), ...randomBytes(20_000)]);
    await vault.importFile(dossier, { name: `scan-${i}.png`, bytes });
  }
  await vault.addAccount(dossier, { store: 'Store', phone: '13800138000', email: 'a@example.com' });
  return { vault, dossier };
}

/** The vault's backup cut into frames of about `chunkBytes` (the prefix first). */
async function smallFrames(vault: Vault, chunkBytes = 8_000): Promise<Uint8Array[]> {
  const prefix = await readPrefix(new Blob([await vault.backup()]), [STREAMED_FORMAT]);
  const keys = await backupKeys(prefix.header, PASSPHRASE);
  const pieces: Uint8Array[] = [];
  for await (const piece of backupPieces(keys, vaultEntries(vault.db), {
    now: prefix.header.createdAt,
    chunkBytes,
  }))
    pieces.push(piece);
  return pieces;
}

const join = (parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

async function refusal(target: Vault, file: Uint8Array | Blob): Promise<string> {
  const error = await target.restore(file, PASSPHRASE).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return (error as BackupError).reason;
}

const isEmpty = async (vault: Vault) =>
  Object.values(await dumpRaw(vault.db)).every((rows) => rows.length === 0);

describe('the streamed backup', () => {
  it('restores a many-frame backup, from bytes or from a file, to the same records', async () => {
    const { vault, dossier } = await filledVault();
    const pieces = await smallFrames(vault);
    expect(pieces.length).toBeGreaterThan(12);
    const file = join(pieces);
    expect(file[4]).toBe(STREAMED_FORMAT);
    expect(new TextDecoder('latin1').decode(file)).not.toContain('13800138000');
    const fromBytes = await openTestVault(uniqueName('stream-bytes'));
    await fromBytes.restore(file, PASSPHRASE);
    const fromFile = await openTestVault(uniqueName('stream-file'));
    await fromFile.restore(new File([file], 'vault.dvbackup'), PASSPHRASE);
    const source = await dumpRaw(vault.db);
    for (const target of [fromBytes, fromFile]) {
      const restored = await dumpRaw(target.db);
      for (const table of ['dossiers', 'documents', 'blobs', 'accounts', 'keyring'] as const)
        expect(restored[table], table).toEqual(source[table]);
      expect(await target.listDocuments(dossier)).toHaveLength(12);
      target.close();
    }
    vault.close();
  });

  it('refuses frames reordered, dropped, repeated, cut, spliced or followed by junk', async () => {
    const { vault } = await filledVault(4);
    const pieces = await smallFrames(vault);
    const other = await smallFrames(vault); // the same vault, another backup
    const target = await openTestVault(uniqueName('stream-refused'));
    const [prefix, ...frames] = pieces;
    const trailer = frames[frames.length - 1]!;
    const body = frames.slice(0, -1);
    const swapped = [prefix!, body[1]!, body[0]!, ...body.slice(2), trailer];
    expect(await refusal(target, join(swapped))).toBe('damaged');
    expect(
      await refusal(target, join([prefix!, ...body.slice(0, 2), ...body.slice(3), trailer])),
    ).toBe('damaged');
    expect(await refusal(target, join([prefix!, body[0]!, ...body, trailer]))).toBe('damaged');
    expect(await refusal(target, join([prefix!, ...body]))).toBe('truncated');
    expect(await refusal(target, join(pieces).slice(0, -10))).toBe('truncated');
    expect(await refusal(target, join([prefix!, other[1]!, ...body.slice(1), trailer]))).toBe(
      'damaged',
    );
    expect(await refusal(target, join([...pieces, new Uint8Array([1])]))).toBe('damaged');
    expect(await refusal(target, join([...pieces, trailer]))).toBe('damaged');
    const flipped = join(pieces);
    flipped[flipped.length - 5]! ^= 1;
    expect(await refusal(target, flipped)).toBe('damaged');
    expect(await isEmpty(target)).toBe(true);
    // The untouched file still restores.
    await target.restore(join(pieces), PASSPHRASE);
    expect(await target.listDossiers()).toHaveLength(1);
    target.close();
    vault.close();
  });

  it('restores a format-1 backup written by the previous code (fixtures/backup-format1.dvbk)', async () => {
    const file = new Uint8Array(
      readFileSync(new URL('./fixtures/backup-format1.dvbk', import.meta.url)),
    );
    expect(file[4]).toBe(1);
    const target = await openTestVault(uniqueName('restore-format1'));
    await target.restore(new Blob([file]), PASSPHRASE);
    const [summary] = await target.listDossiers();
    expect(summary).toMatchObject({
      company: '杭州青梧屿贸易有限公司',
      legalRepresentative: '王晓岚',
    });
    const documents = await target.listDocuments(summary!.id);
    expect(documents.map((d) => d.fileName).sort()).toEqual(['bank.pdf', 'license.png']);
    for (const d of documents) expect(await target.openDocumentBytes(d.id)).toHaveLength(d.size);
    expect((await target.listAccounts(summary!.id))[0]?.phone).toBe('13800138000');
    expect(await target.listExceptions(summary!.id)).toHaveLength(1);
    expect(await target.listTrackedChanges(summary!.id)).toHaveLength(1);
    // Its next backup is streamed, and restores too.
    const again = await target.backup();
    expect(again[4]).toBe(STREAMED_FORMAT);
    const copy = await openTestVault(uniqueName('restore-format1-again'));
    await copy.restore(again, PASSPHRASE);
    expect((await copy.listDossiers())[0]?.company).toBe('杭州青梧屿贸易有限公司');
    target.close();
    copy.close();
  });
});

describe('restore over a vault that holds data', () => {
  it('needs the vault unlocked, or its passphrase, besides the consent to overwrite', async () => {
    const { vault, dossier } = await filledVault(1);
    const file = await vault.backup();
    vault.close();
    const occupied = await newVault('restore-locked');
    const mine = await occupied.createDossier({ company: 'Mine' });
    occupied.lock();
    expect(
      await occupied
        .restore(file, PASSPHRASE, { overwrite: true })
        .catch((e: BackupError) => e.reason),
    ).toBe('overwrite-locked');
    await expect(
      occupied.restore(file, PASSPHRASE, { overwrite: true, currentPassphrase: 'not mine' }),
    ).rejects.toThrow(WrongPassphraseError);
    await occupied.unlock(PASSPHRASE);
    expect((await occupied.getDossier(mine)).company).toBe('Mine');
    occupied.lock();
    await occupied.restore(file, PASSPHRASE, { overwrite: true, currentPassphrase: PASSPHRASE });
    expect((await occupied.listDossiers()).map((d) => d.id)).toEqual([dossier]);
    occupied.close();
  });

  it('checks the target inside the transaction that clears it', async () => {
    const { vault } = await filledVault(1);
    const file = await vault.backup();
    vault.close();
    const name = uniqueName('restore-race');
    const target = await openTestVault(name);
    const rival = await openTestVault(name);
    // The target is empty when the restore starts; another window creates a vault in it
    // while the backup is being checked, before anything is written.
    class RacedBlob extends Blob {
      private raced = false;
      override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
        if (this.raced) return super.stream();
        this.raced = true;
        const inner = super.stream();
        return new ReadableStream({
          start: async (controller) => {
            await rival.create('another passphrase, long', FAST_KDF);
            await rival.createDossier({ company: 'Rival' });
            const reader = inner.getReader();
            for (let next = await reader.read(); !next.done; next = await reader.read())
              controller.enqueue(next.value);
            controller.close();
          },
        });
      }
    }
    expect(await refusal(target, new RacedBlob([file]))).toBe('vault-has-data');
    expect((await rival.listDossiers()).map((d) => d.company)).toEqual(['Rival']);
    target.close();
    rival.close();
  });

  it('wipes the vault, and says so, when the file changes between the check and the write', async () => {
    const { vault } = await filledVault(2);
    const first = await vault.backup();
    await vault.createDossier({ company: 'Later' });
    const second = await vault.backup();
    vault.close();
    // A file whose second reading differs (moved or rewritten on disk meanwhile).
    class ChangingBlob extends Blob {
      private reads = 0;
      override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
        return ++this.reads === 1 ? super.stream() : new Blob([second]).stream();
      }
    }
    const target = await newVault('restore-changing');
    await target.createDossier({ company: 'Mine' });
    const error = await target
      .restore(new ChangingBlob([first]), PASSPHRASE, { overwrite: true })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'interrupted' });
    expect(await isEmpty(target)).toBe(true);
    expect(await target.isCreated()).toBe(false);
    target.close();
  });
});
