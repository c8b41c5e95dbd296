// The OCR's own alternatives per character (CharAlternativesSchema) decide how far a
// compared value is trusted and which code repair is proposed. Regression cases of the
// surname table this replaced: 佘 read as 余, 逄 as 逢 (layout families' image-only PDFs).
import { describe, expect, it } from 'vitest';
import type { CharAlternatives, DocumentText, TextItem } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { proposeUsccCorrections } from '../../src/core/codes/correct';
import { bankForm as formWith, ocrItem } from './support/bank-form';
import { ocrText } from './support/positioned';

const item = ocrItem;

/** The bank form, with its credit code (its last character doubted: 7 or 3) below. */
const bankForm = (person: TextItem, source: DocumentText['source'] = 'paddle'): DocumentText =>
  formWith(person, source, [
    item('统一社会信用代码', 200, 640, 0.99),
    item('91330106MA2H4B1X7J', 500, 640, 0.97, [
      { at: 17, p: 0.6, options: [{ text: '3', p: 0.35 }] },
    ]),
  ]);

const SHE = [{ at: 0, p: 0.86, options: [{ text: '佘', p: 0.14 }] }];

describe("a compared name with the OCR's close second choice", () => {
  it('余瑶恺 with 佘 behind at 14% is below 0.9 and 佘瑶恺 is proposed with its reason', () => {
    const doc = extractDocument(bankForm(item('余瑶恺', 0, 0, 0.91, SHE)), 'bank.jpg');
    expect(doc.fields.legalRepresentative).toBe('余瑶恺');
    expect(doc.confidence.legalRepresentative).toBeLessThan(0.9);
    const proposal = doc.corrections.find((c) => c.field === 'legalRepresentative');
    expect(proposal).toMatchObject({ from: '余瑶恺', to: '佘瑶恺', reason: 'ocr-alternative' });
    expect(proposal?.note).toContain('佘');
  });

  it('逢霖婕 with 逄 behind at 3% is below 0.9 too', () => {
    const alternatives = [{ at: 0, p: 0.95, options: [{ text: '逄', p: 0.034 }] }];
    const doc = extractDocument(bankForm(item('逢霖婕', 0, 0, 0.97, alternatives)), 'bank.jpg');
    expect(doc.confidence.legalRepresentative).toBeLessThan(0.9);
    expect(doc.corrections.map((c) => c.to)).toContain('逄霖婕');
  });

  it("a person's name doubts from 0.5%: 逢丽 with 逄 behind at 0.8% is below 0.9, 逄丽 proposed", () => {
    const alternatives = [{ at: 0, p: 0.997, options: [{ text: '逄', p: 0.008 }] }];
    const doc = extractDocument(bankForm(item('逢丽', 0, 0, 0.997, alternatives)), 'bank.jpg');
    expect(doc.confidence.legalRepresentative).toBeLessThan(0.9);
    expect(doc.corrections).toContainEqual(
      expect.objectContaining({ field: 'legalRepresentative', to: '逄丽' }),
    );
  });

  it("an organisation's name keeps the 1% floor: a runner-up at 0.8% is no doubt there", () => {
    const form = bankForm(item('余瑶恺', 0, 0, 0.97));
    const company = form.pages[0]!.items.find((i) => i.text === '杭州珩越贸易有限公司')!;
    company.alternatives = [{ at: 2, p: 0.99, options: [{ text: '衍', p: 0.008 }] }];
    const doc = extractDocument(form, 'bank.jpg');
    expect(doc.fields.accountName).toBe('杭州珩越贸易有限公司');
    expect(doc.confidence.accountName).toBeGreaterThanOrEqual(0.9);
    expect(doc.corrections.filter((c) => c.field === 'accountName')).toEqual([]);
    // The same runner-up at 2% is a doubt: the floor, not the field, kept it out.
    company.alternatives = [{ at: 2, p: 0.97, options: [{ text: '衍', p: 0.02 }] }];
    const doubted = extractDocument(form, 'bank.jpg');
    expect(doubted.confidence.accountName).toBeLessThan(0.9);
  });

  it('余瑶恺 read without doubt keeps its confidence (the old table capped every 余)', () => {
    const doc = extractDocument(bankForm(item('余瑶恺', 0, 0, 0.97)), 'bank.jpg');
    expect(doc.confidence.legalRepresentative).toBeCloseTo(0.97);
    expect(doc.corrections.filter((c) => c.field === 'legalRepresentative')).toEqual([]);
  });

  it('noise below 1%, a Latin runner-up or a neighbour smeared into the time steps is no doubt', () => {
    const alternatives = [
      { at: 0, p: 0.99, options: [{ text: '馀', p: 0.004 }] },
      { at: 1, p: 0.93, options: [{ text: '余', p: 0.07 }] },
      { at: 2, p: 0.9, options: [{ text: 'k', p: 0.1 }] },
    ];
    const doc = extractDocument(bankForm(item('余瑶恺', 0, 0, 0.97, alternatives)), 'bank.jpg');
    expect(doc.confidence.legalRepresentative).toBeCloseTo(0.97);
  });

  it('a text-layer PDF gives its characters exactly: no doubt', () => {
    const doc = extractDocument(bankForm(item('余瑶恺', 0, 0, 1, SHE), 'pdf-text'), 'bank.pdf');
    expect(doc.confidence.legalRepresentative).toBe(1);
    expect(doc.corrections).toEqual([]);
  });
});

