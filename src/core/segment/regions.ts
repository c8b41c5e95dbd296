// The documents on one page, from the geometry of its text: lines that lie close
// together form clusters, each cluster is classified on its own, and a page whose
// clusters say two different kinds (an ID card's two sides photocopied on one sheet,
// one above the other or side by side) is split into one region per kind. Nothing here
// knows a layout: only distances measured in the page's own line height.
import type { DocumentKind } from '../documents';
import type { PageText, Region, TextItem } from '../extraction';

/** Two lines belong together when the gap between them is under these many line heights. */
const LINK_ACROSS = 4;
const LINK_DOWN = 2.5;
/**
 * Lines taller than this many median line heights are not used to link clusters: a
 * diagonal watermark's box spans the page and would join everything it crosses.
 */
const TALL_LINE = 2.5;
/**
 * A line whose box is more than this many times as tall as its characters are wide was
 * read along a slant: a diagonal watermark's pieces (他用无效 in a box twice as tall as
 * its characters are wide, 1.8-3.6 on a tuned copy scan). Level text's box is about as
 * tall as a character is wide (a digit or a letter half a character: 0.65-1.2 there).
 * Such lines neither set the page's line height (a copy's watermark falls into more
 * pieces than the card has lines) nor link clusters.
 */
const SLANT = 1.6;
/**
 * The margin kept around a region's text, as a share of the text's extent on each axis
 * and at least this many line heights: a document's edge, photo or emblem lies beyond
 * its text (on an ID card, up to a fifth of the text's width).
 */
const REGION_MARGIN_SHARE = 0.25;
const REGION_MARGIN_LINES = 2;
/**
 * An unclassified line this many line heights from a document's region, or nearer, is a
 * part of that document and is outlined with it (an ID back's title lies 5-8 lines above
 * its fields).
 */
const NEAR_LINES = 10;
/**
 * An unrecognised cluster joins another this many line heights away or nearer when the
 * two together are recognised: a card's fields lie apart on a copy (the ID number 4-5
 * lines under the address, a back's title 4 lines over its fields), and a photo or a
 * copy loses the labels that would have named each part on its own.
 */
const JOIN_LINES = 8;
/** The nearest clusters an unrecognised one tries to join. */
const JOIN_TRIES = 3;

export interface PageRegion {
  kind: DocumentKind;
  region: Region;
  items: TextItem[];
}

type Classify = (items: readonly TextItem[]) => DocumentKind | 'unknown';
/**
 * The kind some lines' evidence leans to where it is too weak to recognise them alone (a
 * typed value only that kind prints, or two of its labels), null where it names none.
 */
export type Lean = (items: readonly TextItem[]) => DocumentKind | null;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * A line's width in characters: a full-width one counts 1, a space or a narrow mark
 * (. , : ; ' | ! i l 1) 0.3, any other 0.5 (a digit, a letter).
 */
function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += FULL_WIDTH.test(ch) ? 1 : NARROW.test(ch) ? 0.3 : 0.5;
  return n;
}
const NARROW = /[\s.,:;'|!il1]/u;
const FULL_WIDTH =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Whether a line's box is taller than its text laid level would be (see SLANT). */
export function slanted(item: TextItem): boolean {
  const n = ems(item.text.trim());
  return n > 0 && item.h > (SLANT * item.w) / n;
}

/** The gap between two boxes along each axis (0 when they overlap on it). */
function gaps(a: Region, b: Region): { across: number; down: number } {
  return {
    across: Math.max(0, Math.max(a.x, b.x) - Math.min(a.x + a.w, b.x + b.w)),
    down: Math.max(0, Math.max(a.y, b.y) - Math.min(a.y + a.h, b.y + b.h)),
  };
}

export function boundsOf(items: readonly Region[]): Region {
  const x0 = Math.min(...items.map((i) => i.x));
  const y0 = Math.min(...items.map((i) => i.y));
  const x1 = Math.max(...items.map((i) => i.x + i.w));
  const y1 = Math.max(...items.map((i) => i.y + i.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Single-linkage groups of the values: union-find over the pairs `linked` says are close. */
function linkedGroups<T>(values: readonly T[], linked: (i: number, j: number) => boolean): T[][] {
  const parent = values.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) if (linked(i, j)) parent[find(i)] = find(j);
  }
  const groups = new Map<number, T[]>();
  values.forEach((value, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), value]);
  });
  return [...groups.values()];
}

/** Single-linkage clusters of the items (close pairs: gaps under LINK_ACROSS, LINK_DOWN lines). */
function clusters(items: readonly TextItem[], lineHeight: number): TextItem[][] {
  return linkedGroups(items, (i, j) => {
    const g = gaps(items[i]!, items[j]!);
    return g.across < LINK_ACROSS * lineHeight && g.down < LINK_DOWN * lineHeight;
  });
}

