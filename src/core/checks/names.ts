// What each check is called for a person (the report, the checks screen): the ids of
// spec §3 are stable names for programs, not words a finance user reads.
import type { CheckId } from './types';

export const CHECK_NAMES: Readonly<Record<CheckId, { zh: string; en: string }>> = {
  'docs.complete': { zh: '材料齐全', en: 'Documents complete' },
  'credit-code.checksum': { zh: '统一社会信用代码校验位', en: 'Credit code check character' },
  'credit-code.eligible': { zh: '企业类型可关联', en: 'Company type may link accounts' },
  'credit-code.consistent': { zh: '统一社会信用代码一致', en: 'Credit code the same everywhere' },
  'name.license-vs-bank': {
    zh: '执照名称与开户名称一致',
    en: 'License name matches bank account name',
  },
  'legal-rep.license-vs-id': {
    zh: '法定代表人与身份证姓名一致',
    en: 'Legal representative matches ID card',
  },
  'legal-rep.license-vs-bank': {
    zh: '法定代表人与银行材料一致',
    en: 'Legal representative matches bank form',
  },
  'id.checksum': { zh: '身份证号码校验位', en: 'ID number check digit' },
  'id.validity': { zh: '身份证有效期', en: 'ID card still valid' },
  'id.declared-expiry': { zh: '填写的身份证到期日', en: 'Declared ID expiry' },
  'id.reuse': { zh: '身份证关联账户数', en: 'Accounts behind one ID card' },
  'license.validity': { zh: '营业执照营业期限', en: 'Business license term' },
  'address.declared-office': { zh: '办公地址与住所一致', en: 'Office address matches license' },
  'accounts.limit': { zh: '关联账户数量', en: 'Number of accounts' },
  'accounts.contact': { zh: '账户手机号和邮箱', en: 'Account phones and e-mails' },
  'files.format': { zh: '文件格式和大小', en: 'File formats and sizes' },
  'bank.details': { zh: '开户银行全称和账号', en: 'Bank full name and account number' },
  'id.period': { zh: '身份证有效期限与年龄相符', en: 'ID validity span fits the age' },
  'files.legible': { zh: '关键字段清晰可读', en: 'Required fields legible' },
  'bank.seal': { zh: '银行印章', en: 'Bank seal' },
  'files.quality': { zh: '图像质量', en: 'Image quality' },
};
