// A page's text items as positioned characters grouped into lines. Grouping is
// O(n log n) in the number of characters: a PDF of 50,000 items on one line must read
// in well under a second (it took minutes when the line's median height was re-sorted
// for every character added).
import type { Box, CharAlternatives, PageText, TextItem } from '../extraction';
import { foldWidth, mapRadicals } from '../text/normalise';
import { HAN_CHAR, HAS_HAN } from '../text/han';

export interface Glyph {
  ch: string;
  /** The character folded for label matching (width folded: （ → (). */
  key: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  confidence: number;
  /** The engine's own confidence of this character, where it reports one (charConfidences). */
  own?: number;
  /** Index of the text item the glyph came from, in its page. */
  item?: number;
  /** What else the OCR saw in this character (see CharAlternativesSchema). */
  alternatives?: CharAlternatives;
}

export interface Line {
  page: number;
  glyphs: Glyph[];
  y0: number;
  y1: number;
  /** Typical character height on the line. */
  h: number;
}

/** Counts the elementary steps of the grouping, for tests that bound the work done. */
export interface WorkCounter {
  steps: number;
}

const INVISIBLE_CHAR = /^[\u00AD\u200B-\u200D\u2060\uFEFF]$/u;

function charWeight(ch: string): number {
  // An ideographic space (letter-spaced labels) is as wide as an ideograph.
  if (ch === '\u3000') return 1;
  if (/\s/u.test(ch)) return 0.35;
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x2e80 ? 0.55 : 1;
}

/**
 * The engine's confidence of each visible character of an item, in glyph order; null
 * where it reports none or its characters do not line up with the item's text.
 */
function ownConfidences(
  item: TextItem,
  chars: readonly { ch: string }[],
): readonly number[] | null {
  const own = item.charConfidences;
  if (own === undefined) return null;
  const visible = chars.reduce((n, { ch }) => n + (/\s/u.test(ch) ? 0 : 1), 0);
  return own.length === visible ? own : null;
}

/** An item's characters, each with an estimated box (full-width characters twice as wide). */
export function itemGlyphs(item: TextItem, index?: number): Glyph[] {
  // Each character keeps its index in the item's text: the OCR's alternatives point there.
  const chars = [...mapRadicals(item.text)]
    .map((ch, at) => ({ ch, at }))
    .filter(({ ch }) => !INVISIBLE_CHAR.test(ch));
  const total = chars.reduce((sum, { ch }) => sum + charWeight(ch), 0);
  if (total === 0) return [];
  const alternatives = item.alternatives && new Map(item.alternatives.map((a) => [a.at, a]));
  const own = ownConfidences(item, chars);
  const unit = item.w / total;
  const glyphs: Glyph[] = [];
  let x = item.x;
  for (const { ch, at } of chars) {
    const w = charWeight(ch) * unit;
    if (!/\s/u.test(ch)) {
      const alternative = alternatives?.get(at);
      glyphs.push({
        ch,
        key: foldWidth(ch),
        x0: x,
        x1: x + w,
        y0: item.y,
        y1: item.y + item.h,
        // The item's confidence (its weakest character, lifted a little; capped where a
        // character seems lost), lowered to an ideograph's own where that is less sure: a
        // value is as sure as its weakest ideograph (样列 with 列 at 0.87 in a line at 0.92).
        // Only ideographs, where one misread among thousands of look-alikes leaves a
        // well-formed wrong value: letters and digits keep their line's, as a code's checksum
        // and a date's calendar judge them (a checksum-valid credit code with a digit at 0.85
        // is right), and a date's dots are the recogniser's weakest characters.
        confidence: Math.min(
          item.confidence,
          (HAS_HAN.test(ch) ? own?.[glyphs.length] : undefined) ?? 1,
        ),
        ...(own?.[glyphs.length] === undefined ? {} : { own: own[glyphs.length] }),
        ...(index === undefined ? {} : { item: index }),
        ...(alternative === undefined ? {} : { alternatives: alternative }),
      });
    }
    x += w;
  }
  return glyphs;
}

