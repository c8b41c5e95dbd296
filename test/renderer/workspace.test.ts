// The Workspace over a real vault (fake-indexeddb) and the real reading pipeline on the
// examples' PDFs: import, slots, checks, confirmations, exceptions, search, delete/undo,
// and real bad files, whose reasons and figures the interface words in its language.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newVault } from '../vault/helpers';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nProvider, translator, type Language } from '../../src/renderer/i18n';
import { createWorkspace } from '../../src/renderer/model/workspace';
import {
  ImportPanel,
  outcomeSentence,
  type Importer,
} from '../../src/renderer/screens/dossier/ImportPanel';
import { webBridge } from '../../src/renderer/bridge/web';
import type { Workspace } from '../../src/renderer/model/contract';
import { createNodeTextReader } from './node-reader';
import { bulkConfirmable } from '../../src/renderer/model/confirmable';
import { encryptedPdf, pagesPdf } from '../extract/support/pdf-builders';
import { noiseBytes, pngHeader, smallPng, truncatedJpeg } from '../ocr/support/bad-files';
import { REPO_ROOT } from '../cli/run-cli';
import { errorSentence } from '../../src/renderer/shell/errors';
import { WorkspaceError } from '../../src/renderer/model/workspace-error';
import { ipcError } from '../../src/shared/ipc';

const TODAY = '2026-11-24';

function exampleFiles(name: string): { name: string; bytes: Uint8Array }[] {
  const dir = join(REPO_ROOT, 'examples', name);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
}

interface ExampleDossier {
  accounts: { store: string; phone: string; email: string }[];
  declared: { idValidUntil?: string; officeAddress?: string };
}

function exampleDossier(name: string): ExampleDossier {
  return JSON.parse(
    readFileSync(join(REPO_ROOT, 'examples', name, 'dossier.json'), 'utf8'),
  ) as ExampleDossier;
}

async function workspace(label: string): Promise<Workspace> {
  const vault = await newVault(label);
  return createWorkspace(vault, {
    bridge: webBridge,
    host: 'web',
    reader: createNodeTextReader(),
    today: () => TODAY,
  });
}

async function importExample(ws: Workspace, name: string, company = '青梧屿') {
  const id = await ws.createDossier(company);
  const outcomes = await ws.importFiles(id, exampleFiles(name));
  const { accounts, declared } = exampleDossier(name);
  await ws.saveAccounts(id, accounts);
  await ws.saveDeclared(id, declared);
  return { id, outcomes };
}

