// The app's import of a file holding several documents, over a real vault
// (fake-indexeddb) and the real reading pipeline: a whole dossier's text PDFs joined into
// one file fills all four slots, each document stored on its own with its page (in the
// sealed reading), the import row says "this file holds 4 documents: …" in both
// languages, re-importing the file is refused as a duplicate, and the dossier is ready.
import { newVault } from '../vault/helpers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { webBridge } from '../../src/renderer/bridge/web';
import { I18nProvider } from '../../src/renderer/i18n';
import { createWorkspace } from '../../src/renderer/model/workspace';
import { ImportPanel, type Importer } from '../../src/renderer/screens/dossier/ImportPanel';
import { EXAMPLES, joinedPdf } from '../segment/support/multi-document-files';
import { createNodeTextReader } from './node-reader';

const TODAY = '2026-11-24';

describe('importing a file that holds several documents', () => {
  it('a whole dossier in one PDF fills the four slots and the dossier is ready', async () => {
    const vault = await newVault('whole-dossier');
    const ws = createWorkspace(vault, {
      bridge: webBridge,
      host: 'web',
      reader: createNodeTextReader(),
      today: () => TODAY,
    });
    const dir = join(EXAMPLES, 'ready');
    const bytes = await joinedPdf(
      ['license.pdf', 'id-front.pdf', 'id-back.pdf', 'bank.pdf'].map((f) => join(dir, f)),
    );
    const id = await ws.createDossier('青梧屿');
    const [outcome] = await ws.importFiles(id, [{ name: 'scan0001.pdf', bytes }]);
    expect(outcome!.status).toBe('imported');
    expect(outcome!.documents?.map((d) => d.kind)).toEqual([
      'business-license',
      'id-card-front',
      'id-card-back',
      'bank-permit',
    ]);
    const dossier = JSON.parse(readFileSync(join(dir, 'dossier.json'), 'utf8')) as {
      accounts: { store: string; phone: string; email: string }[];
      declared: { idValidUntil?: string; officeAddress?: string };
    };
    await ws.saveAccounts(id, dossier.accounts);
    await ws.saveDeclared(id, dossier.declared);

    const view = await ws.loadDossier(id);
    expect(view.others).toHaveLength(0);
    expect(view.run.verdict).toBe('ready');
    // Each slot holds its own page of the one file, kept in the sealed reading.
    const pages = (
      ['business-license', 'id-card-front', 'id-card-back', 'bank-permit'] as const
    ).map((kind) => [view.slots[kind]!.info.fileName, view.slots[kind]!.extracted.page]);
    expect(pages).toEqual([
      ['scan0001.pdf', 0],
      ['scan0001.pdf', 1],
      ['scan0001.pdf', 2],
      ['scan0001.pdf', 3],
    ]);
    const reading = await vault.getReading(view.slots['bank-permit']!.info.id);
    expect(reading?.part).toEqual({ page: 3, index: 3, count: 4 });
    expect(reading?.pages).toHaveLength(4);
    // The bank form's boxes point at its page of the file.
    expect(view.slots['bank-permit']!.fields.every((f) => f.box === null || f.box.page === 3)).toBe(
      true,
    );

    const again = await ws.importFiles(id, [{ name: 'scan0001.pdf', bytes }]);
    expect(again[0]!.status).toBe('duplicate');
    expect((await ws.loadDossier(id)).documents).toHaveLength(4);

    // The import row says what the file held, in both languages.
    const importer: Importer = {
      rows: [{ name: 'scan0001.pdf', progress: { stage: 'done', progress: 1 }, outcome: outcome! }],
      busy: false,
      error: null,
      importBatch: () => Promise.resolve(),
      cancel: () => undefined,
    };
    const html = (language: 'zh' | 'en') =>
      renderToStaticMarkup(
        createElement(I18nProvider, {
          language,
          setLanguage: () => undefined,
          children: createElement(ImportPanel, { importer }),
        }),
      );
    expect(html('en')).toContain(
      'This file holds 4 documents: Business license, ID card, portrait side, ID card, emblem side, Bank account permit',
    );
    expect(html('zh')).toContain('此文件包含 4 份资料：营业执照、');
  });
});
