// Asking the page whether it prints the other document's character (issue 13 item 2):
// where the bank form's OCR read a character of the company's name (or the legal
// representative's) unsurely, and the license reads another one there, the bank form's
// own recognition decides: the other character must have at least PAGE_SUPPORT_ODDS of the
// probability of the one read, among the candidates PP-OCR keeps for a doubted character
// (CharAlternatives.candidates). The tests marked "old code" fail on it: it looked only at
// the two runners-up of the character's own time steps.
import { describe, expect, it } from 'vitest';
import type { CharAlternatives, ExtractedDocument } from '../../src/core/extraction';
import { extractDocument } from '../../src/core/extract/index';
import { crossDocumentFill } from '../../src/core/extract/cross-document';
import { pageBacksAt, pageOdds, probabilityOnPage } from '../../src/core/extract/page-support';
import { bankForm, ocrItem } from './support/bank-form';

/** The bank form whose 存款人名称 reads `name`, its 法定代表人 `person`, with the OCR's doubts. */
function form(
  name: string,
  nameDoubt: CharAlternatives[] | undefined,
  person = '王昕琰',
  personDoubt?: CharAlternatives[],
) {
  const text = bankForm(ocrItem(person, 0, 0, personDoubt?.[0]?.p ?? 0.99, personDoubt));
  text.pages[0]!.items[2] = ocrItem(name, 500, 400, nameDoubt?.[0]?.p ?? 0.99, nameDoubt);
  return text;
}

/** A license whose text layer prints `name` and `person`. */
const license = (name: string, person = '王昕琰'): ExtractedDocument => ({
  file: 'license.pdf',
  kind: 'business-license',
  fields: { companyName: name, legalRepresentative: person },
  confidence: { companyName: 0.99, legalRepresentative: 0.99 },
  corrections: [],
  warnings: [],
  source: 'pdf-text',
});

function bankAfter(text: ReturnType<typeof form>, name: string, person?: string) {
  const [bank] = crossDocumentFill([
    { document: extractDocument(text, 'bank.jpg'), text },
    { document: license(name, person) },
  ]);
  return bank!;
}

/** At position i, the character read at p, runners-up `options` and candidates `seen`. */
const doubt = (
  i: number,
  p: number,
  options: [string, number][],
  seen: [string, number][],
): CharAlternatives[] => [
  {
    at: i,
    p,
    options: options.map(([text, q]) => ({ text, p: q })),
    candidates: seen.map(([text, q]) => ({ text, p: q })),
  },
];

