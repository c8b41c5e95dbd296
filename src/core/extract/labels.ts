// The printed labels of each document kind, as data: what a field is called on the
// document (with the variants real documents and OCR give), and the printed words that
// are not fields but end a value (登记机关, 发证机关 …). Matching is tolerant (see layout.ts),
// so an alias is the label as printed, without spaces or colons.
import type { DocumentKind } from '../documents';

/** How a label's value is read into fields. */
export type LabelTarget =
  | { field: string }
  /** A validity term (营业期限, 有效期限): `from 至 until` into two date fields. */
  | { term: ['validFrom', 'validUntil'] };

export interface LabelDef {
  id: string;
  aliases: readonly string[];
  /** null for a stop word: printed text that ends the value before it. */
  target: LabelTarget | null;
  /** May stand mid-line after a value (性别 男 民族 汉); other labels start a line or a column. */
  inline?: boolean;
  /**
   * The value never wraps (a person's name, a code): the line below is another field,
   * also when OCR missed that field's label (姓名 黄模拟 above a 女 whose 性别 was lost).
   */
  singleLine?: boolean;
}

const field = (name: string): LabelTarget => ({ field: name });
const term: LabelTarget = { term: ['validFrom', 'validUntil'] };

export const LABELS: Record<DocumentKind, readonly LabelDef[]> = {
  'business-license': [
    {
      id: 'creditCode',
      aliases: ['统一社会信用代码'],
      target: field('creditCode'),
      singleLine: true,
    },
    { id: 'companyName', aliases: ['名称'], target: field('companyName') },
    {
      id: 'companyType',
      aliases: ['类型', '主体类型', '组织形式', '公司类型'],
      target: field('companyType'),
    },
    {
      id: 'legalRepresentative',
      aliases: ['法定代表人', '经营者', '负责人', '执行事务合伙人', '投资人'],
      target: field('legalRepresentative'),
      singleLine: true,
    },
    // A partnership whose 执行事务合伙人 is a company names the person it sends: that
    // person's ID card is the one the dossier holds.
    {
      id: 'delegate',
      aliases: ['委派代表'],
      target: field('legalRepresentative'),
      singleLine: true,
    },
    {
      id: 'registeredCapital',
      aliases: ['注册资本', '出资额', '资金数额', '注册资金'],
      target: field('registeredCapital'),
    },
    { id: 'paidInCapital', aliases: ['实收资本'], target: null },
    { id: 'establishedOn', aliases: ['成立日期', '注册日期'], target: field('establishedOn') },
    { id: 'term', aliases: ['营业期限', '合伙期限', '经营期限'], target: term },
    {
      id: 'address',
      aliases: ['住所', '主要经营场所', '经营场所', '营业场所'],
      target: field('address'),
    },
    { id: 'businessScope', aliases: ['经营范围'], target: field('businessScope') },
    { id: 'authority', aliases: ['登记机关'], target: null },
    { id: 'formation', aliases: ['组成形式'], target: null },
    { id: 'registrationNumber', aliases: ['注册号'], target: null },
    {
      id: 'publicity',
      aliases: ['国家企业信用信息公示系统网址', '国家企业信用信息公示系统'],
      target: null,
    },
  ],
  'id-card-front': [
    { id: 'name', aliases: ['姓名'], target: field('name'), singleLine: true },
    { id: 'sex', aliases: ['性别'], target: field('sex'), inline: true },
    { id: 'ethnicity', aliases: ['民族'], target: field('ethnicity'), inline: true },
    { id: 'birthDate', aliases: ['出生'], target: field('birthDate'), singleLine: true },
    { id: 'address', aliases: ['住址'], target: field('address') },
    {
      id: 'idNumber',
      aliases: ['公民身份号码'],
      target: field('idNumber'),
      singleLine: true,
    },
  ],
  'id-card-back': [
    { id: 'issuingAuthority', aliases: ['签发机关'], target: field('issuingAuthority') },
    { id: 'term', aliases: ['有效期限'], target: term },
    { id: 'country', aliases: ['中华人民共和国'], target: null },
    { id: 'title', aliases: ['居民身份证'], target: null },
  ],
  'bank-permit': [
    { id: 'approvalNumber', aliases: ['核准号'], target: field('approvalNumber'), inline: true },
    { id: 'accountCode', aliases: ['基本存款账户编号', '账户编号'], target: field('accountCode') },
    { id: 'serialNumber', aliases: ['编号'], target: field('serialNumber'), inline: true },
    {
      id: 'accountName',
      aliases: ['存款人名称', '账户名称', '存款人', '户名'],
      target: field('accountName'),
    },
    {
      id: 'legalRepresentative',
      aliases: ['法定代表人(单位负责人)', '法定代表人', '单位负责人'],
      target: field('legalRepresentative'),
    },
    { id: 'bankName', aliases: ['开户银行', '开户行'], target: field('bankName') },
    { id: 'accountNumber', aliases: ['账号'], target: field('accountNumber') },
    { id: 'creditCode', aliases: ['统一社会信用代码'], target: field('creditCode') },
    { id: 'stamp', aliases: ['开户银行(盖章)', '发证机关(盖章)', '发证机关'], target: null },
    { id: 'approval', aliases: ['经审核'], target: null },
    { id: 'title', aliases: ['开户许可证', '基本存款账户信息'], target: null },
  ],
};

/** Words that tell the kinds apart, with their weight (classify.ts). */
export const KIND_KEYWORDS: Record<DocumentKind, readonly (readonly [string, number])[]> = {
  'business-license': [
    ['营业执照', 3],
    ['经营范围', 2],
    ['营业期限', 2],
    ['注册资本', 1],
    ['成立日期', 1],
    ['登记机关', 1],
    ['法定代表人', 0.5],
    ['统一社会信用代码', 0.5],
    ['住所', 0.5],
    ['经营场所', 0.5],
    ['经营者', 0.5],
  ],
  'id-card-front': [
    ['公民身份号码', 3],
    ['姓名', 1],
    ['性别', 1],
    ['民族', 1],
    ['出生', 1],
    ['住址', 1],
  ],
  'id-card-back': [
    ['居民身份证', 2],
    ['签发机关', 3],
    ['有效期限', 2],
    ['中华人民共和国', 1],
  ],
  'bank-permit': [
    ['开户许可证', 3],
    ['基本存款账户', 3],
    ['核准号', 2],
    ['存款人名称', 2],
    ['开户银行', 2],
    ['账号', 1],
    ['单位负责人', 1],
  ],
};
