// The purpose watermark: repeated, diagonal, semi-transparent text that leaves the known
// field boxes clear, so a leaked copy cannot be reused and the copy stays legible.
import type { TextOverlay } from './image-codec';

export interface WatermarkOptions {
  /** Drawn as given; the reference date is appended when the text holds no date. */
  text: string;
  /** 0..1; default 0.22. */
  opacity?: number;
  /** Default 30 (rising to the right). */
  angleDegrees?: number;
  color?: string;
}

export const DEFAULT_WATERMARK_TEXT = '仅供办理速卖通店铺账户关联使用，他用无效';
export const WATERMARK_DEFAULTS = { opacity: 0.22, angleDegrees: 30, color: '#c00000' } as const;

/** The exact text to draw: the user's text, with the date when it carries none. */
export function watermarkText(text: string, today: string): string {
  const trimmed = text.trim() || DEFAULT_WATERMARK_TEXT;
  return /\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日/.test(trimmed)
    ? trimmed
    : `${trimmed} ${today}`;
}

/** An axis-aligned rectangle in the output image's pixels, origin top-left. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Estimated advance of a text run: full-width (CJK) characters are one em, others about half. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55;
  return em * fontSize;
}

type Point = readonly [number, number];

function project(points: readonly Point[], axis: Point): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const [x, y] of points) {
    const p = x * axis[0] + y * axis[1];
    min = Math.min(min, p);
    max = Math.max(max, p);
  }
  return [min, max];
}

/** Separating-axis test between two convex quadrilaterals given their edge normals. */
function overlaps(a: readonly Point[], b: readonly Point[], axes: readonly Point[]): boolean {
  return axes.every((axis) => {
    const [aMin, aMax] = project(a, axis);
    const [bMin, bMax] = project(b, axis);
    return aMax > bMin && bMax > aMin;
  });
}

export interface WatermarkLayout {
  overlays: TextOverlay[];
  /** How many boxes were kept clear. */
  avoidedBoxes: number;
}

/**
 * Lays the text out in staggered diagonal rows over a width×height image, dropping every
 * copy that would touch a field box (boxes are inflated by a small margin).
 */
export function layoutWatermark(
  width: number,
  height: number,
  text: string,
  boxes: readonly Rect[],
  options: Omit<WatermarkOptions, 'text'> = {},
): WatermarkLayout {
  const opacity = options.opacity ?? WATERMARK_DEFAULTS.opacity;
  const angleDegrees = options.angleDegrees ?? WATERMARK_DEFAULTS.angleDegrees;
  const color = options.color ?? WATERMARK_DEFAULTS.color;
  const fontSize = Math.max(6, Math.round(Math.min(width, height) / 24));
  const textWidth = estimateTextWidth(text, fontSize);
  const theta = (angleDegrees * Math.PI) / 180;
  // Along the text (screen y grows downwards, so counter-clockwise means -sin) and across it.
  const u: Point = [Math.cos(theta), -Math.sin(theta)];
  const v: Point = [Math.sin(theta), Math.cos(theta)];
  const halfLength = textWidth / 2;
  const halfHeight = fontSize * 0.7;
  const margin = fontSize * 0.3;
  const boxPolys = boxes.map((b): Point[] => [
    [b.x - margin, b.y - margin],
    [b.x + b.w + margin, b.y - margin],
    [b.x + b.w + margin, b.y + b.h + margin],
    [b.x - margin, b.y + b.h + margin],
  ]);
  const axes: Point[] = [[1, 0], [0, 1], u, v];

  const rowGap = fontSize * 5;
  const step = textWidth + fontSize * 4;
  const cx = width / 2;
  const cy = height / 2;
  const reach = Math.hypot(width, height) / 2 + step;
  const overlays: TextOverlay[] = [];
  let row = 0;
  for (let across = -reach; across <= reach; across += rowGap, row++) {
    const shift = row % 2 === 0 ? 0 : step / 2;
    for (let along = -reach + shift; along <= reach; along += step) {
      const x = cx + u[0] * along + v[0] * across;
      const y = cy + u[1] * along + v[1] * across;
      if (x < -halfLength || x > width + halfLength || y < -halfLength || y > height + halfLength)
        continue;
      const corner = (s: number, t: number): Point => [
        x + u[0] * s * halfLength + v[0] * t * halfHeight,
        y + u[1] * s * halfLength + v[1] * t * halfHeight,
      ];
      const textPoly = [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)];
      const image: Point[] = [
        [0, 0],
        [width, 0],
        [width, height],
        [0, height],
      ];
      if (!overlaps(textPoly, image, axes)) continue;
      if (boxPolys.some((box) => overlaps(textPoly, box, axes))) continue;
      overlays.push({ text, x, y, angleDegrees, fontSize, opacity, color });
    }
  }
  return { overlays, avoidedBoxes: boxes.length };
}
