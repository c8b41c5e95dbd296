// The vault as the app hosts it (src/renderer/engine): the host answering over a real
// MessageChannel through Comlink, as it does from its worker, on a real vault over
// fake-indexeddb. Typed errors keep their class and fields across the boundary, the lock is
// heard on the renderer's side, and a dossier's view comes back with its checks run.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expose } from 'comlink';
import { describe, expect, it } from 'vitest';
import { connectVault, type HostedVault } from '../../src/renderer/engine/client';
import { createVaultHost } from '../../src/renderer/engine/host';
import { createWorkspace } from '../../src/renderer/model/workspace';
import { changesDossierView, type WorkspaceChange } from '../../src/renderer/model/contract';
import type { ViewDelta } from '../../src/renderer/engine/view-delta';
import { webBridge } from '../../src/renderer/bridge/web';
import {
  DuplicateFileError,
  VaultError,
  VaultLockedError,
  VaultNotFoundError,
  WrongPassphraseError,
} from '../../src/vault';
import { REPO_ROOT } from '../cli/run-cli';
import { createNodeTextReader } from './node-reader';
import { FAST_KDF, PASSPHRASE, TEST_KDF_POLICY, uniqueName } from '../vault/helpers';

const TODAY = '2026-11-24';

async function hostedVault(label: string): Promise<{ vault: HostedVault; ended: () => boolean }> {
  const { port1, port2 } = new MessageChannel();
  expose(createVaultHost({ kdfPolicy: TEST_KDF_POLICY, log: () => undefined }), port1);
  let ended = false;
  const vault = await connectVault(port2, uniqueName(label), () => {
    ended = true;
    port1.close();
    port2.close();
  });
  return { vault, ended: () => ended };
}

