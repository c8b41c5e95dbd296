// What each field's value looks like, independent of any layout: a parser from the text
// found, a validator of the parsed value, and what a value can never be (another label, a
// label's wrapped suffix, a notice sentence, the document title). A reader that found
// text where a label points still asks the type whether it is that field's value.
import type { DocumentKind } from '../documents';
import { foldWidth } from '../text/normalise';
import { isCapital } from './amounts';
import { ALL_LABELS, compact } from './label-words';
import { PERSON_FIELDS, nearPersonLabel, parsePersonName, validPersonName } from './person-name';

import {
  parseAccountCode,
  parseAccountNumber,
  parseBusinessScope,
  parseCreditCode,
  parseDate,
  parseEthnicity,
  parseIdNumber,
  parseSerialNumber,
  parseSex,
  parseText,
} from './values';

export { isPersonName } from './person-name';

export interface ValueType {
  /** The field's value from the text found, or null when none is there. */
  parse(text: string): string | null;
  /** Whether a parsed value has the field's shape. */
  valid(value: string): boolean;
}

/** The 56 ethnic groups as printed after 民族 (without 族). */
export const ETHNICITIES: readonly string[] = [
  '汉',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
];

/**
 * What a card prints in 民族 for a person of none of the 56 (the Ministry of Public
 * Security's rules): 革家人 and 穿青人 by those names, a group a province recognises but has
 * not classed among the 56 as 某某人 (僜人); a naturalised citizen whose people is none of
 * the 56, that people followed by （入籍） (乌克兰（入籍）: NATURALISED).
 */
export const OTHER_ETHNICITIES: readonly string[] = ['革家人', '穿青人', '僜人'];

const NATURALISED = /^\p{Script=Han}{1,8}（入籍）$/u;

/** Whether a value is what a card prints in 民族: one of the 56, or one of the others. */
export const isEthnicity = (value: string): boolean =>
  ETHNICITIES.includes(value) || OTHER_ETHNICITIES.includes(value) || NATURALISED.test(value);

/** Sentence punctuation: a name, a type or a bank never holds it. */
/**
 * A permit's 编号: its issuing region's four digits (a PBOC region code, never starting 0,
 * unlike a telephone's area code), a hyphen, eight digits (3310-01234567).
 */
export const PERMIT_SERIAL = /^[1-9]\d{3}-\d{8}$/u;

const SENTENCE_MARK = /[，。；！？,;!?]/u;

/** A bracketed qualifier after a name: （滨江分部）, (普通合伙). */
const QUALIFIER = String.raw`(?:[（(][^（()）]{1,20}[）)])?`;

/**
 * Organisation forms a company or account name ends in (before a bracketed qualifier):
 * companies, partnerships, cooperatives, branches, and the shop names individual
 * businesses (个体工商户) register.
 */
const ORGANISATION_NAME = new RegExp(
  String.raw`(?:公司|企业|合伙|合作社|联合社|联社|分社|集团|事务所|研究所|研究院|学校|医院|诊所|中心|协会|商会|基金会|` +
    String.raw`商行|商店|商号|超市|店|馆|部|厂|坊|行|社|室|场|站|所|院|铺|庄|园|城|吧|厅|堂|阁|楼|苑|屋|家|档|摊|园艺|作坊)` +
    QUALIFIER +
    '$',
  'u',
);

/** A legal form alone (the 类型 field), which is never a company's name. */
const LEGAL_FORM_ONLY = new RegExp(
  String.raw`^(?:其他)?(?:有限责任公司|股份有限公司|有限合伙企业|普通合伙企业|合伙企业|个人独资企业|个体工商户|` +
    String.raw`农民专业合作社|全民所有制|集体所有制|分公司|非法人企业|外商投资企业)` +
    QUALIFIER +
    '$',
  'u',
);

const COMPANY_TYPE =
  /公司|企业|合伙|个体|合作社|分支机构|独资|集体所有制|全民所有制|联营|外商|港澳台|农民专业/u;
