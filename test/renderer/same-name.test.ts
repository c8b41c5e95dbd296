// Two dossiers for one company name: found whatever the width or spacing they were typed
// in, and the rows that share a name are the ones marked.
import { describe, expect, it } from 'vitest';
import type { DossierRow } from '../../src/renderer/model/contract';
import {
  companyKey,
  sameNamed,
  sharedNames,
  shortId,
} from '../../src/renderer/screens/dossiers/same-name';

const row = (id: string, company: string): DossierRow =>
  ({
    summary: { id, company, creditCode: null, createdAt: 0 },
    verdict: null,
    failed: 0,
    warnings: 0,
    nearest: null,
  }) as unknown as DossierRow;

const rows = [
  row('a1', '杭州青梧屿科技有限公司（滨江分部）'),
  row('b2', '宁波远帆电子商务有限公司'),
  row('c3', '杭州青梧屿科技有限公司(滨江分部)'),
];

describe('same company name', () => {
  it('compares names across width and spaces', () => {
    expect(companyKey(' 杭州青梧屿科技有限公司 （滨江分部）')).toBe(
      companyKey('杭州青梧屿科技有限公司(滨江分部)'),
    );
    expect(sameNamed('杭州青梧屿科技有限公司 (滨江分部)', rows).map((r) => r.summary.id)).toEqual([
      'a1',
      'c3',
    ]);
    expect(sameNamed('宁波远帆', rows)).toEqual([]);
    expect(sameNamed('  ', rows)).toEqual([]);
  });

  it('marks only the rows whose name another row shares', () => {
    expect([...sharedNames(rows)].sort()).toEqual(['a1', 'c3']);
    expect(sharedNames(rows.slice(0, 2)).size).toBe(0);
  });

  it('gives a short mark from the id', () => {
    expect(shortId('3fa9c2d1-7b7e-4a8e')).toBe('#3fa9c2');
  });
});