describe('the vault hosted behind a message port', () => {
  it('creates, writes and reads; errors keep their class, code and fields', async () => {
    const { vault, ended } = await hostedVault('host');
    expect(await vault.isCreated()).toBe(false);
    expect(vault.isUnlocked).toBe(false);
    await vault.create(PASSPHRASE, FAST_KDF);
    expect(vault.isUnlocked).toBe(true);
    await vault.updateSettings({ wrongPassphraseDelayMs: 30 });

    const dossierId = await vault.createDossier({ company: '青梧屿科技有限公司' });
    expect((await vault.getDossier(dossierId)).company).toBe('青梧屿科技有限公司');

    const missing = await vault.getDossier('no-such-dossier').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(VaultNotFoundError);
    expect(missing).toBeInstanceOf(VaultError);
    expect(missing).toMatchObject({ code: 'not-found', entityId: 'no-such-dossier' });
    expect((missing as Error).message).toBe('There is no dossier no-such-dossier.');

    const bytes = new Uint8Array(readFileSync(join(REPO_ROOT, 'examples/ready/license.pdf')));
    const file = { name: 'license.pdf', bytes, kind: 'business-license' as const, pages: 1 };
    await vault.importFile(dossierId, file);
    const duplicate = await vault.importFile(dossierId, file).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(DuplicateFileError);
    expect(duplicate).toMatchObject({ code: 'duplicate', company: '青梧屿科技有限公司' });
    // Bytes cross both ways intact.
    const [doc] = await vault.listDocuments(dossierId);
    expect(await vault.openDocumentBytes(doc!.id)).toEqual(bytes);

    const reasons: string[] = [];
    vault.onLock((reason) => reasons.push(reason));
    vault.lock('manual');
    await expect.poll(() => reasons).toEqual(['manual']);
    expect(vault.isUnlocked).toBe(false);
    await expect(vault.listDossiers()).rejects.toBeInstanceOf(VaultLockedError);
    await expect(vault.unlock('not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    await vault.unlock(PASSPHRASE);
    expect(vault.isUnlocked).toBe(true);
    expect((await vault.listDossiers()).map((d) => d.id)).toEqual([dossierId]);

    vault.close();
    await expect.poll(ended).toBe(true);
  });

  it('runs a dossier’s checks on the host: the workspace shows the same verdict', async () => {
    const { vault } = await hostedVault('host-checks');
    await vault.create(PASSPHRASE, FAST_KDF);
    const local = createWorkspace(vault, {
      bridge: webBridge,
      host: 'web',
      reader: createNodeTextReader(),
      today: () => TODAY,
    });
    const hosted = createWorkspace(vault, {
      bridge: webBridge,
      host: 'web',
      reader: createNodeTextReader(),
      today: () => TODAY,
      engine: vault,
    });
    const dossierId = await hosted.createDossier('青梧屿');
    const dir = join(REPO_ROOT, 'examples/ready');
    const outcomes = await hosted.importFiles(
      dossierId,
      ['license.pdf', 'id-front.pdf', 'id-back.pdf', 'bank.pdf'].map((name) => ({
        name,
        bytes: new Uint8Array(readFileSync(join(dir, name))),
      })),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
    const there = await hosted.loadDossier(dossierId);
    const here = await local.loadDossier(dossierId);
    expect(there.run.checks.length).toBeGreaterThan(15);
    expect(there.run).toEqual(here.run);
    expect(
      Object.keys(there.slots).filter((k) => there.slots[k as 'bank-permit'] !== null),
    ).toHaveLength(4);
    // The summary the list shows was stored by the import, from the host's check run.
    const [row] = await hosted.listRows();
    expect(row!.verdict).toBe(there.run.verdict);
    vault.close();
  }, 120_000);

  it('sends a dossier view as what changed: one confirmation crosses one document, the rest keeps its objects', async () => {
    const host = createVaultHost({ kdfPolicy: TEST_KDF_POLICY, log: () => undefined });
    const deltas: ViewDelta[] = [];
    const sendView = host.dossierView.bind(host);
    host.dossierView = async (...args) => {
      const result = await sendView(...args);
      if (result.ok) deltas.push(result.value);
      return result;
    };
    const { port1, port2 } = new MessageChannel();
    expose(host, port1);
    const vault = await connectVault(port2, uniqueName('host-delta'), () => {
      port1.close();
      port2.close();
    });
    await vault.create(PASSPHRASE, FAST_KDF);
    const options = { bridge: webBridge, host: 'web' as const, today: () => TODAY };
    const hosted = createWorkspace(vault, {
      ...options,
      reader: createNodeTextReader(),
      engine: vault,
    });
    // The same vault, the view built here from the records (the engine in this thread).
    const local = createWorkspace(vault, { ...options, reader: createNodeTextReader() });
    const changes: WorkspaceChange[] = [];
    hosted.subscribe((change) => changes.push(change));
    const dossierId = await hosted.createDossier('青梧屿');
    const dir = join(REPO_ROOT, 'examples/ready');
    await hosted.importFiles(
      dossierId,
      ['license.pdf', 'id-front.pdf', 'id-back.pdf', 'bank.pdf'].map((name) => ({
        name,
        bytes: new Uint8Array(readFileSync(join(dir, name))),
      })),
    );
    const first = await hosted.loadDossier(dossierId);
    expect(deltas.at(-1)).toMatchObject({ base: null });
    expect(deltas.at(-1)!.documents).toHaveLength(4);

    const doc = first.documents.find((d) =>
      d.fields.some((f) => f.confirmedValue === null && f.value !== null),
    )!;
    const field = doc.fields.find((f) => f.confirmedValue === null && f.value !== null)!;
    changes.length = 0;
    await hosted.confirmField(doc.info.id, field.field, field.value!);
    expect(changes).toEqual([{ dossierId, tables: ['extractions', 'dossiers'] }]);
    expect(changesDossierView(changes[0]!, dossierId)).toBe(true);
    expect(changesDossierView(changes[0]!, 'another dossier')).toBe(false);

    const second = await hosted.loadDossier(dossierId);
    const delta = deltas.at(-1)!;
    expect(delta.base).toBe(deltas.at(-2)!.version);
    // Only the confirmed document crossed, and none of the parts the confirmation left alone.
    expect(delta.documents.map((d) => d.info.id)).toEqual([doc.info.id]);
    for (const part of ['accounts', 'declared', 'exceptions', 'changes', 'today'])
      expect(Object.keys(delta.parts)).not.toContain(part);
    for (const [i, d] of second.documents.entries()) {
      if (d.info.id === doc.info.id) {
        expect(d).not.toBe(first.documents[i]);
        expect(d.fields.find((f) => f.field === field.field)!.confirmedValue).toBe(field.value);
      } else expect(d).toBe(first.documents[i]);
    }
    expect(second.accounts).toBe(first.accounts);
    // The slots, the others and the checks' input are made of the same documents.
    for (const slot of Object.values(second.slots))
      if (slot !== null) expect(second.documents).toContain(slot);
    second.input.documents.forEach((e, i) => expect(e).toBe(second.documents[i]!.extracted));
    // Merged, it is the view built whole from the records.
    expect(second).toEqual(await local.loadDossier(dossierId));

    // Two at once: the one that finds the view moved on asks for the whole; both agree.
    const [a, b] = await Promise.all([
      hosted.loadDossier(dossierId),
      hosted.loadDossier(dossierId),
    ]);
    expect(a).toEqual(second);
    expect(b).toEqual(second);

    // A settings change is no change to a dossier's screen.
    changes.length = 0;
    await hosted.updateSettings({ userName: '李四' });
    expect(changes).toEqual([{ dossierId: null, tables: ['settings'] }]);
    expect(changesDossierView(changes[0]!, dossierId)).toBe(false);

    // The views remembered go with the keys: after a lock the next view crosses whole.
    vault.lock();
    await vault.unlock(PASSPHRASE);
    await hosted.loadDossier(dossierId);
    expect(deltas.at(-1)).toMatchObject({ base: null });
    expect(deltas.at(-1)!.documents).toHaveLength(4);
    vault.close();
  }, 120_000);

  it('streams the backup from its worker a piece at a time; a lock midway ends the stream with VaultLockedError', async () => {
    const { vault } = await hostedVault('host-backup');
    await vault.create(PASSPHRASE, FAST_KDF);
    await vault.createDossier({ company: '青梧屿科技有限公司' });
    const pieces: Uint8Array[] = [];
    const reader = vault.backupStream().getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read())
      pieces.push(next.value);
    // The prefix, at least one records frame, the trailer.
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    const file = new Blob(pieces as Uint8Array<ArrayBuffer>[]);
    const direct = new Uint8Array(await file.arrayBuffer());
    expect([...direct.subarray(0, 5)]).toEqual([0x44, 0x56, 0x42, 0x4b, 2]);

    const locked = vault.backupStream().getReader();
    expect((await locked.read()).done).toBe(false);
    vault.lock();
    await expect(locked.read()).rejects.toBeInstanceOf(VaultLockedError);

    const restored = (await hostedVault('host-backup-restored')).vault;
    await restored.restore(file, PASSPHRASE);
    expect((await restored.listDossiers()).map((d) => d.company)).toEqual(['青梧屿科技有限公司']);
    vault.close();
    restored.close();
  });

  it('rotates the keys from the worker with progress; a malformed request is refused as invalid-request', async () => {
    const { vault } = await hostedVault('host-rotate');
    await vault.create(PASSPHRASE, FAST_KDF);
    const dossierId = await vault.createDossier({ company: '青梧屿科技有限公司' });
    const progress: { phase: string; done: number; total: number }[] = [];
    const result = await vault.rotateKeys(PASSPHRASE, { onProgress: (p) => void progress.push(p) });
    expect(result).toEqual({
      records: expect.any(Number) as number,
      resumed: false,
      damaged: [],
    });
    expect(result.records).toBeGreaterThan(0);
    // The proxy's calls arrive asynchronously; the last one is the whole.
    await new Promise((ok) => setTimeout(ok, 50));
    expect(progress.at(-1)).toEqual({
      phase: 'sealing',
      done: result.records,
      total: result.records,
    });
    expect(vault.isUnlocked).toBe(true);
    expect((await vault.getDossier(dossierId)).company).toBe('青梧屿科技有限公司');
    // The wrong passphrase keeps its class; an empty one never reaches the vault.
    expect(await vault.rotateKeys('wrong passphrase').catch((e: unknown) => e)).toBeInstanceOf(
      WrongPassphraseError,
    );
    expect(await vault.rotateKeys('').catch((e: unknown) => e)).toMatchObject({
      code: 'invalid-request',
      message: 'The request rotateKeys to the vault was malformed and was refused.',
      issues: [{ path: '0.passphrase', code: 'too_small' }],
    });
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect((await vault.audit('rotate-keys')).length).toBe(2);
    vault.close();
  });
});
