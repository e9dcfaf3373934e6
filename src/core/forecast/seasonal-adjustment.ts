import { estimateSeasonalIndices } from './seasonal-indices.ts';

/** A seasonal adjustment: indices by season position and whether they multiply or add. */
export interface SeasonalAdjustment {
  readonly period: number;
  readonly multiplicative: boolean;
  /** `indices[t % period]` for time index t (identity when not seasonal). */
  readonly indices: readonly number[];
}

/**
 * Tests the autocorrelation at lag `period` at 90 % (as R's `thetaf`) and, when significant,
 * estimates classical decomposition indices (multiplicative for positive data, else additive).
 */
export function detectSeasonality(y: readonly number[], period: number): SeasonalAdjustment | null {
  const n = y.length;
  const m = period;
  if (m <= 1 || n < 2 * m + 1) return null;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const c0 = y.reduce((a, v) => a + (v - mean) ** 2, 0);
  if (!(c0 > 0)) return null;
  const r: number[] = [];
  for (let k = 1; k <= m; k++) {
    let c = 0;
    for (let t = k; t < n; t++) c += (y[t]! - mean) * (y[t - k]! - mean);
    r.push(c / c0);
  }
  let acc = 0;
  for (let k = 0; k < m - 1; k++) acc += r[k]! ** 2;
  const stat = Math.abs(r[m - 1]!) / Math.sqrt((1 + 2 * acc) / n);
  if (!(stat > 1.6448536269514722)) return null;
  const multiplicative = y.every((v) => v > 0);
  return { period: m, multiplicative, indices: estimateSeasonalIndices(y, m, multiplicative) };
}

/** Removes the seasonal component from y. */
export function removeSeasonality(y: readonly number[], adj: SeasonalAdjustment | null): number[] {
  if (adj === null) return y.slice();
  return y.map((v, t) =>
    adj.multiplicative ? v / adj.indices[t % adj.period]! : v - adj.indices[t % adj.period]!,
  );
}

/** Puts the seasonal component back into future values starting at time index `origin`. */
export function restoreSeasonality(
  values: readonly number[],
  adj: SeasonalAdjustment | null,
  origin: number,
): number[] {
  if (adj === null) return values.slice();
  return values.map((v, j) => {
    const s = adj.indices[(origin + j) % adj.period]!;
    return adj.multiplicative ? v * s : v + s;
  });
}
