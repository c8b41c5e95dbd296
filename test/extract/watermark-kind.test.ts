// A document's kind from evidence a purpose watermark does not hide: a checksum-valid ID
// number, a validity term and an authority (split from generalise.test.ts).
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { item, page } from './support/positioned';

describe('kind from evidence a watermark does not hide', () => {
  it('recognises an ID front whose label holds a watermark glyph, by its checksum-valid number', () => {
    const text = page(
      [
        item('姓名 隗婕', 30, 30, 20, 0.9),
        item('公民身使份号码', 30, 260, 20, 0.9), // 使 from the purpose watermark
        item('110105199003070027', 200, 260, 20, 0.9),
        item('仅供办理开户使用，他用无效', 100, 150, 30, 0.8),
      ],
      'paddle',
    );
    expect(extractDocument(text, 'id.jpg').kind).toBe('id-card-front');
  });

  it('recognises an ID back by its validity term and authority, and not a watermark alone', () => {
    const back = page(
      [
        item('某市公安局示例分局', 160, 250, 20, 0.9),
        item('2016.05.20-2036.05.20', 160, 290, 20, 0.9),
        item('仅供办理开户使用，他用无效', 100, 150, 30, 0.8),
        item('居民身份证', 200, 70, 20, 0.9),
      ],
      'paddle',
    );
    expect(extractDocument(back, 'b.jpg').kind).toBe('id-card-back');
    const watermark = page([item('仅供办理开户使用，他用无效', 100, 150, 30, 0.8)], 'paddle');
    expect(extractDocument(watermark, 'w.jpg').kind).toBe('unknown');
  });
});
