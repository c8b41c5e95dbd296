// The bank form's seal confirmed against the image in the app (issue 16): over a real
// vault and the real reading pipeline, the bank-no-seal example is blocked by bank.seal
// until a person confirms the seal; the confirmation is audited with who, settles the
// check, and is kept beside the fields, never offered as one.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importExample, workspace } from './example-workspace';

describe('confirming the bank seal in the app', () => {
  it('settles bank.seal, is audited with who, and is not a field of the bank form', async () => {
    const ws = await workspace('seal-confirm');
    const { id } = await importExample(ws, 'bank-no-seal');

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