const BANK = /银行|信用社|信用合作联社|合作银行|农村商业|邮政储蓄/u;
/** Whether a name is a bank's (the account holder's name searched over a bank form is not). */
export const isBankName = (v: string): boolean => BANK.test(v);
/**
 * How a bank's or a branch's name ends (中国银行杭州分行营业部, 某某县农村信用合作联社,
 * 浙江网商银行股份有限公司): a name cut where a line wrapped (…股份有限) does not.
 */
const BANK_END = new RegExp(
  String.raw`(?:行|社|部|处|所|室|公司|中心|网点)` + QUALIFIER + '$',
  'u',
);
const ADDRESS_WORD = /[省市区县旗镇乡村路街道巷弄号室楼栋幢座层屯组]/u;
/**
 * What an address has below its province, city and district: a street, a number, a
 * building or a village (浙江省杭州 is an address cut short, not one).
 */
const ADDRESS_PLACE =
  /[0-9０-９一二三四五六七八九十百]|[镇乡村路街道巷弄号室楼栋幢座层屯组园场厦]/u;

const org: ValueType = {
  parse: parseText,
  valid: (v) =>
    v.length >= 4 &&
    v.length <= 80 &&
    !SENTENCE_MARK.test(v) &&
    ORGANISATION_NAME.test(v) &&
    !LEGAL_FORM_ONLY.test(v),
};
const person: ValueType = { parse: parsePersonName, valid: validPersonName };
const date: ValueType = { parse: parseDate, valid: () => true };
/**
 * 核准号 / 基本存款账户编号: J and 13 digits. A J read as 1 or lost is put back only where
 * `jBelongs` (see parseAccountCode and scoring.ts's basic-account test).
 */
export const jNumber = (jBelongs: boolean): ValueType => ({
  parse: (text) => parseAccountCode(text, jBelongs),
  valid: (v) => /^J\d{13}$/u.test(v),
});
const text = (valid: (v: string) => boolean): ValueType => ({ parse: parseText, valid });

export const VALUE_TYPES: Record<string, ValueType> = {
  creditCode: { parse: parseCreditCode, valid: (v) => /^[0-9A-Z]{18}$/u.test(v) },
  idNumber: { parse: parseIdNumber, valid: (v) => /^\d{17}[\dX]$/u.test(v) },
  accountNumber: { parse: parseAccountNumber, valid: (v) => /^\d{8,30}$/u.test(v) },
  approvalNumber: jNumber(false),
  accountCode: jNumber(false),
  serialNumber: { parse: parseSerialNumber, valid: (v) => PERMIT_SERIAL.test(v) },
  sex: { parse: parseSex, valid: (v) => v === '男' || v === '女' },
  ethnicity: { parse: parseEthnicity, valid: isEthnicity },
  establishedOn: date,
  birthDate: date,
  companyName: org,
  accountName: org,
  legalRepresentative: person,
  name: person,
  companyType: text((v) => v.length <= 40 && !SENTENCE_MARK.test(v) && COMPANY_TYPE.test(v)),
  registeredCapital: text((v) => v.length <= 40 && isCapital(v)),
  bankName: text(
    (v) =>
      v.length >= 4 && v.length <= 60 && !SENTENCE_MARK.test(v) && BANK.test(v) && BANK_END.test(v),
  ),
  address: text((v) => v.length >= 5 && ADDRESS_WORD.test(v) && ADDRESS_PLACE.test(v)),
  businessScope: { parse: parseBusinessScope, valid: (v) => v.length >= 2 },
  // A place before the office (深圳市公安局南山分局): 分局 or 公安局 alone is a piece of one.
  issuingAuthority: text((v) => /^\p{Script=Han}{2,}.*(?:公安局|分局|派出所)$/u.test(v)),
};

