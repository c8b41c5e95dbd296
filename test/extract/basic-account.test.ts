// Whether a bank form names a basic account (scoring.ts namesBasicAccount), whose numbers
// start with J: a J the OCR read as 1 is put back only there.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { item, page } from './support/positioned';

const permit = (sentence: [string, string]) =>
  extractDocument(
    page(
      [
        item('开户许可证', 400, 30, 36),
        item('核准号', 60, 100),
        item('13101344070978', 160, 100),
        item(`经审核，墨竹岚（上海）文化传媒有限公司符合开户条件，${sentence[0]}`, 60, 150),
        item(sentence[1], 60, 178),
        item('开户银行', 60, 230),
        item('招商银行股份有限公司上海浦东分行', 200, 230),
      ],
      'paddle',
    ),
    'permit.jpg',
  );

describe('a permit naming a basic account', () => {
  it('says so in a sentence wrapped inside the words', () => {
    // 准予开立基本存款账 / 户: old code read the 核准号 as printed, 1 for its J.
    expect(permit(['准予开立基本存款账', '户。']).fields.approvalNumber).toBe('J3101344070978');
    expect(permit(['准予开立基本存款账户。', '']).fields.approvalNumber).toBe('J3101344070978');
  });

  it('puts no J where the account is another kind', () => {
    expect(permit(['准予开立临时存款账', '户。']).fields.approvalNumber).toBe('13101344070978');
  });
});
