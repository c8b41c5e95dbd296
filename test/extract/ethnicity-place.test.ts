// Where a card front prints its 民族: right of the label on the 性别 line, or where the
// labels were lost, a group of its own after the sex. A value is looked for there and not
// on the line below, which is 出生's; a character the OCR read there as none of the 56
// names has the name it also saw there proposed; where the recogniser kept its candidates
// there (how much it left unkept is known), the one name among them is taken, as sure as
// it is against its rivals and what was left unkept (below the legibility floor).
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

// Fresh tuned photos (id- families, seed offset 3200), the front's items.
// id-a4-one-side-4-photo.jpg: 性别 and 男 garbled (红时 n), 民族 read as `Re` before 汉.
const labelsGarbled: OcrRow[] = [
  [630, 391, 136, 20, 0.37, '姓名王用斯'],
  [696, 445, 12, 15, 0.28, 'n'],
  [765, 445, 74, 18, 0.28, 'Re汉'],
  [630, 446, 37, 15, 0.26, '红时'],
  [696, 494, 175, 18, 0.67, '994年2月16日'],
  [633, 497, 30, 15, 0.29, '清生'],
  [698, 542, 309, 19, 0.34, '上海市浦东嘉区通0街酒样'],
  [700, 581, 178, 16, 0.4, '网街489号946日'],
  [790, 696, 259, 19, 0.65, '310115199402168510'],
  [630, 697, 128, 18, 0.29, 'ZNARHR'],
];

// id-a4-both-stacked-3-photo.jpg: every label lost; a speck of the background (M) far
// right on the 性别 line.
const speckAfter: OcrRow[] = [
  [572, 369, 156, 24, 0.89, '艾力·艾买提'],
  [699, 418, 62, 23, 1.0, '哈萨克'],
  [568, 419, 19, 24, 1.0, '女'],
  [1411, 426, 14, 19, 0.1, 'M'],
  [563, 467, 173, 22, 1.0, '1980年4月11'],
  [509, 502, 35, 21, 0.99, '住址'],
  [581, 505, 322, 20, 1.0, '浙江省杭州市滨江区西兴街道'],
  [577, 539, 281, 20, 1.0, '虚构大道323号2幢1502室'],
  [654, 658, 291, 18, 1.0, '330108198004119762'],
  [510, 662, 110, 17, 1.0, '公民身份号码'],
];

// id-a4-one-side-8-photo.jpg: 性别 lost, 族 lost, 孜 read 收.
const oneMisread: OcrRow[] = [
  [635, 315, 167, 24, 0.48, '热合曼·沙吾提'],
  [568, 366, 75, 24, 0.46, '##女'],
  [699, 366, 147, 24, 0.43, '民乌收别克'],
  [626, 415, 185, 22, 0.53, '1985年7月25日'],
  [639, 455, 278, 20, 0.42, '上海市浦东新区前下街道建'],
  [642, 487, 223, 20, 0.69, '构大道146号50301室'],
  [716, 611, 289, 18, 1.0, '310115198507256128'],
  [572, 612, 110, 20, 0.38, 'ZR9##'],
];

describe('the ethnicity where the card prints it, its labels lost', () => {
  it('a name standing apart after the sex, where 民族 was garbled (Re汉)', () => {
    // Before: null (the line kept no piece of 性别 民族, so it was not read).
    const doc = front(ocrPage(labelsGarbled, 1619, 2279));
    expect(doc.fields.ethnicity).toBe('汉');
    expect(doc.confidence.ethnicity).toBeLessThan(0.9);
  });

  it('the name ends its own group, not the line a speck ends (女 哈萨克 … M)', () => {
    // Before: null (the line ended in M).
    const doc = front(ocrPage(speckAfter, 1584, 2164));
    expect(doc.fields.ethnicity).toBe('哈萨克');
    expect(doc.confidence.ethnicity).toBeLessThan(0.9);
  });

  it('a name a character away after 民 is kept as read, and the name proposed', () => {
    // Before: null (no name of the list started after 民).
    const doc = front(ocrPage(oneMisread, 1612, 2204));
    expect(doc.fields.ethnicity).toBe('乌收别克');
    expect(doc.confidence.ethnicity).toBeLessThan(0.9);
    expect(doc.corrections).toContainEqual(
      expect.objectContaining({ field: 'ethnicity', from: '乌收别克', to: '乌孜别克' }),
    );
  });

  it('a name on a line below the name that is neither labelled nor split is not taken', () => {
    const rows = speckAfter.filter(([, , , , , t]) => t !== '哈萨克' && t !== '女' && t !== 'M');
    rows.push([568, 419, 50, 24, 1.0, '李京']);
    expect(front(ocrPage(rows, 1584, 2164)).fields.ethnicity).toBeNull();
  });
});

