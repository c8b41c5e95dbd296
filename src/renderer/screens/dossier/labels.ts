// Names of document kinds and fields as a person reads them, looked up in the catalogue
// (one place per language), and the date parsing of the review's edit boxes.
import { isIsoDate } from '../../../core/dates';
import type { DetectedKind } from '../../../core/documents';
import type { MessageKey, Translate } from '../../i18n';

const KIND_KEYS: Record<DetectedKind, MessageKey> = {
  'business-license': 'dossier.kind.business-license',
  'id-card-front': 'dossier.kind.id-card-front',
  'id-card-back': 'dossier.kind.id-card-back',
  'bank-permit': 'dossier.kind.bank-permit',
  unknown: 'dossier.kind.unknown',
};

const FIELD_KEYS: Record<string, MessageKey> = {
  creditCode: 'dossier.field.creditCode',
  companyName: 'dossier.field.companyName',
  companyType: 'dossier.field.companyType',
  legalRepresentative: 'dossier.field.legalRepresentative',
  registeredCapital: 'dossier.field.registeredCapital',
  establishedOn: 'dossier.field.establishedOn',
  validFrom: 'dossier.field.validFrom',
  validUntil: 'dossier.field.validUntil',
  address: 'dossier.field.address',
  businessScope: 'dossier.field.businessScope',
  name: 'dossier.field.name',
  sex: 'dossier.field.sex',
  ethnicity: 'dossier.field.ethnicity',
  birthDate: 'dossier.field.birthDate',
  idNumber: 'dossier.field.idNumber',
  issuingAuthority: 'dossier.field.issuingAuthority',
  approvalNumber: 'dossier.field.approvalNumber',
  accountCode: 'dossier.field.accountCode',
  serialNumber: 'dossier.field.serialNumber',
  accountName: 'dossier.field.accountName',
  bankName: 'dossier.field.bankName',
  accountNumber: 'dossier.field.accountNumber',
  accounts: 'dossier.field.accounts',
  idValidUntil: 'dossier.field.idValidUntil',
  officeAddress: 'dossier.field.officeAddress',
  // The bank form's seal, as its confirmation is named in the audit log.
  seal: 'quality.seal',
};

export function kindLabel(t: Translate, kind: string): string {
  return kind in KIND_KEYS ? t(KIND_KEYS[kind as DetectedKind]) : kind;
}

export function fieldLabel(t: Translate, field: string): string {
  const key = FIELD_KEYS[field];
  return key === undefined ? field : t(key);
}

/**
 * What a person typed in a date field, as stored: ISO, `long-term` for 长期, or null when
 * it is not a date. Accepts 2036-05-20, 2036.05.20, 2036/5/20 and 2036年05月20日.
 */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  if (s === '长期' || s.toLowerCase() === 'long-term') return 'long-term';
  const m = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return null;
  const [y = '', mo = '', d = ''] = m.slice(1);
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  // The core's date rules decide what a real calendar day is (2023-02-30 is not).
  return isIsoDate(iso) ? iso : null;
}
