// File names inside a pack: a stable convention per document kind, safe on Windows,
// macOS and Linux (no reserved characters or device names, bounded length).
import type { DetectedKind } from '../documents';

/** Characters Windows refuses in a name, plus control characters; `/` everywhere. */
// eslint-disable-next-line no-control-regex
const RESERVED_CHARS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Windows device names, refused whatever the extension. */
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Well under the 255-byte (ext4/APFS) and 255-UTF-16-unit (NTFS) limits, leaving room for a folder. */
export const MAX_NAME_BYTES = 120;

/** UTF-8 length without TextEncoder (the core has no DOM or Node types). */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Cuts a string to at most `maxBytes` of UTF-8 without splitting a character. */
function truncateUtf8(s: string, maxBytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = utf8Length(ch);
    if (used + n > maxBytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/**
 * Makes one name component safe: NFC, reserved characters replaced, no leading or
 * trailing dots and spaces, no device names, at most MAX_NAME_BYTES with its extension.
 */
export function safeFileName(stem: string, ext: string): string {
  const cleanExt = ext.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  let base = stem
    .normalize('NFC')
    .replace(RESERVED_CHARS, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (base === '' || RESERVED_NAMES.test(base)) base = `_${base}`;
  const suffix = cleanExt ? `.${cleanExt}` : '';
  base = truncateUtf8(base, MAX_NAME_BYTES - utf8Length(suffix)).replace(/[\s.]+$/g, '');
  return `${base || '_'}${suffix}`;
}

const NUMBERED_LABEL: Record<Exclude<DetectedKind, 'unknown'>, { order: number; label: string }> = {
  'business-license': { order: 1, label: '营业执照' },
  'id-card-front': { order: 2, label: '法人身份证-人像面' },
  'id-card-back': { order: 3, label: '法人身份证-国徽面' },
  'bank-permit': { order: 4, label: '基本存款账户信息' },
};

export interface PackNameInput {
  kind: DetectedKind;
  /** Company name from the license, where known; only the license file carries it. */
  company: string | null;
  ext: 'jpg' | 'pdf';
  /** 1 for the first file of its kind, 2 for the second, … */
  occurrence: number;
  /** An old-style 开户许可证 (with 核准号) is named as such rather than 基本存款账户信息. */
  isLegacyBankPermit?: boolean;
}

/** `01-营业执照-<company>.jpg`, `02-法人身份证-人像面.jpg`, `03-…国徽面.jpg`, `04-基本存款账户信息.pdf`. */
export function packFileName({
  kind,
  company,
  ext,
  occurrence,
  isLegacyBankPermit,
}: PackNameInput): string {
  const extra = occurrence > 1 ? `-${occurrence}` : '';
  if (kind === 'unknown') return safeFileName(`09-其他材料${extra}`, ext);
  const { order, label } = NUMBERED_LABEL[kind];
  const shown = kind === 'bank-permit' && isLegacyBankPermit ? '开户许可证' : label;
  const companyPart = kind === 'business-license' && company ? `-${company}` : '';
  // The number and label go first so that truncation only ever shortens the company name.
  return safeFileName(`${String(order).padStart(2, '0')}-${shown}${extra}${companyPart}`, ext);
}
