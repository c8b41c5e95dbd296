// A mark read into a value's row from beside it: a lone character standing well apart
// after a run of closely set characters (a `7` after `…216室` from a neighbouring mark, a
// seal's or a photo's edge read as a glyph). The value's own characters are set at its
// pitch; one character alone a wide gap beyond them, with nothing after it, is not part of
// it.
import type { Glyph } from './lines';

/** Gap before a lone last glyph, in line heights, past which it is not the value's. */
export const LONE_GAP = 1.2;
/** Characters set closely before it: a run, not a letter-spaced value (`张  三`). */
const RUN = 3;

/**
 * The row without its last glyph where that glyph stands alone more than LONE_GAP line
 * heights after a run of at least RUN characters set at most half that gap apart; the row
 * as it is otherwise. `h` is the line's height.
 */
export function withoutLoneTail<G extends Pick<Glyph, 'x0' | 'x1' | 'ch'>>(
  row: readonly G[],
  h: number,
): G[] {
  const visible = row.filter((g) => g.ch.trim() !== '');
  const last = visible.at(-1);
  const before = visible.slice(0, -1);
  if (last === undefined || before.length < RUN || h <= 0) return [...row];
  const gap = (last.x0 - before.at(-1)!.x1) / h;
  if (gap <= LONE_GAP) return [...row];
  const widest = Math.max(...before.slice(1).map((g, i) => (g.x0 - before[i]!.x1) / h));
  if (widest > LONE_GAP / 2) return [...row];
  return row.slice(0, row.indexOf(last));
}
