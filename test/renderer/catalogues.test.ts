// Both catalogues hold every string, and a Chinese screen shows no English: the zh
// catalogue names only products and formats in Latin letters, and a backup that cannot be
// restored (a real vault refusing real bytes) is worded in Chinese from start to end.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/i18n/en';
import { translator } from '../../src/renderer/i18n';
import { zh } from '../../src/renderer/i18n/zh';
import { errorSentence } from '../../src/renderer/shell/errors';
import { BackupError } from '../../src/vault/errors';
import { PASSPHRASE, newVault, uniqueName, openTestVault } from '../vault/helpers';

/** Latin words a Chinese screen may show: formats, products, keys. */
const NAMES = new Set([
  'PDF',
  'JPG',
  'PNG',
  'CSV',
  'JSON',
  'MB',
  'PaddleOCR',
  'Tesseract',
  'README',
  'ICS',
  'SHA',
  'Outlook',
  'Ctrl',
  'L',
  'J',
  'K',
]);

const latinWords = (text: string): string[] =>
  [...text.replace(/\{\w+\}/gu, '').matchAll(/[A-Za-z]+/gu)].map((m) => m[0]);

describe('the catalogues', () => {
  it('hold the same keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries({ ...zh })) expect(text.trim(), key).not.toBe('');
    for (const [key, text] of Object.entries(en)) expect(text.trim(), key).not.toBe('');
  });

  it('name the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(names(en[key]), key).toEqual(names(zh[key]));
    }
  });

  it('show no English in Chinese beyond names of formats and products', () => {
    const english = Object.entries(zh).flatMap(([key, text]) =>
      latinWords(text)
        .filter((w) => !NAMES.has(w))
        .map((w) => `${key}: ${w}`),
    );
    expect(english).toEqual([]);
  });
});

describe('a backup that cannot be restored, in Chinese', () => {
  const zhT = translator('zh');

  it('words every refusal of a real vault without an English tail', async () => {
    const source = await newVault('catalogue-backup');
    await source.createDossier({ company: '杭州青梧屿贸易有限公司' });
    const file = await source.backup();
    source.close();
    const target = await openTestVault(uniqueName('catalogue-restore'));
    const refusals: [Uint8Array, string][] = [
      [new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 'PASSPHRASE'],
      [file, 'wrong passphrase'],
      [file.slice(0, 60), PASSPHRASE],
      [
        (() => {
          const tampered = file.slice();
          tampered[tampered.length - 100]! ^= 1;
          return tampered;
        })(),
        PASSPHRASE,
      ],
    ];
    const sentences: string[] = [];
    for (const [bytes, passphrase] of refusals) {
      const error = await target.restore(bytes, passphrase).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackupError);
      const sentence = errorSentence(error, zhT);
      expect(sentence).toMatch(/^无法恢复这个备份：.+。$/u);
      expect(
        latinWords(sentence).filter((w) => !NAMES.has(w)),
        sentence,
      ).toEqual([]);
      sentences.push(sentence);
    }
    expect(sentences).toEqual([
      '无法恢复这个备份：这不是资料保险箱的备份文件。',
      '无法恢复这个备份：主密码无法打开这个备份。',
      '无法恢复这个备份：备份文件不完整（被截断）。',
      '无法恢复这个备份：备份文件已损坏或被改动。',
    ]);
    // The same refusal in English keeps the vault's own wording.
    expect(
      errorSentence(
        new BackupError('x', 'count', { table: 'blobs', count: 1, expected: 2 }),
        translator('en'),
      ),
    ).toBe(
      'This backup cannot be restored: The backup holds 1 blobs records but its manifest says 2.',
    );
    target.close();
  });
});
