// The vault worker's edge (src/renderer/engine/protocol.ts, vault-calls.ts): every request
// is parsed with its schema before the vault sees it, over a real MessageChannel through
// Comlink, on a real vault over fake-indexeddb (as vault-host.test.ts). A malformed request
// of each kind (each host message and each vault operation) is refused with
// 'invalid-request' and logged with paths and codes only: the secret it carried appears in
// neither the log nor the error; nothing changed and valid requests still work. On the
// page's side, an answer of the wrong shape is refused with 'invalid-response'.
import 'fake-indexeddb/auto';
import { expose, proxy, wrap } from 'comlink';
import { describe, expect, it } from 'vitest';
import { connectVault } from '../../src/renderer/engine/client';
import { createVaultHost, type VaultHost } from '../../src/renderer/engine/host';
import type { MessageLogEntry } from '../../src/renderer/engine/protocol';
import { VAULT_CALLS, type VaultCallName } from '../../src/renderer/engine/vault-calls';
import { MalformedMessageError } from '../../src/vault';
import { FAST_KDF, PASSPHRASE, TEST_KDF_POLICY, uniqueName } from '../vault/helpers';

const SECRET = 'hunter2-secret-passphrase-never-logged';
/** What a malformed argument carries: a secret that must not reach the log or the error. */
const BAD = { passphrase: SECRET, company: SECRET };

function rawHost(log: MessageLogEntry[]) {
  const { port1, port2 } = new MessageChannel();
  expose(createVaultHost({ kdfPolicy: TEST_KDF_POLICY, log: (e) => log.push(e) }), port1);
  const host = wrap<VaultHost>(port2);
  // The raw host, as a compromised page could call it: any value in any place.
  const loose = host as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  return { host, loose, close: () => (port1.close(), port2.close()) };
}

const errorOf = (result: unknown): unknown =>
  (result as { ok: boolean; error?: { fields: unknown; message: string } }).error;

describe('requests into the vault worker', () => {
  it('refuses a malformed call of every vault operation with invalid-request, logged without the secret', async () => {
    const log: MessageLogEntry[] = [];
    const { loose, close } = rawHost(log);
    expect(await loose.open!(uniqueName('protocol'))).toEqual({ ok: true, value: true });
    // A valid request works: the vault is created and unlocked through `call`.
    expect(await loose.call!('create', [PASSPHRASE, FAST_KDF], Date.now())).toMatchObject({
      ok: true,
    });
    const names = Object.keys(VAULT_CALLS) as VaultCallName[];
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) {
      const arity = VAULT_CALLS[name].def.items.length;
      // Every argument the wrong shape, and one too many.
      const args = Array.from({ length: arity + 1 }, () => BAD);
      const result = await loose.call!(name, args, Date.now());
      expect(result, name).toMatchObject({
        ok: false,
        error: { kind: 'MalformedMessageError', fields: { code: 'invalid-request' } },
      });
      expect(JSON.stringify(result), name).not.toContain(SECRET);
      expect(log.at(-1), name).toMatchObject({
        code: 'invalid-request',
        message: `call:${name}`,
      });
    }
    expect(log).toHaveLength(names.length);
    expect(JSON.stringify(log)).not.toContain(SECRET);

    // A wrong type in one place is named by its path; an unknown operation is refused too.
    const wrongType = await loose.call!('getDossier', [42], Date.now());
    expect(log.at(-1)).toEqual({
      code: 'invalid-request',
      message: 'call:getDossier',
      issues: [{ path: '0', code: 'invalid_type' }],
    });
    expect(errorOf(wrongType)).toMatchObject({
      message: 'The request call:getDossier to the vault was malformed and was refused.',
    });
    for (const name of ['db', 'constructor', 'opened', 'rotateKeys', 'backupStream'])
      expect(await loose.call!(name, [], Date.now()), name).toMatchObject({
        ok: false,
        error: { fields: { code: 'invalid-request' } },
      });
    // Nothing was created by the refused calls; valid ones still work.
    expect(await loose.call!('listDossiers', [], Date.now())).toEqual({ ok: true, value: [] });
    const created = (await loose.call!('createDossier', [{ company: '青梧屿' }], Date.now())) as {
      value: string;
    };
    expect(await loose.call!('getDossier', [created.value], Date.now())).toMatchObject({
      ok: true,
      value: { company: '青梧屿' },
    });
    await loose.close!();
    close();
  });

  it('refuses a malformed message of every other kind (open, view, summary, confirmations, rotation, backup, lock, listeners)', async () => {
    const log: MessageLogEntry[] = [];
    const { host, loose, close } = rawHost(log);
    expect(await loose.open!(BAD)).toMatchObject({
      ok: false,
      error: { kind: 'MalformedMessageError' },
    });
    expect(await loose.open!(uniqueName('protocol-kinds'))).toEqual({ ok: true, value: true });
    await loose.call!('create', [PASSPHRASE, FAST_KDF], Date.now());
    const answered: [string, unknown][] = [
      ['dossierView', await loose.dossierView!('id', BAD, Date.now())],
      ['dossierView', await loose.dossierView!('id', '2026-11-24', 'now', Date.now())],
      ['refreshSummary', await loose.refreshSummary!('id', BAD, Date.now())],
      ['confirmField', await loose.confirmField!('doc', '', SECRET, Date.now())],
      ['confirmShown', await loose.confirmShown!('id', 'doc', [{ field: 'x' }], Date.now())],
      [
        'rotateKeys',
        await loose.rotateKeys!(
          { passphrase: SECRET, extra: 1 },
          proxy(() => 0),
          1,
        ),
      ],
      ['rotateKeys', await loose.rotateKeys!({ passphrase: SECRET }, BAD, 1)],
      ['backupStart', await loose.backupStart!(BAD)],
      ['backupNext', await loose.backupNext!(-1)],
      ['call', await loose.call!(BAD, [], Date.now())],
      ['call', await loose.call!('listDossiers', BAD, Date.now())],
    ];
    // Listeners must be callbacks.
    answered.push(
      ['onLock', await loose.onLock!(BAD)],
      ['onProblem', await loose.onProblem!(SECRET)],
    );
    for (const [name, result] of answered) {
      expect(result, name).toMatchObject({
        ok: false,
        error: { kind: 'MalformedMessageError', fields: { code: 'invalid-request' } },
      });
    }
    // The calls that answer nothing drop a malformed message (logged) and do nothing.
    await loose.lock!(BAD);
    await loose.setWindowHidden!(SECRET);
    await loose.touch!(SECRET);
    await loose.close!(SECRET);
    expect(await host.isUnlocked()).toBe(true);
    expect(log.map((e) => e.message)).toEqual([
      'open',
      'dossierView',
      'dossierView',
      'refreshSummary',
      'confirmField',
      'confirmShown',
      'rotateKeys',
      'rotateKeys',
      'backupStart',
      'backupNext',
      'call',
      'call',
      'onLock',
      'onProblem',
      'lock',
      'setWindowHidden',
      'touch',
      'close',
    ]);
    expect(log.every((e) => e.code === 'invalid-request')).toBe(true);
    expect(JSON.stringify(log)).not.toContain(SECRET);
    // Valid ones still work.
    await host.lock('manual');
    expect(await host.isUnlocked()).toBe(false);
    await host.close();
    close();
  });
});

