// The review's page view in numbers: where a zoom keeps its anchor, how little to pan so
// the selected field stays in view, and the magnifier over small print. Pure, so that
// what the eye relies on is tested without a browser.
import type { Box } from '../../core/extraction';

export interface Size {
  w: number;
  h: number;
}
export interface Point {
  x: number;
  y: number;
}

/** A page box on screen (frame pixels) at this pan and zoom. */
export function onScreen(box: Box, pan: Point, zoom: number) {
  return {
    left: pan.x + box.x * zoom,
    top: pan.y + box.y * zoom,
    w: box.w * zoom,
    h: box.h * zoom,
  };
}

/** True when any part of the box is inside the frame. */
export function isVisible(frame: Size, pan: Point, zoom: number, box: Box): boolean {
  const r = onScreen(box, pan, zoom);
  return r.left + r.w > 0 && r.top + r.h > 0 && r.left < frame.w && r.top < frame.h;
}

/**
 * The point a zoom button zooms about: the selected field's centre while it is in view
 * (so it stays where the eye is), else the frame's centre.
 */
export function zoomAnchor(frame: Size, pan: Point, zoom: number, box: Box | null): Point {
  if (box && isVisible(frame, pan, zoom, box)) {
    const r = onScreen(box, pan, zoom);
    return { x: r.left + r.w / 2, y: r.top + r.h / 2 };
  }
  return { x: frame.w / 2, y: frame.h / 2 };
}

/** The pan after zooming from `zoom` to `next` about `anchor` (the anchor stays put). */
export function panForZoom(anchor: Point, pan: Point, zoom: number, next: number): Point {
  return {
    x: anchor.x - ((anchor.x - pan.x) * next) / zoom,
    y: anchor.y - ((anchor.y - pan.y) * next) / zoom,
  };
}

/**
 * The smallest change of `pan` that brings the whole box inside the frame (with a margin);
 * a box wider or taller than the frame is aligned on its start (left, top), where reading
 * begins. Never a re-centre: what is in view stays as much in view as it can.
 */
export function keepInView(frame: Size, pan: Point, zoom: number, box: Box, margin = 8): Point {
  const r = onScreen(box, pan, zoom);
  const axis = (start: number, size: number, extent: number): number => {
    if (size + 2 * margin > extent) return margin - start;
    if (start < margin) return margin - start;
    if (start + size > extent - margin) return extent - margin - (start + size);
    return 0;
  };
  return { x: pan.x + axis(r.left, r.w, frame.w), y: pan.y + axis(r.top, r.h, frame.h) };
}

/** Print smaller than this on screen (px of a line's height) is magnified on hover. */
export const SMALL_PRINT_PX = 16;
/** The height the magnifier brings a line of print to, in screen px. */
const LOUPE_PRINT_PX = 36;
export const LOUPE = { w: 260, h: 120 };

/** The typical height of a line of print on the page (page units): the boxes' median. */
export function printHeight(boxes: readonly Box[]): number | null {
  const hs = boxes
    .map((b) => b.h)
    .filter((h) => h > 0)
    .sort((a, b) => a - b);
  return hs.length === 0 ? null : hs[Math.floor(hs.length / 2)]!;
}

export interface LoupeView {
  /** Where the magnifier sits in the frame. */
  left: number;
  top: number;
  /** Page units to loupe pixels. */
  scale: number;
  /** The page image as the loupe's background: its size and offset. */
  backgroundWidth: number;
  backgroundHeight: number;
  backgroundX: number;
  backgroundY: number;
}

/**
 * The magnifier for the pointer at `pointer` (frame px), or null when the print is
 * already large enough on screen or the pointer is off the page. It shows the page around
 * the pointer with a line of print LOUPE_PRINT_PX high, above the pointer (below it near
 * the top edge), kept inside the frame.
 */
export function loupeView(
  frame: Size,
  page: Size,
  pan: Point,
  zoom: number,
  pointer: Point,
  lineHeight: number | null,
): LoupeView | null {
  const onScreenLine = (lineHeight ?? 12 / zoom) * zoom;
  if (lineHeight === null ? zoom >= 0.75 : onScreenLine >= SMALL_PRINT_PX) return null;
  const px = (pointer.x - pan.x) / zoom;
  const py = (pointer.y - pan.y) / zoom;
  if (px < 0 || py < 0 || px > page.w || py > page.h) return null;
  const magnify = Math.min(8, Math.max(2, LOUPE_PRINT_PX / onScreenLine));
  const scale = zoom * magnify;
  const gap = 16;
  const above = pointer.y - gap - LOUPE.h;
  const top = above >= 0 ? above : Math.min(frame.h - LOUPE.h, pointer.y + gap);
  const left = Math.min(Math.max(0, pointer.x - LOUPE.w / 2), Math.max(0, frame.w - LOUPE.w));
  return {
    left,
    top,
    scale,
    backgroundWidth: page.w * scale,
    backgroundHeight: page.h * scale,
    backgroundX: LOUPE.w / 2 - px * scale,
    backgroundY: LOUPE.h / 2 - py * scale,
  };
}
