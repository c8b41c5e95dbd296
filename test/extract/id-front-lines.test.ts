// ID card fronts whose small labels a photo or a photocopy lost, read by the card's field
// order and the closed list of the 56 民族. The pages are real PP-OCR output (tuned
// families drawn with seed offset 1250, --names=wide; the front's items of each page).
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/extract/index';
import { ocrPage, type OcrRow } from './support/positioned';
import { nearestEthnicity } from '../../src/core/extract/ethnicity';

type Row = OcrRow;

// id-a4-both-stacked-8-copy-scan.jpg: 乌孜别克 read 乌改别克.
const misreadEthnicity: Row[] = [
  [473, 475, 271, 26, 0.6, '姓名迪丽娜尔·吐尔逊'],
  [475, 529, 78, 23, 0.6, '性别男'],
  [609, 529, 148, 23, 0.6, '民族乌改别克'],
  [475, 581, 247, 21, 1.0, '出生1990年8月19日'],
  [474, 620, 392, 21, 0.6, '住址上海市浦东新区文新街道范例路'],
  [536, 654, 161, 23, 0.91, '427号5幢1111室'],
  [472, 786, 124, 21, 0.99, '公民身份号码'],
  [629, 786, 293, 21, 1.0, '310115199008196137'],
];

// id-a4-both-stacked-7-photo.jpg: 姓名 and the 出生 line lost, 民族 read 民获.
const noBirthLine: Row[] = [
  [509, 451, 97, 23, 0.98, '诸葛雯平'],
  [636, 506, 12, 17, 1.0, '汉'],
  [447, 506, 197, 19, 0.31, '性别女民获汉'],
  [64, 539, 59, 99, 0.77, '无效'],
  [457, 554, 23, 32, 0.1, '绣'],
  [1470, 588, 95, 67, 0.97, '仅供'],
  [693, 595, 126, 17, 0.57, '河街道范例路'],
  [505, 625, 160, 20, 1.0, '729号6幢1819室'],
  [602, 750, 280, 18, 1.0, '310115198412033706'],
];

// id-a4-one-side-0-photo.jpg: the 性别 line read `性` and `旗汉` (男 and 民族 lost).
const noSexCharacter: Row[] = [
  [518, 286, 131, 29, 0.32, '#名阳泽强'],
  [662, 342, 53, 24, 0.28, '旗汉'],
  [514, 343, 14, 22, 0.84, '性'],
  [519, 393, 243, 21, 0.39, '出业1993年12月1日'],
  [519, 434, 377, 25, 0.28, '佳址江苏省苏州市虎丘区长河街道虚'],
  [586, 470, 238, 21, 0.68, '构大道374号6幢1414室'],
  [516, 591, 119, 23, 0.52, '公民电号号'],
  [663, 591, 315, 23, 0.84, '32050519931201903X'],
  [1104, 704, 137, 27, 1.0, '他用无效'],
  [1021, 720, 7, 10, 0.08, '家'],
  [947, 731, 4, 7, 0.37, '理'],
];

// A fresh tuned copy scan (seed offset 5200, dossier-tuned-7-1-id-a4-both-stacked-copy-scan):
// 公民身份号码 read 公民身（号Y, the Y against the number.
const letterAgainstNumber: Row[] = [
  [545, 418, 237, 23, 0.89, '姓名热合曼·沙吾提'],
  [547, 471, 73, 22, 0.44, '性别男'],
  [676, 473, 117, 21, 0.99, '民族哈萨克'],
  [548, 526, 238, 19, 0.99, '出生1989年2月14日'],
  [612, 562, 316, 21, 1, '广东省深圳市南山区长河街道范'],
  [548, 563, 33, 17, 0.96, '住址'],
  [615, 594, 195, 21, 0.99, '例路497号2幢418室'],
  [545, 727, 452, 24, 0.43, '公民身（号Y440305198902147535'],
];

