import { estimateSeasonalIndices } from './seasonal-indices.ts';

/** KPSS level-stationarity statistic with Newey-West variance (short lag truncation, as urca). */
export function computeKpssStatistic(y: readonly number[]): number {
  const n = y.length;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const e = y.map((v) => v - mean);
  let s = 0;
  let eta = 0;
  for (const v of e) {
    s += v;
    eta += s * s;
  }
  const lags = Math.trunc(4 * (n / 100) ** 0.25);
  let lrv = e.reduce((a, v) => a + v * v, 0) / n;
  for (let l = 1; l <= lags; l++) {
    let c = 0;
    for (let t = l; t < n; t++) c += e[t]! * e[t - l]!;
    lrv += (2 * (1 - l / (lags + 1)) * c) / n;
  }
  if (!(lrv > 1e-300)) return 0;
  return eta / (n * n * lrv);
}

/** Number of first differences (0-2) until KPSS does not reject level stationarity at 5 %. */
export function chooseDifferenceOrder(y: readonly number[]): number {
  let x = y.slice();
  for (let d = 0; d < 2; d++) {
    if (x.length < 4) return d;
    const range = Math.max(...x) - Math.min(...x);
    if (!(range > 0)) return d;
    if (computeKpssStatistic(x) <= 0.463) return d;
    x = x.slice(1).map((v, i) => v - x[i]!);
  }
  return 2;
}

/**
 * Seasonal differencing (0 or 1) from the seasonal strength of a classical decomposition,
 * F_s = max(0, 1 - var(remainder) / var(seasonal + remainder)) > 0.64 (as R's `nsdiffs`).
 */
export function chooseSeasonalDifferenceOrder(y: readonly number[], period: number): number {
  if (period <= 1 || y.length < 2 * period + 1) return 0;
  return measureSeasonalStrength(y, period) > 0.64 ? 1 : 0;
}

/** Seasonal strength in [0, 1] from an additive classical decomposition. */
export function measureSeasonalStrength(y: readonly number[], period: number): number {
  const m = period;
  const n = y.length;
  const half = Math.floor(m / 2);
  const fig = estimateSeasonalIndices(y, m, false);
  const detrended: number[] = [];
  const remainder: number[] = [];
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (m % 2 === 0) {
      s = 0.5 * (y[t - half]! + y[t + half]!);
      for (let j = t - half + 1; j < t + half; j++) s += y[j]!;
    } else for (let j = t - half; j <= t + half; j++) s += y[j]!;
    const d = y[t]! - s / m;
    detrended.push(d);
    remainder.push(d - fig[t % m]!);
  }
  const variance = (a: readonly number[]): number => {
    const mu = a.reduce((p, v) => p + v, 0) / a.length;
    return a.reduce((p, v) => p + (v - mu) ** 2, 0) / Math.max(1, a.length - 1);
  };
  const vd = variance(detrended);
  if (!(vd > 0)) return 0;
  return Math.max(0, 1 - variance(remainder) / vd);
}
