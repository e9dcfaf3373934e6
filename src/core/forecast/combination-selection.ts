import { averageBands, mixBands } from './band-averaging.ts';
import { quantileSorted } from './interval-bands.ts';
import type { FamilyMember } from './model-family.ts';
import type { ForecastBands } from './types.ts';

/** The subset of members to average and interval scale factors, from in-sample rolling origins. */
export interface CombinationChoice {
  /** Indices into the member list. */
  readonly members: number[];
  /** Mean scaled absolute error of the chosen subset over the in-sample origins (NaN if none). */
  readonly score: number;
  readonly factor80: number;
  readonly factor95: number;
  readonly origins: number;
  /** In-sample score of every subset considered (same order as the subsets enumerated). */
  readonly subsetScores: { readonly members: number[]; readonly score: number }[];
}

/** How many in-sample origins to use and how far apart (default 3 origins, ceil(h / 2) apart). */
export interface CombinationSettings {
  readonly origins?: number;
  readonly step?: number;
}

/** Forecast origins inside the training data: n - h, n - h - step, ... while enough history remains. */
export function listInSampleOrigins(
  n: number,
  h: number,
  minimumTrain: number,
  count: number,
  spacing?: number,
): number[] {
  const step = Math.max(1, spacing ?? Math.ceil(h / 2));
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const o = n - h - k * step;
    if (o < minimumTrain) break;
    out.push(o);
  }
  return out;
}

/** Subsets of k members with at least two of them (or the single member when k = 1). */
function listSubsets(k: number): number[][] {
  const out: number[][] = [];
  for (let mask = 1; mask < 1 << k; mask++) {
    const s: number[] = [];
    for (let i = 0; i < k; i++) if (mask & (1 << i)) s.push(i);
    if (s.length >= Math.min(2, k)) out.push(s);
  }
  return out;
}

/**
 * Chooses the combination (equally weighted subset of at least two members: combinations are more
 * robust than any single family, as the M3/M4 competitions showed) with the lowest mean
 * absolute error, scaled by the in-sample seasonal-naive error, over forecasts from origins inside
 * the training data; members keep the structures selected on the whole training data. The same
 * back-test yields how often the averaged intervals would have missed, and factors that widen
 * them (shrunk towards 1 by the number of errors seen).
 */
export function selectCombination(
  y: readonly number[],
  members: readonly FamilyMember[],
  h: number,
  period: number,
  settings: CombinationSettings = {},
): CombinationChoice {
  const all = members.map((_, i) => i);
  const n = y.length;
  const m = period > 1 && n > period ? period : 1;
  let scale = 0;
  for (let t = m; t < n; t++) scale += Math.abs(y[t]! - y[t - m]!);
  scale = scale / Math.max(1, n - m) || 1;
  const minimumTrain = Math.max(period > 1 ? 2 * period + 2 : 8, 8);
  const origins = listInSampleOrigins(n, h, minimumTrain, settings.origins ?? 3, settings.step);
  const subsets = listSubsets(members.length);
  const errors = subsets.map(() => 0);
  let count = 0;
  const ratios80: number[] = [];
  const ratios95: number[] = [];
  const runs: { bands: (ForecastBands | null)[]; actual: number[] }[] = [];
  for (const o of origins) {
    const prefix = y.slice(0, o);
    const horizon = Math.min(h, n - o);
    const bands = members.map((mb) => {
      const f = mb.refit(prefix);
      if (f === null) return null;
      const b = f.forecast(horizon);
      return b.mean.every(Number.isFinite) ? b : null;
    });
    if (bands.some((b) => b === null)) continue;
    runs.push({ bands, actual: y.slice(o, o + horizon) });
  }
  for (const run of runs) {
    subsets.forEach((s, si) => {
      const b = averageBands(s.map((i) => run.bands[i]!));
      run.actual.forEach((a, j) => {
        errors[si] = errors[si]! + Math.abs(a - b.mean[j]!) / scale;
      });
    });
    count += run.actual.length;
  }
  if (count === 0)
    return { members: all, score: Number.NaN, factor80: 1, factor95: 1, origins: 0, subsetScores: [] };
  let bestIndex = subsets.length - 1;
  for (let si = 0; si < subsets.length; si++) if (errors[si]! < errors[bestIndex]! - 1e-12) bestIndex = si;
  const chosen = subsets[bestIndex]!;
  for (const run of runs) {
    const centre = averageBands(chosen.map((i) => run.bands[i]!)).mean;
    const b = mixBands(
      run.bands.map((x) => x!),
      centre,
    );
    run.actual.forEach((a, j) => {
      const mu = b.mean[j]!;
      const up = a >= mu;
      const w80 = up ? b.hi80[j]! - mu : mu - b.lo80[j]!;
      const w95 = up ? b.hi95[j]! - mu : mu - b.lo95[j]!;
      ratios80.push(w80 > 0 ? Math.abs(a - mu) / w80 : 1);
      ratios95.push(w95 > 0 ? Math.abs(a - mu) / w95 : 1);
    });
  }
  const shrink = (ratios: number[], p: number): number => {
    const q = quantileSorted(
      ratios.slice().sort((a, b) => a - b),
      p,
    );
    const weight = ratios.length / (ratios.length + 24);
    return Math.min(3, Math.max(1, 1 + weight * (q - 1)));
  };
  return {
    members: chosen,
    score: errors[bestIndex]! / count,
    factor80: shrink(ratios80, 0.8),
    factor95: shrink(ratios95, 0.95),
    origins: runs.length,
    subsetScores: subsets.map((members, si) => ({ members, score: errors[si]! / count })),
  };
}
