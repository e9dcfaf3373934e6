import { quantileNormal } from './normal-distribution.ts';
import type { ForecastBands } from './types.ts';

export const Z80 = quantileNormal(0.9);
export const Z95 = quantileNormal(0.975);

/** Normal bands from point forecasts and per-step forecast variances. */
export function buildNormalBands(mean: readonly number[], variance: readonly number[]): ForecastBands {
  const sd = variance.map((v) => Math.sqrt(Math.max(0, v)));
  return {
    mean: mean.slice(),
    lo80: mean.map((m, i) => m - Z80 * sd[i]!),
    hi80: mean.map((m, i) => m + Z80 * sd[i]!),
    lo95: mean.map((m, i) => m - Z95 * sd[i]!),
    hi95: mean.map((m, i) => m + Z95 * sd[i]!),
  };
}

/** Empirical quantile (type 7, as R's default) of a sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Bands from simulated paths: given point forecasts, interval bounds from the path quantiles per step. */
export function buildPathBands(
  mean: readonly number[],
  paths: readonly (readonly number[])[],
): ForecastBands {
  const lo80: number[] = [];
  const hi80: number[] = [];
  const lo95: number[] = [];
  const hi95: number[] = [];
  // One typed column reused per step; its numeric sort orders finite values as (a, b) => a - b does.
  const column = new Float64Array(paths.length);
  for (let j = 0; j < mean.length; j++) {
    for (let i = 0; i < paths.length; i++) column[i] = paths[i]![j]!;
    column.sort();
    lo80.push(quantileSorted(column, 0.1));
    hi80.push(quantileSorted(column, 0.9));
    lo95.push(quantileSorted(column, 0.025));
    hi95.push(quantileSorted(column, 0.975));
  }
  return { mean: mean.slice(), lo80, hi80, lo95, hi95 };
}
