// Reads a database with the raw IndexedDB API (no Dexie, no key) and renders every record
// of every store as text: bytes and blobs decoded both as UTF-8 and as Latin-1, so any
// plaintext stored anywhere shows up in the dump.
function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error ?? new Error('IndexedDB request failed'));
  });
}

async function render(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return render(new Uint8Array(await value.arrayBuffer()));
  if (value instanceof ArrayBuffer) return render(new Uint8Array(value));
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return {
      utf8: new TextDecoder('utf-8').decode(bytes),
      latin1: new TextDecoder('latin1').decode(bytes),
    };
  }
  if (Array.isArray(value)) return Promise.all(value.map(render));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await render(v);
    return out;
  }
  return value;
}

export async function dumpIndexedDb(
  name: string,
): Promise<{ stores: Record<string, number>; text: string }> {
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error ?? new Error('cannot open'));
  });
  const stores: Record<string, number> = {};
  const parts: string[] = [];
  for (const storeName of Array.from(db.objectStoreNames)) {
    const store = db.transaction(storeName, 'readonly').objectStore(storeName);
    const [keys, values] = await Promise.all([
      request(store.getAllKeys()),
      request(store.getAll()),
    ]);
    stores[storeName] = values.length;
    parts.push(
      JSON.stringify({ store: storeName, keys: await render(keys), values: await render(values) }),
    );
  }
  db.close();
  return { stores, text: parts.join('\n') };
}
