// Shared by the fuzz properties: how many cases (FUZZ_RUNS; small in `npm test`, large in
// `npm run fuzz`), mutations of a valid file, and a bound on each case's time and memory.
import fc from 'fast-check';
import { expect } from 'vitest';

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 25);
/** A case that takes longer is a hang for the reader under test. */
export const CASE_MS = Number(process.env.FUZZ_CASE_MS ?? 5_000);
/** Memory one case may add to the process (resident set), MB. */
export const CASE_MB = 512;
/** Printed with a failure, to replay it: FUZZ_SEED=… npm run fuzz. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

export const fuzzParams = (): fc.Parameters<unknown> => ({
  numRuns: FUZZ_RUNS,
  timeout: CASE_MS,
  ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}),
});

/** Runs one case, then checks it stayed within the time and memory bounds. */
export async function bounded<T>(run: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const rss = process.memoryUsage().rss;
  const result = await run();
  expect(performance.now() - start).toBeLessThan(CASE_MS);
  expect((process.memoryUsage().rss - rss) / 1048576).toBeLessThan(CASE_MB);
  return result;
}

/** A valid file with bytes flipped, cut, spliced or repeated. */
export function mutated(valid: Uint8Array): fc.Arbitrary<Uint8Array> {
  const flip = fc
    .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 16,
    })
    .map((edits) => {
      const out = valid.slice();
      for (const [at, value] of edits) out[at] = value;
      return out;
    });
  const cut = fc.nat(valid.length).map((n) => valid.slice(0, n));
  const splice = fc
    .tuple(fc.nat(valid.length), fc.uint8Array({ maxLength: 64 }))
    .map(
      ([at, junk]) => new Uint8Array([...valid.subarray(0, at), ...junk, ...valid.subarray(at)]),
    );
  const repeat = fc
    .tuple(
      fc.nat(valid.length - 1),
      fc.integer({ min: 1, max: 256 }),
      fc.integer({ min: 2, max: 50 }),
    )
    .map(([at, len, times]) => {
      const part = valid.subarray(at, at + len);
      const parts = [
        valid.subarray(0, at),
        ...Array.from({ length: times }, () => part),
        valid.subarray(at),
      ];
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let i = 0;
      for (const p of parts) {
        out.set(p, i);
        i += p.length;
      }
      return out;
    });
  return fc.oneof(flip, cut, splice, repeat);
}

/** Random bytes, and bytes that start like the format (so the reader goes past its first check). */
export function randomLike(magic: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 4096 }),
    fc.uint8Array({ maxLength: 4096 }).map((tail) => new Uint8Array([...magic, ...tail])),
  );
}
