// accounts.csv: UTF-8 with a byte-order mark so that Excel on Windows opens the Chinese
// text right; RFC 4180 quoting; cells that a spreadsheet would run as a formula are defused.
import type { Account } from '../dossier';

const BOM = '\uFEFF';
const HEADER = ['序号 No.', '店铺名称 Store', '登录手机 Phone', '登录邮箱 Email'];

function cell(value: string): string {
  // A leading = + - @ (or tab/CR) makes Excel evaluate the cell (CSV injection): quote it as text.
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** Rows as CSV text with a BOM, quoted and defused as above (also the copy register's). */
export function csvWithBom(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function accountsCsv(accounts: readonly Account[]): string {
  return csvWithBom([HEADER, ...accounts.map((a, i) => [String(i + 1), a.store, a.phone, a.email])]);
}
