// splitPage on a page's text geometry alone (no OCR): both ID sides stacked on one page,
// the back's title read through a watermark and so not classified with its fields.
import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../src/core/documents';
import type { PageText, TextItem } from '../../src/core/extraction';
import { splitPage } from '../../src/core/segment';

const line = (text: string, x: number, y: number, w: number, h = 20): TextItem => ({
  page: 0,
  x,
  y,
  w,
  h,
  text,
  confidence: 0.9,
});

// A stand-in for the classifier: a cluster is a side by its labels, anything else unknown.
const classify = (items: readonly TextItem[]): DocumentKind | 'unknown' => {
  const text = items.map((i) => i.text).join('');
  if (text.includes('姓名')) return 'id-card-front';
  if (text.includes('签发机关')) return 'id-card-back';
  return 'unknown';
};

const front = [
  line('姓名张三', 640, 310, 110),
  line('性别男民族汉', 640, 365, 210),
  line('出生1987年3月19日', 640, 417, 260),
  line('住址江苏省苏州市', 640, 460, 370),
  line('公民身份号码320505198703193292', 640, 622, 460),
];
// The back's title, 150 px (7.5 lines) above its fields: a cluster of its own, unknown.
const title = [line('中华人民共和国', 780, 1000, 270), line('居民身份证', 780, 1060, 270, 32)];
const back = [
  line('签发机关苏州市公安局', 695, 1245, 360),
  line('有效期限2024.04.13', 695, 1292, 270),
];
// A watermark line crossing the back, as tall as four lines, and a page number far below.
const watermark = line('仅供办理使用', 300, 1100, 900, 90);
const footer = line('第1页', 780, 2200, 60);

const page = (items: TextItem[]): PageText => ({ page: 0, width: 1654, height: 2339, items });

describe('splitPage', () => {
  it('outlines a side with its own unclassified title, not with a watermark or a far line', () => {
    const regions = splitPage(page([...front, ...title, ...back, watermark, footer]), classify);
    expect(regions?.map((r) => r.kind)).toEqual(['id-card-front', 'id-card-back']);
    const [, side] = regions!;
    // The title is inside the back's region; the front's region ends before it.
    expect(side!.region.y).toBeLessThanOrEqual(1000);
    expect(regions![0]!.region.y + regions![0]!.region.h).toBeLessThanOrEqual(side!.region.y);
    // Every line belongs to one side (the watermark and footer to the nearest), but the
    // outline follows the card: the footer 900 px below is not in it.
    expect(side!.items).toEqual(expect.arrayContaining([...title, ...back, footer]));
    expect(side!.region.y + side!.region.h).toBeLessThan(1600);
  });

  it('keeps a page whose clusters name one kind whole', () => {
    expect(splitPage(page([...front, ...title]), classify)).toBeNull();
  });
});
