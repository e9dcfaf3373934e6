import type { ForecastBands } from './types.ts';

/** Averages point forecasts and interval bounds of several members (quantile averaging). */
export function averageBands(members: readonly ForecastBands[]): ForecastBands {
  const k = members.length;
  const avg = (pick: (b: ForecastBands) => number[]): number[] =>
    pick(members[0]!).map((_, j) => members.reduce((s, b) => s + pick(b)[j]!, 0) / k);
  return {
    mean: avg((b) => b.mean),
    lo80: avg((b) => b.lo80),
    hi80: avg((b) => b.hi80),
    lo95: avg((b) => b.lo95),
    hi95: avg((b) => b.hi95),
  };
}

/** Widens (factor > 1) or narrows the 80 % and 95 % intervals around the mean. */
export function scaleBands(b: ForecastBands, factor80: number, factor95: number): ForecastBands {
  return {
    mean: b.mean.slice(),
    lo80: b.mean.map((m, j) => m - factor80 * (m - b.lo80[j]!)),
    hi80: b.mean.map((m, j) => m + factor80 * (b.hi80[j]! - m)),
    lo95: b.mean.map((m, j) => m - factor95 * (m - b.lo95[j]!)),
    hi95: b.mean.map((m, j) => m + factor95 * (b.hi95[j]! - m)),
  };
}
