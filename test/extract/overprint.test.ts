// Text printed over the fields is no part of them: a diagonal watermark in a PDF's text
// layer (仅供…使用，他用无效 added as text) and a stamp `此复印件与原件一致` set across a
// value, close to its line's height, whose characters were mixed into the value
// (…凭营一致 / 经批此准复的项印目件外与…, read at confidence 1.00).
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { DocumentText, TextItem } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { pageLines } from '../../src/core/extract/lines';
import { readPdfTextNode } from '../../src/ocr/pdfjs.node.ts';
import { item, page } from './support/positioned';

const SCOPE = [
  '许可项目：第二类增值电信业务。一般项目：化妆品',
  '零售；技术服务、技术开发；供应链管理服务。（除',
  '依法须经批准的项目外，凭营业执照依法自主开展经',
  '营活动）',
];

function license(stamp: TextItem[]): DocumentText {
  return page([
    item('营业执照', 480, 30, 40),
    item('统一社会信用代码', 60, 90),
    item('91330106MA2B2C3D4X', 240, 90),
    item('名称', 60, 140),
    item('杭州星澜芯科技有限公司', 160, 140),
    item('经营范围', 60, 180),
    ...SCOPE.map((text, i) => item(text, 160, 180 + 24 * i)),
    ...stamp,
    item('住所', 60, 300),
    item('浙江省杭州市滨江区示范路88号', 160, 300),
  ]);
}

