// The exported JPEG's page, as both hosts' codecs draw it (src/pack-host/draw-page.ts), on
// a real @napi-rs/canvas context: white under a transparent image, the whole image or
// only the `source` part scaled to the output, the watermark over it.
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { drawJpegPage } from '../../src/pack-host/draw-page';

/** A 20 × 10 image: red on the left half, blue on the right, a transparent bottom row. */
function twoColours() {
  const canvas = createCanvas(20, 10);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ff0000';
  ctx.fillRect(0, 0, 10, 9);
  ctx.fillStyle = '#0000ff';
  ctx.fillRect(10, 0, 10, 9);
  return canvas;
}

function pixel(
  ctx: ReturnType<ReturnType<typeof createCanvas>['getContext']>,
  x: number,
  y: number,
) {
  return [...ctx.getImageData(x, y, 1, 1).data];
}

describe('the exported page', () => {
  it('draws the whole image scaled, with white where it is transparent', () => {
    const out = createCanvas(40, 20);
    const ctx = out.getContext('2d');
    drawJpegPage(ctx, twoColours(), { width: 40, height: 20, quality: 0.9 }, 'sans-serif');
    expect(pixel(ctx, 5, 5)).toEqual([255, 0, 0, 255]);
    expect(pixel(ctx, 35, 5)).toEqual([0, 0, 255, 255]);
    expect(pixel(ctx, 5, 19)).toEqual([255, 255, 255, 255]);
  });

  it('draws only the source part when one is given', () => {
    const out = createCanvas(10, 10);
    const ctx = out.getContext('2d');
    drawJpegPage(
      ctx,
      twoColours(),
      { width: 10, height: 10, quality: 0.9, source: { x: 10, y: 0, w: 10, h: 9 } },
      'sans-serif',
    );
    expect(pixel(ctx, 1, 1)).toEqual([0, 0, 255, 255]);
    expect(pixel(ctx, 8, 8)).toEqual([0, 0, 255, 255]);
  });

  it('draws the watermark over the image', () => {
    const plain = createCanvas(60, 30).getContext('2d');
    const marked = createCanvas(60, 30).getContext('2d');
    const options = { width: 60, height: 30, quality: 0.9 };
    drawJpegPage(plain, twoColours(), options, 'sans-serif');
    drawJpegPage(
      marked,
      twoColours(),
      {
        ...options,
        overlays: [
          {
            text: 'COPY',
            x: 30,
            y: 15,
            angleDegrees: 0,
            fontSize: 20,
            opacity: 1,
            color: '#00ff00',
          },
        ],
      },
      'sans-serif',
    );
    const a = plain.getImageData(0, 0, 60, 30).data;
    const b = marked.getImageData(0, 0, 60, 30).data;
    let green = 0;
    for (let i = 0; i < a.length; i += 4) if (b[i + 1]! > 128 && a[i + 1]! < 128) green++;
    expect(green).toBeGreaterThan(20);
  });
});
