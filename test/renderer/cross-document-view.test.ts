// Review shows a value chosen by another document's reading with that value's proposals
// (the page's own top reading), not the proposals stored for what the OCR read before: a
// row whose proposal is the very value shown would offer nothing to a person.
import { describe, expect, it } from 'vitest';
import type { CharAlternatives, DocumentText, TextItem } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import type { DocumentView } from '../../src/renderer/model/contract';
import { withCrossDocumentValues } from '../../src/renderer/model/workspace-view';
import type { DocumentSource, ExtractedField } from '../../src/vault';
import { item as positioned } from '../extract/support/positioned';

const item = (text: string, y: number, alternatives?: CharAlternatives[]): TextItem => ({
  ...positioned(text, text.length > 5 ? 500 : 200, y, 30, 0.97),
  ...(alternatives ? { alternatives } : {}),
});

/** A bank form photographed: 法定代表人 read 李或, the OCR also saw 彧 behind 或. */
const bankText: DocumentText = {
  source: 'paddle',
  pages: [
    {
      page: 0,
      width: 1700,
      height: 2400,
      items: [
        item('基本存款账户信息', 200),
        item('存款人名称', 400),
        item('杭州珩越贸易有限公司', 400),
        item('法定代表人', 460),
        {
          ...positioned('李或', 500, 460, 30, 0.96),
          alternatives: [{ at: 1, p: 0.96, options: [{ text: '彧', p: 0.034 }] }],
        },
        item('开户银行', 520),
        item('招商银行股份有限公司杭州滨江支行', 520),
        item('账号', 580),
        item('3469922317129364594', 580),
      ],
    },
  ],
};

function view(extracted: DocumentView['extracted'], fields: ExtractedField[]): DocumentView {
  return {
    info: { id: extracted.file } as DocumentView['info'],
    pages: [],
    fields,
    extracted,
    detectedKind: extracted.kind,
    setAside: false,
  };
}

const stored = (
  field: string,
  value: string,
  corrections: ExtractedField['corrections'],
): ExtractedField => ({
  field,
  value,
  confidence: 0.96,
  box: null,
  corrections,
  confirmedValue: null,
  confirmedBy: null,
  confirmedAt: null,
});

describe('a name chosen by another document, in review', () => {
  it('shows 李彧 with 李或 proposed, not the stored proposal 李彧', () => {
    const bank = extractDocument(bankText, 'bank.jpg');
    const id = {
      file: 'id.pdf',
      kind: 'id-card-front' as const,
      fields: { name: '李彧' },
      confidence: { name: 0.99 },
      corrections: [],
      warnings: [],
    };
    // What was stored at import: the OCR's reading and its runner-up as a proposal.
    const bankStored = stored('legalRepresentative', '李或', [
      { field: 'legalRepresentative', from: '李或', to: '李彧', reason: 'ocr-alternative' },
    ]);
    const views = [view(bank, [bankStored]), view(id, [stored('name', '李彧', [])])];
    const sources = [
      { reading: { text: bankText } },
      { reading: null },
    ] as unknown as DocumentSource[];
    const [shown] = withCrossDocumentValues(views, sources, {});
    const row = shown!.fields.find((f) => f.field === 'legalRepresentative')!;
    expect(row.value).toBe('李彧');
    expect(row.confidence).toBeLessThan(0.9);
    expect(row.corrections.map((c) => c.to)).toEqual(['李或']);
  });
});

describe('a name another document reads alike, in review', () => {
  it('keeps the value and shows the corroborated confidence, on the row and to the checks', () => {
    // The photo read 李彧 at 0.7 (彧 at 0.6, 或 behind); the ID card's text layer prints 李彧.
    const text = structuredClone(bankText);
    const name = text.pages[0]!.items[4]!;
    Object.assign(name, {
      text: '李彧',
      confidence: 0.7,
      alternatives: [{ at: 1, p: 0.6, options: [{ text: '或', p: 0.3 }] }],
    });
    const bank = extractDocument(text, 'bank.jpg');
    expect(bank.confidence.legalRepresentative).toBeLessThan(0.8);
    const id = {
      file: 'id.pdf',
      kind: 'id-card-front' as const,
      fields: { name: '李彧' },
      confidence: { name: 1 },
      corrections: [],
      warnings: [],
      source: 'pdf-text' as const,
    };
    const views = [
      view(bank, [{ ...stored('legalRepresentative', '李彧', []), confidence: 0.7 }]),
      view(id, [stored('name', '李彧', [])]),
    ];
    const sources = [{ reading: { text } }, { reading: null }] as unknown as DocumentSource[];
    const [shown] = withCrossDocumentValues(views, sources, {});
    const row = shown!.fields.find((f) => f.field === 'legalRepresentative')!;
    expect(row.value).toBe('李彧');
    expect(row.confidence).toBeGreaterThanOrEqual(0.8);
    expect(row.confidence).toBeLessThan(0.9);
    expect(shown!.extracted.corroborated?.legalRepresentative).toBe('other-document');
  });
});

describe('an ID back’s authority the front’s address names more fully, in review', () => {
  it('shows 圳市公安局南山分局 below 0.9 with 深圳市公安局南山分局 proposed', () => {
    const front = {
      file: 'front.jpg',
      kind: 'id-card-front' as const,
      fields: { name: '陈珺嘉', address: '广东省深圳市南山区粤海街道范例路18号' },
      confidence: { name: 0.99, address: 0.97 },
      corrections: [],
      warnings: [],
    };
    const back = {
      file: 'back.jpg',
      kind: 'id-card-back' as const,
      fields: { issuingAuthority: '圳市公安局南山分局' },
      confidence: { issuingAuthority: 0.93 },
      corrections: [],
      warnings: [],
    };
    const views = [
      view(front, [stored('address', front.fields.address, [])]),
      view(back, [{ ...stored('issuingAuthority', '圳市公安局南山分局', []), confidence: 0.93 }]),
    ];
    const sources = [{ reading: null }, { reading: null }] as unknown as DocumentSource[];
    const [, shown] = withCrossDocumentValues(views, sources, {});
    const row = shown!.fields.find((f) => f.field === 'issuingAuthority')!;
    // Old code: no proposal, 0.93.
    expect(row.value).toBe('圳市公安局南山分局');
    expect(row.confidence).toBeLessThan(0.9);
    expect(row.corrections.map((c) => c.to)).toEqual(['深圳市公安局南山分局']);
  });
});
