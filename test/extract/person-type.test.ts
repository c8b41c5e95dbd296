// What a person's name can never be: its own label's wrapped suffix read with one
// character misread (负责入 for 负责人, （单位负责入）), read alone or as one value with the
// name under it, nor a legal form (有限合伙). From synthetic positioned text; a wide pool
// of real names (name-pool.ts) is never refused.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { nearPersonLabel } from '../../src/core/extract/person-name';
import { typeOf } from '../../src/core/extract/value-types';
import { WIDE_GIVEN, WIDE_SURNAMES } from '../../scripts/fixtures/families/name-pool';
import { item, page } from './support/positioned';

const NAME = '杭州星澜芯科技有限公司';
const BANK = '中国工商银行股份有限公司杭州滨江支行';

/** A 基本存款账户信息 whose representative's label is printed on two lines, as given. */
function bankForm(rows: ReturnType<typeof item>[]) {
  return extractDocument(
    page(
      [
        item('基本存款账户信息', 400, 30, 36),
        item('存款人名称', 60, 100),
        item(NAME, 300, 100),
        ...rows,
        item('开户银行', 60, 260),
        item(BANK, 300, 260),
      ],
      'paddle',
    ),
    'bank.jpg',
  );
}

describe("a label's wrapped suffix misread by one character", () => {
  it('is never the name (old code: 负责入 at 0.7)', () => {
    const doc = bankForm([item('法定代表人（单位', 60, 170), item('负责入', 60, 194)]);
    expect(doc.fields.legalRepresentative ?? null).toBeNull();
  });

  it('is read past to the name under it (old code: 负责入)', () => {
    const doc = bankForm([
      item('法定代表人（单位', 60, 170),
      item('负责入', 60, 194),
      item('隗婕', 60, 220),
    ]);
    expect(doc.fields.legalRepresentative).toBe('隗婕');
  });

  it('is cut off the name read as one value with it (old code: （单位负责入）隗婕 at 0.5)', () => {
    for (const suffix of ['（单位负责入）', '单位负责入']) {
      const doc = bankForm([
        item('法定代表人', 60, 170),
        item(suffix, 60, 194),
        item('隗婕', 60, 220),
      ]);
      expect(doc.fields.legalRepresentative, suffix).toBe('隗婕');
      expect(doc.confidence.legalRepresentative, suffix).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('never refuses a name of the wide pool', () => {
    let refused = 0;
    for (const surname of WIDE_SURNAMES)
      for (const given of WIDE_GIVEN)
        for (const second of ['', ...WIDE_GIVEN.slice(0, 5)])
          if (nearPersonLabel(surname + given + second)) refused++;
    expect(refused).toBe(0);
  });
});

describe('a legal form', () => {
  it('is no person’s name (old code: 有限合伙 and 合伙企业 were)', () => {
    const person = typeOf('legalRepresentative');
    for (const v of ['有限合伙', '普通合伙', '合伙企业', '个体工商'])
      expect(person.valid(v), v).toBe(false);
    for (const v of ['单立', '欧阳晓', '隗婕', '买买提·艾力'])
      expect(person.valid(v), v).toBe(true);
  });
});