/** Notices and instructions printed on the forms (凭此信息办理其他银行结算账户…). */
const NOTICE =
  /凭此|办理|请于|请在|请妥善|请勿|注意|提示|须知|仅供|他用无效|复印件|本证|此证|不得|应当|应于|按规定|扫描|二维码|网址|登录|公示系统|年度报告|报送|准予|符合开户/u;
/**
 * A stamp staff put on a copy (此复印件与原件一致, 与原件相符, 仅供办理…使用，他用无效),
 * printed over the page's text: no field's value, nor the end of one.
 */
const COPY_STAMP = /复印.{0,4}(?:一致|相符)|与原件|仅供.{1,30}使用|他用无效|再复印无效/u;
export const isCopyStamp = (text: string): boolean => COPY_STAMP.test(compact(text));
/** The start of a notice, for the business scope (whose own text may hold the words above). */
const NOTICE_START = /^(?:凭此|请|注意|提示|说明|须知|备注|仅供)/u;
const TITLE = /营业执照|开户许可证|基本存款账户信息|居民身份证|中华人民共和国|中国人民银行/u;

/** Where an organisation's name may end inside a longer text (its form, then a qualifier). */
const ORGANISATION_END = new RegExp(String.raw`(?:公司|企业|合伙|合作社)` + QUALIFIER, 'gu');

/**
 * Whether an organisation's name runs on into another text that `restTest` recognises: the
 * text after one of the name's possible ends (its form, then a qualifier) passes it. Two
 * rows read as one, the row under or beside the name taken for its wrap.
 */
function runsInto(v: string, restTest: (rest: string) => boolean): boolean {
  for (const m of v.matchAll(ORGANISATION_END))
    if (restTest(v.slice(m.index + m[0].length))) return true;
  return false;
}

/**
 * A bank's name after an organisation's (杭州某某科技有限公司中国工商银行股份有限公司杭州滨江支行):
 * the bank's name under the account holder's. What follows the organisation's form is a
 * whole bank name, its bank word not its start (a company's branch 滨江分公司, a 银行卡服务部
 * are no bank's name).
 */
function isBankNameRest(rest: string): boolean {
  const bank = BANK.exec(rest);
  return bank !== null && bank.index > 0 && rest.length >= 4 && BANK_END.test(rest);
}

/**
 * A legal form alone after an organisation's name (岚汐远（苏州）贸易有限公司其他有限责任公司): the
 * 类型 row beside or under the name read as its wrap when 类型's label was lost. A company's
 * branch (…有限公司滨江分公司) names a place first and is no legal form alone.
 */
const isLegalFormRest = (rest: string): boolean => rest !== '' && LEGAL_FORM_ONLY.test(rest);

/**
 * Why a value can never be this field's, or null. A label or a piece of one (its wrapped
 * suffix `（单位` / `负责人）`), a notice or instruction sentence, the document's title.
 */
export function neverValue(field: string, value: string): string | null {
  const v = compact(value);
  if (v === '') return 'empty';
  if (v.length >= 2 && ALL_LABELS.some((label) => label.includes(v)))
    return 'a label or part of one';
  // A bracketed piece left open or closed alone: a label's suffix, not a value.
  if (/^[(][^)]{0,6}$|^[^(]{0,6}[)]$/u.test(v) && field !== 'businessScope')
    return "a label's wrapped suffix";
  if (field === 'businessScope') return NOTICE_START.test(v) ? 'a notice' : null;
  if (PERSON_FIELDS.has(field) && nearPersonLabel(v)) return 'a label misread by one character';
  if (field !== 'address' && /[。！？]/u.test(v)) return 'a sentence';
  if (NOTICE.test(v)) return 'a notice or instruction';
  if (TITLE.test(v) && field !== 'bankName') return "the document's title";
  if ((field === 'companyName' || field === 'accountName') && runsInto(v, isBankNameRest))
    return "an organisation's name run on into a bank's";
  if ((field === 'companyName' || field === 'accountName') && runsInto(v, isLegalFormRest))
    return "an organisation's name run on into a legal form";
  return null;
}

