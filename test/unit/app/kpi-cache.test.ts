import { describe, expect, it } from 'vitest';
import { KpiResultCache } from '../../../src/app/kpi/kpi-cache.ts';

/** A computation that finishes when told to. */
function gate<V>(value: V) {
  let open = () => {};
  const opened = new Promise<void>((r) => {
    open = r;
  });
  let started = false;
  return {
    compute: async () => {
      started = true;
      await opened;
      return value;
    },
    open,
    started: () => started,
  };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('KpiResultCache', () => {
  it('computes a question once per data version; a new version computes again', async () => {
    const cache = new KpiResultCache<number>(10, 2);
    let runs = 0;
    const compute = async () => {
      runs += 1;
      return runs;
    };
    const [a, b] = await Promise.all([cache.get('c1', 1, 'q', compute), cache.get('c1', 1, 'q', compute)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await cache.get('c1', 2, 'q', compute)).toBe(2);
    expect(await cache.get('c2', 2, 'q', compute)).toBe(3);
  });

  it("one company's queued questions do not hold another company's", async () => {
    const cache = new KpiResultCache<string>(10, 1);
    const heavy = [gate('a1'), gate('a2'), gate('a3')];
    const pending = heavy.map((g, i) => cache.get('A', 1, `q${i}`, g.compute));
    const other = gate('b1');
    const b = cache.get('B', 1, 'q', other.compute);
    await tick();
    // A runs one at a time; B starts at once beside it.
    expect(heavy.map((g) => g.started())).toEqual([true, false, false]);
    expect(other.started()).toBe(true);
    other.open();
    expect(await b).toBe('b1');
    heavy[0]?.open();
    await tick();
    expect(heavy.map((g) => g.started())).toEqual([true, true, false]);
    heavy[1]?.open();
    heavy[2]?.open();
    expect(await Promise.all(pending)).toEqual(['a1', 'a2', 'a3']);
  });

  it('forgets a failed computation and keeps at most maxEntries', async () => {
    const cache = new KpiResultCache<number>(2, 2);
    await expect(cache.get('c', 1, 'q', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('c', 1, 'q', async () => 7)).toBe(7);
    await cache.get('c', 1, 'r', async () => 8);
    await cache.get('c', 1, 's', async () => 9);
    // 'q' was the least recently used: computed again.
    expect(await cache.get('c', 1, 'q', async () => 10)).toBe(10);
  });
});
