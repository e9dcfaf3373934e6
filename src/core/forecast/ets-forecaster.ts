import type { EtsFit } from './ets-fit.ts';
import { projectEts, simulateEts } from './ets-recursion.ts';
import { formatEtsLabel, selectTrendDamping } from './ets-spec.ts';
import { buildNormalBands, buildPathBands } from './interval-bands.ts';
import { createRandomSource } from './seeded-random.ts';
import type { FittedForecaster, ForecastBands } from './types.ts';

/**
 * Analytic forecast variances of class-1 models (additive error, no multiplicative component):
 * v_h = sigma^2 (1 + sum_{j<h} c_j^2), c_j = alpha + beta * phi_j + gamma * [j mod m = 0].
 */
export function computeLinearEtsVariance(fit: EtsFit, h: number): number[] {
  const { spec, params } = fit;
  const damp = selectTrendDamping(spec, params.phi);
  const out: number[] = [];
  let acc = 0;
  let cum = 0;
  let pw = 1;
  for (let i = 1; i <= h; i++) {
    out.push(fit.sigma2 * (1 + acc));
    pw *= damp;
    cum += spec.trend === 'N' ? 0 : pw;
    const seasonal = spec.season !== 'N' && i % spec.period === 0 ? params.gamma : 0;
    const c = params.alpha + params.beta * cum + seasonal;
    acc += c * c;
  }
  return out;
}

const SIMULATED_PATHS = 1000;
const SIMULATION_SEED = 20080101;

/** Wraps a fitted ETS model as a forecaster (analytic bands; simulated sample paths). */
export function createEtsForecaster(fit: EtsFit, scale: number): FittedForecaster {
  const linear = fit.spec.error === 'A' && fit.spec.season !== 'M';
  const simulate = (h: number, count: number, s: number): number[][] => {
    const rng = createRandomSource(s);
    const paths = simulateEts(fit.spec, fit.params, fit.filter.state, h, fit.sigma2, count, rng.normal);
    for (const p of paths) for (let j = 0; j < p.length; j++) p[j] = p[j]! * scale;
    return paths;
  };
  const forecast = (h: number): ForecastBands => {
    const mean = projectEts(fit.spec, fit.params, fit.filter.state, h).map((v) => v * scale);
    const variance = computeLinearEtsVariance(fit, h);
    if (linear)
      return buildNormalBands(
        mean,
        variance.map((v) => v * scale * scale),
      );
    // Multiplicative season (class 3, no closed form): quantiles of simulated paths, as R does.
    if (fit.spec.season === 'M') return buildPathBands(mean, simulate(h, SIMULATED_PATHS, SIMULATION_SEED));
    // Multiplicative error only: the linear-model variance in relative terms, scaled by the
    // forecast squared (close to Hyndman et al.'s class-2 results).
    return buildNormalBands(
      mean,
      variance.map((v, j) => v * mean[j]! * mean[j]!),
    );
  };
  return { label: formatEtsLabel(fit.spec), sigma2: fit.sigma2 * scale * scale, forecast, simulate };
}