interface Cluster {
  items: TextItem[];
  kind: DocumentKind | 'unknown';
}

/**
 * The clusters with each unrecognised one joined to a near cluster where the two together
 * are recognised, as that cluster's kind (or a kind of their own when both were
 * unrecognised); repeated until nothing joins.
 */
function joinUnrecognised(
  found: readonly Cluster[],
  classify: Classify,
  lineHeight: number,
): Cluster[] {
  const clusters = found.map((c) => ({ ...c }));
  const join = (): boolean => {
    for (const u of clusters) {
      if (u.kind !== 'unknown') continue;
      const bounds = boundsOf(u.items);
      const near = clusters
        .filter((c) => c !== u)
        .map((c) => {
          const g = gaps(bounds, boundsOf(c.items));
          return { c, d: Math.hypot(g.across, g.down) };
        })
        .filter((n) => n.d <= JOIN_LINES * lineHeight)
        .sort((a, b) => a.d - b.d)
        .slice(0, JOIN_TRIES);
      for (const { c } of near) {
        const items = [...c.items, ...u.items].sort((a, b) => a.y - b.y || a.x - b.x);
        const kind = classify(items);
        if (kind === 'unknown' || (c.kind !== 'unknown' && kind !== c.kind)) continue;
        c.items = items;
        c.kind = kind;
        clusters.splice(clusters.indexOf(u), 1);
        return true;
      }
    }
    return false;
  };
  while (join());
  return clusters;
}

/** Distance from a box's centre to a region (0 inside it). */
function distance(item: Region, region: Region): number {
  const cx = item.x + item.w / 2;
  const cy = item.y + item.h / 2;
  const dx = Math.max(region.x - cx, 0, cx - (region.x + region.w));
  const dy = Math.max(region.y - cy, 0, cy - (region.y + region.h));
  return Math.hypot(dx, dy);
}

/**
 * Each group's text bounds grown by the margin, but never past the middle of the gap to
 * another group, nor past the page.
 */
function regionsFor(groups: readonly TextItem[][], page: PageText, lineHeight: number): Region[] {
  const bounds = groups.map((g) => boundsOf(g));
  return bounds.map((b, i) => {
    const mx = Math.max(REGION_MARGIN_LINES * lineHeight, REGION_MARGIN_SHARE * b.w);
    const my = Math.max(REGION_MARGIN_LINES * lineHeight, REGION_MARGIN_SHARE * b.h);
    let x0 = Math.max(0, b.x - mx);
    let y0 = Math.max(0, b.y - my);
    let x1 = Math.min(page.width, b.x + b.w + mx);
    let y1 = Math.min(page.height, b.y + b.h + my);
    bounds.forEach((o, j) => {
      if (j === i) return;
      const g = gaps(b, o);
      // Separated mostly along one axis: the boundary is the middle of that gap.
      if (g.down >= g.across) {
        if (o.y >= b.y + b.h) y1 = Math.min(y1, (b.y + b.h + o.y) / 2);
        else if (o.y + o.h <= b.y) y0 = Math.max(y0, (o.y + o.h + b.y) / 2);
      } else if (o.x >= b.x + b.w) x1 = Math.min(x1, (b.x + b.w + o.x) / 2);
      else if (o.x + o.w <= b.x) x0 = Math.max(x0, (o.x + o.w + b.x) / 2);
    });
    const round = (v: number): number => Math.round(v * 10) / 10;
    return { x: round(x0), y: round(y0), w: round(x1 - x0), h: round(y1 - y0) };
  });
}

/** Top to bottom; regions side by side (overlapping rows), left to right. */
function pageOrder(a: PageRegion, b: PageRegion): number {
  return gaps(a.region, b.region).down > 0 ? a.region.y - b.region.y : a.region.x - b.region.x;
}

const overlaps = (a: Region, b: Region): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The clusters in chains of gaps of at most `reach` (single linkage over cluster bounds). */
function chains(found: readonly Cluster[], reach: number): Cluster[][] {
  const bounds = found.map((c) => boundsOf(c.items));
  return linkedGroups(found, (i, j) => {
    const g = gaps(bounds[i]!, bounds[j]!);
    return Math.hypot(g.across, g.down) <= reach;
  });
}

/**
 * The other side of a two-sided card: what is copied on one sheet with it. Only there does
 * weak evidence beside a recognised document make a document of its own: a bank form or
 * a license prints an ID number too (the representative's, in a block of its own under
 * a form's table), and that number is a part of the form, not a card's front.
 */
