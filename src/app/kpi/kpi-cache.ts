import type { KpiRepository } from './ports.ts';

/**
 * KPI results cached under (company, data version, question): the version changes in the same
 * transaction as the data (every import, undo, catalog rename and merge), so a cached result is
 * never stale, and a dashboard opened by ten people costs one computation (concurrent identical
 * questions share the one running). Least recently used entries go first.
 *
 * Fairness: each company computes at most `perCompany` results at once; its other questions wait
 * in its own queue, so one company's heavy dashboard cannot take every read thread from another.
 */
export class KpiResultCache<V> {
  private readonly entries = new Map<string, Promise<V>>();
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(
    private readonly maxEntries = 1000,
    private readonly perCompany = 2,
  ) {}

  async get(companyId: string, version: number, question: string, compute: () => Promise<V>): Promise<V> {
    const key = `${companyId}\u0000${version}\u0000${question}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = this.limited(companyId, compute);
    this.entries.set(key, value);
    value.catch(() => {
      if (this.entries.get(key) === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }

  /** Runs `compute` when the company has a free turn (a finishing one hands its turn on). */
  private async limited(companyId: string, compute: () => Promise<V>): Promise<V> {
    const running = this.running.get(companyId) ?? 0;
    if (running >= this.perCompany) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(companyId) ?? [];
        queue.push(resolve);
        this.waiting.set(companyId, queue);
      });
    } else this.running.set(companyId, running + 1);
    try {
      return await compute();
    } finally {
      const queue = this.waiting.get(companyId);
      const next = queue?.shift();
      if (queue && queue.length === 0) this.waiting.delete(companyId);
      if (next) next();
      else {
        const left = (this.running.get(companyId) ?? 1) - 1;
        if (left <= 0) this.running.delete(companyId);
        else this.running.set(companyId, left);
      }
    }
  }
}

const caches = new WeakMap<KpiRepository, KpiResultCache<unknown>>();

/** The cache of one KPI repository (one per running server). */
export function kpiCacheOf<V>(repo: KpiRepository): KpiResultCache<V> {
  let cache = caches.get(repo);
  if (!cache) {
    cache = new KpiResultCache<unknown>();
    caches.set(repo, cache);
  }
  return cache as KpiResultCache<V>;
}
