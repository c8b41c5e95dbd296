// A value read unsurely on one document of a dossier that another document reads on its
// own, character for character, is legible (files.legible; issue 13: an ID photo's 逄昕琰 at
// 0.68 the license reads for sure): corroborated at 0.85, never 0.9, its characters never
// changed. Values that differ by one character, that were themselves found by searching for
// the other's value, or that both readings doubted at the same place, are not.
import { describe, expect, it } from 'vitest';
import { legibilityConfidence } from '../../src/core/checks/images';
import type { CharAlternatives, DocumentText, ExtractedDocument } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { crossDocumentFill } from '../../src/core/extract/cross-document';
import { CORROBORATED_CONFIDENCE } from '../../src/core/extract/corroboration';
import { bankForm, ocrItem } from './support/bank-form';

/** A page whose 法定代表人 line reads `name` at `confidence`, with the OCR's runner-ups. */
const formText = (name: string, confidence: number, alternatives?: CharAlternatives[]) =>
  bankForm(ocrItem(name, 0, 0, confidence, alternatives));

/** The document read from `text` as a document of `kind` (the form's layout stands for both). */
function readAs(text: DocumentText, kind: 'bank-permit' | 'business-license'): ExtractedDocument {
  const doc = extractDocument(text, `${kind}.jpg`, { kind: 'bank-permit' });
  return { ...doc, kind, source: text.source };
}

/** The bank form and the license read from their texts, after the cross-document step. */
function dossier(bank: DocumentText, license: DocumentText): ExtractedDocument[] {
  return crossDocumentFill([
    { document: readAs(bank, 'bank-permit'), text: bank },
    { document: readAs(license, 'business-license'), text: license },
  ]);
}

/** 昕 read at 0.62 with 听 and 欣 behind it: the form's name is below the floor. */
const doubtAt1: CharAlternatives[] = [
  {
    at: 1,
    p: 0.62,
    options: [
      { text: '听', p: 0.2 },
      { text: '欣', p: 0.1 },
    ],
  },
];

describe('a value another document of the dossier reads alike, on its own', () => {
  it('王昕琰 read at 0.62 on the bank form, for sure on the license: legible at 0.85, unchanged', () => {
    const before = readAs(formText('王昕琰', 0.62, doubtAt1), 'bank-permit');
    expect(before.confidence.legalRepresentative).toBeLessThan(0.8);
    const [bank, license] = dossier(formText('王昕琰', 0.62, doubtAt1), formText('王昕琰', 0.98));
    expect(bank!.fields.legalRepresentative).toBe('王昕琰');
    expect(bank!.corroborated?.legalRepresentative).toBe('other-document');
    expect(bank!.confidence.legalRepresentative).toBe(CORROBORATED_CONFIDENCE);
    expect(legibilityConfidence(bank!, 'legalRepresentative')).toBeGreaterThanOrEqual(0.8);
    // Read below 0.65, the form's name was also searched for with the license's and found
    // again, unchanged: its own reading, by its label, is what was compared.
    expect(before.fields.legalRepresentative).toBe('王昕琰');
    // The sure reading is corroborated in turn, but never lowered.
    expect(license!.confidence.legalRepresentative).toBeGreaterThanOrEqual(0.9);
  });

  it('the company name both read alike is corroborated too (the same mechanism, any field)', () => {
    const bank = formText('王昕琰', 0.98);
    bank.pages[0]!.items[2] = ocrItem('杭州珩越贸易有限公司', 500, 400, 0.7);
    const license = formText('王昕琰', 0.98);
    const [read] = crossDocumentFill([
      { document: readAs(bank, 'bank-permit'), text: bank },
      {
        document: {
          ...readAs(license, 'business-license'),
          fields: { companyName: '杭州珩越贸易有限公司' },
          confidence: { companyName: 0.99 },
          source: 'pdf-text',
        },
      },
    ]);
    expect(read!.fields.accountName).toBe('杭州珩越贸易有限公司');
    expect(read!.corroborated?.accountName).toBe('other-document');
    expect(read!.confidence.accountName).toBe(CORROBORATED_CONFIDENCE);
  });
});

