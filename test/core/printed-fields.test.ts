// The two designs of bank form (spec §2): a 基本存款账户信息 never prints 核准号 or 编号,
// an old 开户许可证 never prints 基本存款账户编号; what a form does not print is not missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract';
import { bankFormDesign, printedFields } from '../../src/core/printed-fields';
import { readPdfTextNode } from '../../src/ocr/pdfjs.node.ts';
import { REPO_ROOT } from '../cli/run-cli';

const readOf = (fields: Record<string, string | null>) => (f: string) =>
  (fields[f] ?? null) !== null;

describe('printedFields', () => {
  it('leaves 核准号 and 编号 out of a 基本存款账户信息 read from a real PDF', async () => {
    const bytes = new Uint8Array(readFileSync(join(REPO_ROOT, 'examples', 'ready', 'bank.pdf')));
    const bank = extractDocument(await readPdfTextNode(bytes), 'bank.pdf');
    expect(bank.kind).toBe('bank-permit');
    expect(bank.fields.accountCode).toMatch(/^J\d{13}$/u);
    expect(bankFormDesign(readOf(bank.fields))).toBe('account-info');
    const printed = printedFields('bank-permit', readOf(bank.fields));
    expect(printed).not.toContain('approvalNumber');
    expect(printed).not.toContain('serialNumber');
    // Everything the form prints was read: 6 of 6, not 6 of 8.
    expect(printed.filter((f) => readOf(bank.fields)(f))).toHaveLength(printed.length);
  });

  it('leaves 基本存款账户编号 out of an old 开户许可证', () => {
    const permit = {
      approvalNumber: 'J3301000012345',
      serialNumber: '3310-01234567',
      accountCode: null,
    };
    expect(bankFormDesign(readOf(permit))).toBe('permit');
    expect(printedFields('bank-permit', readOf(permit))).toEqual([
      'approvalNumber',
      'serialNumber',
      'accountName',
      'legalRepresentative',
      'bankName',
      'accountNumber',
      'creditCode',
    ]);
  });

  it('offers every field when the design cannot be told, and other kinds whole', () => {
    expect(printedFields('bank-permit', () => false)).toHaveLength(8);
    expect(printedFields('id-card-back', () => false)).toEqual([
      'issuingAuthority',
      'validFrom',
      'validUntil',
    ]);
    expect(printedFields('unknown', () => true)).toEqual([]);
  });
});
