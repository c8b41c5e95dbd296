// The bank form's seal confirmed against the image in the app (issue 16): over a real
// vault and the real reading pipeline, the bank-no-seal example is blocked by bank.seal
// until a person confirms the seal; the confirmation is audited with who, settles the
// check, and is kept beside the fields, never offered as one.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newVault } from '../vault/helpers';
import { createWorkspace } from '../../src/renderer/model/workspace';
import { webBridge } from '../../src/renderer/bridge/web';
import { createNodeTextReader } from './node-reader';
import { REPO_ROOT } from '../cli/run-cli';

function exampleFiles(name: string): { name: string; bytes: Uint8Array }[] {
  const dir = join(REPO_ROOT, 'examples', name);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
}

describe('confirming the bank seal in the app', () => {
  it('settles bank.seal, is audited with who, and is not a field of the bank form', async () => {
    const ws = createWorkspace(await newVault('seal-confirm'), {
      bridge: webBridge,
      host: 'web',
      reader: createNodeTextReader(),
      today: () => '2026-11-24',
    });
    const id = await ws.createDossier('青梧屿');
    await ws.importFiles(id, exampleFiles('bank-no-seal'));
    const dossierJson = JSON.parse(
      readFileSync(join(REPO_ROOT, 'examples', 'bank-no-seal', 'dossier.json'), 'utf8'),
    ) as { accounts: { store: string; phone: string; email: string }[]; declared: object };
    await ws.saveAccounts(id, dossierJson.accounts);
    await ws.saveDeclared(id, dossierJson.declared);

    const before = await ws.loadDossier(id);
    const seal = () => before.run.checks.find((c) => c.id === 'bank.seal')!;
    expect(seal().status).toBe('fail');
    expect(before.run.verdict).toBe('blocked');
    const bank = before.slots['bank-permit']!;
    expect(bank.extracted.seal).toEqual({ found: false, colour: 'colour', boxes: [] });
    expect(bank.sealConfirmed).toBeUndefined();

    await ws.confirmField(bank.info.id, 'seal', 'true');
    const after = await ws.loadDossier(id);
    expect(after.run.checks.find((c) => c.id === 'bank.seal')).toMatchObject({
      status: 'pass',
      message: "A person confirmed the bank's seal against the image.",
    });
    expect(after.run.verdict).toBe('ready');
    const confirmed = after.slots['bank-permit']!;
    expect(confirmed.sealConfirmed?.at).toEqual(expect.any(Number));
    expect(confirmed.fields.map((f) => f.field)).not.toContain('seal');
    expect(Object.keys(confirmed.extracted.fields)).not.toContain('seal');
    const audit = (await ws.auditLog(id)).filter((r) => r.action === 'confirm');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ detail: 'seal', file: 'bank.pdf' });
    expect(audit[0]!.who).toBe(confirmed.sealConfirmed!.by);
  }, 120_000);
});
