import type { SeededRandom } from './seeded-random.ts';

/** A cumulative weight table over values (indices, hours...), drawn from by binary search. */
export class WeightedTable {
  private readonly indices: number[] = [];
  private readonly cumulative: number[] = [];
  private total = 0;

  add(index: number, weight: number): void {
    if (weight <= 0) return;
    this.total += weight;
    this.indices.push(index);
    this.cumulative.push(this.total);
  }

  get size(): number {
    return this.indices.length;
  }

  draw(random: SeededRandom): number {
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.indices[lo] ?? -1;
  }
}

/** A table of the values 0..n-1 with the given weights. */
export function buildWeightedTable(weights: readonly number[]): WeightedTable {
  const table = new WeightedTable();
  weights.forEach((w, i) => {
    table.add(i, w);
  });
  return table;
}