describe('what is not evidence', () => {
  it('the license reads one character different (王忻琰): nothing corroborated, both values kept', () => {
    const [bank, license] = dossier(formText('王昕琰', 0.62, doubtAt1), formText('王忻琰', 0.98));
    expect(bank!.fields.legalRepresentative).toBe('王昕琰');
    expect(license!.fields.legalRepresentative).toBe('王忻琰');
    expect(bank!.corroborated?.legalRepresentative).toBeUndefined();
    expect(legibilityConfidence(bank!, 'legalRepresentative')).toBeLessThan(0.8);
  });

  it('both readings doubted the same character: not corroborated', () => {
    const [bank] = dossier(formText('王昕琰', 0.62, doubtAt1), formText('王昕琰', 0.7, doubtAt1));
    expect(bank!.corroborated?.legalRepresentative).toBeUndefined();
    expect(bank!.confidence.legalRepresentative).toBeLessThan(0.8);
  });

  it('a value found by searching for the other document’s value corroborates nothing', () => {
    // The form's label is lost: its name is located by the license's value, so the two are
    // the same by construction, not two readings.
    const lost = formText('王昕琰', 0.62, doubtAt1);
    lost.pages[0]!.items = lost.pages[0]!.items.filter((i) => i.text !== '法定代表人');
    const [bank] = dossier(lost, formText('王昕琰', 0.98));
    if (bank!.fields.legalRepresentative === '王昕琰')
      expect(bank!.found?.legalRepresentative).toBe('cross-document');
    expect(bank!.corroborated?.legalRepresentative).toBeUndefined();
    expect(bank!.confidence.legalRepresentative ?? 0).toBeLessThan(0.8);
  });

  it('逢 for a surname, read by OCR on both (PP-OCR reads 逄 as 逢 everywhere): not corroborated', () => {
    const doubt: CharAlternatives[] = [{ at: 1, p: 0.62, options: [{ text: '听', p: 0.3 }] }];
    const [bank] = dossier(formText('逢昕琰', 0.62, doubt), formText('逢昕琰', 0.98));
    expect(bank!.corroborated?.legalRepresentative).toBeUndefined();
  });

  it('a surname doubted with another surname behind it: not corroborated by another OCR reading', () => {
    const doubt: CharAlternatives[] = [{ at: 0, p: 0.62, options: [{ text: '汪', p: 0.3 }] }];
    const [bank] = dossier(formText('王昕琰', 0.62, doubt), formText('王昕琰', 0.98));
    expect(bank!.corroborated?.legalRepresentative).toBeUndefined();
  });

  it('a text layer reads no look-alike: its 逢昕琰 corroborates the photo’s', () => {
    const doubt: CharAlternatives[] = [{ at: 1, p: 0.62, options: [{ text: '听', p: 0.3 }] }];
    const [bank] = dossier(formText('逢昕琰', 0.62, doubt), {
      ...formText('逢昕琰', 1),
      source: 'pdf-text',
    });
    expect(bank!.corroborated?.legalRepresentative).toBe('other-document');
  });
});