describe('workspace', () => {
  it('imports a ready dossier: four slots filled, verdict ready, summary on the list', async () => {
    const ws = await workspace('ready');
    const progress: string[] = [];
    const id = await ws.createDossier('青梧屿');
    const outcomes = await ws.importFiles(id, exampleFiles('ready'), {
      onProgress: (i, p) => progress.push(`${i}:${p.stage}`),
    });
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
    expect(progress).toContain('0:done');
    const { accounts, declared } = exampleDossier('ready');
    await ws.saveAccounts(id, accounts);
    await ws.saveDeclared(id, declared);
    const view = await ws.loadDossier(id);
    expect(Object.values(view.slots).every((s) => s !== null)).toBe(true);
    expect(view.others).toHaveLength(0);
    expect(view.run.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(view.run.verdict).toBe('ready');
    expect(view.slots['business-license']!.pages[0]!.width).toBeGreaterThan(500);
    const rows = await ws.listRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.verdict).toBe('ready');
    expect(rows[0]!.summary.creditCode).toMatch(/^[0-9A-Z]{18}$/);
  });

  it('a duplicate file is refused with the dossier it is already in', async () => {
    const ws = await workspace('dup');
    const { id } = await importExample(ws, 'ready');
    const again = await ws.importFiles(id, exampleFiles('ready').slice(0, 1));
    expect(again[0]!.status).toBe('duplicate');
    expect(again[0]!.message).toMatch(/青梧屿/);
    expect((await ws.loadDossier(id)).documents).toHaveLength(4);
  });

  it('an unreadable file is reported and not stored; a cancelled import stores nothing', async () => {
    const ws = await workspace('bad');
    const id = await ws.createDossier('坏文件公司');
    const bad = await ws.importFiles(id, [
      { name: 'broken.pdf', bytes: new TextEncoder().encode('%PDF-1.7 nonsense') },
    ]);
    expect(bad[0]!.status).toBe('unreadable');
    expect(bad[0]!.message).toMatch(/\.$/);
    const controller = new AbortController();
    controller.abort();
    const cancelled = await ws.importFiles(id, exampleFiles('ready'), {
      signal: controller.signal,
    });
    expect(cancelled.every((o) => o.status === 'cancelled')).toBe(true);
    expect((await ws.loadDossier(id)).documents).toHaveLength(0);
  });

  it('a bracket-width mismatch fails until the bank name is corrected and confirmed', async () => {
    const ws = await workspace('bracket');
    const { id } = await importExample(ws, 'bank-name-half-width');
    let view = await ws.loadDossier(id);
    const check = view.run.checks.find((c) => c.id === 'name.license-vs-bank')!;
    expect(check.status).toBe('fail');
    expect(check.diff?.some((d) => d.kind === 'width')).toBe(true);
    expect(view.run.verdict).toBe('blocked');
    const license = view.slots['business-license']!.fields.find((f) => f.field === 'companyName')!;
    const bank = view.slots['bank-permit']!;
    await ws.updateSettings({ userName: '王会计' });
    await ws.confirmField(bank.info.id, 'accountName', license.value!);
    view = await ws.loadDossier(id);
    expect(view.run.checks.find((c) => c.id === 'name.license-vs-bank')!.status).toBe('pass');
    expect(view.run.verdict).toBe('ready');
    const confirmed = view.slots['bank-permit']!.fields.find((f) => f.field === 'accountName')!;
    expect(confirmed.confirmedBy).toBe('王会计');
    expect((await ws.listRows())[0]!.verdict).toBe('ready');
    expect((await ws.vault.audit('confirm')).length).toBe(1);
  });

  it('an accepted exception with a reason unblocks a failed check, and can be revoked', async () => {
    const ws = await workspace('exception');
    const { id } = await importExample(ws, 'credit-code-bad-check');
    expect((await ws.loadDossier(id)).run.verdict).toBe('blocked');
    await expect(ws.acceptException(id, 'credit-code.checksum', '  ')).rejects.toThrow();
    await ws.acceptException(id, 'credit-code.checksum', '早期试点代码，早于校验规则');
    const view = await ws.loadDossier(id);
    const check = view.run.checks.find((c) => c.id === 'credit-code.checksum')!;
    expect(check.exception?.reason).toBe('早期试点代码，早于校验规则');
    await ws.revokeException(id, 'credit-code.checksum');
    expect(
      (await ws.loadDossier(id)).run.checks.find((c) => c.id === 'credit-code.checksum')!.exception,
    ).toBeUndefined();
  });

  it('confirm-all confirms exactly the listed fields of one document, refusing a stale list', async () => {
    const ws = await workspace('confirm-all');
    const { id } = await importExample(ws, 'ready');
    const before = await ws.loadDossier(id);
    const license = before.slots['business-license']!;
    const listed = bulkConfirmable(license).map((f) => ({ field: f.field, value: f.value! }));
    expect(listed.length).toBeGreaterThan(3);
    // A value other than the one shown confirms nothing.
    const forged = listed.map((f, i) => (i === 0 ? { ...f, value: `${f.value}X` } : f));
    await expect(ws.confirmShown(id, license.info.id, forged)).rejects.toThrow(/changed after/);
    expect(await ws.confirmShown(id, license.info.id, listed)).toBe(listed.length);
    const view = await ws.loadDossier(id);
    const confirmedIn = (kind: string) =>
      view.documents
        .filter((d) => d.info.kind === kind)
        .flatMap((d) => d.fields)
        .filter((f) => f.confirmedValue !== null)
        .map((f) => f.field)
        .sort();
    expect(confirmedIn('business-license')).toEqual(listed.map((f) => f.field).sort());
    // The other documents were not touched.
    for (const kind of ['id-card-front', 'id-card-back', 'bank-permit']) {
      expect(confirmedIn(kind)).toEqual([]);
    }
    // The audit log holds one confirmation per listed field, of that document.
    const confirms = (await ws.auditLog(id)).filter((r) => r.action === 'confirm');
    expect(confirms.map((r) => r.detail).sort()).toEqual(listed.map((f) => f.field).sort());
    expect(new Set(confirms.map((r) => r.file))).toEqual(new Set(['license.pdf']));
  });

  it('the same file goes into two dossiers, noted; twice into one it is refused', async () => {
    const ws = await workspace('two-dossiers');
    const { id } = await importExample(ws, 'ready');
    const other = await ws.createDossier('另一家公司');
    const bytes = new Uint8Array(
      readFileSync(join(REPO_ROOT, 'examples', 'ready', 'id-front.pdf')),
    );
    const [first] = await ws.importFiles(other, [{ name: 'id-front.pdf', bytes }]);
    expect(first).toMatchObject({ status: 'imported', kind: 'id-card-front' });
    expect(first?.alsoIn).toEqual([(await ws.loadDossier(id)).dossier.company]);
    const [again] = await ws.importFiles(other, [{ name: 'copy.pdf', bytes }]);
    expect(again?.status).toBe('duplicate');
  });

  it('a second license blocks until one is set aside, and a kind set by hand is read again', async () => {
    const ws = await workspace('set-aside');
    const { id } = await importExample(ws, 'ready');
    const bytes = new Uint8Array(
      readFileSync(join(REPO_ROOT, 'examples', 'license-expired', 'license.pdf')),
    );
    const [second] = await ws.importFiles(id, [{ name: 'old-license.pdf', bytes }]);
    let view = await ws.loadDossier(id);
    const complete = view.run.checks.find((c) => c.id === 'docs.complete')!;
    expect(complete.status).toBe('fail');
    expect(complete.message).toContain('old-license.pdf');
    await ws.setAside(second!.documentId!, true);
    view = await ws.loadDossier(id);
    expect(view.run.checks.find((c) => c.id === 'docs.complete')!.status).toBe('pass');
    expect(view.slots['business-license']?.info.fileName).toBe('license.pdf');
    // Setting aside is audited, and so is using the document again.
    await ws.setAside(second!.documentId!, false);
    await ws.setAside(second!.documentId!, true);
    const asides = (await ws.auditLog(id)).filter((r) => r.action === 'set-aside');
    expect(asides.map((r) => [r.file, r.detail])).toEqual([
      ['old-license.pdf', 'on'],
      ['old-license.pdf', 'off'],
      ['old-license.pdf', 'on'],
    ]);
    // Moved by hand to another kind: read again for it (a license read as a bank form
    // finds no bank fields, but every bank field is now there to enter).
    await ws.moveDocument(second!.documentId!, 'bank-permit');
    view = await ws.loadDossier(id);
    const moved = view.documents.find((d) => d.info.id === second!.documentId)!;
    expect(moved.fields.map((f) => f.field)).toEqual(
      expect.arrayContaining(['accountName', 'bankName', 'accountNumber']),
    );
  });

  it('finds dossiers by company, credit code, person and account; delete has undo', async () => {
    const ws = await workspace('search');
    const { id } = await importExample(ws, 'ready');
    await ws.createDossier('另一家公司');
    const view = await ws.loadDossier(id);
    const code = view.dossier.creditCode!;
    expect((await ws.searchRows(code)).map((r) => r.summary.id)).toEqual([id]);
    expect(
      (await ws.searchRows(view.dossier.legalRepresentative!)).map((r) => r.summary.id),
    ).toEqual([id]);
    expect((await ws.searchRows('13169036418')).map((r) => r.summary.id)).toEqual([id]);
    expect((await ws.searchRows('store2.101')).map((r) => r.summary.id)).toEqual([id]);
    expect(await ws.searchRows('另一家')).toHaveLength(1);
    const ticket = await ws.deleteDossier(id);
    expect((await ws.listRows()).map((r) => r.summary.id)).not.toContain(id);
    await ws.undoDelete(ticket);
    expect((await ws.listRows()).map((r) => r.summary.id)).toContain(id);
  });

  it('the list shows the nearest expiry: an ID card expiring in 60 days blocks', async () => {
    const ws = await workspace('expiry');
    const { id } = await importExample(ws, 'id-expires-60-days');
    const view = await ws.loadDossier(id);
    expect(view.run.checks.find((c) => c.id === 'id.validity')!.status).toBe('fail');
    const row = (await ws.listRows())[0]!;
    expect(row.verdict).toBe('blocked');
    expect(row.nearest?.kind).toBe('id-card-expiry');
    expect(row.nearest && 'daysLeft' in row.nearest ? row.nearest.daysLeft : -1).toBeGreaterThan(
      50,
    );
  });

  it('moving a document to another slot is kept', async () => {
    const ws = await workspace('move');
    const { id } = await importExample(ws, 'ready');
    const view = await ws.loadDossier(id);
    const back = view.slots['id-card-back']!;
    await ws.moveDocument(back.info.id, 'unknown');
    const after = await ws.loadDossier(id);
    expect(after.slots['id-card-back']).toBeNull();
    expect(after.others.map((d) => d.info.id)).toEqual([back.info.id]);
    expect(after.others[0]!.detectedKind).toBe('id-card-back');
    expect(after.run.checks.find((c) => c.id === 'docs.complete')!.status).toBe('fail');
  });

  it('a recorded change shows its filing deadline in working days until it is filed', async () => {
    const ws = await workspace('changes');
    const { id } = await importExample(ws, 'ready');
    // Friday 2026-11-20: three working days later is Wednesday 2026-11-25.
    await ws.recordChange(id, { kind: 'address', occurredOn: '2026-11-20' });
    let view = await ws.loadDossier(id);
    const item = view.deadlines.find((d) => d.kind === 'change-filing');
    expect(item && item.kind === 'change-filing' ? item.date : null).toBe('2026-11-25');
    expect(item && item.kind === 'change-filing' ? item.workingDaysLeft : null).toBe(1);
    const row = (await ws.listRows())[0]!;
    expect(row.nearest?.kind).toBe('change-filing');
    await ws.markChangeFiled(view.changes[0]!.id, '2026-11-24');
    view = await ws.loadDossier(id);
    expect(view.deadlines.some((d) => d.kind === 'change-filing')).toBe(false);
    // The bank must still be told (5 working days: Friday 27 November); filing with the
    // platform does not make that deadline go away.
    expect((await ws.listRows())[0]!.nearest).toMatchObject({
      kind: 'bank-notification',
      date: '2026-11-27',
    });
  });

  it('says why a file was not imported as a reason with values, worded in the interface language', async () => {
    const ws = await workspace('reasons');
    const { id: first } = await importExample(ws, 'ready', '青梧屿示例公司');
    const other = await ws.createDossier('另一家公司');
    const license = exampleFiles('ready').find((f) => f.name === 'license.pdf')!;
    // The same file twice in one dossier is a duplicate; in another dossier it is noted.
    const [duplicate] = await ws.importFiles(first, [license]);
    expect([duplicate?.status, duplicate?.reason, duplicate?.values]).toEqual([
      'duplicate',
      'duplicate',
      { company: '青梧屿示例公司' },
    ]);
    const text = (s: string) => new TextEncoder().encode(s);
    // Real bad files through the real reader (no OCR engine in this Node reader).
    const files = [
      license,
      { name: 'empty.pdf', bytes: new Uint8Array(0) },
      { name: 'broken.pdf', bytes: text('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage') },
      { name: 'notes.pdf', bytes: text('Meeting notes, saved with the wrong extension.') },
      { name: 'noise.jpg', bytes: noiseBytes(5000) },
      { name: 'scan.pdf', bytes: new Uint8Array(61 * 1024 * 1024) },
      { name: 'bomb.png', bytes: pngHeader(12000, 10000) },
      { name: 'header.png', bytes: pngHeader(0, 0) },
      { name: 'cut.jpg', bytes: await truncatedJpeg() },
      { name: 'photo.jpg', bytes: await smallPng() },
      { name: 'locked.pdf', bytes: encryptedPdf('secret') },
      { name: 'long.pdf', bytes: await pagesPdf(31) },
    ];
    const outcomes = await ws.importFiles(other, files);
    expect(outcomes.map((o) => [o.fileName, o.status, o.reason, o.values ?? null])).toEqual([
      ['license.pdf', 'imported', undefined, null],
      ['empty.pdf', 'unreadable', 'empty', null],
      ['broken.pdf', 'unreadable', 'damaged', null],
      ['notes.pdf', 'unreadable', 'unsupported-type', null],
      ['noise.jpg', 'unreadable', 'unsupported-type', null],
      ['scan.pdf', 'unreadable', 'too-large', { size: 61, limit: 50 }],
      [
        'bomb.png',
        'unreadable',
        'too-many-pixels',
        { width: 12000, height: 10000, megapixels: 120, limit: 100 },
      ],
      ['header.png', 'unreadable', 'damaged', null],
      ['cut.jpg', 'unreadable', 'truncated', null],
      // The name does not matter: a PNG named .jpg is read as a PNG, and needs OCR.
      ['photo.jpg', 'unreadable', 'no-ocr', null],
      ['locked.pdf', 'unreadable', 'encrypted', null],
      ['long.pdf', 'unreadable', 'too-many-pages', { pages: 31, limit: 20 }],
    ]);
    // The English detail stays for logs and tooltips, as the reader (and the CLI) wrote it.
    expect(outcomes.slice(1).every((o) => /\.$/.test(o.message ?? ''))).toBe(true);
    expect(outcomes[0]?.alsoIn).toEqual(['青梧屿示例公司']);
    expect(outcomes[11]!.message).toBe(
      'The PDF has 31 pages, more than the 20 a document may have.',
    );
    expect((await ws.loadDossier(other)).documents).toHaveLength(1);

    const zh = translator('zh');
    const en = translator('en');
    const byName = (name: string) => outcomes.find((o) => o.fileName === name)!;
    expect(outcomeSentence(zh, duplicate!)).toBe(
      '这个文件已在资料「青梧屿示例公司」中，无需再导入。',
    );
    expect(outcomeSentence(en, duplicate!)).toContain('already in dossier 青梧屿示例公司');
    expect(outcomeSentence(zh, byName('license.pdf'))).toBeNull();
    expect(outcomeSentence(zh, byName('empty.pdf'))).toContain('文件是空的');
    expect(outcomeSentence(zh, byName('broken.pdf'))).toContain('文件已损坏');
    expect(outcomeSentence(zh, byName('notes.pdf'))).toContain('不是 PDF、JPG 或 PNG');
    expect(outcomeSentence(zh, byName('scan.pdf'))).toContain('文件有 61 MB，超过 50 MB 的上限');
    expect(outcomeSentence(zh, byName('bomb.png'))).toContain(
      '图片有 120 百万像素，超过 100 百万像素的上限',
    );
    expect(outcomeSentence(zh, byName('cut.jpg'))).toContain('图片不完整');
    expect(outcomeSentence(zh, byName('photo.jpg'))).toContain('需要文字识别');
    expect(outcomeSentence(zh, byName('locked.pdf'))).toContain('PDF 设有打开密码');
    expect(outcomeSentence(zh, byName('long.pdf'))).toContain('PDF 有 31 页，超过 20 页的上限');
    expect(outcomeSentence(en, byName('long.pdf'))).toBe(
      'The PDF has 31 pages, more than the 20 allowed; import only the pages needed.',
    );
    for (const o of outcomes.slice(1))
      expect(outcomeSentence(zh, o), o.fileName).not.toMatch(/[A-Za-z]{4,}/);

    // The import panel shows the sentence of the current language, the English as the title,
    // and notes the file that is also in another dossier.
    const importer: Importer = {
      rows: [duplicate!, ...outcomes].map((outcome) => ({
        name: outcome.fileName,
        progress: { stage: 'failed', progress: 1 },
        outcome,
      })),
      busy: false,
      error: null,
      importBatch: () => Promise.resolve(),
      cancel: () => undefined,
    };
    const panel = (language: Language) =>
      renderToStaticMarkup(
        createElement(I18nProvider, {
          language,
          setLanguage: () => undefined,
          children: createElement(ImportPanel, { importer }),
        }),
      );
    const zhPanel = panel('zh');
    expect(zhPanel).toContain('这个文件已在资料「青梧屿示例公司」中');
    expect(zhPanel).toContain('title="This file is already in dossier 青梧屿示例公司."');
    expect(zhPanel).toContain('data-reason="too-many-pixels"');
    expect(zhPanel).toContain('（也在资料「青梧屿示例公司」中）');
    expect(panel('en')).toContain('The file is empty (0 bytes); check the original');
  }, 60_000);

  it('a reader error without a reason is shown as it is: English, inside the Chinese frame', async () => {
    // A host error with no code: the workspace keeps the sentence rather than guessing a
    // reason from its wording.
    const vault = await newVault('other');
    const nodeReader = createNodeTextReader();
    const sentence = 'The OCR engine could not be started: reload the app.';
    const ws = createWorkspace(vault, {
      bridge: webBridge,
      host: 'web',
      today: () => TODAY,
      reader: {
        ...nodeReader,
        async read(file, options) {
          const { document, pages } = await nodeReader.read(file, options);
          const { problem: _dropped, ...withoutProblem } = document;
          return { document: { ...withoutProblem, error: sentence }, pages };
        },
      },
    });
    const id = await ws.createDossier('引擎故障公司');
    const [unknown] = await ws.importFiles(id, [exampleFiles('ready')[0]!]);
    expect(unknown).toEqual({
      fileName: exampleFiles('ready')[0]!.name,
      status: 'unreadable',
      reason: 'other',
      message: sentence,
    });
    expect(outcomeSentence(translator('zh'), unknown!)).toBe(`无法导入这个文件（${sentence}）。`);
    expect(outcomeSentence(translator('en'), unknown!)).toBe(sentence);
  });

  it('a page that is not there and a save the host refused are worded in the interface language', async () => {
    const vault = await newVault('workspace-errors');
    const ws = createWorkspace(vault, {
      // The host's save fails as Electron's main reports a full disk.
      bridge: {
        ...webBridge,
        appendBackupSave: () => Promise.resolve(ipcError('io', 'No space left on the disk.')),
      },
      host: 'web',
      reader: createNodeTextReader(),
      today: () => TODAY,
    });
    const { id } = await importExample(ws, 'ready');
    const view = await ws.loadDossier(id);
    const doc = view.documents[0]!;
    const missing = await ws.pageImage(doc.info.id, 7).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(WorkspaceError);
    expect(errorSentence(missing, translator('zh'))).toBe(
      '这份文件没有第 8 页可显示；请重新导入。',
    );
    expect(errorSentence(missing, translator('en'))).toBe(
      'This document has no page 8 to show; import it again.',
    );
    const refused = await ws.saveBackup().catch((e: unknown) => e);
    expect(refused).toMatchObject({ reason: 'save-failed' });
    expect(errorSentence(refused, translator('zh'))).toBe(
      '文件没有保存（No space left on the disk.）；请换一个位置或检查磁盘空间后重试。',
    );
  }, 60_000);
});
