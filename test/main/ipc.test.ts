// The IPC contract: channel names, and the gate main runs before acting (sender frame,
// then the payload against the channel's zod schema), fed forged senders and payloads.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, gateIpcRequest } from '../../src/main/policy';
import { IPC, IPC_CHANNELS, MAX_PACK_BYTES, MAX_SAVE_PIECE_BYTES } from '../../src/shared/ipc';
import type { VaultBridge } from '../../src/shared/bridge';

const SAVE_ID = '0123456789abcdef0123456789abcdef';
const app = { frameUrl: `${APP_ORIGIN}/index.html`, isTopFrame: true, isAppWindow: true };

describe('IPC channels', () => {
  it('are unique namespace:verb names, one per capability', () => {
    expect(new Set(IPC_CHANNELS).size).toBe(IPC_CHANNELS.length);
    for (const channel of IPC_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z][a-zA-Z]*$/);
    expect(Object.keys(IPC).sort()).toEqual([
      'abortBackupSave',
      'appVersion',
      'appendBackupSave',
      'finishBackupSave',
      'revealInFolder',
      'savePack',
      'setReminders',
      'startBackupSave',
    ]);
  });

  it('VaultBridge has exactly one function per channel', () => {
    const names: Record<keyof VaultBridge, true> = {
      savePack: true,
      startBackupSave: true,
      appendBackupSave: true,
      finishBackupSave: true,
      abortBackupSave: true,
      appVersion: true,
      revealInFolder: true,
      setReminders: true,
    };
    expect(Object.keys(names).sort()).toEqual(Object.keys(IPC).sort());
  });
});

describe('gateIpcRequest', () => {
  it('passes a well-formed request from the app top frame, with defaults applied', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    expect(gateIpcRequest('savePack', app, { suggestedName: '营业执照-pack.zip', bytes })).toEqual({
      ok: true,
      request: { suggestedName: '营业执照-pack.zip', bytes },
    });
  });

  it('refuses a forged sender before looking at the payload', () => {
    for (const sender of [
      { ...app, frameUrl: 'https://example.com/' },
      { ...app, frameUrl: 'file:///tmp/x.html' },
      { ...app, isTopFrame: false },
      { ...app, isAppWindow: false },
      { ...app, frameUrl: null },
    ]) {
      const gate = gateIpcRequest('appVersion', sender, {});
      expect(gate.ok).toBe(false);
      if (!gate.ok) expect(gate.error.code).toBe('forbidden-sender');
    }
  });

  it.each([
    [
      'savePack with a folder in the name',
      'savePack',
      { suggestedName: '../../.bashrc.zip', bytes: new Uint8Array(1) },
    ],
    [
      'savePack with an absolute path',
      'savePack',
      { suggestedName: '/etc/cron.d/x.zip', bytes: new Uint8Array(1) },
    ],
    [
      'savePack with a Windows path',
      'savePack',
      { suggestedName: 'C:\\Users\\a\\x.zip', bytes: new Uint8Array(1) },
    ],
    [
      'savePack with a non-zip name',
      'savePack',
      { suggestedName: 'evil.exe', bytes: new Uint8Array(1) },
    ],
    [
      'savePack with a path to write to',
      'savePack',
      { suggestedName: 'a.zip', bytes: new Uint8Array(1), path: '/tmp/a.zip' },
    ],
    ['savePack with bytes as an array', 'savePack', { suggestedName: 'a.zip', bytes: [1, 2, 3] }],
    [
      'savePack with a null byte',
      'savePack',
      { suggestedName: 'a\0.zip', bytes: new Uint8Array(1) },
    ],
    ['startBackupSave with a non-backup name', 'startBackupSave', { suggestedName: 'vault.zip' }],
    [
      'startBackupSave with a folder in the name',
      'startBackupSave',
      { suggestedName: '../x.dvbackup' },
    ],
    [
      'startBackupSave with a path to write to',
      'startBackupSave',
      { suggestedName: 'a.dvbackup', path: '/tmp/a.dvbackup' },
    ],
    [
      'appendBackupSave with a save id that is a path',
      'appendBackupSave',
      { saveId: '../../etc/passwd', offset: 0, bytes: new Uint8Array(1) },
    ],
    [
      'appendBackupSave at a negative offset',
      'appendBackupSave',
      { saveId: SAVE_ID, offset: -1, bytes: new Uint8Array(1) },
    ],
    [
      'appendBackupSave with no bytes',
      'appendBackupSave',
      { saveId: SAVE_ID, offset: 0, bytes: new Uint8Array(0) },
    ],
    [
      'finishBackupSave with a path',
      'finishBackupSave',
      { saveId: SAVE_ID, totalBytes: 1, path: '/tmp/a.dvbackup' },
    ],
    ['abortBackupSave without an id', 'abortBackupSave', {}],
    ['appVersion with extra keys', 'appVersion', { x: 1 }],
    ['revealInFolder without a path', 'revealInFolder', {}],
    ['a string payload', 'revealInFolder', '/etc/passwd'],
    ['no payload at all', 'appVersion', undefined],
  ] as const)('refuses %s', (_label, name, payload) => {
    const gate = gateIpcRequest(name, app, payload);
    expect(gate.ok).toBe(false);
    if (!gate.ok) {
      expect(gate.error.code).toBe('invalid-request');
      expect(gate.error.message).toMatch(/^The request to [a-z]+:[a-zA-Z]+ is malformed at .+\.$/);
    }
  });

  it('caps sizes in the schemas', () => {
    // A backup has no size limit, each piece of its streamed save has.
    const hugePiece = new Uint8Array(MAX_SAVE_PIECE_BYTES + 1);
    expect(
      IPC.appendBackupSave.request.safeParse({ saveId: SAVE_ID, offset: 0, bytes: hugePiece })
        .success,
    ).toBe(false);
    expect(
      IPC.appendBackupSave.request.safeParse({
        saveId: SAVE_ID,
        offset: 0,
        bytes: hugePiece.subarray(1),
      }).success,
    ).toBe(true);
    const huge = { byteLength: MAX_PACK_BYTES + 1 };
    expect(IPC.savePack.request.safeParse({ suggestedName: 'a.zip', bytes: huge }).success).toBe(
      false,
    );
  });

  it('checks responses too: a save result without a path is refused', () => {
    const forged = { ok: true, value: { path: '' } };
    expect(IPC.savePack.response.safeParse(forged).success).toBe(false);
    const error = { ok: false, error: { code: 'not-saved-here', message: 'x' } };
    expect(IPC.revealInFolder.response.safeParse(error).success).toBe(true);
  });
});
