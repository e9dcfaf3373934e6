import { fitEts } from './ets-fit.ts';
import { simulateEts } from './ets-recursion.ts';
import { buildNormalBands } from './interval-bands.ts';
import { detectSeasonality, removeSeasonality, restoreSeasonality } from './seasonal-adjustment.ts';
import { createRandomSource } from './seeded-random.ts';
import type { FittedForecaster, ForecastBands } from './types.ts';

/** Which Theta variant to fit: the standard method (theta = 2) or theta optimised in-sample. */
export type ThetaVariant = { readonly kind: 'standard' } | { readonly kind: 'optimised' };

const SES_SPEC = { error: 'A', trend: 'N', season: 'N', period: 1 } as const;
const THETA_GRID = [1, 1.5, 2, 2.5, 3, 4, 5];

/** Ordinary least squares line through (t, y_t), t = 0..n-1. */
function fitLine(y: readonly number[]): { intercept: number; slope: number } {
  const n = y.length;
  const tm = (n - 1) / 2;
  const ym = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tm) * (y[t]! - ym);
    sxx += (t - tm) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: ym - slope * tm, slope };
}

/**
 * Theta method on seasonally adjusted data: theta lines Z = theta*y + (1-theta)*line, SES on Z,
 * forecast = (1 - 1/theta) * line + (1/theta) * SES(Z). Standard: theta = 2 (Assimakopoulos &
 * Nikolopoulos 2000); optimised: theta from a grid by in-sample one-step MSE (Fiorucci et al. 2016).
 */
export function fitThetaMethod(
  y: readonly number[],
  period: number,
  variant: ThetaVariant,
  scale: number,
): FittedForecaster | null {
  const n = y.length;
  if (n < 3) return null;
  const adj = detectSeasonality(y, period);
  const x = removeSeasonality(y, adj);
  const line = fitLine(x);
  const thetas = variant.kind === 'standard' ? [2] : THETA_GRID;
  let best: { theta: number; fit: NonNullable<ReturnType<typeof fitEts>>; mse: number } | null = null;
  for (const theta of thetas) {
    const z = x.map((v, t) => theta * v + (1 - theta) * (line.intercept + line.slope * t));
    const fit = fitEts(z, SES_SPEC);
    if (fit === null) continue;
    const w = 1 / theta;
    // One-step fitted values of the combination; z residual e_t maps to y residual w * e_t.
    let sse = 0;
    for (let t = 0; t < n; t++) sse += (w * fit.filter.residuals[t]!) ** 2;
    const mse = sse / n;
    if (best === null || mse < best.mse - 1e-12) best = { theta, fit, mse };
  }
  if (best === null) return null;
  const { theta, fit } = best;
  const w = 1 / theta;
  const lineAt = (j: number): number => line.intercept + line.slope * (n - 1 + j);
  const zLevel = fit.filter.state.level;
  const sigma2 = fit.sigma2 * w * w;
  const meanAdjusted = (h: number): number[] =>
    Array.from({ length: h }, (_, i) => (1 - w) * lineAt(i + 1) + w * zLevel);
  const forecast = (h: number): ForecastBands => {
    const variance = Array.from({ length: h }, (_, i) => sigma2 * (1 + fit.params.alpha ** 2 * i));
    const base = buildNormalBands(meanAdjusted(h), variance);
    const restore = (v: number[]): number[] => restoreSeasonality(v, adj, n).map((u) => u * scale);
    return {
      mean: restore(base.mean),
      lo80: restore(base.lo80),
      hi80: restore(base.hi80),
      lo95: restore(base.lo95),
      hi95: restore(base.hi95),
    };
  };
  const simulate = (h: number, count: number, seed: number): number[][] => {
    const rng = createRandomSource(seed);
    const trend = meanAdjusted(h).map((v) => v - w * zLevel);
    return simulateEts(SES_SPEC, fit.params, fit.filter.state, h, fit.sigma2, count, rng.normal).map((p) =>
      restoreSeasonality(
        p.map((v, j) => trend[j]! + w * v),
        adj,
        n,
      ).map((u) => u * scale),
    );
  };
  const label = variant.kind === 'standard' ? 'Theta' : `Theta(optimised, theta=${theta})`;
  return { label, sigma2: sigma2 * scale * scale, forecast, simulate };
}
