// A page of the app's origin that fills the app's vault ('dossier-vault') with many
// dossiers, each with a stored check summary, so that bench/ui.ts can measure the
// dossier list as a person with a large practice would see it.
import { openVault } from '../src/vault/vault';
import { APP_VAULT_NAME } from '../src/renderer/model/vault-name';

async function seed(passphrase: string, count: number): Promise<number> {
  const vault = await openVault(APP_VAULT_NAME);
  if (!(await vault.isCreated())) await vault.create(passphrase);
  else await vault.unlock(passphrase);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const id = await vault.createDossier({
      company: `演示企业${String(i).padStart(4, '0')}科技有限公司（分部${i % 7}）`,
      legalRepresentative: `法人${i}`,
      creditCode: `91330100MA${String(100000 + i).slice(-6)}X${i % 10}`,
    });
    const month = String((i % 12) + 1).padStart(2, '0');
    await vault.setCheckSummary(id, {
      verdict: i % 3 === 0 ? 'blocked' : 'ready',
      failed: i % 3 === 0 ? 1 : 0,
      warnings: i % 5,
      computedAt: Date.now(),
      idValidUntil: `2027-${month}-15`,
      licenseValidUntil: 'long-term',
      pendingChanges: [],
    });
  }
  vault.close();
  return performance.now() - started;
}

(window as unknown as { seedVault: typeof seed }).seedVault = seed;
document.title = 'ready';
