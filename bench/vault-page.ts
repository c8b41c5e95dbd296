// Browser side of `npm run bench:vault`: fills a vault with synthetic dossiers and
// documents, then measures unlock, list, search and storage overhead in Chromium.
import { DEFAULT_KDF, deriveWrappingKey, newKdfParams } from '../src/vault/envelope';
import type { Sealed } from '../src/vault/schema/sealed';
import { openVault } from '../src/vault/vault';
import { scan } from './synthetic-scan';

const DB = 'dossier-vault-bench';
const PASSPHRASE = 'bench passphrase, long enough';
const DOCS_PER_DOSSIER = 4;
const KINDS = ['business-license', 'id-card-front', 'id-card-back', 'bank-permit'] as const;

const CITIES = ['杭州', '宁波', '深圳', '广州', '义乌', '温州', '苏州', '厦门', '东莞', '泉州'];
const WORDS = [
  '青梧',
  '远帆',
  '星河',
  '瑞丰',
  '嘉禾',
  '云栖',
  '海韵',
  '锦程',
  '华拓',
  '晨曦',
  '鼎盛',
  '博远',
  '恒达',
  '优品',
  '创美',
  '汇通',
];
const TRADES = [
  '贸易有限公司',
  '电子商务有限公司',
  '科技有限公司',
  '服饰有限公司',
  '家居用品有限公司',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '林', '徐'];
const GIVEN = [
  '晓岚',
  '志远',
  '海燕',
  '建国',
  '丽娜',
  '文杰',
  '春梅',
  '思远',
  '雪',
  '磊',
  '静怡',
  '浩然',
];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

function digits(n: number, length: number): string {
  let s = '';
  let x = n * 2654435761;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += String(x % 10);
  }
  return s;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

async function kdf(runs = 3): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await deriveWrappingKey(PASSPHRASE, newKdfParams(DEFAULT_KDF));
    times.push(round(performance.now() - started));
  }
  return times;
}

async function fill(documents: number, blobBytes: number) {
  const vault = await openVault(DB);
  await vault.create(PASSPHRASE);
  const dossiers = Math.ceil(documents / DOCS_PER_DOSSIER);
  let importMs = 0;
  let imported = 0;
  const started = performance.now();
  for (let d = 0; d < dossiers; d++) {
    const person = pick(SURNAMES, d) + pick(GIVEN, Math.floor(d / SURNAMES.length) + d);
    const company = `${pick(CITIES, d)}${pick(WORDS, d * 7 + 3)}${pick(WORDS, d * 3 + 1)}${pick(TRADES, d)}`;
    const idNumber = `3301${digits(d, 14)}`;
    const id = await vault.createDossier({
      company,
      legalRepresentative: person,
      idNumber,
      creditCode: `91${digits(d + 7, 16)}`,
    });
    await vault.addAccount(id, {
      store: `${company}旗舰店`,
      phone: `138${digits(d, 8)}`,
      email: `shop${d}@example.com`,
    });
    await vault.addAccount(id, {
      store: `${company}专营店`,
      phone: `139${digits(d, 8)}`,
      email: `store${d}@example.com`,
    });
    await vault.setDeclared(id, {
      idValidUntil: '2035-05-12',
      officeAddress: `${pick(CITIES, d)}市西湖区文三路${d}号`,
    });
    for (let k = 0; k < DOCS_PER_DOSSIER && imported < documents; k++) {
      const bytes = scan(blobBytes, d * 31 + k + 1);
      const t0 = performance.now();
      const doc = await vault.importFile(id, {
        name: `${pick(KINDS, k)}-${d}.jpg`,
        bytes,
        kind: pick(KINDS, k),
      });
      importMs += performance.now() - t0;
      imported++;
      await vault.saveExtraction(doc.id, [
        {
          field: 'companyName',
          value: company,
          confidence: 0.95,
          box: { page: 0, x: 100, y: 200, w: 800, h: 60 },
        },
        {
          field: 'legalRepresentative',
          value: person,
          confidence: 0.93,
          box: { page: 0, x: 100, y: 300, w: 300, h: 60 },
        },
        {
          field: 'idNumber',
          value: idNumber,
          confidence: 0.9,
          box: { page: 0, x: 100, y: 400, w: 600, h: 60 },
        },
        { field: 'address', value: `${pick(CITIES, d)}市西湖区文三路${d}号`, confidence: 0.8 },
        { field: 'validUntil', value: '2035-05-12', confidence: 0.97 },
      ]);
    }
  }
  const fillSeconds = (performance.now() - started) / 1000;
  vault.close();
  return {
    dossiers,
    documents: imported,
    fillSeconds: round(fillSeconds),
    importSeconds: round(importMs / 1000),
    importDocsPerSecond: round(imported / (importMs / 1000)),
    importMBPerSecond: round((imported * blobBytes) / 1024 / 1024 / (importMs / 1000)),
  };
}

