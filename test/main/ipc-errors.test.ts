// Nothing swallowed at the IPC boundary: each failure keeps its own code and is logged with
// it — a malformed request, a disk's refusal, a bug in a handler, an answer of the wrong
// shape (main), and a message that never arrived or came back malformed (preload).
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, answerIpc, gateIpcRequest, type IpcLog } from '../../src/main/policy';
import { ipcInvoker } from '../../src/shared/ipc-invoke';

const app = { frameUrl: `${APP_ORIGIN}/index.html`, isTopFrame: true, isAppWindow: true };
const request = { suggestedName: 'a.zip', bytes: new Uint8Array([0x50, 0x4b]) };

function recorder() {
  const entries: Parameters<IpcLog>[0][] = [];
  return { entries, log: (e: Parameters<IpcLog>[0]) => void entries.push(e) };
}

describe('main answers each failure with its own code, and logs it', () => {
  it('invalid-request: a payload against the schema, logged with where', async () => {
    const { entries, log } = recorder();
    const gate = gateIpcRequest('savePack', app, { suggestedName: '../x.zip', bytes: 1 });
    const answer = await answerIpc('savePack', gate, () => Promise.reject(new Error('ran')), log);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(entries).toEqual([
      expect.objectContaining({ channel: 'pack:save', code: 'invalid-request' }),
    ]);
  });

  it('io: the disk refused (a Node system error), with its errno', async () => {
    const { entries, log } = recorder();
    const full = Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC' });
    const gate = gateIpcRequest('savePack', app, request);
    const answer = await answerIpc('savePack', gate, () => Promise.reject(full), log);
    expect(answer).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!answer.ok) expect(answer.error.message).toContain('ENOSPC');
    expect(entries[0]?.code).toBe('io');
    expect(entries[0]?.detail).toContain('ENOSPC');
  });

  it('internal: any other failure of a handler is a bug, not an I/O error', async () => {
    const { entries, log } = recorder();
    const gate = gateIpcRequest('savePack', app, request);
    const answer = await answerIpc(
      'savePack',
      gate,
      () => Promise.reject(new TypeError('x is undefined')),
      log,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(entries[0]).toMatchObject({ code: 'internal', detail: 'TypeError: x is undefined' });
  });

  it('invalid-response: an answer of the wrong shape is logged and not sent', async () => {
    const { entries, log } = recorder();
    const gate = gateIpcRequest('savePack', app, request);
    const forged = { ok: true, value: { path: '' } } as never;
    const answer = await answerIpc('savePack', gate, () => Promise.resolve(forged), log);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-response' } });
    expect(entries[0]?.code).toBe('invalid-response');
    expect(entries[0]?.detail).toContain('value.path');
  });

  it('a good answer passes, unlogged', async () => {
    const { entries, log } = recorder();
    const gate = gateIpcRequest('savePack', app, request);
    const answer = await answerIpc(
      'savePack',
      gate,
      () => Promise.resolve({ ok: true as const, value: { path: '/home/a/a.zip' } }),
      log,
    );
    expect(answer).toEqual({ ok: true, value: { path: '/home/a/a.zip' } });
    expect(entries).toEqual([]);
  });
});

describe('the preload codes what main could not', () => {
  it('unreachable: the message never arrived (no handler)', async () => {
    const { entries, log } = recorder();
    const invoke = ipcInvoker(
      () => Promise.reject(new Error('No handler registered for pack:save')),
      log,
    );
    const answer = await invoke('savePack')(request);
    expect(answer).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(entries[0]).toMatchObject({ channel: 'pack:save', code: 'unreachable' });
  });

  it('invalid-response: an answer of the wrong shape reaching the renderer', async () => {
    const { entries, log } = recorder();
    const invoke = ipcInvoker(() => Promise.resolve({ ok: 'yes' }), log);
    const answer = await invoke('appVersion')({});
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-response' } });
    expect(entries[0]).toMatchObject({ channel: 'app:version', code: 'invalid-response' });
    const good = ipcInvoker(() => Promise.resolve({ ok: true, value: { version: '1.0.0' } }), log);
    expect(await good('appVersion')({})).toEqual({ ok: true, value: { version: '1.0.0' } });
  });
});