describe("checksum repair among the OCR's own alternatives", () => {
  it('the credit code is repaired with the character the OCR saw second, never silently', () => {
    const doc = extractDocument(bankForm(item('余瑶恺', 0, 0, 0.97)), 'bank.jpg');
    expect(doc.fields.creditCode).toBe('91330106MA2H4B1X7J');
    expect(doc.confidence.creditCode).toBeLessThan(0.9);
    const proposal = doc.corrections.find((c) => c.field === 'creditCode');
    expect(proposal).toMatchObject({ to: '91330106MA2H4B1X73', reason: 'checksum' });
    expect(proposal?.note).toContain('3 (35%) for J at position 18');
  });

  it("the OCR's alternatives come before the look-alike table, which is the fallback", () => {
    // D for 2 is in no table, and D may stand there: only the OCR's own second reading
    // finds it. (Among the region's digits, D could not stand: correct.ts tries every
    // digit there without alternatives.)
    const options = [...'91330106MA2H4B1X73'].map((_, i) =>
      i === 10 ? [{ text: '2', p: 0.2 }] : null,
    );
    expect(proposeUsccCorrections('91330106MADH4B1X73').corrections).toEqual([]);
    expect(
      proposeUsccCorrections('91330106MADH4B1X73', 'creditCode', options).corrections[0]?.to,
    ).toBe('91330106MA2H4B1X73');
    // Without alternatives, the table still repairs O → 0.
    expect(proposeUsccCorrections('9133O106MA2H4B1X73').corrections[0]?.to).toBe(
      '91330106MA2H4B1X73',
    );
  });

  it('two doubtful characters are repaired together when only that pair makes the code valid', () => {
    const options = [...'91330106MA2H4B1X73'].map((_, i) =>
      i === 4 ? [{ text: '0', p: 0.2 }] : i === 10 ? [{ text: '2', p: 0.3 }] : null,
    );
    const proposal = proposeUsccCorrections('9133D106MAZH4B1X73', 'creditCode', options);
    expect(proposal.corrections[0]?.to).toBe('91330106MA2H4B1X73');
  });
});

describe('a code with no checksum whose digit the OCR also read as another', () => {
  /** The form with its account number read as `alternatives` say. */
  const formWithAccount = (alternatives?: CharAlternatives[]): DocumentText => {
    const form = bankForm(item('余瑶恺', 0, 0, 0.97));
    const account = form.pages[0]!.items.find((i) => i.text === '3469922317129364594')!;
    if (alternatives) account.alternatives = alternatives;
    return form;
  };

  it('an account number with 3 behind its 5 at 2.9% is below 0.9, the other digit proposed', () => {
    // Seen on a bank form's photo: …275205 at 1.00 where …273205 is printed (old code:
    // the digit's runner-up was ignored, not being an ideograph).
    const doc = extractDocument(
      formWithAccount([{ at: 15, p: 0.965, options: [{ text: '3', p: 0.029 }] }]),
      'bank.jpg',
    );
    expect(doc.fields.accountNumber).toBe('3469922317129364594');
    expect(doc.confidence.accountNumber).toBeLessThan(0.9);
    expect(doc.corrections).toContainEqual(
      expect.objectContaining({
        field: 'accountNumber',
        to: '3469922317129363594',
        reason: 'ocr-alternative',
      }),
    );
  });

  it('keeps its confidence without a runner-up, with one below 1% or one that is no digit', () => {
    for (const alternatives of [
      undefined,
      [{ at: 15, p: 0.99, options: [{ text: '3', p: 0.008 }] }],
      [{ at: 15, p: 0.95, options: [{ text: '号', p: 0.05 }] }],
    ]) {
      const doc = extractDocument(formWithAccount(alternatives), 'bank.jpg');
      expect(doc.confidence.accountNumber).toBeGreaterThanOrEqual(0.9);
      expect(doc.corrections.filter((c) => c.field === 'accountNumber')).toEqual([]);
    }
  });
});

describe("a permit's serial number (编号, no checksum) whose digit the OCR also read as another", () => {
  /** A 开户许可证 read by the OCR, its 编号 read 3101-95794552 as `alternatives` say. */
  const permit = (alternatives?: CharAlternatives[]): DocumentText =>
    ocrText(
      [
        item('开户许可证', 600, 200, 0.99),
        item('核准号', 200, 400, 0.99),
        item('J3101059058599', 500, 400),
        item('编号', 1000, 400, 0.99),
        item('3101-95794552', 1200, 400, 0.97, alternatives),
        item('存款人名称', 200, 460, 0.99),
        item('上海岚汐远电子商务有限公司', 500, 460),
        item('开户银行', 200, 520, 0.99),
        item('中国建设银行股份有限公司上海浦东分行', 500, 520),
        item('账号', 200, 580, 0.99),
        item('6011897057469630657', 500, 580),
      ],
      1700,
      2400,
      'paddle',
    );

  it('is below 0.9 with 3 behind a 5, the other digit proposed (old code: kept at 0.97, nothing proposed)', () => {
    const doc = extractDocument(
      permit([{ at: 11, p: 0.95, options: [{ text: '3', p: 0.04 }] }]),
      'permit.jpg',
    );
    expect(doc.fields.serialNumber).toBe('3101-95794552');
    expect(doc.confidence.serialNumber).toBeLessThan(0.9);
    expect(doc.corrections).toContainEqual(
      expect.objectContaining({
        field: 'serialNumber',
        to: '3101-95794532',
        reason: 'ocr-alternative',
      }),
    );
  });

  it('keeps its confidence where the OCR saw no other digit', () => {
    const doc = extractDocument(permit(), 'permit.jpg');
    expect(doc.fields.serialNumber).toBe('3101-95794552');
    expect(doc.confidence.serialNumber).toBeGreaterThanOrEqual(0.9);
    expect(doc.corrections.filter((c) => c.field === 'serialNumber')).toEqual([]);
  });
});
