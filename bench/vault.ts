// `npm run bench:vault`: the vault in Debian's Chromium with a disk-backed profile.
// A vault of BENCH_VAULT_DOCS documents (default 5,000) of BENCH_VAULT_BLOB_KB KB (300),
// four per dossier: Argon2id time, unlock, dossier list and search p50/p95, import
// throughput, storage overhead of encryption. Writes bench/results/vault.json.
// Quick run: BENCH_VAULT_DOCS=200 npm run bench:vault
// `npm run bench:vault -- --backup`: backup and restore of large vaults (vault-backup.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveFolder } from '../test/e2e/support/chromium';
import { buildVaultPage, REPO_ROOT } from '../test/e2e/vault-harness/build';
import { pageCaller } from './page-call';
import type { VaultBench } from './vault-page';

const DOCUMENTS = Number(process.env.BENCH_VAULT_DOCS ?? 5000);
const BLOB_KB = Number(process.env.BENCH_VAULT_BLOB_KB ?? 300);
const SAMPLES = Number(process.env.BENCH_VAULT_SAMPLES ?? 100);

async function main(): Promise<void> {
  const built = await buildVaultPage(join(REPO_ROOT, 'bench/vault-page.ts'));
  const server = await serveFolder(built.root);
  const profile = mkdtempSync(join(tmpdir(), 'vault-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const call = pageCaller<VaultBench>(page, 'vaultBench');

    console.log(`Filling a vault with ${DOCUMENTS} documents of ${BLOB_KB} KB in Chromium…`);
    const kdfMs = await call('kdf');
    const fill = await call('fill', DOCUMENTS, BLOB_KB * 1024);
    const overhead = await call('overhead');
    // A fresh page: nothing decrypted is cached, as after a restart.
    await page.reload();
    await page.waitForFunction(() => document.title === 'ready');
    const measured = await call('measure', SAMPLES);

    const results = {
      bench: 'vault',
      when: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        node: process.version,
        browser: context.browser()?.version() ?? 'chromium',
      },
      config: {
        documents: DOCUMENTS,
        blobKB: BLOB_KB,
        samples: SAMPLES,
        kdf: 'argon2id 64 MiB, 3 passes, parallelism 1',
      },
      kdfMs,
      fill,
      ...measured,
      overhead,
      targets: {
        unlockUnder1s: Math.max(...measured.unlockMs) <= 1000,
        listP95Under50ms: measured.listMs.p95 <= 50,
        searchP95Under50ms: measured.searchMs.p95 <= 50,
        overheadUnder2Percent: overhead.totalOverheadPercent <= 2,
      },
    };
    mkdirSync(join(REPO_ROOT, 'bench/results'), { recursive: true });
    writeFileSync(
      join(REPO_ROOT, 'bench/results/vault.json'),
      JSON.stringify(results, null, 2) + '\n',
    );
    console.table({
      'Argon2id derive (ms)': kdfMs.join(' / '),
      'unlock (ms)': measured.unlockMs.join(' / '),
      'first list after unlock (ms)': measured.firstListAfterUnlockMs.join(' / '),
      'list p50 / p95 (ms)': `${measured.listMs.p50} / ${measured.listMs.p95}`,
      'search p50 / p95 (ms)': `${measured.searchMs.p50} / ${measured.searchMs.p95}`,
      'documents of a dossier p50 / p95 (ms)': `${measured.listDocumentsOfDossierMs.p50} / ${measured.listDocumentsOfDossierMs.p95}`,
      'import (docs/s, MB/s)': `${fill.importDocsPerSecond}, ${fill.importMBPerSecond}`,
      'fill total (s)': fill.fillSeconds,
      'overhead blobs / total (%)': `${overhead.blobsOverheadPercent} / ${overhead.totalOverheadPercent}`,
      'storage estimate (MB)':
        overhead.storageEstimateBytes === null
          ? '?'
          : Math.round(overhead.storageEstimateBytes / 1024 / 1024),
    });
    console.log('Targets:', results.targets);
    console.log('Wrote bench/results/vault.json');
  } finally {
    await context.close();
    await server.close();
    built.remove();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv.includes('--backup')) {
  const { backupBench } = await import('./vault-backup');
  await backupBench();
} else {
  await main();
}