describe('the page asked for the other document’s character', () => {
  it('probabilityOnPage: a runner-up, a candidate, 0 below the candidates, null where none kept', () => {
    const [seen] = doubt(
      0,
      0.36,
      [['浠', 0.07]],
      [
        ['浠', 0.07],
        ['深', 0.02],
      ],
    );
    expect(probabilityOnPage(seen, '斋', '斋')).toBe(0.36);
    expect(probabilityOnPage(seen, '斋', '浠')).toBe(0.07);
    expect(probabilityOnPage(seen, '斋', '深')).toBe(0.02);
    expect(probabilityOnPage(seen, '斋', '琛')).toBe(0);
    expect(
      probabilityOnPage({ at: 0, p: 0.36, options: [{ text: '浠', p: 0.07 }] }, '斋', '深'),
    ).toBeNull();
    expect(pageOdds([seen!], '斋', '深', [0])).toBeCloseTo(0.02 / 0.36, 6);
  });

  it('雾 at 0.35, 霁 only among the candidates at 0.12 (odds 0.34), the license prints 霁: 霁, below 0.9, 雾 proposed (old code: 雾 kept)', () => {
    const bank = bankAfter(
      form(
        '苏州雾月坊贸易有限公司',
        doubt(
          2,
          0.35,
          [
            ['弄', 0.19],
            ['雳', 0.15],
          ],
          [
            ['弄', 0.19],
            ['雳', 0.15],
            ['霁', 0.12],
          ],
        ),
      ),
      '苏州霁月坊贸易有限公司',
    );
    expect(bank.fields.accountName).toBe('苏州霁月坊贸易有限公司');
    expect(bank.confidence.accountName).toBeLessThan(0.9);
    expect(bank.found?.accountName).toBe('cross-document');
    const proposal = bank.corrections.find((c) => c.to === '苏州雾月坊贸易有限公司');
    expect(proposal?.note).toContain('nearly as likely');
  });

  it('a real difference: 琛 read at 0.7 with 深 a candidate at 0.05 (odds 0.07): 琛 kept', () => {
    const bank = bankAfter(
      form(
        '琛圳森禾信息技术有限公司',
        doubt(
          0,
          0.7,
          [['探', 0.1]],
          [
            ['探', 0.1],
            ['深', 0.05],
          ],
        ),
      ),
      '深圳森禾信息技术有限公司',
    );
    expect(bank.fields.accountName).toBe('琛圳森禾信息技术有限公司');
  });

  it('a company name’s runner-up below WITH_RULE_ODDS: 琛 read 0.84 with 深 behind it at 0.012, the license 深圳…: 琛 kept (old code: 深圳…, a real difference hidden)', () => {
    const bank = bankAfter(
      form('琛圳森禾信息技术有限公司', doubt(0, 0.84, [['深', 0.012]], [['深', 0.012]])),
      '深圳森禾信息技术有限公司',
    );
    expect(bank.fields.accountName).toBe('琛圳森禾信息技术有限公司');
    // 琛 read 0.4 with 深 behind at 0.1 (odds 0.25): settled, below 0.9.
    const doubted = bankAfter(
      form('琛圳森禾信息技术有限公司', doubt(0, 0.4, [['深', 0.1]], [['深', 0.1]])),
      '深圳森禾信息技术有限公司',
    );
    expect(doubted.fields.accountName).toBe('深圳森禾信息技术有限公司');
    expect(doubted.confidence.accountName).toBeLessThan(0.9);
  });

  it('the other character not among the candidates (below 0.001): kept', () => {
    const bank = bankAfter(
      form(
        '苏州雾月坊贸易有限公司',
        doubt(
          2,
          0.35,
          [['弄', 0.19]],
          [
            ['弄', 0.19],
            ['雳', 0.15],
          ],
        ),
      ),
      '苏州霁月坊贸易有限公司',
    );
    expect(bank.fields.accountName).toBe('苏州雾月坊贸易有限公司');
  });

  it('a character read for sure (0.95): kept, whatever the candidates', () => {
    const bank = bankAfter(
      form('苏州雾月坊贸易有限公司', doubt(2, 0.95, [['霁', 0.02]], [['霁', 0.02]])),
      '苏州霁月坊贸易有限公司',
    );
    expect(bank.fields.accountName).toBe('苏州雾月坊贸易有限公司');
  });

  it('a bracket’s width is never the page’s to settle', () => {
    const bank = bankAfter(
      form('霁月坊（杭州）贸易有限公司', doubt(3, 0.6, [['(', 0.3]], [['(', 0.3]])),
      '霁月坊(杭州）贸易有限公司',
    );
    expect(bank.fields.accountName).toBe('霁月坊（杭州）贸易有限公司');
  });

  it('a person’s name: 婷 at 0.63 with 娜 a candidate at 0.3, the license 迪丽娜尔·阿不都: 娜, below 0.9 (old code: 婷 kept); 娜 at 0.004: 婷 kept', () => {
    const name = '杭州珩越贸易有限公司';
    const supported = bankAfter(
      form(
        name,
        undefined,
        '迪丽婷尔·阿不都',
        doubt(
          2,
          0.63,
          [['#', 0.05]],
          [
            ['#', 0.05],
            ['娜', 0.3],
          ],
        ),
      ),
      name,
      '迪丽娜尔·阿不都',
    );
    expect(supported.fields.legalRepresentative).toBe('迪丽娜尔·阿不都');
    expect(supported.confidence.legalRepresentative).toBeLessThan(0.9);
    const unsupported = bankAfter(
      form(
        name,
        undefined,
        '迪丽婷尔·阿不都',
        doubt(
          2,
          0.63,
          [['#', 0.05]],
          [
            ['#', 0.05],
            ['娜', 0.0044],
          ],
        ),
      ),
      name,
      '迪丽娜尔·阿不都',
    );
    expect(unsupported.fields.legalRepresentative).toBe('迪丽婷尔·阿不都');
  });
});

// A rule that speaks for another document's character (a runner-up kept, a look-alike PP-OCR
// was measured to misread) settles it only where the page's own evidence backs it: the
// visual judge found the glyph likest it, or the recogniser gave it WITH_RULE_ODDS (0.05) of
// the character it read. pageBacksAt is new: the old code let the rule alone settle.
describe('the page backs a character a rule speaks for', () => {
  const at0 = (glyph: CharAlternatives): (CharAlternatives | null)[] => [glyph, null, null];

  it('元 read at 0.99 with nothing behind: 亓 not backed; the judge finding 亓 likest backs it', () => {
    const sure: CharAlternatives = { at: 0, p: 0.99, options: [{ text: '亓', p: 0 }] };
    expect(pageBacksAt(at0(sure), '元钊昕', 0, '亓')).toBe(false);
    expect(pageBacksAt(at0({ ...sure, judged: '亓' }), '元钊昕', 0, '亓')).toBe(true);
    expect(pageBacksAt(null, '元钊昕', 0, '亓')).toBe(false);
  });

  it('逢 at 0.6: 逄 behind at 0.018 (odds 0.03) not backed, at 0.04 (odds 0.067) backed', () => {
    const glyph = (p: number): CharAlternatives => ({
      at: 0,
      p: 0.6,
      options: [{ text: '逄', p }],
    });
    expect(pageBacksAt(at0(glyph(0.018)), '逢恺嘉', 0, '逄')).toBe(false);
    expect(pageBacksAt(at0(glyph(0.04)), '逢恺嘉', 0, '逄')).toBe(true);
  });

  it('a candidate counts as a runner-up; a character below the candidates does not; a bracket never', () => {
    const glyph: CharAlternatives = {
      at: 0,
      p: 0.3,
      options: [{ text: '需', p: 0.28 }],
      candidates: [
        { text: '需', p: 0.28 },
        { text: '霁', p: 0.02 },
      ],
    };
    expect(pageBacksAt(at0(glyph), '零月坊', 0, '霁')).toBe(true);
    expect(pageBacksAt(at0(glyph), '零月坊', 0, '雾')).toBe(false);
    expect(pageBacksAt(at0({ ...glyph, options: [{ text: '(', p: 0.3 }] }), '（月坊', 0, '(')).toBe(
      false,
    );
  });
});
