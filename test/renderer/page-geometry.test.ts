// The review's page view in numbers: zooming keeps the selected field in view (the old
// zoom about the frame's centre pushed a field near the edge out of it), and the
// magnifier shows small print around the pointer and stays away from large print.
import { describe, expect, it } from 'vitest';
import {
  LOUPE,
  SMALL_PRINT_PX,
  isVisible,
  keepInView,
  loupeView,
  onScreen,
  panForZoom,
  printHeight,
  zoomAnchor,
} from '../../src/renderer/components/page-geometry';

const frame = { w: 800, h: 600 };
const inside = (pan: { x: number; y: number }, zoom: number, box: typeof field) => {
  const r = onScreen(box, pan, zoom);
  return r.left >= 0 && r.top >= 0 && r.left + r.w <= frame.w && r.top + r.h <= frame.h;
};
// A field near the frame's right edge at the fitted zoom (a credit code at the right).
const field = { page: 0, x: 1900, y: 300, w: 300, h: 40 };

describe('zoom keeps the selected field in view', () => {
  it('zooming about the frame centre would lose the field; about the field it stays', () => {
    const zoom = 0.35;
    const pan = { x: 0, y: 0 };
    expect(inside(pan, zoom, field)).toBe(true);
    const centre = { x: frame.w / 2, y: frame.h / 2 };
    let z = zoom;
    let lost = pan;
    let kept = pan;
    for (let i = 0; i < 4; i++) {
      const next = z * 1.25;
      lost = panForZoom(centre, lost, z, next);
      const anchor = zoomAnchor(frame, kept, z, field);
      kept = keepInView(frame, panForZoom(anchor, kept, z, next), next, field);
      z = next;
    }
    expect(inside(lost, z, field)).toBe(false);
    expect(inside(kept, z, field)).toBe(true);
  });

  it('moves the view only as far as needed, and aligns a box wider than the frame on its start', () => {
    const zoom = 1;
    // 20 px past the right edge: moved back by 20 + the margin, not centred.
    const pan = { x: frame.w - 8 - (field.x + field.w) + 20, y: -200 };
    const moved = keepInView(frame, pan, zoom, field);
    expect(moved.x - pan.x).toBe(-20);
    expect(moved.y).toBe(pan.y);
    const wide = { page: 0, x: 100, y: 100, w: 2000, h: 30 };
    const r = onScreen(wide, keepInView(frame, { x: -500, y: 0 }, 1, wide), 1);
    expect(r.left).toBe(8);
  });

  it('anchors a button zoom on the field only while it is in view', () => {
    expect(zoomAnchor(frame, { x: 0, y: 0 }, 0.35, field)).toEqual({
      x: (field.x + field.w / 2) * 0.35,
      y: (field.y + field.h / 2) * 0.35,
    });
    expect(isVisible(frame, { x: -5000, y: 0 }, 1, field)).toBe(false);
    expect(zoomAnchor(frame, { x: -5000, y: 0 }, 1, field)).toEqual({ x: 400, y: 300 });
  });
});

describe('the magnifier over small print', () => {
  const page = { w: 2480, h: 3508 };
  const boxes = [40, 42, 38, 90, 41].map((h, i) => ({ page: 0, x: 100, y: i * 100, w: 500, h }));

  it('appears over small print, brings a line to a readable height and centres the pointer', () => {
    const line = printHeight(boxes);
    expect(line).toBe(41);
    const zoom = 0.2; // 41 × 0.2 = 8 px on screen: small
    const pan = { x: 0, y: 0 };
    const pointer = { x: 300, y: 300 };
    const view = loupeView(frame, page, pan, zoom, pointer, line)!;
    expect(view).not.toBeNull();
    expect(line! * view.scale).toBeGreaterThanOrEqual(SMALL_PRINT_PX * 2);
    // The page point under the pointer is at the loupe's centre.
    const px = (pointer.x - pan.x) / zoom;
    expect(view.backgroundX + px * view.scale).toBeCloseTo(LOUPE.w / 2);
    // Above the pointer, inside the frame.
    expect(view.top + LOUPE.h).toBeLessThanOrEqual(pointer.y);
    expect(view.left).toBeGreaterThanOrEqual(0);
    expect(view.left + LOUPE.w).toBeLessThanOrEqual(frame.w);
  });

  it('stays away from print already large on screen and from outside the page', () => {
    expect(loupeView(frame, page, { x: 0, y: 0 }, 0.5, { x: 300, y: 300 }, 41)).toBeNull();
    expect(loupeView(frame, page, { x: 400, y: 0 }, 0.2, { x: 100, y: 300 }, 41)).toBeNull();
    // Near the top edge it opens below the pointer.
    const low = loupeView(frame, page, { x: 0, y: 0 }, 0.2, { x: 300, y: 20 }, 41)!;
    expect(low.top).toBeGreaterThan(20);
  });
});
