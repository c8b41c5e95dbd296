// The stand-in relay's frame codec (test/e2e/support/native-host-bridge.ts), in Node: the
// same source the page runs. A message crosses it as the MessagePort would carry it for
// the schemas at both ends: typed arrays as themselves (type, bytes), the numbers JSON
// cannot carry, frames cut anywhere in a stream waiting for the rest.
import { describe, expect, it } from 'vitest';
import { relayCodec } from './support/native-host-bridge';

const request = {
  type: 'raster',
  id: 7,
  engine: 'paddle',
  page: 0,
  width: 2,
  height: 1,
  data: new Uint8ClampedArray([1, 2, 3, 4, 250, 251, 252, 253]),
};

describe('the stand-in relay’s frames', () => {
  it('carry typed arrays as their own type and bytes, and NaN or Infinity as themselves', () => {
    const bytes = new Uint8Array([0, 255, 7]);
    const message = {
      ...request,
      extra: { bytes, ratio: Infinity, none: Number.NaN, s: '"$bytes":0' },
    };
    const frame = relayCodec.encode(message, 1234);
    const back = relayCodec.decode(frame, 0)!;
    expect(back.t).toBe(1234);
    expect(back.end).toBe(frame.byteLength);
    const m = back.m as typeof message;
    expect(m.data).toBeInstanceOf(Uint8ClampedArray);
    expect([...m.data]).toEqual([...request.data]);
    expect(m.extra.bytes).toBeInstanceOf(Uint8Array);
    expect([...m.extra.bytes]).toEqual([0, 255, 7]);
    expect(m.extra.ratio).toBe(Infinity);
    expect(m.extra.none).toBeNaN();
    expect(m.extra.s).toBe('"$bytes":0');
    // The bytes travel raw: a 100 kB file makes a frame of 100 kB and its header (base64
    // would make 133 kB).
    const file = new Uint8Array(100_000).map((_, k) => k % 256);
    const big = relayCodec.encode({ type: 'read', id: 1, name: 'a.jpg', bytes: file }, 0);
    expect(big.byteLength).toBeLessThan(100_000 + 200);
    expect([...(relayCodec.decode(big, 0)!.m as { bytes: Uint8Array }).bytes]).toEqual([...file]);
  });

  it('decodes frames one after another, and a frame cut short as not yet whole', () => {
    const a = relayCodec.encode(request, 1);
    const b = relayCodec.encode({ type: 'progress', id: 7, stage: 'ocr', progress: 0.5 }, 2);
    const stream = new Uint8Array(a.byteLength + b.byteLength);
    stream.set(a);
    stream.set(b, a.byteLength);
    const first = relayCodec.decode(stream, 0)!;
    const second = relayCodec.decode(stream, first.end)!;
    expect((first.m as { id: number }).id).toBe(7);
    expect(second.m).toEqual({ type: 'progress', id: 7, stage: 'ocr', progress: 0.5 });
    expect(second.end).toBe(stream.byteLength);
    for (const cut of [1, 5, 9, a.byteLength - 1])
      expect(relayCodec.decode(stream.subarray(0, cut), 0)).toBeUndefined();
    expect(relayCodec.decode(stream, stream.byteLength)).toBeUndefined();
  });
});
