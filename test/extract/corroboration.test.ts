// A value independent evidence confirms is legible however unsure the OCR was of a single
// character (files.legible, spec §3), and never trusted at 0.9 for that alone. Real
// PP-OCRv4 output of the tuned family id-a4-one-side as blurred, watermarked phone photos
// (test/fixtures/ocr/id-front-a4-photo-*.paddle.json), which files.legible failed though
// every value on them was right: 壮 read at 0.64 (牡 and 社 behind it), 男 at 0.66.
import { describe, expect, it } from 'vitest';
import { legibilityConfidence } from '../../src/core/checks/images';
import type { DocumentText } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { CORROBORATED_CONFIDENCE, corroborations } from '../../src/core/extract/corroboration';
import { fieldTextConfidence } from '../../src/core/image';
import { bankForm, ocrItem } from './support/bank-form';
import { item, ocrText } from './support/positioned';
import { paddleText } from './support/ocr-fixture';

/** The document as the reader reports it from an image: with its characters' confidence. */
function read(text: DocumentText) {
  const doc = extractDocument(text, 'id.jpg', { kind: 'id-card-front' });
  const textConfidence = fieldTextConfidence(text, doc.boxes ?? {});
  return { ...doc, quality: { flags: [], greyscale: false, raster: true, textConfidence } };
}

/** The text with one OCR line's characters replaced (the same number of them). */
function replaced(text: DocumentText, from: string, to: string): DocumentText {
  const copy = structuredClone(text);
  const line = copy.pages[0]!.items.find((i) => i.text === from)!;
  line.text = to;
  return copy;
}

describe('an ID front photo whose ethnicity the OCR read at 0.64', () => {
  const text = paddleText('id-front-a4-photo-ethnicity.paddle.json');
  const doc = read(text);

  it('reads 壮, one of the 56, with nothing else the OCR saw there being one: legible', () => {
    expect(doc.fields.ethnicity).toBe('壮');
    expect(doc.quality.textConfidence.ethnicity).toBeLessThan(0.8);
    expect(doc.corroborated?.ethnicity).toBe('closed-list');
    expect(legibilityConfidence(doc, 'ethnicity')).toBeGreaterThanOrEqual(0.8);
    expect(doc.confidence.ethnicity).toBe(CORROBORATED_CONFIDENCE);
  });

  it('the birth date its ID number also gives earns the same, never 0.9', () => {
    expect(doc.fields.birthDate).toBe('1983-11-25');
    expect(doc.corroborated?.birthDate).toBe('id-number');
    expect(doc.corroborated?.idNumber).toBe('checksum');
    expect(doc.confidence.birthDate).toBeGreaterThanOrEqual(0.8);
    expect(doc.confidence.birthDate).toBeLessThan(0.9);
  });

  it('土, which 土家 holds (a character may be lost), is not corroborated', () => {
    const doc = read(replaced(text, '壮', '土'));
    expect(doc.fields.ethnicity).toBe('土');
    expect(doc.corroborated?.ethnicity).toBeUndefined();
    expect(legibilityConfidence(doc, 'ethnicity')).toBeLessThan(0.8);
  });

  it('an ethnicity whose runner-up would be another one is not corroborated', () => {
    const copy = structuredClone(text);
    const line = copy.pages[0]!.items.find((i) => i.text === '壮')!;
    line.alternatives = [{ at: 0, p: 0.64, options: [{ text: '苗', p: 0.2 }] }];
    const doc = read(copy);
    expect(doc.fields.ethnicity).toBe('壮');
    expect(doc.corroborated?.ethnicity).toBeUndefined();
  });

  it('a text layer has no doubt to lift', () => {
    const doc = extractDocument({ ...text, source: 'pdf-text' }, 'id.pdf');
    expect(doc.corroborated).toBeUndefined();
  });
});

describe('an ID front photo whose sex the OCR read at 0.66', () => {
  const text = paddleText('id-front-a4-photo-sex.paddle.json');

  it('男, which digit 17 of the ID number (checksum holding) also says, is legible', () => {
    const doc = read(text);
    expect(doc.fields.sex).toBe('男');
    expect(doc.quality.textConfidence.sex).toBeLessThan(0.8);
    expect(doc.corroborated?.sex).toBe('id-number');
    expect(legibilityConfidence(doc, 'sex')).toBeGreaterThanOrEqual(0.8);
  });

  it('女 against that number is not', () => {
    const doc = read(replaced(text, '男', '女'));
    expect(doc.fields.sex).toBe('女');
    expect(doc.corroborated?.sex).toBeUndefined();
    expect(legibilityConfidence(doc, 'sex')).toBeLessThan(0.8);
  });
});

