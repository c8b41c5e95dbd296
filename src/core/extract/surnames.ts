// Chinese surnames: a closed set (the 百家姓 and the common surnames it lacks). A Han
// name that does not start with one is misread: the recogniser, trained mostly on common
// text, turns a rare surname into a common character that is no surname at all (眭 → 睡,
// 隗 → 隐, 阚 → 阀). Such a name is never trusted at 0.9, and where the OCR itself also
// saw a surname in that place (however faintly: the place must hold a surname) that
// reading is proposed first. Names with `·` (transcribed minority names) are not Han
// surname + given name and are left alone.
import type { Correction } from '../extraction';
import type { ValueAlternatives } from './alternatives';
import { misreadingsOf } from './confusables';

/** Single-character surnames: the 百家姓, then common ones it does not list. */
const SINGLE = new Set([
  ...('赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛' +
    '奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康' +
    '伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵' +
    '席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗' +
    '丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫' +
    '乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄' +
    '印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂' +
    '濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘' +
    '匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相' +
    '查后荆红游竺权逯盖益桓公晋楚闫法汝鄢涂钦岳帅缑亢况郈有琴佴墨哈谯笪年爱阳佟言福佘' +
    // Common today, missing from the 百家姓 or spelled there in another form.
    '肖付代仝亓冼覃眭邝麦粟揭邸兰苟伞谌冮靖佀来过卢达练区泮檀代鲜冯渠楼佐原占练洛候' +
    '彦栗稽汝荣闭银植巫蓝邱郄麴尉迟台郭逢' +
    // Real surnames a wider pool of names showed missing (牟, 隋, 丛: a correct name was doubted).
    '牟芦隋商丛苑禚赫蹇衣粘战郇种展敬操茆寸迮宾邗仉奉姒菅衷'),
]);

/** Two-character surnames (复姓). */
const COMPOUND = new Set([
  '万俟',
  '司马',
  '上官',
  '欧阳',
  '夏侯',
  '诸葛',
  '闻人',
  '东方',
  '赫连',
  '皇甫',
  '尉迟',
  '公羊',
  '澹台',
  '公冶',
  '宗政',
  '濮阳',
  '淳于',
  '单于',
  '太叔',
  '申屠',
  '公孙',
  '仲孙',
  '轩辕',
  '令狐',
  '钟离',
  '宇文',
  '长孙',
  '慕容',
  '鲜于',
  '闾丘',
  '司徒',
  '司空',
  '亓官',
  '司寇',
  '子车',
  '颛孙',
  '端木',
  '巫马',
  '公西',
  '漆雕',
  '乐正',
  '壤驷',
  '公良',
  '拓跋',
  '夹谷',
  '宰父',
  '谷梁',
  '段干',
  '百里',
  '东郭',
  '南门',
  '呼延',
  '羊舌',
  '微生',
  '梁丘',
  '左丘',
  '东门',
  '西门',
  '南宫',
  '第五',
]);

/** Whether a name starts with a known surname (single or compound). */
export function startsWithSurname(name: string): boolean {
  const chars = [...name];
  return SINGLE.has(chars[0] ?? '') || COMPOUND.has(chars.slice(0, 2).join(''));
}

/** Han names only: 2-4 ideographs (a name with `·` is a transcription, not surname + name). */
const HAN_NAME = /^\p{Script=Han}{2,4}$/u;

/**
 * The most a name that starts with no surname is trusted: a character of it is misread.
 * Above cross-document.ts WEAK_CONFIDENCE: the value was read by its label, and the search
 * would only find the same characters again (without the proposal).
 */
export const NO_SURNAME_CONFIDENCE = 0.7;

/** False for a Han name of 2-4 characters that starts with no surname: no person is named so. */
export function couldBePersonName(value: string): boolean {
  return !HAN_NAME.test(value) || startsWithSurname(value);
}

/**
 * A person's name read by OCR whose first character is no surname: doubtful (never
 * trusted at 0.9), with the OCR's own readings of that place that are surnames as
 * proposals, most probable first. A name starting with a surname gives nothing.
 */
export function surnameCheck(
  field: string,
  value: string,
  alternatives: ValueAlternatives | null,
): { doubtful: boolean; corrections: Correction[]; chosen: string | null } {
  if (couldBePersonName(value)) return { doubtful: false, corrections: [], chosen: null };
  const chars = [...value];
  const first = alternatives?.[0];
  const options = (first?.options ?? [])
    .filter((o) => SINGLE.has(o.text) && o.text !== chars[0])
    .sort((a, b) => b.p - a.p);
  const percent = (p: number): number => Math.round(p * 1000) / 10;
  const corrections = options.map((o): Correction => ({
    field,
    from: value,
    to: [o.text, ...chars.slice(1)].join(''),
    reason: 'ocr-alternative',
    note: `${chars[0]} is no Chinese surname; the OCR also saw the surname ${o.text} there (${percent(o.p)}%): check it against the image.`,
  }));
  // A runner-up that is no surname either but the common character PP-OCR reads for a
  // rare surname (院 read, 隐 behind it at 28%, and 隐 is how 隗 is misread): that surname.
  const seen = new Set([chars[0], ...corrections.map((c) => [...c.to][0])]);
  for (const o of [...(first?.options ?? [])].sort((a, b) => b.p - a.p)) {
    for (const rare of misreadingsOf(o.text, 0)) {
      if (!SINGLE.has(rare) || seen.has(rare)) continue;
      seen.add(rare);
      corrections.push({
        field,
        from: value,
        to: [rare, ...chars.slice(1)].join(''),
        reason: 'ocr-alternative',
        note: `${chars[0]} is no Chinese surname; the OCR also saw ${o.text} there (${percent(o.p)}%), which PP-OCR reads for the surname ${rare}: check it against the image.`,
      });
    }
  }
  // The read character's own measured misreadings (隐 is how 隗 is read) are surnames the
  // place may hold as well.
  for (const rare of misreadingsOf(chars[0]!, 0)) if (SINGLE.has(rare)) seen.add(rare);
  seen.delete(chars[0]);
  // The name's type says the place holds a surname: where the OCR's readings of it (its
  // runners-up and what they are measured to stand for) hold exactly one, that is the name.
  const chosen = seen.size === 1 ? [[...seen][0]!, ...chars.slice(1)].join('') : null;
  return { doubtful: true, corrections, chosen };
}
