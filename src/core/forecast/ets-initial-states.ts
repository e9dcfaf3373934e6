import type { EtsSpec } from './ets-spec.ts';
import { estimateSeasonalIndices } from './seasonal-indices.ts';

/** Heuristic initial states (Hyndman et al. 2008, section 2.6.1), as in R's `ets`. */
export function initializeEtsStates(
  y: readonly number[],
  spec: EtsSpec,
): { level: number; trend: number; season: number[] } {
  const m = spec.period;
  let season: number[] = [0];
  let adjusted = y.slice();
  if (spec.season !== 'N') {
    const multiplicative = spec.season === 'M';
    season = estimateSeasonalIndices(y.slice(0, Math.min(y.length, 3 * m)), m, multiplicative);
    adjusted = y.map((v, t) => (multiplicative ? v / season[t % m]! : v - season[t % m]!));
  }
  const maxn = Math.min(Math.max(10, 2 * m), adjusted.length);
  const head = adjusted.slice(0, maxn);
  if (spec.trend === 'N') {
    return { level: head.reduce((a, b) => a + b, 0) / head.length, trend: 0, season };
  }
  const k = head.length;
  const tm = (k + 1) / 2;
  const ym = head.reduce((a, b) => a + b, 0) / k;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < k; i++) {
    sxy += (i + 1 - tm) * (head[i]! - ym);
    sxx += (i + 1 - tm) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { level: ym - slope * tm, trend: slope, season };
}
