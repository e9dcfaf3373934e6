import type { ForecastBands } from './types.ts';

/** Mean absolute error scaled by the in-sample seasonal-naive mean absolute error (M4 MASE). */
export function computeMase(
  train: readonly number[],
  actual: readonly number[],
  forecast: readonly number[],
  period: number,
): number {
  const m = period > 1 && train.length > period ? period : 1;
  let scale = 0;
  for (let t = m; t < train.length; t++) scale += Math.abs(train[t]! - train[t - m]!);
  scale /= Math.max(1, train.length - m);
  const mae = actual.reduce((s, a, j) => s + Math.abs(a - forecast[j]!), 0) / Math.max(1, actual.length);
  return scale > 0 ? mae / scale : mae === 0 ? 0 : Number.POSITIVE_INFINITY;
}

/** Symmetric MAPE in percent (M4 definition, 200 |a - f| / (|a| + |f|)); 0/0 terms count 0. */
export function computeSmape(actual: readonly number[], forecast: readonly number[]): number {
  let s = 0;
  actual.forEach((a, j) => {
    const f = forecast[j]!;
    const d = Math.abs(a) + Math.abs(f);
    s += d > 0 ? (200 * Math.abs(a - f)) / d : 0;
  });
  return s / Math.max(1, actual.length);
}

/** Share of actual values inside [lo, hi] for the 80 % and 95 % intervals. */
export function computeCoverage(
  actual: readonly number[],
  bands: ForecastBands,
): { coverage80: number; coverage95: number } {
  let c80 = 0;
  let c95 = 0;
  actual.forEach((a, j) => {
    if (a >= bands.lo80[j]! && a <= bands.hi80[j]!) c80++;
    if (a >= bands.lo95[j]! && a <= bands.hi95[j]!) c95++;
  });
  const n = Math.max(1, actual.length);
  return { coverage80: c80 / n, coverage95: c95 / n };
}
