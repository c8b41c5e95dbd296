// Browser side of `npm run bench:vault -- --backup`: fills a vault with synthetic documents,
// streams its backup into a file of the origin-private file system (as the web build's
// File System Access save does: a writable stream, committed on close), then restores that
// file into a second, empty vault. Each step is one call, so that the Node side can reset
// and read the processes' peak memory around it.
import { openVault, type Vault } from '../src/vault/vault';
import { scan } from './synthetic-scan';

const PASSPHRASE = 'bench passphrase, long enough';
const DOCS_PER_DOSSIER = 4;
const KINDS = ['business-license', 'id-card-front', 'id-card-back', 'bank-permit'] as const;

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** The page's JS heap, sampled every 50 ms while a step runs (Chromium's performance.memory). */
function heapSampler(): { stop(): number | null } {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  if (!memory) return { stop: () => null };
  let peak = memory.usedJSHeapSize;
  const timer = setInterval(() => (peak = Math.max(peak, memory.usedJSHeapSize)), 50);
  return {
    stop() {
      clearInterval(timer);
      return round(Math.max(peak, memory.usedJSHeapSize) / 1024 / 1024);
    },
  };
}

async function timed<T>(work: () => Promise<T>) {
  const heap = heapSampler();
  const started = performance.now();
  const value = await work();
  return {
    seconds: round((performance.now() - started) / 1000, 2),
    peakHeapMB: heap.stop(),
    value,
  };
}

let open: Vault | null = null;

async function fill(db: string, documents: number, documentBytes: number) {
  const vault = await openVault(db);
  await vault.create(PASSPHRASE);
  const run = await timed(async () => {
    let dossierId = '';
    for (let i = 0; i < documents; i++) {
      if (i % DOCS_PER_DOSSIER === 0)
        dossierId = await vault.createDossier({ company: `合成公司 ${i / DOCS_PER_DOSSIER}` });
      const kind = KINDS[i % DOCS_PER_DOSSIER]!;
      await vault.importFile(dossierId, {
        name: `${kind}-${i}.jpg`,
        bytes: scan(documentBytes, i + 1),
        kind,
      });
    }
  });
  vault.close();
  return {
    seconds: run.seconds,
    peakHeapMB: run.peakHeapMB,
    documents,
    documentBytes: documents * documentBytes,
  };
}

/** Opens and unlocks `db` (Argon2id) before the measured backup. */
async function unlock(db: string): Promise<void> {
  open = await openVault(db);
  await open.unlock(PASSPHRASE);
}

async function fileHandle(name: string, create: boolean): Promise<FileSystemFileHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getFileHandle(name, { create });
}

/** The unlocked vault's backup streamed into the private file `name`. */
async function backup(name: string) {
  const vault = open!;
  const run = await timed(async () => {
    const writable = await (await fileHandle(name, true)).createWritable();
    await vault.backupStream().pipeTo(writable);
    return (await (await fileHandle(name, false)).getFile()).size;
  });
  vault.close();
  open = null;
  return { seconds: run.seconds, peakHeapMB: run.peakHeapMB, backupBytes: run.value };
}

/** The private file `name` restored into the new, empty vault `db`; counts what it holds. */
async function restore(name: string, db: string) {
  const vault = await openVault(db);
  const run = await timed(async () => {
    const file = await (await fileHandle(name, false)).getFile();
    await vault.restore(file, PASSPHRASE);
  });
  const dossiers = (await vault.listDossiers()).length;
  let documents = 0;
  await vault.db.blobs.toCollection().eachPrimaryKey(() => documents++);
  vault.close();
  return { seconds: run.seconds, peakHeapMB: run.peakHeapMB, dossiers, documents };
}

/** Deletes the databases and the private file (the next size starts on a clean disk). */
async function remove(dbs: string[], name: string): Promise<void> {
  for (const db of dbs) {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(db);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error(`could not delete ${db}`));
    });
  }
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(name).catch(() => undefined);
}

export const backupBench = { fill, unlock, backup, restore, remove };
export type BackupBench = typeof backupBench;
(window as unknown as { backupBench: BackupBench }).backupBench = backupBench;
document.title = 'ready';