/** The 性别 line of a photo, 别 and 族 lost, the ethnicity read as `#` with `满` behind it. */
const withRunnerUp = (options: { text: string; p: number }[]): TextItem[] =>
  ocrPage(
    [
      [397, 314, 162, 27, 0.5, '姓名上官瑶舒'],
      [420, 419, 231, 21, 0.71, '出生1983年9月27日'],
      [548, 617, 290, 21, 0.99, '330108198309274827'],
    ],
    1568,
    2285,
  ).pages[0]!.items.concat({
    page: 0,
    x: 400,
    y: 367,
    w: 194,
    h: 25,
    text: '性女民##',
    confidence: 0.5,
    charConfidences: [0.55, 0.79, 0.96, 0.54, 0.5],
    alternatives: [
      { at: 3, p: 0.54, options: [{ text: '族', p: 0.019 }] },
      { at: 4, p: 0.5, options },
    ],
  });

describe('a character read where the card prints 民族 that no name of the list is', () => {
  it('has the name the OCR also saw there proposed, the field left unread', () => {
    // Before: no ethnicity and no proposal.
    const items = withRunnerUp([{ text: '满', p: 0.012 }]);
    const doc = front({ source: 'paddle', pages: [{ page: 0, width: 1568, height: 2285, items }] });
    expect(doc.fields.sex).toBe('女');
    expect(doc.fields.ethnicity).toBeNull();
    expect(doc.corrections).toContainEqual(
      expect.objectContaining({
        field: 'ethnicity',
        from: '',
        to: '满',
        reason: 'ocr-alternative',
      }),
    );
  });

  it('proposes nothing where the OCR saw no name there', () => {
    const items = withRunnerUp([{ text: '洲', p: 0.2 }]);
    const doc = front({ source: 'paddle', pages: [{ page: 0, width: 1568, height: 2285, items }] });
    expect(doc.fields.ethnicity).toBeNull();
    expect(doc.corrections.filter((c) => c.field === 'ethnicity')).toEqual([]);
  });
});

describe('a character read beside the 民族 label that no name of the list is', () => {
  it('keeps what was read, below 0.9, and proposes the name the OCR saw behind it', () => {
    const items: TextItem[] = [
      { page: 0, x: 40, y: 50, w: 100, h: 20, text: '姓名张伟', confidence: 0.99 },
      { page: 0, x: 40, y: 100, w: 80, h: 20, text: '性别男', confidence: 0.99 },
      {
        page: 0,
        x: 200,
        y: 100,
        w: 60,
        h: 20,
        text: '民族社',
        confidence: 0.37,
        alternatives: [{ at: 2, p: 0.37, options: [{ text: '壮', p: 0.22 }] }],
      },
      { page: 0, x: 40, y: 150, w: 200, h: 20, text: '出生1983年11月25日', confidence: 0.99 },
    ];
    const doc = front({ source: 'paddle', pages: [{ page: 0, width: 675, height: 426, items }] });
    expect(doc.fields.ethnicity).toBe('社');
    expect(doc.confidence.ethnicity).toBeLessThan(0.9);
    expect(doc.corrections[0]).toMatchObject({ field: 'ethnicity', from: '社', to: '壮' });
  });
});

describe('the one name of the list the recogniser kept among its candidates', () => {
  // Real PP-OCR output: an ID card on an A4 photo (tuned, seed offset 4650,
  // dossier-tuned-6-1) read 民族社 with 社 at 0.80, 壮 behind at 0.13 among 8 candidates.
  const line = (candidates: { text: string; p: number }[] | undefined): TextItem => ({
    page: 0,
    x: 200,
    y: 100,
    w: 60,
    h: 20,
    text: '民族社',
    confidence: 0.37,
    charConfidences: [0.99, 0.37, 0.8],
    alternatives: [
      {
        at: 2,
        p: 0.803,
        options: [{ text: '壮', p: 0.127 }],
        ...(candidates ? { candidates } : {}),
      },
    ],
  });
  const KEPT = [
    { text: '壮', p: 0.127 },
    { text: '#', p: 0.009 },
    { text: '杜', p: 0.006 },
    { text: '业', p: 0.006 },
    { text: '世', p: 0.004 },
    { text: '妆', p: 0.004 },
    { text: '仕', p: 0.003 },
    { text: '让', p: 0.002 },
  ];
  const read = (candidates: { text: string; p: number }[] | undefined) =>
    front({
      source: 'paddle',
      pages: [
        {
          page: 0,
          width: 675,
          height: 426,
          items: [
            { page: 0, x: 40, y: 50, w: 100, h: 20, text: '姓名张伟', confidence: 0.99 },
            { page: 0, x: 40, y: 100, w: 80, h: 20, text: '性别女', confidence: 0.99 },
            line(candidates),
            { page: 0, x: 40, y: 150, w: 200, h: 20, text: '出生1992年12月15日', confidence: 0.99 },
          ],
        },
      ],
    });

  it('is taken, below the legibility floor, not corroborated by the list that chose it', () => {
    // Old code: 社 kept (at most 0.5), 壮 only proposed.
    const doc = read(KEPT);
    expect(doc.fields.ethnicity).toBe('壮');
    // 0.127 against 0.045 left unkept (1 - 0.803 - the candidates).
    expect(doc.confidence.ethnicity).toBeCloseTo(0.127 / (0.127 + 0.036), 2);
    expect(doc.corroborated?.ethnicity).toBeUndefined();
    expect(doc.boxes?.ethnicity).toBeUndefined();
  });

  it('is only proposed where another name is among the candidates too, or none were kept', () => {
    // 回 at 0.02: a second name the OCR saw there, the image must decide.
    const rival = read([...KEPT.slice(0, 7), { text: '回', p: 0.02 }]);
    expect(rival.fields.ethnicity).toBe('社');
    expect(rival.corrections).toContainEqual(
      expect.objectContaining({ field: 'ethnicity', to: '壮' }),
    );
    // 回 at 0.002 (below a runner-up's 0.01): 壮 taken, less sure for it.
    const faint = read([...KEPT.slice(0, 7), { text: '回', p: 0.002 }]);
    expect(faint.fields.ethnicity).toBe('壮');
    expect(faint.confidence.ethnicity).toBeLessThan(read(KEPT).confidence.ethnicity!);
    const none = read(undefined);
    expect(none.fields.ethnicity).toBe('社');
  });
});

