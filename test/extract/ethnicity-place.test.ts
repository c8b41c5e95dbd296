// Where a card front prints its 民族: right of the label on the 性别 line, or where the
// labels were lost, a group of its own after the sex. A value is looked for there and not
// on the line below, which is 出生's; a character the OCR read there as none of the 56
// names has the name it also saw there proposed, never applied.
import { describe, expect, it } from 'vitest';
import type { DocumentText, TextItem } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { ocrPage, type OcrRow } from './support/positioned';

const front = (text: DocumentText) => extractDocument(text, 'id.jpg', { kind: 'id-card-front' });

// dossier-tuned-0-1-id-card-text-pdf.pdf (bench quick set): the card's face lacks 回, so
// nothing was read right of 民族; the line below it is 出生's.
const nothingBeside: OcrRow[] = [
  [42, 57, 109, 24, 0.62, '姓名李彧'],
  [100, 112, 12, 17, 1.0, '女'],
  [45, 114, 29, 17, 1.0, '性别'],
  [173, 114, 33, 17, 1.0, '民族'],
  [98, 167, 165, 15, 1.0, '1985年9月3日'],
  [44, 167, 31, 15, 1.0, '出生'],
  [41, 206, 32, 17, 0.98, '住址'],
  [111, 213, 315, 17, 1.0, '江苏省苏州市虎丘区文新街道'],
  [112, 247, 218, 15, 1.0, '演示巷65号3幢1514室'],
  [191, 370, 296, 15, 0.95, '32050519850903444X'],
  [45, 372, 110, 15, 1.0, '公民身份号码'],
];

describe('the value of 民族 is not read from the 出生 line below it', () => {
  it('nothing read beside 民族: no ethnicity (not 年 of 1985年9月3日)', () => {
    // Before: 年 at 0.5, the date running in under the label taken for its value.
    const doc = front(ocrPage(nothingBeside, 675, 426));
    expect(doc.fields.ethnicity).toBeNull();
    expect(doc.fields.birthDate).toBe('1985-09-03');
  });

  it('the value beside 民族 is read as before', () => {
    const doc = front(ocrPage([...nothingBeside, [232, 114, 17, 17, 0.99, '回']], 675, 426));
    expect(doc.fields.ethnicity).toBe('回');
  });

  it('a value printed under its label, in a column of its own, is still read', () => {
    const doc = front(
      ocrPage(
        [
          [40, 50, 60, 20, 1.0, '姓名'],
          [40, 80, 60, 20, 1.0, '张伟'],
          [300, 50, 40, 20, 1.0, '民族'],
          [300, 80, 20, 20, 1.0, '汉'],
        ],
        675,
        426,
      ),
    );
    expect(doc.fields.ethnicity).toBe('汉');
  });
});