/** A binary heap ordered by `before` (min-heap for a < b). */
class Heap {
  private readonly items: number[] = [];
  constructor(private readonly before: (a: number, b: number) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  peek(): number | undefined {
    return this.items[0];
  }
  push(value: number, work?: WorkCounter): void {
    const a = this.items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      if (work) work.steps++;
      const parent = (i - 1) >> 1;
      if (!this.before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(work?: WorkCounter): number | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    a[0] = last;
    let i = 0;
    for (;;) {
      if (work) work.steps++;
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < a.length && this.before(a[l]!, a[best]!)) best = l;
      if (r < a.length && this.before(a[r]!, a[best]!)) best = r;
      if (best === i) break;
      [a[i], a[best]] = [a[best]!, a[i]!];
      i = best;
    }
    return top;
  }
}

/**
 * The median of a growing list of numbers, as `sorted[floor(n / 2)]`, in O(log n) per
 * value: the lower half in a max-heap, the upper half (one more when n is odd) in a min-heap.
 */
export class RunningMedian {
  private readonly lower = new Heap((a, b) => a > b);
  private readonly upper = new Heap((a, b) => a < b);

  add(value: number, work?: WorkCounter): void {
    const top = this.upper.peek();
    if (top === undefined || value >= top) this.upper.push(value, work);
    else this.lower.push(value, work);
    // Keep upper.size = ceil(n / 2): its minimum is then sorted[floor(n / 2)].
    const n = this.lower.size + this.upper.size;
    const want = Math.ceil(n / 2);
    if (this.upper.size > want) this.lower.push(this.upper.pop(work)!, work);
    else if (this.upper.size < want) this.upper.push(this.lower.pop(work)!, work);
  }