const OTHER_SIDE: Partial<Record<DocumentKind, DocumentKind>> = {
  'id-card-front': 'id-card-back',
  'id-card-back': 'id-card-front',
};

/**
 * On a page where one side of a card is recognised, the unrecognised clusters that lie
 * apart from it (outside its text's bounds), chained by gaps of at most JOIN_LINES line
 * heights, where a chain's evidence leans to the card's other side: copied on the same
 * page, its labels taken by a watermark or a photo and its ID number alone, or two
 * labels, left. Too weak to be recognised on its own; beside the recognised side, and
 * apart from it, it is a document of its own.
 */
function apartLeaning(
  found: readonly Cluster[],
  recognised: readonly TextItem[],
  kind: DocumentKind,
  lean: Lean,
  lineHeight: number,
): { kind: DocumentKind; items: TextItem[] } | null {
  const side = OTHER_SIDE[kind];
  if (side === undefined) return null;
  const bounds = boundsOf(recognised);
  const apart = found.filter((c) => c.kind === 'unknown' && !overlaps(boundsOf(c.items), bounds));
  const leaning = chains(apart, JOIN_LINES * lineHeight).flatMap((chain) => {
    const items = chain.flatMap((c) => c.items).sort((a, b) => a.y - b.y || a.x - b.x);
    const leans = lean(items);
    return leans === null || leans === kind ? [] : [{ kind: leans, items }];
  });
  // One other document, the card's other side: chains leaning to two kinds, or two
  // chains, say nothing sure.
  return leaning.length === 1 && leaning[0]!.kind === side ? leaning[0]! : null;
}

/**
 * The documents found on one page as regions, or null when the page is one document
 * (its clusters do not name two different kinds; with `lean`, nor do the unrecognised
 * clusters apart from the one recognised document lean to another kind).
 */
export function splitPage(page: PageText, classify: Classify, lean?: Lean): PageRegion[] | null {
  const items = page.items.filter((i) => i.w > 0 && i.h > 0 && i.text.trim() !== '');
  if (items.length < 4) return null;
  const level = items.filter((i) => !slanted(i));
  const lineHeight = median((level.length > 0 ? level : items).map((i) => i.h));
  if (lineHeight <= 0) return null;
  const regular = level.filter((i) => i.h <= TALL_LINE * lineHeight);
  const found = clusters(regular, lineHeight).map((c) => ({ items: c, kind: classify(c) }));

  // Clusters of one kind are one document (a card's title and its fields lie apart).
  const kindsOf = (all: readonly Cluster[]): Map<DocumentKind, TextItem[]> => {
    const byKind = new Map<DocumentKind, TextItem[]>();
    for (const c of all) {
      if (c.kind !== 'unknown') byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), ...c.items]);
    }
    return byKind;
  };
  let byKind = kindsOf(found);
  // Parts no label named on their own (a photo of a copy) may be named together.
  let joined = found;
  if (byKind.size < 2 && found.length > 2) {
    joined = joinUnrecognised(found, classify, lineHeight);
    byKind = kindsOf(joined);
  }
  if (byKind.size === 1 && lean) {
    const [kind, items] = [...byKind][0]!;
    const other = apartLeaning(joined, items, kind, lean, lineHeight);
    if (other) byKind.set(other.kind, other.items);
  }
  if (byKind.size < 2) return null;
  const kinds = [...byKind.keys()];
  const groups = kinds.map((k) => byKind.get(k)!);
  const regions = regionsFor(groups, page, lineHeight);

  // Everything else (unrecognised clusters, tall lines) goes to the nearest region.
  const assigned = new Set(groups.flat());
  const near = groups.map((g) => [...g]);
  for (const item of items) {
    if (assigned.has(item)) continue;
    let best = 0;
    regions.forEach((r, i) => {
      if (distance(item, r) < distance(item, regions[best]!)) best = i;
    });
    groups[best]!.push(item);
    // A card's own lines that were not classified with it (its title, read through a
    // watermark) widen its region; a tall line (a watermark across the page) or a line
    // far from every document does not.
    if (
      item.h <= TALL_LINE * lineHeight &&
      !slanted(item) &&
      distance(item, regions[best]!) <= NEAR_LINES * lineHeight
    )
      near[best]!.push(item);
  }
  const outlined = regionsFor(near, page, lineHeight);
  return kinds
    .map((kind, i) => ({
      kind,
      region: outlined[i]!,
      // Reading order of the page, as the extractor expects.
      items: page.items.filter((item) => groups[i]!.includes(item)),
    }))
    .sort(pageOrder);
}