describe('a name the recogniser read as a look-alike it is measured to read for it', () => {
  /** The license printed as a text layer: what it prints, exactly. */
  const textLayer = (name: string): DocumentText => ({ ...formText(name, 1), source: 'pdf-text' });

  it('隐 (no surname) read where the license prints 隗, 隗 a candidate: the form’s 隗昕琰 is legible, unchanged', () => {
    // 隗 among the glyph's candidates at 0.04 (odds 0.065): the page backs the look-alike.
    const doubt: CharAlternatives[] = [
      {
        at: 0,
        p: 0.62,
        options: [{ text: '院', p: 0.11 }],
        candidates: [
          { text: '院', p: 0.11 },
          { text: '隗', p: 0.04 },
        ],
      },
    ];
    const before = readAs(formText('隐昕琰', 0.62, doubt), 'bank-permit');
    expect(before.fields.legalRepresentative).toBe('隗昕琰');
    const [bank] = dossier(formText('隐昕琰', 0.62, doubt), textLayer('隗昕琰'));
    expect(bank!.fields.legalRepresentative).toBe('隗昕琰');
    expect(bank!.corroborated?.legalRepresentative).toBe('other-document');
    expect(bank!.confidence.legalRepresentative).toBe(CORROBORATED_CONFIDENCE);
    expect(legibilityConfidence(bank!, 'legalRepresentative')).toBeGreaterThanOrEqual(0.8);
  });

  it('赞 read unsurely where the license prints 赟, 赟 a candidate: the settled 张赟 is legible', () => {
    const doubt: CharAlternatives[] = [
      {
        at: 1,
        p: 0.52,
        options: [{ text: '费', p: 0.12 }],
        candidates: [
          { text: '费', p: 0.12 },
          { text: '赟', p: 0.03 },
        ],
      },
    ];
    const [bank] = dossier(formText('张赞', 0.52, doubt), textLayer('张赟'));
    expect(bank!.fields.legalRepresentative).toBe('张赟');
    expect(bank!.corroborated?.legalRepresentative).toBe('other-document');
    expect(legibilityConfidence(bank!, 'legalRepresentative')).toBeGreaterThanOrEqual(0.8);
  });

  it('赞 read for sure: it may be what the form prints, nothing corroborated', () => {
    const [bank] = dossier(formText('张赞', 0.99), textLayer('张赟'));
    expect(bank!.fields.legalRepresentative).toBe('张赞');
    expect(bank!.corroborated?.legalRepresentative).toBeUndefined();
  });

  it('a surname read as a surname (逢 for 逄): not a look-alike place, not legible', () => {
    const doubt: CharAlternatives[] = [{ at: 1, p: 0.62, options: [{ text: '听', p: 0.2 }] }];
    const [bank] = dossier(formText('逢昕琰', 0.62, doubt), textLayer('逄昕琰'));
    expect(bank!.corroborated?.legalRepresentative).toBeUndefined();
    expect(bank!.confidence.legalRepresentative).toBeLessThan(CORROBORATED_CONFIDENCE);
  });
});

