import type { ArimaFit } from './arima-fit.ts';
import { computePsiWeights, expandArma, formatArimaLabel } from './arima-model.ts';
import { buildNormalBands } from './interval-bands.ts';
import { buildDifferencePolynomial } from './polynomial.ts';
import { createRandomSource } from './seeded-random.ts';
import type { FittedForecaster } from './types.ts';

/** Forecasts the differenced series and integrates back; `noise` draws future innovations (0 for the mean). */
function projectArima(fit: ArimaFit, y: readonly number[], h: number, noise: () => number): number[] {
  const arma = expandArma(fit.coefficients, fit.order.period);
  const mu = fit.coefficients.mean;
  const w = fit.differenced.slice();
  const e = fit.residuals.slice();
  const delta = buildDifferencePolynomial(fit.order.d, fit.order.seasonalD, fit.order.period);
  const levels = y.slice();
  const out: number[] = [];
  for (let j = 0; j < h; j++) {
    const t = w.length;
    let v = mu;
    for (let i = 0; i < arma.ar.length; i++) v += arma.ar[i]! * ((w[t - i - 1] ?? mu) - mu);
    for (let i = 0; i < arma.ma.length; i++) v += arma.ma[i]! * (e[t - i - 1] ?? 0);
    const shock = noise();
    v += shock;
    w.push(v);
    e.push(shock);
    let level = v;
    const tl = levels.length;
    for (let i = 1; i < delta.length; i++) level -= delta[i]! * levels[tl - i]!;
    levels.push(level);
    out.push(level);
  }
  return out;
}

/** Wraps a fitted ARIMA model: analytic normal bands from psi weights, simulated sample paths. */
export function createArimaForecaster(fit: ArimaFit, y: readonly number[], scale: number): FittedForecaster {
  return {
    label: formatArimaLabel(fit.order),
    sigma2: fit.sigma2 * scale * scale,
    forecast: (h) => {
      const mean = projectArima(fit, y, h, () => 0).map((v) => v * scale);
      const psi = computePsiWeights(fit.order, expandArma(fit.coefficients, fit.order.period), h);
      let acc = 0;
      const variance = psi.map((p) => {
        acc += p * p;
        return acc * fit.sigma2 * scale * scale;
      });
      return buildNormalBands(mean, variance);
    },
    simulate: (h, count, seed) => {
      const rng = createRandomSource(seed);
      const sd = Math.sqrt(fit.sigma2);
      const paths: number[][] = [];
      for (let i = 0; i < count; i++)
        paths.push(projectArima(fit, y, h, () => sd * rng.normal()).map((v) => v * scale));
      return paths;
    },
  };
}