describe('an ID card front read by its field order', () => {
  it('finds the ID number whose checksum holds where a letter was read against it (公民身（号Y440…)', () => {
    const doc = extractDocument(ocrPage(letterAgainstNumber, 1654, 2340), 'id.jpg', {
      kind: 'id-card-front',
    });
    expect(doc.fields.idNumber).toBe('440305198902147535');
    expect(doc.confidence.idNumber).toBeLessThan(0.9);
    // A number whose checksum fails is not taken from against a letter.
    const wrong = letterAgainstNumber.map((r): Row =>
      r[5].startsWith('公民') ? ([...r.slice(0, 5), '公民身（号Y440305198902147536'] as Row) : r,
    );
    const misread = extractDocument(ocrPage(wrong, 1654, 2340), 'id.jpg', {
      kind: 'id-card-front',
    });
    expect(misread.fields.idNumber).toBeNull();
  });

  it('finds the name above the line its 性别 label was read on when the 出生 line was lost', () => {
    const doc = extractDocument(ocrPage(noBirthLine, 1568, 2215), 'id.jpg', {
      kind: 'id-card-front',
    });
    expect(doc.fields.name).toBe('诸葛雯平');
    expect(doc.confidence.name).toBeLessThan(0.9);
    // The ethnicity after the 民 whose 族 was misread, on that labelled line.
    expect(doc.fields.ethnicity).toBe('汉');
    expect(doc.confidence.ethnicity).toBeLessThan(0.9);
  });

  it('reads the ethnicity that ends the 性别 line when the sex itself was lost', () => {
    const doc = extractDocument(ocrPage(noSexCharacter, 1568, 2285), 'id.jpg', {
      kind: 'id-card-front',
    });
    expect(doc.fields.ethnicity).toBe('汉');
    expect(doc.confidence.ethnicity).toBeLessThan(0.9);
  });

  it('takes no ethnicity from a line below the name that keeps no piece of its labels', () => {
    // The 性别 line lost altogether: the line below the name is the 出生 line, whose
    // last character is no ethnicity; a line such as a name ending in 京 is not read as one.
    const rows: Row[] = noSexCharacter.filter(([, , , , , t]) => t !== '旗汉' && t !== '性');
    rows.push([519, 342, 60, 24, 0.9, '李京']);
    const doc = extractDocument(ocrPage(rows, 1568, 2285), 'id.jpg', { kind: 'id-card-front' });
    expect(doc.fields.ethnicity).toBeNull();
  });
});

describe('the ethnicity, a closed list of 56 names', () => {
  it('proposes the one name a character away from a misread one, and keeps the reading', () => {
    const doc = extractDocument(ocrPage(misreadEthnicity, 1654, 2340), 'id.jpg');
    expect(doc.kind).toBe('id-card-front');
    expect(doc.fields.ethnicity).toBe('乌改别克');
    expect(doc.confidence.ethnicity).toBeLessThan(0.9);
    expect(doc.corrections).toContainEqual(
      expect.objectContaining({
        field: 'ethnicity',
        from: '乌改别克',
        to: '乌孜别克',
        reason: 'closed-vocabulary',
      }),
    );
  });

  it('proposes nothing where two names are as near, or for a name of the list', () => {
    expect(nearestEthnicity('乌别克')).toBe('乌孜别克');
    expect(nearestEthnicity('汉族')).toBe('汉');
    expect(nearestEthnicity('哈萨')).toBeNull(); // 哈萨克 and 哈尼
    expect(nearestEthnicity('汊')).toBeNull(); // one edit from every one-character name
    expect(nearestEthnicity('蒙古')).toBeNull();
  });
});

// id-a4-both-stacked-3-photo.jpg (tuned, seed offset 2310, --names=wide): every label lost,
// and of the 出生 line only the year `1986` (年 1 月 8 日 too faint on the photo of the copy).
const birthYearOnly: Row[] = [
  [514, 372, 139, 23, 0.74, '买买提·依明'],
  [508, 425, 17, 23, 1.0, '男'],
  [640, 427, 63, 18, 1.0, '哈萨克'],
  [506, 475, 53, 19, 1.0, '1986'],
  [520, 517, 309, 18, 1.0, '上海市浦东新区长河街道演示'],
  [519, 551, 184, 18, 1.0, '巷557号2幢803室'],
  [602, 676, 285, 18, 1.0, '310115198601081897'],
];

describe('an ID front whose 出生 line kept only a part of the date', () => {
  it('is the birth line that the name, the 民族 and the address are read from', () => {
    const doc = extractDocument(ocrPage(birthYearOnly, 1610, 2265), 'id.jpg', {
      kind: 'id-card-front',
    });
    expect(doc.fields.name).toBe('买买提·依明');
    expect(doc.fields.ethnicity).toBe('哈萨克');
    expect(doc.fields.address).toBe('上海市浦东新区长河街道演示巷557号2幢803室');
    expect(doc.fields.birthDate).toBe('1986-01-08');
    for (const field of ['name', 'ethnicity', 'address', 'birthDate'])
      expect(doc.confidence[field], field).toBeLessThan(0.9);
  });

  it('is no line whose numbers are not that date’s year, month and day in order', () => {
    // The year with a month and day that are not the number's, and a year alone twice.
    for (const rows of [
      birthYearOnly.map((r): Row =>
        r[5] === '1986' ? ([...r.slice(0, 5), '1986 2 8'] as Row) : r,
      ),
      [...birthYearOnly, [506, 600, 53, 19, 1.0, '1986'] as Row],
    ]) {
      const doc = extractDocument(ocrPage(rows, 1610, 2265), 'id.jpg', { kind: 'id-card-front' });
      expect(doc.fields.address).toBeNull();
    }
  });
});
