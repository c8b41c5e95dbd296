// The Node EXIF reader loads exifr only for a file that holds the bytes 'Exif' (the
// header exifr looks for): a scan without them gets the answer exifr would give
// (no orientation) without exifr being loaded or called; a phone photo is read by exifr.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type realExifr from 'exifr';
import { describe, expect, it, vi } from 'vitest';

const { orientationCalls } = vi.hoisted(() => ({ orientationCalls: { count: 0 } }));
vi.mock('exifr', async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof realExifr }>()).default;
  return {
    default: {
      ...real,
      orientation: (input: Parameters<typeof real.orientation>[0]) => {
        orientationCalls.count++;
        return real.orientation(input);
      },
    },
  };
});

import exifr from 'exifr';
import { mayHoldExif, readExifOrientationNode } from '../../src/ocr/exif.node.ts';
import { withExifOrientation } from './support/exif-photos';

const scan = async (): Promise<Uint8Array> =>
  new Uint8Array(
    await readFile(join(import.meta.dirname, '../../examples/scans-jpg/id-front.jpg')),
  );

describe('readExifOrientationNode', () => {
  it('answers a JPEG without EXIF as exifr does, without calling exifr', async () => {
    const bytes = await scan();
    expect(mayHoldExif(bytes)).toBe(false);
    expect(await exifr.orientation(Buffer.from(bytes))).toBeUndefined();
    orientationCalls.count = 0;
    expect(await readExifOrientationNode(bytes)).toBeUndefined();
    expect(orientationCalls.count).toBe(0);
  });

  it('reads the orientation of a JPEG with EXIF through exifr', async () => {
    const bytes = withExifOrientation(await scan(), 6);
    expect(mayHoldExif(bytes)).toBe(true);
    orientationCalls.count = 0;
    expect(await readExifOrientationNode(bytes)).toBe(6);
    expect(orientationCalls.count).toBe(1);
  });

  it('looks for the header in a view as given, not in the whole buffer behind it', () => {
    const header = new TextEncoder().encode('Exif');
    const buffer = new Uint8Array(16);
    buffer.set(header, 12);
    expect(mayHoldExif(buffer)).toBe(true);
    expect(mayHoldExif(buffer.subarray(0, 12))).toBe(false);
  });
});
