// Names of document kinds and fields as a person reads them, in both languages: the one
// place the checks' sentences, the quality flags, the pack's report, the CLI and the app's
// screens take them from (the interface's catalogues spread them in, src/renderer/i18n).
// English is lower case, as inside a sentence; a heading capitalises it.
import type { DetectedKind, DocumentKind } from './documents';

export interface BilingualLabel {
  zh: string;
  en: string;
}

/** Field names (the fields of spec §2 and the values a person declares). */
export const FIELD_LABELS = {
  creditCode: { zh: '统一社会信用代码', en: 'credit code' },
  companyName: { zh: '名称', en: 'company name' },
  companyType: { zh: '类型', en: 'company type' },
  legalRepresentative: { zh: '法定代表人', en: 'legal representative' },
  registeredCapital: { zh: '注册资本', en: 'registered capital' },
  establishedOn: { zh: '成立日期', en: 'date of establishment' },
  validFrom: { zh: '有效期起始日', en: 'validity start' },
  validUntil: { zh: '有效期截止日', en: 'validity end' },
  address: { zh: '住所 / 住址', en: 'address' },
  businessScope: { zh: '经营范围', en: 'business scope' },
  name: { zh: '姓名', en: 'name' },
  sex: { zh: '性别', en: 'sex' },
  ethnicity: { zh: '民族', en: 'ethnicity' },
  birthDate: { zh: '出生日期', en: 'birth date' },
  idNumber: { zh: '公民身份号码', en: 'ID number' },
  issuingAuthority: { zh: '签发机关', en: 'issuing authority' },
  approvalNumber: { zh: '核准号', en: 'approval number' },
  accountCode: { zh: '基本存款账户编号', en: 'basic account code' },
  serialNumber: { zh: '编号', en: 'serial number' },
  accountName: { zh: '存款人名称', en: 'account name' },
  bankName: { zh: '开户银行', en: 'bank name' },
  accountNumber: { zh: '账号', en: 'account number' },
  accounts: { zh: '关联账户', en: 'accounts to link' },
  idValidUntil: { zh: '平台表单上填写的身份证有效期', en: 'ID expiry as entered on the platform form' },
  officeAddress: { zh: '办公地址', en: 'office address' },
} as const satisfies Record<string, BilingualLabel>;

export type LabelledField = keyof typeof FIELD_LABELS;

/** A field's name; a field without a label (none today) is shown by its id. */
export function fieldLabel(field: string): BilingualLabel {
  return (FIELD_LABELS as Record<string, BilingualLabel>)[field] ?? { zh: field, en: field };
}

/** Document kinds as a heading or a list item names them (report, CLI, screens). */
export const KIND_LABELS: Record<DetectedKind, BilingualLabel> = {
  'business-license': { zh: '营业执照', en: 'business license' },
  'id-card-front': { zh: '法人身份证人像面', en: 'ID card, portrait side' },
  'id-card-back': { zh: '法人身份证国徽面', en: 'ID card, emblem side' },
  'bank-permit': { zh: '开户许可证 / 基本存款账户信息', en: 'bank account permit' },
  unknown: { zh: '未识别', en: 'unknown' },
};

/**
 * Document kinds as the checks' sentences name them, where a comma or a slash inside a
 * name would read as a list ("The dossier lacks: ID card (emblem side), bank account form.").
 */
export const KIND_NAMES_IN_SENTENCES: Record<DocumentKind, BilingualLabel> = {
  'business-license': { zh: '营业执照', en: 'business license' },
  'id-card-front': { zh: '身份证人像面', en: 'ID card (portrait side)' },
  'id-card-back': { zh: '身份证国徽面', en: 'ID card (emblem side)' },
  'bank-permit': { zh: '开户许可证或基本存款账户信息', en: 'bank account form' },
};
