// A value whose next row a watermark was read together with: the real PP-OCRv4 rows of an
// ID card photo (tuned family id-card-photo, seed offset 2310, --names=wide) whose address
// 江苏省苏州市虎丘区留下街道演示巷337号4幢403室 wraps onto a second row that a diagonal
// 他用无效 crosses: that row was read into one tall box with the watermark, and the address
// ended at 演示, at 0.97.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { ocrPage, type OcrRow } from './support/positioned';

const front: OcrRow[] = [
  [278, 15, 144, 60, 0.56, '他用无'],
  [68, 87, 343, 33, 0.61, '姓名买买提·阿不都'],
  [0, 139, 68, 57, 0.54, '主审'],
  [71, 168, 102, 27, 0.91, '性别男'],
  [347, 170, 117, 24, 0.98, '乌孜别克'],
  [260, 171, 49, 20, 1.0, '民族'],
  [155, 245, 281, 20, 0.99, '1993年5月27日'],
  [102, 251, 8, 11, 0.11, '3'],
  [68, 306, 48, 29, 0.99, '住址'],
  [165, 306, 482, 29, 0.99, '江苏省苏州市虎丘区留下街道演示'],
  [24, 343, 417, 83, 0.35, '入驻审表337号4403室'],
  [882, 485, 94, 67, 0.99, '仅供'],
  [311, 487, 76, 53, 0.98, '使用'],
  [292, 536, 484, 34, 1.0, '320505199305273056'],
  [64, 545, 174, 26, 0.65, '公民身份号码'],
];

const read = (rows: readonly OcrRow[]) =>
  extractDocument(ocrPage(rows, 982, 620), 'id.jpg', { kind: 'id-card-front' });

describe('a value whose next row was read into a watermark', () => {
  it('is held below 0.9: where it ends is not known', () => {
    const doc = read(front);
    expect(doc.fields.address).toBe('江苏省苏州市虎丘区留下街道演示');
    expect(doc.confidence.address).toBeLessThan(0.9);
  });

  it('keeps its confidence where nothing stands under it, or the watermark lies apart', () => {
    const without = front.filter((r) => r[5] !== '入驻审表337号4403室');
    expect(read(without).confidence.address).toBeGreaterThanOrEqual(0.9);
    // The same tall box further down, past where a next row would stand.
    const apart = front.map((r): OcrRow =>
      r[5] === '入驻审表337号4403室' ? [24, 420, 417, 83, 0.35, r[5]] : r,
    );
    expect(read(apart).confidence.address).toBeGreaterThanOrEqual(0.9);
  });
});
