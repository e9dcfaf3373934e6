/**
 * Classical decomposition seasonal figure of `y` (as R's `decompose`): centred moving average of
 * order `period` (2 x m for even m), detrended values averaged by season position, normalised to
 * sum 0 (additive) or mean 1 (multiplicative). `figure[k]` belongs to time indices t with t % m = k.
 */
export function estimateSeasonalIndices(
  y: readonly number[],
  period: number,
  multiplicative: boolean,
): number[] {
  const m = period;
  const n = y.length;
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  const half = Math.floor(m / 2);
  for (let t = half; t < n - half; t++) {
    let trend: number;
    if (m % 2 === 0) {
      let s = 0.5 * (y[t - half]! + y[t + half]!);
      for (let j = t - half + 1; j < t + half; j++) s += y[j]!;
      trend = s / m;
    } else {
      let s = 0;
      for (let j = t - half; j <= t + half; j++) s += y[j]!;
      trend = s / m;
    }
    const v = multiplicative ? y[t]! / trend : y[t]! - trend;
    if (!Number.isFinite(v)) continue;
    sums[t % m] = sums[t % m]! + v;
    counts[t % m] = counts[t % m]! + 1;
  }
  const fig = sums.map((s, k) => (counts[k]! > 0 ? s / counts[k]! : multiplicative ? 1 : 0));
  const mean = fig.reduce((a, b) => a + b, 0) / m;
  return fig.map((f) => (multiplicative ? (mean !== 0 ? f / mean : 1) : f - mean));
}
