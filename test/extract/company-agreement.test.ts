// The company's name read on the license settles an ideograph the bank form's OCR doubted
// and saw the license's character behind (issue 13: 雾 at 0.35 with 霁 behind it, where the
// license prints 霁), only among what this page's OCR saw there: a character read for
// sure, one the OCR did not see, or a bracket's width is still for the comparison to show.
import { describe, expect, it } from 'vitest';
import type { CharAlternatives, DocumentText, ExtractedDocument } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { crossDocumentFill } from '../../src/core/extract/cross-document';
import { bankForm, ocrItem } from './support/bank-form';

/** The bank form whose 存款人名称 reads `name` at `confidence`, with the OCR's runner-ups. */
function formReading(name: string, confidence: number, alternatives?: CharAlternatives[]) {
  const text = bankForm(ocrItem('王昕琰', 0, 0, 0.99));
  text.pages[0]!.items[2] = ocrItem(name, 500, 400, confidence, alternatives);
  return text;
}

/** A license whose text layer prints `name` (no doubt). */
const license = (name: string): ExtractedDocument => ({
  file: 'license.pdf',
  kind: 'business-license',
  fields: { companyName: name },
  confidence: { companyName: 0.99 },
  corrections: [],
  warnings: [],
  source: 'pdf-text',
});

function settle(bank: DocumentText, name: string): ExtractedDocument {
  const [filled] = crossDocumentFill([
    { document: extractDocument(bank, 'bank.jpg'), text: bank },
    { document: license(name) },
  ]);
  return filled!;
}

/** 霁 read as 雾 at 0.35 with 霁 behind it (0.17). */
const doubtAt2: CharAlternatives[] = [
  {
    at: 2,
    p: 0.35,
    options: [
      { text: '弄', p: 0.19 },
      { text: '霁', p: 0.17 },
    ],
  },
];

describe('a company name settled by the license', () => {
  it('苏州雾月坊… with 霁 seen behind 雾, the license prints 苏州霁月坊…: 霁, below 0.9, 雾 proposed', () => {
    const bank = settle(
      formReading('苏州雾月坊贸易有限公司', 0.35, doubtAt2),
      '苏州霁月坊贸易有限公司',
    );
    expect(bank.fields.accountName).toBe('苏州霁月坊贸易有限公司');
    expect(bank.confidence.accountName).toBeLessThan(0.9);
    expect(bank.found?.accountName).toBe('cross-document');
    expect(bank.corrections.filter((c) => c.field === 'accountName').map((c) => c.to)).toContain(
      '苏州雾月坊贸易有限公司',
    );
  });

  it('雾 read for sure: a real difference, kept', () => {
    const bank = settle(formReading('苏州雾月坊贸易有限公司', 0.99), '苏州霁月坊贸易有限公司');
    expect(bank.fields.accountName).toBe('苏州雾月坊贸易有限公司');
  });

  it('雾 doubted but 霁 not seen there: kept as the page reads it', () => {
    const other: CharAlternatives[] = [{ at: 2, p: 0.35, options: [{ text: '弄', p: 0.19 }] }];
    const bank = settle(
      formReading('苏州雾月坊贸易有限公司', 0.35, other),
      '苏州霁月坊贸易有限公司',
    );
    expect(bank.fields.accountName).toBe('苏州雾月坊贸易有限公司');
  });

  it('a bracket’s width is never settled, even with the other width seen behind it', () => {
    const width: CharAlternatives[] = [{ at: 3, p: 0.6, options: [{ text: '(', p: 0.3 }] }];
    const bank = settle(
      formReading('霁月坊（杭州）贸易有限公司', 0.6, width),
      '霁月坊(杭州）贸易有限公司',
    );
    expect(bank.fields.accountName).toBe('霁月坊（杭州）贸易有限公司');
  });
});