  get value(): number {
    return this.upper.peek() ?? 0;
  }
}

const centre = (g: { y0: number; y1: number }): number => (g.y0 + g.y1) / 2;

/** Groups a page's glyphs into lines, top to bottom, each sorted left to right. */
export function pageLines(page: PageText, work?: WorkCounter): Line[] {
  const glyphs = page.items
    .flatMap((item, index) => itemGlyphs(item, index))
    .sort((a, b) => centre(a) - centre(b));
  const tallest = glyphs.reduce((max, g) => Math.max(max, g.y1 - g.y0), 0);
  const lines: Line[] = [];
  const heights = new Map<Line, RunningMedian>();
  // Lines a glyph may still join, in the order they were started (the first match wins).
  // Glyphs come by their centre, so a line that ends well above the current centre can
  // take no more: it leaves this list and the search stays short.
  let open: Line[] = [];
  for (const g of glyphs) {
    const c = centre(g);
    const h = g.y1 - g.y0;
    if (open.length > 0 && open[0] !== undefined && open[0].y1 < c - 2 * tallest)
      open = open.filter((l) => l.y1 >= c - 2 * tallest);
    // Same line when the centres are close: strict, so that two columns whose rows are
    // offset by half a line do not merge.
    // Text twice the line's size (a seal, a title) is not on that line either: it would
    // pull the line's centre and split the label beside it.
    let line: Line | undefined;
    for (const l of open) {
      if (work) work.steps++;
      if (
        Math.abs(centre(l) - c) < 0.35 * Math.max(l.h, h) &&
        Math.max(l.h, h) < 1.7 * Math.min(l.h, h)
      ) {
        line = l;
        break;
      }
    }
    if (line) {
      line.glyphs.push(g);
      line.y0 = Math.min(line.y0, g.y0);
      line.y1 = Math.max(line.y1, g.y1);
      const median = heights.get(line)!;
      median.add(h, work);
      line.h = median.value;
    } else {
      line = { page: page.page, glyphs: [g], y0: g.y0, y1: g.y1, h };
      const median = new RunningMedian();
      median.add(h, work);
      heights.set(line, median);
      lines.push(line);
      open.push(line);
    }
  }
  for (const line of lines) line.glyphs.sort((a, b) => a.x0 - b.x0);
  const alone = itemsOfOneGlyph(glyphs);
  const few = itemsOfFewGlyphs(glyphs);
  return lines
    .flatMap((line) => splitOverprinted(line, alone, work))
    .map((line) => withoutSpecks(line, few))
    .sort((a, b) => a.y0 - b.y0);
}

/** Below this confidence a one-character box smaller than its line's characters is a speck. */
const SPECK_CONFIDENCE = 0.3;
/** A speck's box: its larger side under this share of its line's character height. */
const SPECK_SIZE = 0.75;

/** A speck's box holds at most this many glyphs (dust, a fragment of a seal's ring). */
const SPECK_GLYPHS = 3;

/** The items of a page that gave at most `most` glyphs. */
function itemsOfGlyphs(glyphs: readonly Glyph[], most: number): Set<number> {
  const count = new Map<number, number>();
  for (const g of glyphs) if (g.item !== undefined) count.set(g.item, (count.get(g.item) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n <= most).map(([item]) => item));
}

/** The items of a page that gave exactly one glyph. */
const itemsOfOneGlyph = (glyphs: readonly Glyph[]): Set<number> => itemsOfGlyphs(glyphs, 1);

/** The items of a page that gave a speck's few glyphs. */
const itemsOfFewGlyphs = (glyphs: readonly Glyph[]): Set<number> =>
  itemsOfGlyphs(glyphs, SPECK_GLYPHS);

/**
 * A line without the specks the OCR read as characters: a box of its own holding one to
 * three ideographs, each well smaller than the line's characters, that the recogniser
 * hardly believed (a fragment of a watermark or a seal, dust or a shadow on a photo or a
 * photocopy: `福` at 0.03, `护胶` at 0.09 between 住址 and the address). Left in, it
 * becomes a value's first characters and moves where the value's wrapped lines are looked
 * for, so the address loses its second line. A character printed in the line's size is
 * never one, however unsure the OCR was of it, and a box is a speck only whole: one sure
 * or full-size character in it keeps all of it.
 */
function withoutSpecks(line: Line, few: ReadonlySet<number>): Line {
  const specklike = (g: Glyph): boolean =>
    g.item !== undefined &&
    few.has(g.item) &&
    (g.own ?? g.confidence) < SPECK_CONFIDENCE &&
    HAN_CHAR.test(g.ch) &&
    Math.max(g.x1 - g.x0, g.y1 - g.y0) < SPECK_SIZE * line.h;
  if (line.glyphs.length < 2 || !line.glyphs.some(specklike)) return line;
  const kept = new Set(line.glyphs.filter((g) => !specklike(g)).map((g) => g.item));
  const speck = (g: Glyph): boolean => specklike(g) && !kept.has(g.item);
  const glyphs = line.glyphs.filter((g) => !speck(g));
  return {
    ...line,
    glyphs,
    y0: Math.min(...glyphs.map((g) => g.y0)),
    y1: Math.max(...glyphs.map((g) => g.y1)),
  };
}

/**
 * Glyphs overlapping by more than 60% of the narrower one's width: printed over each other
 * (CJK punctuation set in half its width overlaps its neighbour by half).
 */
const overprints = (a: Glyph, b: Glyph): boolean =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.6 * Math.min(a.x1 - a.x0, b.x1 - b.x0);

/**
 * Whether one of two overprinting glyphs is a character alone in its box, of another size
 * than the other (by more than 15%): a character of a seal's ring or of a stamp printed
 * over the line (a text layer keeps each of a seal's characters as an item of its own:
 * 技术推霁广, 霁 of the seal's 杭州霁月坊 over 广), not a box of the line grown into its neighbour.
 */
function loneForeign(a: Glyph, b: Glyph, alone: ReadonlySet<number>): boolean {
  if (a.item === b.item) return false;
  const [ha, hb] = [a.y1 - a.y0, b.y1 - b.y0];
  const isAlone = (g: Glyph): boolean => g.item !== undefined && alone.has(g.item);
  return (isAlone(a) || isAlone(b)) && Math.abs(ha - hb) > 0.15 * Math.min(ha, hb);
}

/**
 * A glyph's centre this share of its height or more off its line's (the median of the
 * line's glyphs' centres) stands off the line: a line's characters share a baseline.
 */
const OFF_LINE = 0.15;

/**
 * Of two overprinting glyphs from different boxes, the one alone in its box whose centre
 * stands off the line while the other's does not: a character of a seal's ring set about
 * the line's size but on a baseline of its own (凭营业执照 with 月 of the seal's 霁月坊 over
 * 执, 2% smaller and a fifth of a line lower, read 凭营业月执照 at 1.00). Null where
 * neither or both stand off, or neither is alone.
 */
function offLineGlyph(a: Glyph, b: Glyph, alone: ReadonlySet<number>, mid: number): Glyph | null {
  if (a.item === b.item) return null;
  const off = (g: Glyph): boolean =>
    g.item !== undefined &&
    alone.has(g.item) &&
    Math.abs(centre(g) - mid) >= OFF_LINE * (g.y1 - g.y0);
  const [offA, offB] = [off(a), off(b)];
  if (offA === offB) return null;
  const [foreign, other] = offA ? [a, b] : [b, a];
  // The other is on the line.
  return Math.abs(centre(other) - mid) < OFF_LINE * (other.y1 - other.y0) ? foreign : null;
}

/** The median of the glyphs' centres. */
function medianCentre(glyphs: readonly Glyph[]): number {
  const centres = glyphs.map(centre).sort((x, y) => x - y);
  return centres[Math.floor(centres.length / 2)]!;
}

/** Lines longer than this are not checked for overprinted text (the check is quadratic). */
const MAX_OVERPRINT_CHECK = 2000;

/**
 * One line of text never prints over itself: where two glyphs of a line overlap, two
 * texts were grouped into it (a stamp `此复印件与原件一致` or a watermark crossing a value,
 * close enough in height and position). They are told apart by the item each glyph came
 * from: the items of the largest one's height first, largest first, go to the first
 * sub-line of their height they print over nothing in.
 */
function splitOverprinted(line: Line, alone: ReadonlySet<number>, work?: WorkCounter): Line[] {
  const { glyphs } = line;
  if (glyphs.length > MAX_OVERPRINT_CHECK) return [line];
  let overlapping = 0;
  let lone = false;
  /** The boxes of glyphs that stand off the line where they print over it (offLineGlyph). */
  const offLine = new Set<number>();
  let mid: number | undefined;
  for (let i = 1; i < glyphs.length; i++)
    if (overprints(glyphs[i - 1]!, glyphs[i]!)) {
      overlapping++;
      lone ||= loneForeign(glyphs[i - 1]!, glyphs[i]!, alone);
      mid ??= medianCentre(glyphs);
      const off = offLineGlyph(glyphs[i - 1]!, glyphs[i]!, alone, mid);
      if (off?.item !== undefined) offLine.add(off.item);
    }
  // One overlap may be two boxes of one OCR line that grew into each other; not where one
  // of the two is a character alone in its box, of another size or off the line (one of a
  // seal's ring).
  if (overlapping < 2 && !lone && offLine.size === 0) return [line];
  const byItem = new Map<number, Glyph[]>();
  for (const g of glyphs) {
    const group = byItem.get(g.item ?? -1);
    if (group) group.push(g);
    else byItem.set(g.item ?? -1, [g]);
  }
  // The largest item's height is the line's own; items of that height first, largest first.
  const size = (group: Glyph[]): number => group[0]!.y1 - group[0]!.y0;
  const bySize = [...byItem.values()].sort((a, b) => b.length - a.length);
  const reference = size(bySize[0]!);
  const foreign = (group: Glyph[]): number =>
    Math.abs(size(group) - reference) > 0.15 * reference ||
    (group[0]!.item !== undefined && offLine.has(group[0]!.item))
      ? 1
      : 0;
  const groups = bySize.sort((a, b) => foreign(a) - foreign(b) || b.length - a.length);
  // A sub-line takes items of its first item's height that print over none of its glyphs.
  const subLines: Glyph[][] = [];
  for (const group of groups) {
    const fits = (sub: Glyph[]): boolean =>
      Math.abs(size(group) - size(sub)) <= 0.15 * size(sub) &&
      !group.some((g) =>
        sub.some((o) => {
          if (work) work.steps++;
          return overprints(g, o);
        }),
      );
    const sub = subLines.find(fits);
    if (sub) sub.push(...group);
    else subLines.push([...group]);
  }
  if (subLines.length === 1) return [line];
  return subLines.map((sub) => {
    const median = new RunningMedian();
    for (const g of sub) median.add(g.y1 - g.y0);
    return {
      page: line.page,
      glyphs: sub.sort((a, b) => a.x0 - b.x0),
      y0: Math.min(...sub.map((g) => g.y0)),
      y1: Math.max(...sub.map((g) => g.y1)),
      h: median.value,
    };
  });
}

/** The smallest confidence of some glyphs (no spread: a line may hold 50,000). */
export function minConfidence(glyphs: readonly Glyph[]): number {
  let min = Infinity;
  for (const g of glyphs) if (g.confidence < min) min = g.confidence;
  return min;
}

/** The box around some glyphs. */
export function union(glyphs: readonly Glyph[], page: number): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const g of glyphs) {
    x0 = Math.min(x0, g.x0);
    y0 = Math.min(y0, g.y0);
    x1 = Math.max(x1, g.x1);
    y1 = Math.max(y1, g.y1);
  }
  return { page, x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