function isSealed(v: unknown): v is Sealed {
  return (
    v !== null &&
    typeof v === 'object' &&
    'iv' in v &&
    'ct' in v &&
    v.iv instanceof Uint8Array &&
    v.ct instanceof Uint8Array
  );
}

async function overhead() {
  const vault = await openVault(DB);
  let plain = 0;
  let stored = 0;
  let blobPlain = 0;
  let blobStored = 0;
  const count = (value: unknown): void => {
    if (isSealed(value)) {
      plain += value.ct.length - 16;
      stored += value.iv.length + value.ct.length;
    } else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
      Object.values(value).forEach(count);
    }
  };
  for (const table of vault.db.tables) {
    if (table.name === 'blobs' || table.name === 'keyring') continue;
    await table.each(count);
  }
  await vault.db.blobs.each((b) => {
    blobPlain += b.data.ct.length - 16;
    blobStored += b.data.iv.length + b.data.ct.length;
  });
  vault.close();
  const estimate = await navigator.storage.estimate();
  return {
    blobsPlainBytes: blobPlain,
    blobsSealedBytes: blobStored,
    blobsOverheadPercent: round(((blobStored - blobPlain) / blobPlain) * 100, 4),
    fieldsPlainBytes: plain,
    fieldsSealedBytes: stored,
    totalOverheadPercent: round(
      ((blobStored + stored - blobPlain - plain) / (blobPlain + plain)) * 100,
      4,
    ),
    storageEstimateBytes: estimate.usage ?? null,
  };
}

async function measure(samples: number) {
  const vault = await openVault(DB);
  const unlockMs: number[] = [];
  const coldListMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    vault.lock();
    let t = performance.now();
    await vault.unlock(PASSPHRASE);
    unlockMs.push(round(performance.now() - t));
    t = performance.now();
    await vault.listDossiers();
    coldListMs.push(round(performance.now() - t));
  }
  const listMs: number[] = [];
  const searchMs: number[] = [];
  const documentsMs: number[] = [];
  let hits = 0;
  const all = await vault.listDossiers();
  for (let i = 0; i < samples; i++) {
    let t = performance.now();
    await vault.listDossiers();
    listMs.push(performance.now() - t);
    const query = i % 2 === 0 ? pick(WORDS, i) : pick(SURNAMES, i) + pick(GIVEN, i * 5);
    t = performance.now();
    hits += (await vault.searchDossiers(query)).length;
    searchMs.push(performance.now() - t);
    t = performance.now();
    await vault.listDocuments(all[(i * 37) % all.length]!.id);
    documentsMs.push(performance.now() - t);
  }
  const stats = (v: number[]) => ({
    p50: round(percentile(v, 50), 2),
    p95: round(percentile(v, 95), 2),
  });
  vault.close();
  return {
    dossiers: all.length,
    unlockMs,
    firstListAfterUnlockMs: coldListMs,
    listMs: stats(listMs),
    searchMs: stats(searchMs),
    listDocumentsOfDossierMs: stats(documentsMs),
    averageSearchHits: round(hits / samples),
  };
}

export const vaultBench = { kdf, fill, overhead, measure };
export type VaultBench = typeof vaultBench;
(window as unknown as { vaultBench: VaultBench }).vaultBench = vaultBench;
document.title = 'ready';
