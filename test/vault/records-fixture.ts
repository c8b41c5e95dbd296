// Version 3 records for the vault's tests: a vault holding one imported license, and a
// warning, an exception's reason and a check summary to store with it.
import type { DossierCheckSummary } from '../../src/vault/types';
import { newVault, pngHeader } from './helpers';

export const WARNING = '营业执照右下角印章模糊，请核对统一社会信用代码';
export const REASON = '试点期早期信用代码，早于校验位规则（市监局回函 2017-031）';

export async function withDocument(label: string, clock?: { now: number }) {
  const vault = await newVault(label, clock);
  const dossier = await vault.createDossier({
    company: '杭州青梧屿贸易有限公司',
    idNumber: '330106198805120026',
  });
  const doc = await vault.importFile(dossier, {
    name: 'license.png',
    bytes: pngHeader(1200, 800),
    kind: 'business-license',
  });
  return { vault, dossier, doc };
}

export const summary: DossierCheckSummary = {
  verdict: 'blocked',
  failed: 2,
  warnings: 1,
  computedAt: 1_763_000_000_000,
  idValidUntil: '2035-05-12',
  licenseValidUntil: null,
  pendingChanges: [],
};
