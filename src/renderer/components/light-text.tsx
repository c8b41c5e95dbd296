// Text and counts that render in one pass. antd's Typography `ellipsis` measures its text
// in a layout effect and sets state from it, and Badge animates a changed count the same
// way: each such mount or change makes React render again, synchronously, inside the task
// that committed (a "cascading update"), so the import's commit of a new document, its
// passive effects and the cascade ran as one main-thread task (bench/ui-profile.ts
// --react). CSS clips the text and the count is plain text: nothing to measure.
import type { CSSProperties, ReactNode } from 'react';

/** One line of text cut with an ellipsis by CSS; the whole text in its `title`. */
export function EllipsisText({
  title,
  children,
  style,
  'data-testid': testId,
}: {
  title: string;
  children: ReactNode;
  style?: CSSProperties;
  'data-testid'?: string;
}) {
  return (
    <span
      className="ant-typography"
      title={title}
      data-testid={testId}
      style={{
        display: 'block',
        minWidth: 0,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
        ...style,
      }}
    >
      {children}
    </span>
  );
}

/** A count beside its label, as antd's small Badge shows it; nothing when it is 0. */
export function CountBadge({
  count,
  color = '#ff4d4f',
  children,
}: {
  count: number;
  color?: string;
  children: ReactNode;
}) {
  return (
    <span style={{ position: 'relative', display: 'inline-block' }}>
      {children}
      {count > 0 && (
        <sup
          data-testid="count-badge"
          style={{
            position: 'absolute',
            top: -2,
            right: -8,
            transform: 'translate(50%, -50%)',
            minWidth: 14,
            height: 14,
            padding: '0 4px',
            borderRadius: 7,
            background: color,
            color: '#fff',
            fontSize: 12,
            lineHeight: '14px',
            fontWeight: 'normal',
            textAlign: 'center',
            whiteSpace: 'nowrap',
            boxShadow: '0 0 0 1px #fff',
          }}
        >
          {count > 99 ? '99+' : count}
        </sup>
      )}
    </span>
  );
}