/** Fields of free text whose value may be cut short without failing its type. */
const WHOLE_TEXT_FIELDS = new Set([
  'companyName',
  'accountName',
  'companyType',
  'registeredCapital',
  'address',
  'businessScope',
  'bankName',
  'issuingAuthority',
]);

/**
 * Fields whose value may be only part of the text printed beside its label (a name, free
 * text); a code, a date or a term has a grammar that says where it ends.
 */
export const mayRunOn = (field: string): boolean =>
  WHOLE_TEXT_FIELDS.has(field) || isPersonNameField(field);

/** A list's or a clause's separator, or an opening bracket: what text never ends with. */
const OPEN_END = /[、，,；;：:（(［[【《“‘—-]$/u;
/** How a sentence ends (a full stop, a closing bracket or quote, a filler of asterisks). */
const SENTENCE_END = /[。.)\]】」』”*]$/u;
/** What text never starts with: a separator or a closing bracket. */
const OPEN_START = /^[、，,；;：:）)］\]】》”’]/u;
/** A scope's heading (一般项目：, 许可项目：): where a headed scope starts. */
const SCOPE_HEADING = /(?:一般项目|许可项目)[:]/u;

/**
 * Why a value of free text is not whole though it has its field's type, or null: it ends
 * in a separator or an opening bracket (技术服务、技术开发、: the rest of the list was not
 * read), starts with one, or its brackets do not pair up (有限责任公司（自然人投资: the
 * bracket's end lost under a seal). A person must see where the rest of it went.
 */
export function cutShort(field: string, value: string): string | null {
  if (!WHOLE_TEXT_FIELDS.has(field)) return null;
  const v = foldWidth(value).trim();
  if (OPEN_END.test(v)) return 'ends in a separator or an opening bracket';
  if (OPEN_START.test(v)) return 'starts with a separator or a closing bracket';
  // A scope is a sentence: its list of activities ends in 。 or in the bracketed clause
  // every license adds (（除依法须经批准的项目外，…）); one ending on an activity stopped
  // where a line wrapped or a seal covered it.
  if (field === 'businessScope' && !SENTENCE_END.test(v)) return 'a scope that does not end';
  // A headed scope starts with its heading (一般项目：… or 许可项目：…。一般项目：…): one whose
  // heading comes after other text begins mid-sentence, its first row lost (under a
  // watermark, a seal) and its second read as its start.
  const heading = field === 'businessScope' ? SCOPE_HEADING.exec(v) : null;
  if (heading !== null && heading.index > 0) return 'a scope that does not start with its heading';
  let depth = 0;
  for (const ch of v) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    if (depth < 0) return 'a bracket closed that was never opened';
  }
  return depth > 0 ? 'a bracket opened that was never closed' : null;
}

/** A field's type, parse and validation; free text for a field without its own type. */
/** A person's name (a legal representative, a cardholder), not an organisation's. */
export const isPersonNameField = (field: string): boolean => VALUE_TYPES[field] === person;

export function typeOf(field: string): ValueType {
  return VALUE_TYPES[field] ?? text(() => true);
}

/**
 * Fields searched by their type over the page when their label gave nothing of their
 * type. Only types that tell a value apart (the account holder's name is the one
 * organisation on a bank form that is no bank). 核准号 and 基本存款账户编号 share theirs:
 * an unlabelled J-number is told by the form's title (scoring.ts). A permit's 编号 has a
 * grammar of its own (PERMIT_SERIAL), searched only on a form that reads as the permit
 * (its title or its 核准号: the 基本存款账户信息 prints no 编号).
 */
export const TYPE_SEARCH_FIELDS: Record<DocumentKind, readonly string[]> = {
  'business-license': [],
  'id-card-front': [],
  'id-card-back': [],
  'bank-permit': ['bankName', 'accountNumber', 'accountName', 'serialNumber'],
};
