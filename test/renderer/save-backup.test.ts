// The renderer's side of the streamed backup save (src/renderer/model/save-backup.ts),
// driven by a real vault's backup stream: the dialog comes first (nothing is read when it
// is cancelled), each piece goes to the host at its offset, big pieces are split to the
// bridge's limit, and any failure cancels the host's save. main's side is
// test/main/streamed-save.test.ts.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { VaultBridge } from '../../src/shared/bridge';
import { ipcError, MAX_SAVE_PIECE_BYTES } from '../../src/shared/ipc';
import { saveBackupStream } from '../../src/renderer/model/save-backup';
import { webBridge } from '../../src/renderer/bridge/web';
import { VaultLockedError } from '../../src/vault/errors';
import { newVault, openTestVault, PASSPHRASE, pngHeader, uniqueName } from '../vault/helpers';

const SAVE_ID = '0123456789abcdef0123456789abcdef';

/** A host that keeps what it is sent, and can be told to refuse the nth piece. */
function recordingHost(refusePiece = -1) {
  const log: string[] = [];
  const pieces: Uint8Array[] = [];
  const bridge: VaultBridge = {
    ...webBridge,
    startBackupSave: () => {
      log.push('start');
      return Promise.resolve({ ok: true, value: { saveId: SAVE_ID } });
    },
    appendBackupSave: ({ offset, bytes }) => {
      log.push(`append ${offset} ${bytes.length}`);
      if (pieces.length === refusePiece)
        return Promise.resolve(ipcError('io', 'No space left on the disk.'));
      pieces.push(bytes.slice());
      return Promise.resolve({ ok: true, value: { written: offset + bytes.length } });
    },
    finishBackupSave: ({ totalBytes }) => {
      log.push(`finish ${totalBytes}`);
      return Promise.resolve({ ok: true, value: { path: '/home/a/vault.dvbackup' } });
    },
    abortBackupSave: ({ saveId }) => {
      log.push(`abort ${saveId}`);
      return Promise.resolve({ ok: true, value: { aborted: true } });
    },
  };
  const file = () => new Blob(pieces as Uint8Array<ArrayBuffer>[]);
  return { bridge, log, file };
}

describe('saving a backup as a stream', () => {
  it('sends the backup a piece at a time, and the file it makes restores', async () => {
    const vault = await newVault('save-stream');
    const id = await vault.createDossier({ company: '杭州青梧屿贸易有限公司' });
    await vault.importFile(id, { name: 'a.png', bytes: pngHeader(40, 40) });
    const host = recordingHost();
    const saved = await saveBackupStream(host.bridge, 'v.dvbackup', () => vault.backupStream());
    const bytes = host.file().size;
    expect(saved).toEqual({ savedAs: '/home/a/vault.dvbackup', bytes });
    // The prefix, a records frame, the trailer: each its own piece, at its offset.
    expect(host.log.length).toBeGreaterThanOrEqual(5);
    expect(host.log[0]).toBe('start');
    expect(host.log.at(-1)).toBe(`finish ${bytes}`);
    let offset = 0;
    for (const entry of host.log.slice(1, -1)) {
      const [verb, at, length] = entry.split(' ');
      expect([verb, Number(at)]).toEqual(['append', offset]);
      offset += Number(length);
    }
    const restored = await openTestVault(uniqueName('save-stream-restored'));
    await restored.restore(host.file(), PASSPHRASE);
    expect((await restored.listDossiers()).map((d) => d.company)).toEqual([
      '杭州青梧屿贸易有限公司',
    ]);
  });

  it('reads nothing when the person cancels the dialog', async () => {
    let opened = false;
    const bridge: VaultBridge = {
      ...webBridge,
      startBackupSave: () => Promise.resolve({ ok: true, value: null }),
    };
    const saved = await saveBackupStream(bridge, 'v.dvbackup', () => {
      opened = true;
      return new ReadableStream();
    });
    expect(saved).toBeNull();
    expect(opened).toBe(false);
  });

  it('splits a piece bigger than the bridge carries', async () => {
    const host = recordingHost();
    const big = new Uint8Array(MAX_SAVE_PIECE_BYTES + 10).fill(3);
    const one = () =>
      new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(controller) {
          controller.enqueue(big);
          controller.close();
        },
      });
    const saved = await saveBackupStream(host.bridge, 'v.dvbackup', one);
    expect(saved?.bytes).toBe(big.length);
    expect(host.log).toEqual([
      'start',
      `append 0 ${MAX_SAVE_PIECE_BYTES}`,
      `append ${MAX_SAVE_PIECE_BYTES} 10`,
      `finish ${big.length}`,
    ]);
  });

  it('a piece the host refuses cancels the save and stops reading the vault', async () => {
    const vault = await newVault('save-stream-refused');
    await vault.createDossier({ company: '宁波远帆电子商务有限公司' });
    const host = recordingHost(1);
    const refused = await saveBackupStream(host.bridge, 'v.dvbackup', () =>
      vault.backupStream(),
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ reason: 'save-failed' });
    expect(host.log.at(-1)).toBe(`abort ${SAVE_ID}`);
    expect(host.log.some((l) => l.startsWith('finish'))).toBe(false);
  });

  it('a vault that locks midway cancels the save', async () => {
    const vault = await newVault('save-stream-locked');
    await vault.createDossier({ company: '深圳星河科技有限公司' });
    const host = recordingHost();
    const stream = vault.backupStream();
    const locking = new ReadableStream<Uint8Array<ArrayBuffer>>({
      async pull(controller) {
        const reader = stream.getReader();
        const first = await reader.read();
        reader.releaseLock();
        if (!first.done) controller.enqueue(first.value);
        vault.lock();
        // The next pull reads on after the lock.
        const rest = stream.getReader();
        const next = await rest.read();
        if (!next.done) controller.enqueue(next.value);
        controller.close();
      },
    });
    const failed = await saveBackupStream(host.bridge, 'v.dvbackup', () => locking).catch(
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(VaultLockedError);
    expect(host.log.at(-1)).toBe(`abort ${SAVE_ID}`);
  });
});
