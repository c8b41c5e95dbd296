// shareEqual: a dossier view read again keeps the objects of every part that did not
// change (so memoised panels skip), and takes the new parts where something did.
import { describe, expect, it } from 'vitest';
import { shareEqual } from '../../src/renderer/model/share-equal';

describe('shareEqual', () => {
  const read = () => ({
    dossier: { id: 'd1', company: '青梧屿科技有限公司', updatedAt: 1 },
    documents: [
      { id: 'a', fields: [{ field: 'name', value: '王样例', confirmedValue: null }] },
      { id: 'b', fields: [{ field: 'creditCode', value: '91330108', confirmedValue: null }] },
    ],
    accounts: [{ store: 's', phone: '1', email: 'e' }],
    bytes: new Uint8Array([1, 2, 3]),
    when: new Date(5),
  });

  it('answers the old value itself when the new one is deep-equal', () => {
    const prev = read();
    expect(shareEqual(prev, read())).toBe(prev);
  });

  it('keeps unchanged parts and takes the changed ones', () => {
    const prev = read();
    const next = read();
    next.documents[1]!.fields[0]!.confirmedValue = '91330108' as never;
    next.dossier.updatedAt = 2;
    const shared = shareEqual(prev, next);
    expect(shared).not.toBe(prev);
    expect(shared.accounts).toBe(prev.accounts);
    expect(shared.bytes).toBe(prev.bytes);
    expect(shared.when).toBe(prev.when);
    expect(shared.documents[0]).toBe(prev.documents[0]);
    expect(shared.documents[1]).not.toBe(prev.documents[1]);
    expect(shared.documents[1]!.fields[0]!.confirmedValue).toBe('91330108');
    expect(shared.dossier).toEqual({ id: 'd1', company: '青梧屿科技有限公司', updatedAt: 2 });
  });

  it('sees an added document, a removed key and changed bytes', () => {
    const prev = read();
    const next = read();
    next.documents.push({ id: 'c', fields: [] });
    const shared = shareEqual(prev, next);
    expect(shared.documents).toHaveLength(3);
    expect(shared.documents[0]).toBe(prev.documents[0]);

    const fewer: Partial<ReturnType<typeof read>> = read();
    delete fewer.accounts;
    expect(shareEqual<Partial<ReturnType<typeof read>>>(prev, fewer)).not.toBe(prev);
    expect('accounts' in shareEqual<Partial<ReturnType<typeof read>>>(prev, fewer)).toBe(false);

    const other = read();
    other.bytes = new Uint8Array([1, 2, 4]);
    expect(shareEqual(prev, other).bytes).toBe(other.bytes);
  });

  it("shares the equal entries of a Map (the review's proposals by field)", () => {
    const prev = new Map([
      ['creditCode', [{ field: 'creditCode', from: 'O', to: '0' }]],
      ['name', []],
    ]);
    const next = new Map([
      ['creditCode', [{ field: 'creditCode', from: 'O', to: '0' }]],
      ['name', [{ field: 'name', from: '王', to: '玉' }]],
    ]);
    const shared = shareEqual(prev, next);
    expect(shared).not.toBe(prev);
    expect(shared.get('creditCode')).toBe(prev.get('creditCode'));
    expect(shared.get('name')).toEqual(next.get('name'));
    expect(shared.get('name')).not.toBe(prev.get('name'));
    expect(shareEqual(prev, new Map(prev))).toBe(prev);
  });
});
