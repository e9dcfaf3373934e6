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

/**
 * Combines members as an equally weighted mixture, summarised by a normal: mean = average of
 * means, variance = average member variance (from each 80 % and 95 % half-width) plus the spread
 * of member means around the centre (by default their average), so that disagreement between
 * models widens the interval.
 */
export function mixBands(members: readonly ForecastBands[], centre?: readonly number[]): ForecastBands {
  const k = members.length;
  const mean =
    centre?.slice() ?? members[0]!.mean.map((_, j) => members.reduce((s, b) => s + b.mean[j]!, 0) / k);
  const spread = mean.map((mu, j) => members.reduce((s, b) => s + (b.mean[j]! - mu) ** 2, 0) / k);
  // Average squared half-width: z^2 times the average member variance.
  const width = (lo: (b: ForecastBands) => number[], hi: (b: ForecastBands) => number[]): number[] =>
    mean.map((_, j) => members.reduce((s, b) => s + ((hi(b)[j]! - lo(b)[j]!) / 2) ** 2, 0) / k);
  const var80 = width(
    (b) => b.lo80,
    (b) => b.hi80,
  );
  const var95 = width(
    (b) => b.lo95,
    (b) => b.hi95,
  );
  const z80 = 1.2815515655446004;
  const z95 = 1.959963984540054;
  const half80 = mean.map((_, j) => Math.sqrt(var80[j]! + z80 * z80 * spread[j]!));
  const half95 = mean.map((_, j) => Math.sqrt(var95[j]! + z95 * z95 * spread[j]!));
  return {
    mean,
    lo80: mean.map((mu, j) => mu - half80[j]!),
    hi80: mean.map((mu, j) => mu + half80[j]!),
    lo95: mean.map((mu, j) => mu - half95[j]!),
    hi95: mean.map((mu, j) => mu + half95[j]!),
  };
}
