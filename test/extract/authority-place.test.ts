// The ID back's issuing authority is the office of the place the front's address names
// (issue 13): 圳市公安局南山分局 read at 0.93 (the OCR never saw 深) where the address reads
// 广东省深圳市南山区… is missing the place's first character. The dossier stage proposes
// 深圳市公安局南山分局 with its reason and trusts the reading below 0.9; the value itself is
// never changed.
import { describe, expect, it } from 'vitest';
import { PLACE_LOST_CONFIDENCE } from '../../src/core/extract/authority-place';
import { fullerPlace, leadingPlace } from '../../src/core/extract/places';
import { crossDocumentFill } from '../../src/core/extract/cross-document';
import { doc } from '../core/dossier-fixture';

const ADDRESS = '广东省深圳市南山区粤海街道范例路18号3幢1201室';

function dossier(authority: string, address = ADDRESS, confirmed = {}) {
  const front = doc(
    'id-card-front',
    { name: '陈珺嘉', address },
    { confidence: { name: 0.99, address: 0.97 } },
  );
  const back = doc(
    'id-card-back',
    { issuingAuthority: authority, validFrom: '2015-03-02', validUntil: '2035-03-02' },
    { confidence: { issuingAuthority: 0.93, validFrom: 0.99, validUntil: 0.99 } },
  );
  return crossDocumentFill([{ document: front }, { document: back }], confirmed)[1]!;
}

describe('the ID back’s authority against the place the front’s address names', () => {
  it('finds the authority’s leading place and the address’s fuller name of it', () => {
    expect(leadingPlace('圳市公安局南山分局')).toBe('圳市');
    expect(leadingPlace('深圳市公安局南山分局')).toBe('深圳市');
    expect(leadingPlace('桐庐县公安局')).toBe('桐庐县');
    expect(leadingPlace('南山分局')).toBeNull();
    expect(fullerPlace('圳市', ADDRESS)).toBe('深圳市');
    expect(fullerPlace('深圳市', ADDRESS)).toBeNull();
    expect(fullerPlace('南山区', ADDRESS)).toBeNull();
    expect(fullerPlace('山区', ADDRESS)).toBe('南山区');
    expect(fullerPlace('杭州市', ADDRESS)).toBeNull();
    // A city under an autonomous prefecture is named whole after its 州 (old code: the
    // prefecture and the city run together, 恩施土家族苗族自治州恩施市, for a right 恩施市).
    const underPrefecture = '湖北省恩施土家族苗族自治州恩施市舞阳坝街道民族路8号';
    expect(fullerPlace('恩施市', underPrefecture)).toBeNull();
    expect(fullerPlace('施市', underPrefecture)).toBe('恩施市');
    expect(fullerPlace('州市', '浙江省杭州市西湖区文三路1号')).toBe('杭州市');
  });

  it('圳市公安局南山分局 at 0.93: 深圳市公安局南山分局 proposed, trusted below 0.9, unchanged', () => {
    const back = dossier('圳市公安局南山分局');
    // Old code: no proposal, and the wrong value stayed at 0.93.
    expect(back.fields.issuingAuthority).toBe('圳市公安局南山分局');
    expect(back.confidence.issuingAuthority).toBe(PLACE_LOST_CONFIDENCE);
    expect(back.corrections).toEqual([
      expect.objectContaining({
        field: 'issuingAuthority',
        from: '圳市公安局南山分局',
        to: '深圳市公安局南山分局',
        reason: 'incomplete-value',
      }),
    ]);
  });

  it('leaves an authority the address names whole, another place’s, or one a person confirmed', () => {
    for (const authority of ['深圳市公安局南山分局', '杭州市公安局西湖分局']) {
      const back = dossier(authority);
      expect(back.corrections).toEqual([]);
      expect(back.confidence.issuingAuthority).toBe(0.93);
    }
    const confirmed = dossier('圳市公安局南山分局', ADDRESS, {
      'id-card-back': { issuingAuthority: '圳市公安局南山分局' },
    });
    expect(confirmed.corrections).toEqual([]);
    // The place the person confirmed for the address is the one compared.
    const moved = dossier('圳市公安局南山分局', ADDRESS, {
      'id-card-front': { address: '广东省珠海市香洲区范例路1号' },
    });
    expect(moved.corrections).toEqual([]);
  });
});