describe('what the ID number corroborates', () => {
  const box = { page: 0, x: 0, y: 0, w: 100, h: 20 };
  const front = (fields: Record<string, string | null>, completed: string[] = []) =>
    corroborations({
      kind: 'id-card-front',
      fields,
      boxes: Object.fromEntries(Object.keys(fields).map((f) => [f, box])),
      completed: new Set(completed),
      alternativesOf: () => null,
    });

  it('a birth date and sex it gives, with the number itself', () => {
    expect(front({ idNumber: '310115198311252037', birthDate: '1983-11-25', sex: '男' })).toEqual({
      idNumber: 'checksum',
      birthDate: 'id-number',
      sex: 'id-number',
    });
  });

  it('nothing where the card reads another birth date (one of them is misread)', () => {
    expect(front({ idNumber: '310115198311262032', birthDate: '1983-11-25', sex: '男' })).toEqual(
      {},
    );
  });

  it('nothing from a number failing its checksum', () => {
    expect(front({ idNumber: '310115198311252038', birthDate: '1983-11-25', sex: '男' })).toEqual(
      {},
    );
  });

  it('not a value derived from the number (no box) nor one a rule completed', () => {
    const derived = corroborations({
      kind: 'id-card-front',
      fields: { idNumber: '310115198311252037', birthDate: '1983-11-25', sex: '男' },
      boxes: { idNumber: box },
      completed: new Set(),
      alternativesOf: () => null,
    });
    expect(derived).toEqual({ idNumber: 'checksum' });
    const back = (completed: string[]) =>
      corroborations({
        kind: 'id-card-back',
        fields: { validFrom: '2016-03-12', validUntil: '2036-03-12' },
        boxes: { validFrom: box, validUntil: box },
        completed: new Set(completed),
        alternativesOf: () => null,
      });
    expect(back([])).toEqual({ validFrom: 'validity-rule', validUntil: 'validity-rule' });
    expect(back(['validUntil'])).toEqual({});
  });
});

describe('an ID back whose dates keep the card validity rule', () => {
  const back = (until: string, from = '2016.03.12'): DocumentText =>
    ocrText(
      [
        ocrItem('中华人民共和国', 300, 80, 0.99),
        ocrItem('居民身份证', 320, 150, 0.99),
        ocrItem('签发机关', 150, 420, 0.99),
        ocrItem('杭州市公安局西湖分局', 320, 420, 0.97),
        ocrItem('有效期限', 150, 500, 0.99),
        ocrItem(`${from}-${until}`, 320, 500, 0.7),
      ],
      1000,
      630,
    );

  it('2016.03.12-2036.03.12, 20 years to the day, is corroborated; 2036.03.13 is not', () => {
    const doc = extractDocument(back('2036.03.12'), 'back.jpg');
    expect(doc.kind).toBe('id-card-back');
    expect(doc.fields.validUntil).toBe('2036-03-12');
    expect(doc.corroborated).toEqual({ validFrom: 'validity-rule', validUntil: 'validity-rule' });
    expect(doc.confidence.validUntil).toBe(CORROBORATED_CONFIDENCE);
    const off = extractDocument(back('2036.03.13'), 'back.jpg');
    expect(off.corroborated).toBeUndefined();
    expect(off.confidence.validUntil).toBeLessThan(0.8);
  });

  it('a start whose dot the OCR read as a comma (2025,09.21) is still a date', () => {
    const doc = extractDocument(back('2045.09.21', '2025,09.21'), 'back.jpg');
    expect(doc.fields.validFrom).toBe('2025-09-21');
    expect(doc.fields.validUntil).toBe('2045-09-21');
    expect(doc.corroborated?.validUntil).toBe('validity-rule');
  });

  it('not an end completed by that rule from digits the OCR garbled (203612)', () => {
    const doc = extractDocument(back('203612'), 'back.jpg');
    expect(doc.fields.validUntil).toBe('2036-03-12');
    expect(doc.corroborated).toBeUndefined();
    expect(doc.confidence.validUntil).toBeLessThan(0.8);
  });
});

describe('a credit code', () => {
  it('whose checksum holds is corroborated, at its own confidence when surer; one failing is not', () => {
    const form = (code: string) =>
      bankForm(ocrItem('余瑶恺', 0, 0, 0.97), 'paddle', [
        item('统一社会信用代码', 200, 640, 30, 0.99),
        item(code, 500, 640, 30, 0.97),
      ]);
    const doc = extractDocument(form('91330106MA2H4B1X73'), 'bank.jpg');
    expect(doc.corroborated?.creditCode).toBe('checksum');
    expect(doc.confidence.creditCode).toBeCloseTo(0.97);
    const wrong = extractDocument(form('91330106MA2H4B1X7J'), 'bank.jpg');
    expect(wrong.corroborated?.creditCode).toBeUndefined();
    expect(wrong.confidence.creditCode).toBeLessThan(0.8);
  });
});
