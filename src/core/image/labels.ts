// Sentences of the quality flags in both languages, and the field names they use.
import { fieldLabel } from '../checks/result';

const MORE_LABELS: Record<string, { en: string; zh: string }> = {
  businessScope: { en: 'business scope', zh: '经营范围' },
  issuingAuthority: { en: 'issuing authority', zh: '签发机关' },
  sex: { en: 'sex', zh: '性别' },
  ethnicity: { en: 'ethnicity', zh: '民族' },
  companyType: { en: 'company type', zh: '类型' },
  registeredCapital: { en: 'registered capital', zh: '注册资本' },
  establishedOn: { en: 'date of establishment', zh: '成立日期' },
  approvalNumber: { en: 'approval number', zh: '核准号' },
  accountCode: { en: 'account code', zh: '基本存款账户编号' },
  serialNumber: { en: 'serial number', zh: '编号' },
};

export function imageFieldLabel(field: string): { en: string; zh: string } {
  return MORE_LABELS[field] ?? fieldLabel(field);
}

export const SIDE_NAMES = {
  top: { en: 'top', zh: '上' },
  bottom: { en: 'bottom', zh: '下' },
  left: { en: 'left', zh: '左' },
  right: { en: 'right', zh: '右' },
} as const;

/** "the bank name" / "开户银行", or the page as a whole. */
export function where(field: string | undefined): { en: string; zh: string } {
  if (field === undefined) return { en: 'part of the page', zh: '页面的一部分' };
  const label = imageFieldLabel(field);
  return { en: `the ${label.en}`, zh: label.zh };
}