describe('what a card prints in 民族 for a person of none of the 56', () => {
  const card = (ethnicity: string) =>
    front(
      ocrPage(
        [
          [40, 50, 100, 20, 0.99, '姓名张伟'],
          [40, 100, 80, 20, 0.99, '性别男'],
          [200, 100, 160, 20, 0.99, `民族${ethnicity}`],
          [40, 150, 200, 20, 0.99, '出生1983年11月25日'],
        ],
        675,
        426,
      ),
    );

  it('穿青人, 革家人, 僜人: read as printed, not as a value of no type (0.5)', () => {
    for (const name of ['穿青人', '革家人', '僜人']) {
      const doc = card(name);
      expect(doc.fields.ethnicity).toBe(name);
      expect(doc.confidence.ethnicity).toBeGreaterThan(0.9);
    }
  });

  it('a naturalised citizen: the people with （入籍）, brackets made full-width', () => {
    const doc = card('乌克兰(入籍)');
    expect(doc.fields.ethnicity).toBe('乌克兰（入籍）');
    expect(doc.confidence.ethnicity).toBeGreaterThan(0.9);
    expect(doc.corrections.filter((c) => c.field === 'ethnicity')).toEqual([]);
  });

  it('one of them with a character misread has it proposed (穿青入)', () => {
    const doc = card('穿青入');
    expect(doc.confidence.ethnicity).toBeLessThan(0.9);
    expect(doc.corrections).toContainEqual(
      expect.objectContaining({ field: 'ethnicity', from: '穿青入', to: '穿青人' }),
    );
  });
});

// id-a4-both-stacked-7-photo.jpg (tuned, seed offset 3220): the name and the 出生 line
// garbled, 性别 and 族 lost: `女 民汉`.
const sexAndMinOnly: OcrRow[] = [
  [544, 431, 141, 33, 0.56, '##哈'],
  [605, 484, 18, 28, 0.6, '女'],
  [670, 489, 71, 22, 0.6, '民汉'],
  [596, 538, 189, 22, 0.59, '19884月2日'],
  [548, 539, 30, 19, 0.43, 'a1'],
  [615, 614, 203, 22, 0.99, '范路805号6幢113室'],
  [690, 739, 284, 16, 1.0, '440305198804214941'],
  [547, 741, 109, 18, 0.3, '公民身份码'],
];

describe('the ethnicity on a line known by its text alone', () => {
  it('a sex, then a 民 within three characters, then a name of the list (女民汉)', () => {
    // Before: null (no line was known for 性别: neither the name nor 出生 was read).
    const doc = front(ocrPage(sexAndMinOnly, 1585, 2252));
    expect(doc.fields.ethnicity).toBe('汉');
    expect(doc.confidence.ethnicity).toBeLessThan(0.9);
  });

  it('no name of the list after the 民: nothing', () => {
    const rows = sexAndMinOnly.map((r): OcrRow =>
      r[5] === '民汉' ? ([...r.slice(0, 5), '民'] as OcrRow) : r,
    );
    expect(front(ocrPage(rows, 1585, 2252)).fields.ethnicity).toBeNull();
  });
});

describe('a sex line read as one item, 女 and the name close together', () => {
  it('the name ends the line that reads the sex (女汉)', () => {
    // id-a4-one-side-0-photo.jpg (tuned, seed offset 3240). 07106b5: null (the line was
    // neither split nor holding a piece of a label); before it, and now: 汉.
    const doc = front(
      ocrPage(
        [
          [544, 331, 112, 31, 0.36, '#名院睿'],
          [601, 385, 153, 29, 0.48, '女汉'],
          [552, 437, 232, 23, 0.33, '出1992年4月3日'],
          [568, 476, 347, 21, 0.4, '址浙江省杭州市滨江区省下街'],
          [620, 515, 301, 21, 0.48, '道店构大道279号9幢1710室'],
          [694, 639, 295, 21, 1.0, '330108199204032084'],
          [548, 642, 111, 20, 0.36, '公R#可码'],
        ],
        1590,
        2280,
      ),
    );
    expect(doc.fields.ethnicity).toBe('汉');
    expect(doc.confidence.ethnicity).toBeLessThan(0.9);
  });
});
