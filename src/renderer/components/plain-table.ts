// The look of the app's plain tables (the audit log, the register of copies): antd's Table
// measures its scrollbar with an injected style, which the app's CSP (no 'unsafe-inline'
// for styles) refuses, so these tables are plain HTML with these React inline styles.
import type { CSSProperties } from 'react';

export const plainTable: CSSProperties = {
  width: '100%',
  borderCollapse: 'collapse',
  fontSize: 13,
};

/** A column's header cell. */
export const headerCell: CSSProperties = {
  textAlign: 'left',
  padding: '4px 8px',
  borderBottom: '1px solid #f0f0f0',
};

/** A body cell (top-aligned: a cell may hold several lines). */
export const bodyCell: CSSProperties = {
  padding: '4px 8px',
  borderBottom: '1px solid #fafafa',
  verticalAlign: 'top',
};
