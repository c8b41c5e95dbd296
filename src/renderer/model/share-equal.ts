// Structural sharing between two reads of the same data: the new value, with every part
// deep-equal to the old one's replaced by the old part itself. Pure (no React, no DOM): the
// vault's worker uses it to send only the parts of a dossier view that changed
// (engine/view-delta.ts); the screens (screens/dossier/use-shared.ts) so that a panel whose
// data did not change gets the same objects and its memo skips it.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.constructor !== b.constructor || a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** `next`, sharing with `prev` every part that is deep-equal (`prev` itself when all is). */
export function shareEqual<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const before = prev as unknown[];
    const out = (next as unknown[]).map((item, i) =>
      i < before.length ? shareEqual(before[i], item) : item,
    );
    const same = before.length === out.length && out.every((item, i) => item === before[i]);
    return (same ? prev : out) as T;
  }
  if (prev instanceof Map && next instanceof Map) {
    let same = prev.size === next.size;
    const out = new Map<unknown, unknown>();
    for (const [key, value] of next as Map<unknown, unknown>) {
      const shared: unknown = prev.has(key) ? shareEqual(prev.get(key), value) : value;
      if (!prev.has(key) || shared !== prev.get(key)) same = false;
      out.set(key, shared);
    }
    return (same ? prev : out) as T;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const shared = key in prev ? shareEqual(prev[key], next[key]) : next[key];
      if (shared !== prev[key] || !(key in prev)) same = false;
      out[key] = shared;
    }
    return (same ? prev : out) as T;
  }
  if (ArrayBuffer.isView(prev) && ArrayBuffer.isView(next))
    return sameBytes(prev, next) ? prev : next;
  if (prev instanceof Date && next instanceof Date)
    return prev.getTime() === next.getTime() ? prev : next;
  return next;
}

/** True when `a` and `b` are deep-equal (plain objects, arrays, maps, typed arrays, dates). */
export function deepEqual<T>(a: T, b: T): boolean {
  return shareEqual(a, b) === a;
}
