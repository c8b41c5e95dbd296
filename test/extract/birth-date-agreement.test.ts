// A card front's birth date its own ID number contradicts, read where the OCR doubted the
// differing digit and saw the number's behind it (issue 13): real PP-OCRv4 output of a
// tuned id-a4-one-side phone photo (dossiers drawn at seed offset 2260), 出生1969年7月10日
// with 6 at 0.79 and 8 behind at 0.17, the number 310115198907101985 read surely. Before,
// the card's 1969 stood, id.checksum failed on a right ID number, id.period warned (53 on
// the issue date) and the sex the number gives stayed uncorroborated at 0.66.
import { describe, expect, it } from 'vitest';
import { DocumentTextSchema, type DocumentText } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { birthDateByIdNumber } from '../../src/core/extract/birth-date-agreement';
import { pageLines } from '../../src/core/extract/lines';

const item = (
  x: number,
  y: number,
  w: number,
  h: number,
  text: string,
  confidence: number,
  alternatives?: { at: number; p: number; options: { text: string; p: number }[] }[],
) => ({ page: 0, x, y, w, h, text, confidence, ...(alternatives ? { alternatives } : {}) });

/** The photo's front as PP-OCR read it, with `birth` for its 出生 line. */
function front(birth: ReturnType<typeof item>, idNumber = '310115198907101985'): DocumentText {
  return DocumentTextSchema.parse({
    source: 'paddle',
    pages: [
      {
        page: 0,
        width: 1586,
        height: 2296,
        items: [
          item(407.3, 438.1, 133.4, 29.3, '姓名卫月玲', 0.433, [
            { at: 0, p: 0.383, options: [{ text: '#', p: 0.27 }] },
          ]),
          item(403.3, 491.3, 206.9, 27.6, '性女回', 0.655, [
            { at: 1, p: 0.655, options: [{ text: '文', p: 0.093 }] },
            { at: 2, p: 0.252, options: [{ text: '国', p: 0.217 }] },
          ]),
          birth,
          item(407.6, 579.1, 16.1, 25.7, '住', 0.666),
          item(469.1, 579.1, 316.8, 25.7, '上海市浦东新区浦沿街道示范', 0.767),
          item(473.1, 617.0, 192.2, 23.1, '路317号3幢1004室', 0.996),
          item(551.4, 746.5, 296.5, 21.0, idNumber, 0.999),
          item(404.3, 749.6, 114.0, 20.5, '公民9份号码', 0.448),
        ],
      },
    ],
  });
}

const birthLine = (p: number, options: { text: string; p: number }[]) =>
  item(408.5, 545.6, 239.8, 20.9, '出生1969年7月10日', 0.843, [{ at: 4, p, options }]);

describe('a birth date its ID number settles among the OCR’s readings', () => {
  it('6 at 0.79 with 8 behind, the number’s date 1989-07-10: read so, below 0.9, 1969 proposed', () => {
    const doc = extractDocument(front(birthLine(0.793, [{ text: '8', p: 0.172 }])), 'id.jpg', {
      kind: 'id-card-front',
    });
    expect(doc.fields.birthDate).toBe('1989-07-10');
    expect(doc.confidence.birthDate).toBeGreaterThanOrEqual(0.8);
    expect(doc.confidence.birthDate).toBeLessThan(0.9);
    expect(doc.corrections.find((c) => c.field === 'birthDate')?.to).toBe('1969-07-10');
    // The number and the sex it gives are no longer contradicted.
    expect(doc.corroborated?.idNumber).toBe('checksum');
    expect(doc.corroborated?.sex).toBe('id-number');
  });

  it('6 read surely (0.95): a real difference, kept as read', () => {
    const doc = extractDocument(front(birthLine(0.95, [{ text: '8', p: 0.04 }])), 'id.jpg', {
      kind: 'id-card-front',
    });
    expect(doc.fields.birthDate).toBe('1969-07-10');
  });

  it('6 doubted but 8 not seen there: kept as read', () => {
    const doc = extractDocument(front(birthLine(0.793, [{ text: '5', p: 0.17 }])), 'id.jpg', {
      kind: 'id-card-front',
    });
    expect(doc.fields.birthDate).toBe('1969-07-10');
  });

  it('a number failing its checksum settles nothing', () => {
    const text = front(birthLine(0.793, [{ text: '8', p: 0.172 }]), '310115198907101986');
    const doc = extractDocument(text, 'id.jpg', { kind: 'id-card-front' });
    expect(doc.fields.birthDate).toBe('1969-07-10');
  });

  it('a date the number contradicts in two places, one of them sure: not settled', () => {
    const text = front(birthLine(0.793, [{ text: '8', p: 0.172 }]));
    const lines = pageLines(text.pages[0]!);
    const box = { page: 0, x: 440, y: 545, w: 210, h: 22 };
    expect(birthDateByIdNumber('1969-07-10', '310115198907101985', box, lines)).toBe('1989-07-10');
    expect(birthDateByIdNumber('1969-07-10', '310115198908101987', box, lines)).toBeNull();
  });
});
