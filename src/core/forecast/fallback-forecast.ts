import { buildNormalBands } from './interval-bands.ts';
import { createRandomSource } from './seeded-random.ts';
import type { ForecastBands } from './types.ts';

/**
 * The last-resort forecast: flat at the last value (or 0 without data), with a deliberately wide
 * interval: the larger of the spread of past changes and 25 % of the level, growing with sqrt(step).
 */
export function buildFallbackForecast(
  y: readonly number[],
  h: number,
  pathCount: number,
  seed: number,
): { bands: ForecastBands; paths: number[][] } {
  const n = y.length;
  const last = n > 0 ? y[n - 1]! : 0;
  let ss = 0;
  for (let t = 1; t < n; t++) ss += (y[t]! - y[t - 1]!) ** 2;
  const changeSd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const level = n > 0 ? y.reduce((a, v) => a + Math.abs(v), 0) / n : 0;
  const sd = Math.max(changeSd, 0.25 * level);
  const bands = buildNormalBands(
    new Array<number>(h).fill(last),
    Array.from({ length: h }, (_, j) => sd * sd * (j + 1)),
  );
  const rng = createRandomSource(seed);
  const paths = Array.from({ length: pathCount }, () => {
    let v = last;
    return Array.from({ length: h }, () => {
      v += sd * rng.normal();
      return v;
    });
  });
  return { bands, paths };
}
