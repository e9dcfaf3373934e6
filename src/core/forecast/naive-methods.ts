import { buildNormalBands } from './interval-bands.ts';
import { createRandomSource } from './seeded-random.ts';
import type { FittedForecaster } from './types.ts';

/** Seasonal naive (random walk on each season position), as R's `snaive`; plain naive when m = 1 or n <= m. */
export function fitSeasonalNaive(y: readonly number[], period: number): FittedForecaster | null {
  const n = y.length;
  if (n === 0) return null;
  const m = period > 1 && n > period ? period : 1;
  let ss = 0;
  let count = 0;
  for (let t = m; t < n; t++) {
    ss += (y[t]! - y[t - m]!) ** 2;
    count++;
  }
  const sigma2 = count > 0 ? ss / count : 0;
  const meanAt = (j: number): number => y[n - m + (j % m)]!;
  return {
    label: m > 1 ? 'SNaive' : 'Naive',
    sigma2,
    forecast: (h) =>
      buildNormalBands(
        Array.from({ length: h }, (_, j) => meanAt(j)),
        Array.from({ length: h }, (_, j) => sigma2 * (Math.floor(j / m) + 1)),
      ),
    simulate: (h, count2, seed) => {
      const rng = createRandomSource(seed);
      const sd = Math.sqrt(sigma2);
      return Array.from({ length: count2 }, () => {
        const hist = y.slice(n - m);
        const path: number[] = [];
        for (let j = 0; j < h; j++) {
          const v = hist[j]! + sd * rng.normal();
          hist.push(v);
          path.push(v);
        }
        return path;
      });
    },
  };
}

/** Random walk with drift (R's `rwf(drift = TRUE)`), intervals including the drift uncertainty. */
export function fitNaiveDrift(y: readonly number[]): FittedForecaster | null {
  const n = y.length;
  if (n < 2) return null;
  const drift = (y[n - 1]! - y[0]!) / (n - 1);
  let ss = 0;
  for (let t = 1; t < n; t++) ss += (y[t]! - y[t - 1]! - drift) ** 2;
  const sigma2 = n > 2 ? ss / (n - 2) : 0;
  const last = y[n - 1]!;
  return {
    label: 'Naive with drift',
    sigma2,
    forecast: (h) =>
      buildNormalBands(
        Array.from({ length: h }, (_, j) => last + drift * (j + 1)),
        Array.from({ length: h }, (_, j) => sigma2 * (j + 1) * (1 + (j + 1) / (n - 1))),
      ),
    simulate: (h, count, seed) => {
      const rng = createRandomSource(seed);
      const sd = Math.sqrt(sigma2);
      return Array.from({ length: count }, () => {
        let v = last;
        return Array.from({ length: h }, () => {
          v += drift + sd * rng.normal();
          return v;
        });
      });
    },
  };
}
