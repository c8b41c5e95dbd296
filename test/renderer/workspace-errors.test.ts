// The Workspace's bad files and errors, worded in the interface's language: real bad
// files (their reasons and figures), a reader error without a reason, a page that is not
// there and a save the host refused (split from workspace.test.ts).
import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { webBridge } from '../../src/renderer/bridge/web';
import { I18nProvider, translator, type Language } from '../../src/renderer/i18n';
import { createWorkspace } from '../../src/renderer/model/workspace';
import { WorkspaceError } from '../../src/renderer/model/workspace-error';
import {
  ImportPanel,
  outcomeSentence,
  type Importer,
} from '../../src/renderer/screens/dossier/ImportPanel';
import { errorSentence } from '../../src/renderer/shell/errors';
import { ipcError } from '../../src/shared/ipc';
import { encryptedPdf, pagesPdf } from '../extract/support/pdf-builders';
import { noiseBytes, pngHeader, smallPng, truncatedJpeg } from '../ocr/support/bad-files';
import { newVault } from '../vault/helpers';
import { exampleFiles, importExample, TODAY, workspace } from './example-workspace';
import { createNodeTextReader } from './node-reader';

describe('workspace errors', () => {
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
