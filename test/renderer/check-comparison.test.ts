// The checks screen marks characters only between two compared values: never between the
// file names files.format lists, nor the bank name and account number of bank.details.
import { describe, expect, it } from 'vitest';
import { runChecks, type CheckId, type CheckResult } from '../../src/core/checks';
import type { DossierInput } from '../../src/core/dossier';
import { loadRulePack } from '../../src/core/rule-pack';
import { comparedValues } from '../../src/renderer/screens/dossier/check-comparison';
import { readyDossier, withFields } from '../core/dossier-fixture';

const pack = loadRulePack();
const check = (input: DossierInput, id: CheckId): CheckResult => {
  const found = runChecks(input, pack).checks.find((c) => c.id === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
};

describe('comparedValues', () => {
  it('gives both values of a failed comparison', () => {
    const result = check(
      withFields('bank-permit', { accountName: '杭州青梧屿科技有限公司(滨江分部)' }),
      'name.license-vs-bank',
    );
    expect(result.status).not.toBe('pass');
    expect(comparedValues(result)).toEqual([
      '杭州青梧屿科技有限公司（滨江分部）',
      '杭州青梧屿科技有限公司(滨江分部)',
    ]);
  });

  it('gives nothing for two file names under files.format', () => {
    const input = readyDossier();
    input.files = [
      { file: 'license.tiff', mime: 'image/tiff', bytes: 200_000 },
      { file: 'license2.pdf', mime: 'application/pdf', bytes: 9_000_000 },
    ];
    const result = check(input, 'files.format');
    expect(result.status).toBe('warn');
    expect(result.values).toEqual(['license.tiff', 'license2.pdf']);
    expect(comparedValues(result)).toBeNull();
  });

  it('gives nothing for a passed comparison', () => {
    expect(comparedValues(check(readyDossier(), 'name.license-vs-bank'))).toBeNull();
  });
});
