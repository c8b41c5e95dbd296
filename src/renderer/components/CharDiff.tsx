// Two compared values one above the other, aligned character by character, each
// difference highlighted and named (全角/半角, 空格, 形近, 不同, 缺少, 多余). The
// alignment comes from the check's diff (indexes are code points of the first value); when
// a check gives none, the core's own diff is computed here.
import type { CSSProperties } from 'react';
import type { DiffEntry, DiffKind } from '../../core/checks/types';
import { describeDiff, diffChars, type DiffNames } from '../../core/diff';
import { useI18n, type MessageKey, type Translate } from '../i18n';

/** One column of the aligned view: a character of each value (empty: a gap). */
export interface DiffColumn {
  a: string;
  b: string;
  kind: DiffKind | null;
  entry: DiffEntry | null;
}

/** Aligns a and b along the diff; equal characters share a column. */
export function alignDiff(a: string, b: string, diff: readonly DiffEntry[]): DiffColumn[] {
  const A = [...a];
  const columns: DiffColumn[] = [];
  const byAt = new Map<number, DiffEntry[]>();
  for (const entry of diff) byAt.set(entry.at, [...(byAt.get(entry.at) ?? []), entry]);
  for (let i = 0; i <= A.length; i++) {
    const here = byAt.get(i) ?? [];
    // Characters extra in b go before a[i].
    for (const e of here.filter((x) => x.a === '')) {
      columns.push({ a: '', b: e.b, kind: e.kind, entry: e });
    }
    if (i === A.length) break;
    const ch = A[i] ?? '';
    const own = here.find((x) => x.a !== '');
    columns.push(
      own
        ? { a: ch, b: own.b, kind: own.kind, entry: own }
        : { a: ch, b: ch, kind: null, entry: null },
    );
  }
  return columns;
}

/** Whether the diff reproduces b from a; a stale or foreign diff falls back to our own. */
function consistent(b: string, columns: readonly DiffColumn[]): boolean {
  return columns.map((c) => c.b).join('') === b;
}

const KIND_KEYS: Record<DiffKind, MessageKey> = {
  width: 'dossier.diff.width',
  space: 'dossier.diff.space',
  'look-alike': 'dossier.diff.look-alike',
  different: 'dossier.diff.different',
  missing: 'dossier.diff.missing',
  extra: 'dossier.diff.extra',
};

const KIND_COLOURS: Record<DiffKind, { bg: string; fg: string }> = {
  width: { bg: '#fff1b8', fg: '#ad6800' },
  space: { bg: '#e6f4ff', fg: '#0958d9' },
  'look-alike': { bg: '#f9f0ff', fg: '#531dab' },
  different: { bg: '#fff1f0', fg: '#cf1322' },
  missing: { bg: '#fff1f0', fg: '#cf1322' },
  extra: { bg: '#fff1f0', fg: '#cf1322' },
};

/** A wide character: not Latin and not a half-width form (same rule as core/diff.ts). */
function isFullWidth(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp > 0xff && !(cp >= 0xff61 && cp <= 0xffdc) && !(cp >= 0xffe8 && cp <= 0xffee);
}

/** The label under one differing character. */
export function kindLabelOf(t: Translate, column: DiffColumn, side: 'a' | 'b'): string {
  if (column.kind === null) return '';
  const ch = side === 'a' ? column.a : column.b;
  if (column.kind === 'width' && ch !== '') {
    return t(isFullWidth(ch) ? 'dossier.diff.full-width' : 'dossier.diff.half-width');
  }
  return t(KIND_KEYS[column.kind]);
}

/** Spaces made visible: ␣ for a space, □ for a full-width space. */
function visible(ch: string): string {
  if (ch === ' ' || ch === '\u00A0') return '␣';
  if (ch === '\u3000') return '□';
  if (ch === '\t') return '⇥';
  return ch;
}

const cell: CSSProperties = {
  display: 'inline-flex',
  flexDirection: 'column',
  alignItems: 'center',
  minWidth: '1.6em',
  margin: '0 1px',
};
const charBox: CSSProperties = {
  fontSize: 18,
  lineHeight: '28px',
  minHeight: 28,
  minWidth: '1.4em',
  textAlign: 'center',
  borderRadius: 3,
};

export interface CharDiffProps {
  a: string;
  b: string;
  /** The check's diff; computed from a and b when absent. */
  diff?: readonly DiffEntry[];
  /** What each value is, e.g. "营业执照 · 名称". */
  labelA: string;
  labelB: string;
  /** Names for the sentences that describe each difference. */
  names?: DiffNames;
}

export function CharDiff({ a, b, diff, labelA, labelB, names }: CharDiffProps) {
  const { t, language } = useI18n();
  let columns = alignDiff(a, b, diff ?? diffChars(a, b));
  if (!consistent(b, columns)) columns = alignDiff(a, b, diffChars(a, b));
  const entries = columns.flatMap((c) => (c.entry ? [c.entry] : []));

  const row = (side: 'a' | 'b', label: string) => (
    <div
      data-testid={`chardiff-row-${side}`}
      style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}
    >
      <div style={{ width: 160, flex: 'none', color: '#595959', paddingTop: 4 }}>{label}</div>
      <div style={{ display: 'flex', flexWrap: 'wrap' }} aria-label={label}>
        {columns.map((column, i) => {
          const ch = side === 'a' ? column.a : column.b;
          const colours = column.kind ? KIND_COLOURS[column.kind] : null;
          const sentence = column.entry ? describeDiff(column.entry, names)[language] : undefined;
          return (
            <span key={i} style={cell}>
              <span
                data-diff-kind={column.kind ?? undefined}
                data-side={side}
                title={sentence}
                style={{
                  ...charBox,
                  background: colours?.bg,
                  color: colours?.fg,
                  fontWeight: colours ? 600 : undefined,
                  outline: colours ? `1px solid ${colours.fg}` : undefined,
                  opacity: ch === '' ? 0.5 : 1,
                }}
              >
                {ch === '' ? '∅' : visible(ch)}
              </span>
              {column.kind && (
                <span style={{ fontSize: 11, color: colours?.fg, whiteSpace: 'nowrap' }}>
                  {kindLabelOf(t, column, side)}
                </span>
              )}
            </span>
          );
        })}
      </div>
    </div>
  );

  return (
    <div data-testid="chardiff" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      {row('a', labelA)}
      {row('b', labelB)}
      {entries.length > 0 && (
        <ul style={{ margin: '4px 0 0 168px', paddingLeft: 16, color: '#595959' }}>
          {entries.map((e, i) => (
            <li key={i} data-testid="chardiff-sentence">
              {describeDiff(e, names)[language]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
