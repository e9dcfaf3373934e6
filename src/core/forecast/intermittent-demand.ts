import { buildPathBands } from './interval-bands.ts';
import { createRandomSource } from './seeded-random.ts';
import type { FittedForecaster } from './types.ts';

/** Croston's method (demand size and interval smoothed separately) or TSB (size and probability). */
export type IntermittentVariant = { readonly kind: 'croston' } | { readonly kind: 'tsb' };

/** Share of zero values; series with at least 30 % zeros and no negatives count as intermittent. */
export function checkIntermittent(y: readonly number[]): boolean {
  if (y.length < 4 || y.some((v) => v < 0)) return false;
  const zeros = y.filter((v) => v === 0).length;
  return zeros >= 0.3 * y.length && zeros < y.length;
}

/**
 * Croston (1972) with the SBA bias correction, or TSB (Teunter, Syntetos & Babai 2011).
 * Point forecast = flat demand rate; paths simulate Bernoulli occurrences times resampled sizes,
 * so intervals are honest about zeros. Smoothing constants chosen by in-sample MSE on a small grid.
 */
export function fitIntermittent(y: readonly number[], variant: IntermittentVariant): FittedForecaster | null {
  const n = y.length;
  const sizes = y.filter((v) => v > 0);
  if (sizes.length === 0) return null;
  const grid = [0.05, 0.1, 0.2, 0.3];
  let best: { rate: number; prob: number; mse: number; alpha: number } | null = null;
  for (const alpha of grid) {
    for (const beta of grid) {
      let z = sizes[0]!;
      let p = variant.kind === 'tsb' ? sizes.length / n : 0;
      let interval = Math.max(1, n / sizes.length);
      let since = 0;
      let sse = 0;
      for (let t = 0; t < n; t++) {
        const fitted = variant.kind === 'tsb' ? p * z : ((1 - beta / 2) * z) / interval;
        sse += (y[t]! - fitted) ** 2;
        since++;
        if (variant.kind === 'tsb') {
          p += beta * ((y[t]! > 0 ? 1 : 0) - p);
          if (y[t]! > 0) z += alpha * (y[t]! - z);
        } else if (y[t]! > 0) {
          z += alpha * (y[t]! - z);
          interval += beta * (since - interval);
          since = 0;
        }
      }
      const rate = variant.kind === 'tsb' ? p * z : ((1 - beta / 2) * z) / interval;
      const prob = variant.kind === 'tsb' ? p : Math.min(1, 1 / interval);
      if (best === null || sse < best.mse) best = { rate, prob, mse: sse, alpha };
    }
  }
  if (best === null) return null;
  const { rate, prob } = best;
  const meanSize = prob > 0 ? rate / prob : 0;
  const sizeMean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  const simulate = (h: number, count: number, seed: number): number[][] => {
    const rng = createRandomSource(seed);
    return Array.from({ length: count }, () =>
      Array.from({ length: h }, () => {
        if (rng.uniform() >= prob) return 0;
        const drawn = sizes[Math.floor(rng.uniform() * sizes.length)]!;
        return sizeMean > 0 ? (drawn * meanSize) / sizeMean : drawn;
      }),
    );
  };
  return {
    label: variant.kind === 'tsb' ? 'TSB' : 'Croston (SBA)',
    sigma2: best.mse / n,
    forecast: (h) => buildPathBands(new Array<number>(h).fill(rate), simulate(h, 2000, 7)),
    simulate,
  };
}
