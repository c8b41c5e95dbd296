// Sentences of the quality flags in both languages, and the field names they use.
import { fieldLabel } from '../labels';
import type { QualityFlagId, SealRole } from './schema';

/** A field's name in a quality sentence: the one name of src/core/labels.ts. */
export const imageFieldLabel = fieldLabel;

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

/** Each flag's short name, as staff know it from the cloud card-OCR services. */
export const FLAG_NAMES: Readonly<Record<QualityFlagId, { en: string; zh: string }>> = {
  copy: { en: 'greyscale copy', zh: '黑白复印件' },
  screen: { en: 'photo of a screen', zh: '翻拍屏幕' },
  blur: { en: 'blurred', zh: '模糊' },
  glare: { en: 'glare', zh: '反光' },
  'border-incomplete': { en: 'edge cut off', zh: '边缘不完整' },
  covered: { en: 'covered', zh: '有遮挡' },
  'low-resolution': { en: 'low resolution', zh: '分辨率低' },
};

export const SEAL_ROLE_NAMES: Readonly<Record<SealRole, { en: string; zh: string }>> = {
  bank: { en: "the bank's seal", zh: '银行印章' },
  'registration-authority': { en: "the registration authority's seal", zh: '登记机关印章' },
  company: { en: "the company's seal", zh: '公司印章' },
};