describe('text printed over the fields', () => {
  it('a stamp across the scope, 1.4 times its height and a third of a line lower, stays out of it', () => {
    // The stamp's characters one item each, as a PDF of a rotated-by-1° line gives them.
    const stamp = [...'此复印件与原件一致'].map((ch, i) => item(ch, 330 + 28 * i, 207, 28));
    const doc = extractDocument(license(stamp), 'copy.pdf');
    expect(doc.fields.businessScope).toBe(SCOPE.join(''));
    expect(doc.fields.address).toBe('浙江省杭州市滨江区示范路88号');
  });

  it('the stamp becomes a line of its own, and the scope line keeps all its characters', () => {
    const stamp = [item('此复', 330, 207, 28), item('印件与原件一致', 386, 207, 28)];
    const lines = pageLines(license(stamp).pages[0]!);
    const texts = lines.map((l) => l.glyphs.map((g) => g.ch).join(''));
    expect(texts).toContain(SCOPE[1]);
    expect(texts).toContain('此复印件与原件一致');
  });

  it('one character of a seal’s ring printed over the scope, a box of its own, stays out of it', () => {
    // A text layer keeps each of a seal's characters as an item: 霁 of 杭州霁月坊, 1.16
    // times the scope's size, a little lower, right over one character of the scope.
    const x = 160 + 20 * 7;
    const doc = extractDocument(license([item('霁', x - 1, 206, 23.2)]), 'seal.pdf');
    expect(doc.fields.businessScope).toBe(SCOPE.join(''));
  });

  it('one character of a seal’s ring of the line’s size but off its baseline, over a layer of one-character items, stays out of it', () => {
    // A text layer that gives every character as an item of its own (so each is alone in
    // its box), and the seal's 月 (of 霁月坊) 2.5% smaller than the scope's characters, a
    // fifth of a line lower, over one of them: read 凭营业月执照 at 1.00 (fresh tuned dossier,
    // seed offset 5200, dossier-tuned-5-0, license-photocopy-seal as a text-layer PDF).
    const items = SCOPE.flatMap((row, r) =>
      [...row].map((ch, i) => item(ch, 160 + 20 * i, 180 + 24 * r)),
    );
    const x = 160 + 20 * 7 + 7.5;
    const doc = extractDocument(
      page([
        item('营业执照', 480, 30, 40),
        item('统一社会信用代码', 60, 90),
        item('91330106MA2B2C3D4X', 240, 90),
        item('名称', 60, 140),
        item('杭州星澜芯科技有限公司', 160, 140),
        item('经营范围', 60, 180),
        ...items,
        item('月', x, 204 + 4.4, 19.5),
        item('住所', 60, 300),
        item('浙江省杭州市滨江区示范路88号', 160, 300),
      ]),
      'seal.pdf',
    );
    expect(doc.fields.businessScope).toBe(SCOPE.join(''));
  });

  it('two one-character boxes of a line on one baseline, one over the other, stay one line', () => {
    // Without a baseline apart, nothing tells which of the two is foreign: kept as read.
    const lines = pageLines(
      page([item('凭', 100, 100), item('营', 112, 100), item('业', 140, 100)]).pages[0]!,
    );
    expect(lines).toHaveLength(1);
  });

  it('one character of a seal’s ring between two rows of the scope, a line of its own, does not end it', () => {
    // A text layer's seal character (信 of the company's seal) in the gap under a scope
    // row, inside the value's span, of the text's size: the scope was read up to that
    // row (seed offset 2140, license-photocopy-seal-2, a text-layer PDF).
    const rows = [
      '一般项目：货物进出口；日用百货销售；软件开发；食品销',
      '售（仅销售预包装食品）；国内贸易代理；家居用品销售；',
      '办公用品销售。（除依法须经批准的项目外，凭营业执照依',
      '法自主开展经营活动）',
    ];
    const doc = extractDocument(
      page([
        item('营业执照', 480, 30, 40),
        item('统一社会信用代码', 60, 90),
        item('91330106MA2B2C3D4X', 240, 90),
        item('名称', 60, 140),
        item('杭州星澜芯科技有限公司', 160, 140),
        item('经营范围', 60, 180),
        ...rows.map((text, i) => item(text, 160, 180 + 34 * i)),
        item('信', 160 + 20 * 10.5, 201.5, 18.5),
      ]),
      'seal.pdf',
    );
    expect(doc.fields.businessScope).toBe(rows.join(''));
  });

  it('one character of a seal’s ring at the start of a value’s next row, overlapping it, is no row of it', () => {
    // A text-layer license photocopy (seed offset 5400, license-photocopy-seal-5): 公 of
    // the company's seal, a box of its own at the address column's left edge, half into
    // the address's second row, was read as that row's start (…340公号5幢1603室 at 1.00).
    const doc = extractDocument(
      page([
        item('营业执照', 380, 60, 30),
        item('统一社会信用代码', 68, 120, 12.7),
        item('91330106MA2B2C3D4X', 200, 120, 12.7),
        item('名称', 68, 156, 12.7),
        item('杭州星澜芯科技有限公司', 146.5, 156, 12.7),
        item('法定代表人:', 68, 200.2, 12.7),
        item('覃钊璟', 146.5, 200.2, 12.7),
        item('经营范围:', 68, 222, 12.7),
        item('一般项目：技术服务、技术开发、技术咨询、技术交', 146.5, 222, 12.7),
        item('住所:', 479.1, 222, 12.7),
        item('浙江省杭州市西湖区浦沿街道范例路340', 557.6, 222, 12.7),
        item('公', 560.4, 233.7, 11.9),
        item('流、技术转让、技术推广；供应链管理服务；软件开', 146.5, 239.2, 12.7),
        item('号5幢1603室', 557.6, 239.2, 12.7),
        item('发。（除依法须经批准的项目外，凭营业执照依法自', 146.5, 255.7, 12.7),
        item('主开展经营活动）', 146.5, 273, 12.7),
      ]),
      'seal.pdf',
    );
    expect(doc.fields.address).toBe('浙江省杭州市西湖区浦沿街道范例路340号5幢1603室');
  });

  it('two boxes of one size that grew into each other once are not split', () => {
    const lines = pageLines(page([item('杭州星', 100, 100), item('澜', 152, 100)]).pages[0]!);
    expect(lines.map((l) => l.glyphs.map((g) => g.ch).join(''))).toEqual(['杭州星澜']);
  });

  it('a line of one text whose punctuation is set in half its width is not split', () => {
    const lines = pageLines(
      page([item('服务。', 100, 100), item('（除依法', 150, 100), item('经营）', 230, 100)])
        .pages[0]!,
    );
    expect(lines).toHaveLength(1);
  });

  it('a diagonal watermark in the text layer is not read; level text is', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const p = pdf.addPage([400, 300]);
    p.drawText('ACCOUNT 6222020200112233', { x: 40, y: 150, size: 12, font });
    p.drawText('COPY FOR ACCOUNT OPENING ONLY', {
      x: 20,
      y: 40,
      size: 12,
      font,
      rotate: degrees(35),
    });
    p.drawText('SIDEWAYS', { x: 380, y: 40, size: 12, font, rotate: degrees(90) });
    const text = await readPdfTextNode(await pdf.save());
    const read = text.pages[0]!.items.map((i) => i.text);
    expect(read).toContain('ACCOUNT 6222020200112233');
    expect(read).toContain('SIDEWAYS');
    expect(read.join(' ')).not.toContain('OPENING');
  });
});