// The name agreement settles a place this page's OCR doubted with the other document's
// character, seen there: behind the page's own (终 at 0.35 with 佟 behind, the license's
// text layer printing 佟, dossiers drawn at seed offset 2260) or as a measured look-alike
// of a runner-up (是 at 0.37 with 曼 behind, 旻 printed). The page saw both; the other
// reading, sure of that place, decides, as it does for a doubted character read as itself.
describe('a name settled among what this page’s OCR saw there', () => {
  const textLayer = (name: string): DocumentText => ({ ...formText(name, 1), source: 'pdf-text' });

  it('听 seen behind 昕, the license sure of 王听琰: the form’s settled 王听琰 is legible at 0.85; the license, its source, is not corroborated by it', () => {
    const [bank, license] = dossier(formText('王昕琰', 0.62, doubtAt1), formText('王听琰', 0.98));
    expect(bank!.fields.legalRepresentative).toBe('王听琰');
    expect(bank!.found?.legalRepresentative).toBe('cross-document');
    expect(bank!.corroborated?.legalRepresentative).toBe('other-document');
    expect(bank!.confidence.legalRepresentative).toBe(CORROBORATED_CONFIDENCE);
    expect(legibilityConfidence(bank!, 'legalRepresentative')).toBeGreaterThanOrEqual(0.8);
    expect(license!.corroborated?.legalRepresentative).toBeUndefined();
  });

  it('翠 at 0.32 with 覃 behind where the license’s OCR reads 覃昕嘉 for sure: the settled 覃昕嘉 is legible (its own surname behind is no other)', () => {
    // A whole-dossier scan (fresh tuned, seed offset 5200, dossier-pdf-2): the ID front read
    // 翠昕嘉 (翠 0.32, 覃 behind at 0.157); the license's OCR read 覃昕嘉 at 0.99.
    const doubt: CharAlternatives[] = [{ at: 0, p: 0.32, options: [{ text: '覃', p: 0.157 }] }];
    const item = ocrItem('翠昕嘉', 0, 0, 0.32, doubt);
    const low = { ...item, charConfidences: [0.32, 0.89, 0.95] };
    const [bank] = dossier(bankForm(low), formText('覃昕嘉', 0.99));
    expect(bank!.fields.legalRepresentative).toBe('覃昕嘉');
    expect(bank!.corroborated?.legalRepresentative).toBe('other-document');
    expect(bank!.confidence.legalRepresentative).toBe(CORROBORATED_CONFIDENCE);
    expect(legibilityConfidence(bank!, 'legalRepresentative')).toBeGreaterThanOrEqual(0.8);
  });

  it('翠 with 覃 and another surname, 谭, behind: settled or not, not corroborated by another OCR reading', () => {
    const doubt: CharAlternatives[] = [
      {
        at: 0,
        p: 0.32,
        options: [
          { text: '覃', p: 0.157 },
          { text: '谭', p: 0.1 },
        ],
      },
    ];
    const item = ocrItem('翠昕嘉', 0, 0, 0.32, doubt);
    const low = { ...item, charConfidences: [0.32, 0.89, 0.95] };
    const [bank] = dossier(bankForm(low), formText('覃昕嘉', 0.99));
    expect(bank!.corroborated?.legalRepresentative).toBeUndefined();
  });

  it('终 at 0.35 with 佟 behind where the license prints 佟雯琦: 佟雯琦, legible', () => {
    const doubt: CharAlternatives[] = [{ at: 0, p: 0.35, options: [{ text: '佟', p: 0.21 }] }];
    const item = ocrItem('终雯琦', 0, 0, 0.35, doubt);
    const low = { ...item, charConfidences: [0.35, 0.98, 0.99] };
    const [bank] = dossier(bankForm(low), textLayer('佟雯琦'));
    expect(bank!.fields.legalRepresentative).toBe('佟雯琦');
    expect(bank!.corroborated?.legalRepresentative).toBe('other-document');
    expect(legibilityConfidence(bank!, 'legalRepresentative')).toBeGreaterThanOrEqual(0.8);
  });

  it('是 at 0.37 with 曼 behind (曼 is read for 旻), 旻 a candidate, where the license prints 邱然旻: legible', () => {
    const doubt: CharAlternatives[] = [
      {
        at: 2,
        p: 0.37,
        options: [{ text: '曼', p: 0.07 }],
        candidates: [
          { text: '曼', p: 0.07 },
          { text: '旻', p: 0.02 },
        ],
      },
    ];
    const [bank] = dossier(formText('邱然是', 0.37, doubt), textLayer('邱然旻'));
    expect(bank!.fields.legalRepresentative).toBe('邱然旻');
    expect(bank!.corroborated?.legalRepresentative).toBe('other-document');
  });

  it('啤 at 0.52 with 隗 only among its candidates (odds 0.07) where the license prints 隗贺钊: legible (old code: 0.52, not corroborated)', () => {
    // An ID photo's rare surname, seed offset 4660 dossier-tuned-1: the name agreement
    // settles 隗 (the page backs it: page-support.ts), so the legibility must see it too.
    const doubt: CharAlternatives[] = [
      {
        at: 0,
        p: 0.52,
        options: [{ text: '牌', p: 0.2 }],
        candidates: [
          { text: '牌', p: 0.2 },
          { text: '隗', p: 0.038 },
        ],
      },
    ];
    const [bank] = dossier(formText('啤贺钊', 0.52, doubt), textLayer('隗贺钊'));
    expect(bank!.fields.legalRepresentative).toBe('隗贺钊');
    expect(bank!.corroborated?.legalRepresentative).toBe('other-document');
    expect(legibilityConfidence(bank!, 'legalRepresentative')).toBeGreaterThanOrEqual(0.8);
  });

  it('隗 among the candidates below the odds the page must give (0.01 of 0.52): not legible', () => {
    const doubt: CharAlternatives[] = [
      {
        at: 0,
        p: 0.52,
        options: [{ text: '牌', p: 0.2 }],
        candidates: [
          { text: '牌', p: 0.2 },
          { text: '隗', p: 0.01 },
        ],
      },
    ];
    const [bank] = dossier(formText('啤贺钊', 0.52, doubt), textLayer('隗贺钊'));
    expect(bank!.corroborated?.legalRepresentative).toBeUndefined();
  });

  it('the other reading doubted that place too: settled or not, nothing corroborated', () => {
    const theirs: CharAlternatives[] = [{ at: 1, p: 0.7, options: [{ text: '昕', p: 0.2 }] }];
    const [bank] = dossier(formText('王昕琰', 0.62, doubtAt1), formText('王听琰', 0.7, theirs));
    expect(bank!.corroborated?.legalRepresentative).toBeUndefined();
  });
});
