// The fields a document of a kind prints. The bank form comes in two designs (spec §2):
// the 开户许可证 issued until 2019 prints 核准号 and 编号; the 基本存款账户信息 since the
// 2019 reform prints 基本存款账户编号 instead and neither of the two. A field the form
// does not print is not "not read": it is not offered, counted or listed as missing.
import { FIELDS_BY_KIND, type DetectedKind } from './documents';

/** Only on the 开户许可证 (until 2019). */
const PERMIT_ONLY = ['approvalNumber', 'serialNumber'] as const;
/** Only on the 基本存款账户信息 (since 2019). */
const ACCOUNT_INFO_ONLY = ['accountCode'] as const;

export type BankFormDesign = 'permit' | 'account-info' | 'unknown';

/**
 * Which bank form this is, from what was read (or confirmed): a 核准号 or a 编号 means the
 * old permit, a 基本存款账户编号 the new form; neither read, or both, tells nothing.
 */
export function bankFormDesign(read: (field: string) => boolean): BankFormDesign {
  const permit = PERMIT_ONLY.some(read);
  const info = ACCOUNT_INFO_ONLY.some(read);
  if (permit === info) return 'unknown';
  return permit ? 'permit' : 'account-info';
}

/** The fields a document of this kind prints, in print order, given what was read from it. */
export function printedFields(kind: DetectedKind, read: (field: string) => boolean): string[] {
  if (kind === 'unknown') return [];
  const all: readonly string[] = FIELDS_BY_KIND[kind];
  if (kind !== 'bank-permit') return [...all];
  const design = bankFormDesign(read);
  const absent: readonly string[] =
    design === 'account-info' ? PERMIT_ONLY : design === 'permit' ? ACCOUNT_INFO_ONLY : [];
  return all.filter((f) => !absent.includes(f));
}
