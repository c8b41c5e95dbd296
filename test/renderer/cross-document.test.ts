// Cross-document value search in the app (issue 13): over a real vault and the real reading
// pipeline, a bank form whose 法定代表人 label was lost gets its legal representative
// located with the license's when the dossier is built for the checks, shown in review
// below 0.9 and marked, and a person's confirmation then stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// First: it installs fake-indexeddb before the vault's modules load.
import { newVault } from '../vault/helpers';
import { makeFamilyDossier } from '../../scripts/fixtures/families/people';
import { closeRenderer } from '../../scripts/fixtures/render';
import { webBridge } from '../../src/renderer/bridge/web';
import { createWorkspace } from '../../src/renderer/model/workspace';
import { renderOf, textPdf, withoutLabel } from '../extract/support/label-lost';
import { createNodeTextReader } from './node-reader';

const dossier = makeFamilyDossier(7101, { entity: 'company' });
let files: { name: string; bytes: Uint8Array }[];

beforeAll(async () => {
  try {
    files = [
      { name: 'license.pdf', bytes: await textPdf(renderOf('license-copy-2019', dossier, 11)) },
      {
        name: 'bank.pdf',
        bytes: await textPdf(
          withoutLabel(renderOf('bank-permit-rows', dossier, 12), '法定代表人（单位负责人）'),
        ),
      },
    ];
  } finally {
    await closeRenderer();
  }
}, 120_000);
afterAll(closeRenderer);

describe('the app searches a lost value with another document’s', () => {
  it('locates the bank form’s legal representative, shows it to confirm, and the check passes', async () => {
    const ws = createWorkspace(await newVault('cross-document'), {
      bridge: webBridge,
      host: 'web',
      reader: createNodeTextReader(),
      today: () => '2026-11-24',
    });
    const id = await ws.createDossier('岚汐远');
    await ws.importFiles(id, files);
    const view = await ws.loadDossier(id);
    const bank = view.slots['bank-permit']!;
    const name = dossier.bank.legalRepresentative;
    expect(bank.extracted.fields.legalRepresentative).toBe(name);
    expect(bank.extracted.found?.legalRepresentative).toBe('cross-document');
    const shown = bank.fields.find((f) => f.field === 'legalRepresentative')!;
    expect(shown.value).toBe(name);
    expect(shown.confidence).toBeLessThan(0.9);
    expect(shown.box).not.toBeNull();
    const check = () => view.run.checks.find((c) => c.id === 'legal-rep.license-vs-bank')!;
    expect(check().status).toBe('pass');

    // Confirmed by a person, the value is theirs: it is no longer searched for.
    await ws.confirmField(bank.info.id, 'legalRepresentative', name);
    const after = await ws.loadDossier(id);
    const confirmed = after.slots['bank-permit']!;
    expect(confirmed.extracted.found?.legalRepresentative).toBeUndefined();
    expect(after.run.checks.find((c) => c.id === 'legal-rep.license-vs-bank')!.status).toBe('pass');
  }, 180_000);
});
