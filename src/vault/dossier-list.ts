// The decrypted dossier list, kept in memory from unlock to lock so that the list screen
// and its search never decrypt twice. Every write to dossiers tells it (recordEdit does);
// a load that raced a write is discarded and read again.
import { VaultLockedError } from './errors';
import type { Dossier, DossierSummary } from './types';

/** Case-insensitive substring search over company, legal representative and credit code. */
export function searchSummaries(all: DossierSummary[], query: string): DossierSummary[] {
  const needle = query.normalize('NFKC').trim().toLowerCase();
  if (!needle) return all;
  return all.filter((d) =>
    [d.company, d.legalRepresentative, d.creditCode].some((v) =>
      v?.normalize('NFKC').toLowerCase().includes(needle),
    ),
  );
}

export function summaryOf(
  d: Omit<Dossier, 'idNumber'> & { idNumber?: string | null },
): DossierSummary {
  return {
    id: d.id,
    company: d.company,
    rulePack: d.rulePack,
    status: d.status,
    legalRepresentative: d.legalRepresentative,
    creditCode: d.creditCode,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    checkSummary: d.checkSummary,
  };
}

export class DossierList {
  private summaries: Map<string, DossierSummary> | null = null;
  private loading: Promise<{ generation: number; summaries: Map<string, DossierSummary> }> | null =
    null;
  /** Counts writes to dossiers, so that a list decrypted meanwhile is not cached stale. */
  private writes = 0;

  /**
   * The list, decrypting it with `read` once; `stillValid` says whether the keys that read
   * it are still the vault's (a lock meanwhile throws in the caller).
   */
  async load(
    read: () => Promise<Dossier[]>,
    stillValid: () => boolean,
  ): Promise<Map<string, DossierSummary>> {
    for (;;) {
      if (this.summaries) return this.summaries;
      this.loading ??= this.readAll(read).finally(() => (this.loading = null));
      const loaded = await this.loading;
      if (!stillValid()) throw new VaultLockedError();
      if (loaded.generation === this.writes) {
        this.summaries = loaded.summaries;
        return loaded.summaries;
      }
    }
  }

  private async readAll(
    read: () => Promise<Dossier[]>,
  ): Promise<{ generation: number; summaries: Map<string, DossierSummary> }> {
    const generation = this.writes;
    const dossiers = await read();
    return { generation, summaries: new Map(dossiers.map((d) => [d.id, summaryOf(d)])) };
  }

  /** A dossier written whole (created, edited, brought back). */
  set(dossier: Omit<Dossier, 'idNumber'>): void {
    this.writes++;
    this.summaries?.set(dossier.id, summaryOf(dossier));
  }

  /** Some of a dossier's listed values changed (updatedAt, a derived value, its check summary). */
  changed(id: string, patch: Partial<DossierSummary>): void {
    this.writes++;
    const summary = this.summaries?.get(id);
    if (summary) Object.assign(summary, patch);
  }

  removed(id: string): void {
    this.writes++;
    this.summaries?.delete(id);
  }

  /** Forgets everything decrypted (lock, restore). */
  clear(): void {
    this.writes++;
    this.summaries = null;
  }
}
