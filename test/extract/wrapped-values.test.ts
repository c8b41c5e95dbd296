// A value wrapped over lines read whole from real PP-OCRv4 output of tuned family samples
// (fixtures:families --images --seed-offset=1800): a branch license's address whose
// second line's box starts 0.75 of a character left of the first's (an image-only PDF;
// it was read up to 7幢 at 0.95), and a copy's business scope printed with wide line
// spacing whose third line stands 1.5 line heights below the second (a scan; it was read
// up to 技 of its second line); an individual business's photo whose scope line lost its
// 。 between ） and （, the two OCR boxes 3.3 box heights apart (seed offset 1840, wide
// names: the line's rest after the gap was dropped).
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { item, page } from './support/positioned';
import { paddleText } from './support/ocr-fixture';

describe('a value wrapped over lines, on real OCR output', () => {
  it('takes a wrapped line whose box starts most of a character left of the value', () => {
    const doc = extractDocument(
      paddleText('license-branch-wrapped-address.paddle.json'),
      'branch.pdf',
    );
    expect(doc.fields.address).toBe('浙江省杭州市滨江区浦沿街道范例路125号7幢1314室');
  });

  it('keeps the line spacing of a scope printed with wide spacing', () => {
    const doc = extractDocument(paddleText('license-copy-spaced-scope.paddle.json'), 'copy.jpg');
    expect(doc.fields.businessScope).toBe(
      '一般项目：食品销售（仅销售预包装食品）；国内贸易代理；会议及展览服务；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
    );
  });
});

describe('a gap inside a row, measured in its characters', () => {
  it('reads on past a lost 。 whose gap is wider than the boxes are high, narrower than 3 characters', () => {
    const doc = extractDocument(paddleText('license-photo-scope-gap.paddle.json'), 'photo.jpg');
    expect(doc.fields.businessScope).toBe(
      '许可项目：第二类增值电信业务。一般项目：供应链管理服务；服装服饰零售；软件开发；会议及展览服务；食品销售（仅销售预包装食品）。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
    );
  });

  it('still stops at a gap of more than three characters (another column)', () => {
    const doc = extractDocument(
      page(
        [
          item('营业执照', 400, 20, 40),
          item('名称', 60, 100),
          item('杭州星澜芯科技有限公司', 160, 100),
          item('经营范围', 60, 300),
          // Characters 30 wide in boxes 20 high; 100 px is 3.3 characters.
          { ...item('一般项目：软件开发。', 160, 300), w: 300 },
          { ...item('示例文字', 560, 300), w: 120 },
        ],
        'paddle',
      ),
      'license.jpg',
      { kind: 'business-license' },
    );
    expect(doc.fields.businessScope).toBe('一般项目：软件开发。');
  });
});

describe("a value's line spacing", () => {
  const license = (gaps: readonly number[]) => {
    let y = 300;
    const rows = ['一般项目：软件开发；', '日用百货销售；', '货物进出口。'].map((text, i) => {
      if (i > 0) y += 20 + gaps[i - 1]!;
      return item(text, 160, y);
    });
    return extractDocument(
      page(
        [
          item('营业执照', 400, 20, 40),
          item('名称', 60, 100),
          item('杭州星澜芯科技有限公司', 160, 100),
          item('经营范围', 60, 300),
          ...rows,
          item('登记机关', 800, 300 + 20 * 3 + gaps[0]! + gaps[1]! + 2.2 * 20),
        ],
        'paddle',
      ),
      'license.jpg',
      { kind: 'business-license' },
    );
  };

  it('reads on after a gap a little wider than the first wrap', () => {
    expect(license([28, 32]).fields.businessScope).toBe(
      '一般项目：软件开发；日用百货销售；货物进出口。',
    );
  });

  it('stops at a gap much wider than the first wrap, or wider than two line heights', () => {
    expect(license([20, 36]).fields.businessScope).toBe('一般项目：软件开发；日用百货销售；');
    expect(license([38, 42]).fields.businessScope).toBe('一般项目：软件开发；');
  });
});