describe('answers from the vault worker', () => {
  /** A worker that answers `call` with `answer(name)` (a buggy or hostile one). */
  function fakeWorker(answer: (name: string) => unknown) {
    const { port1, port2 } = new MessageChannel();
    expose(
      {
        open: () => ({ ok: true, value: true }),
        call: (name: string) => answer(name),
        onLock: () => ({ ok: true, value: true }),
        onProblem: () => ({ ok: true, value: true }),
        close: () => undefined,
      },
      port1,
    );
    return port2;
  }
  const settings = { ok: true, value: { autoLockMinutes: 10 } };

  it('refuses an answer of the wrong shape with invalid-response, logged, never used', async () => {
    const log: MessageLogEntry[] = [];
    const badSettings = fakeWorker(() => ({ ok: true, value: { autoLockMinutes: 'never' } }));
    const refused = await connectVault(
      badSettings,
      'x',
      () => undefined,
      (e) => log.push(e),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MalformedMessageError);
    expect(refused).toMatchObject({ code: 'invalid-response', direction: 'response' });
    expect(log).toEqual([
      {
        code: 'invalid-response',
        message: 'settings',
        issues: [{ path: 'autoLockMinutes', code: 'invalid_type' }],
      },
    ]);

    // An error whose fields would reach the rebuilt object's prototype is not rebuilt.
    const hostile = fakeWorker((name) =>
      name === 'settings'
        ? settings
        : {
            ok: false,
            error: {
              name: 'VaultError',
              message: 'x',
              fields: JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
            },
          },
    );
    const vault = await connectVault(
      hostile,
      'x',
      () => undefined,
      (e) => log.push(e),
    );
    const error = await vault.listDossiers().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-response', messageName: 'call:listDossiers' });
    expect((error as { polluted?: boolean }).polluted).toBeUndefined();
    expect(log.at(-1)).toMatchObject({ code: 'invalid-response', message: 'call:listDossiers' });
    // An envelope that is not a result at all.
    const nonsense = fakeWorker((name) => (name === 'settings' ? settings : 'yes'));
    const other = await connectVault(
      nonsense,
      'x',
      () => undefined,
      (e) => log.push(e),
    );
    await expect(other.getDossier('a')).rejects.toMatchObject({ code: 'invalid-response' });
  });
});
