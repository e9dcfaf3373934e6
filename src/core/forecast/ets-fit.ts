import { initializeEtsStates } from './ets-initial-states.ts';
import { type EtsFilterResult, filterEts } from './ets-recursion.ts';
import type { EtsParameters, EtsSpec } from './ets-spec.ts';
import { minimizeNelderMead } from './nelder-mead.ts';

/** A fitted ETS model with its information criteria. */
export interface EtsFit {
  readonly spec: EtsSpec;
  readonly params: EtsParameters;
  readonly filter: EtsFilterResult;
  /** -2 log-likelihood (up to a constant shared by all models on the same data). */
  readonly minus2LogLik: number;
  readonly parameterCount: number;
  readonly aic: number;
  readonly aicc: number;
  /** Residual variance: SSE / (n - k). */
  readonly sigma2: number;
  readonly observations: number;
}

const LOWER = 1e-4;
const UPPER = 0.9999;

/** Usual parameter bounds: 0 < beta < alpha < 1, 0 < gamma < 1 - alpha, 0.8 <= phi <= 0.98. */
function checkUsualBounds(spec: EtsSpec, p: EtsParameters): boolean {
  if (!(p.alpha >= LOWER && p.alpha <= UPPER)) return false;
  if (spec.trend !== 'N' && !(p.beta >= LOWER && p.beta <= p.alpha)) return false;
  if (spec.season !== 'N' && !(p.gamma >= LOWER && p.gamma <= 1 - p.alpha)) return false;
  if (spec.trend === 'Ad' && !(p.phi >= 0.8 && p.phi <= 0.98)) return false;
  if (spec.season === 'M' && p.season.some((s) => !(s > 0))) return false;
  return true;
}

/** Concentrated -2 log-likelihood: n log(SSE) (+ 2 sum log|mu| for multiplicative error). */
function scoreFilter(spec: EtsSpec, f: EtsFilterResult, n: number): number {
  if (!f.ok || !(f.sse > 0)) return f.ok && f.sse === 0 ? -1e12 : Number.POSITIVE_INFINITY;
  return n * Math.log(f.sse / n) + (spec.error === 'M' ? 2 * f.sumLogAbsForecast : 0);
}

/** Fits one ETS structure by maximum likelihood (Nelder-Mead over smoothing parameters and initial level/trend). */
export function fitEts(
  y: readonly number[],
  spec: EtsSpec,
  fixed?: Partial<EtsParameters>,
  warm?: EtsParameters,
): EtsFit | null {
  const n = y.filter((v) => !Number.isNaN(v)).length;
  const init = initializeEtsStates(y, spec);
  const hasTrend = spec.trend !== 'N';
  const hasSeason = spec.season !== 'N';
  const damped = spec.trend === 'Ad';
  const seasonal = spec.period > 1 ? 0.5 / spec.period : 0;
  const startAlpha = fixed?.alpha ?? warm?.alpha ?? (hasSeason ? 0.1 + seasonal : 0.3);
  const build = (x: readonly number[]): EtsParameters => {
    let i = 0;
    const alpha = fixed?.alpha ?? x[i++]!;
    const beta = hasTrend ? (fixed?.beta ?? x[i++]!) : 0;
    const gamma = hasSeason ? (fixed?.gamma ?? x[i++]!) : 0;
    const phi = damped ? (fixed?.phi ?? x[i++]!) : 1;
    const level = x[i++]!;
    const trend = hasTrend ? x[i++]! : 0;
    return { alpha, beta, gamma, phi, level, trend, season: init.season };
  };
  const start: number[] = [];
  const step: number[] = [];
  const scale = Math.max(1e-8, Math.abs(init.level) * 0.05);
  if (fixed?.alpha === undefined) {
    start.push(startAlpha);
    step.push(0.1);
  }
  if (hasTrend && fixed?.beta === undefined) {
    start.push(warm !== undefined ? Math.min(warm.beta, startAlpha) : Math.min(0.05, startAlpha / 2));
    step.push(0.02);
  }
  if (hasSeason && fixed?.gamma === undefined) {
    start.push(warm !== undefined ? Math.min(warm.gamma, 1 - startAlpha) : 0.05);
    step.push(0.03);
  }
  if (damped && fixed?.phi === undefined) {
    start.push(warm?.phi ?? 0.95);
    step.push(0.02);
  }
  start.push(warm?.level ?? init.level);
  step.push(scale);
  if (hasTrend) {
    start.push(warm?.trend ?? init.trend);
    step.push(Math.max(1e-8, Math.abs(init.trend) * 0.2, scale * 0.1));
  }
  const objective = (x: readonly number[]): number => {
    const p = build(x);
    if (!checkUsualBounds(spec, p)) return Number.POSITIVE_INFINITY;
    return scoreFilter(spec, filterEts(y, spec, p), n);
  };
  let best = minimizeNelderMead(objective, start, {
    step,
    maxIterations: 200 + 60 * start.length,
    tolerance: 1e-4,
  });
  if (best.iterations >= 200 + 60 * start.length) {
    best = minimizeNelderMead(objective, best.x, {
      step: step.map((s) => s * 0.3),
      maxIterations: 100 + 30 * start.length,
      tolerance: 1e-6,
    });
  }
  if (!Number.isFinite(best.value)) return null;
  const params = build(best.x);
  const filter = filterEts(y, spec, params, true);
  const k = start.length + (hasSeason ? spec.period - 1 : 0) + 1;
  const minus2LogLik = best.value;
  const aic = minus2LogLik + 2 * k;
  const aicc = n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Number.POSITIVE_INFINITY;
  const sigma2 = filter.sse / Math.max(1, n - k);
  return { spec, params, filter, minus2LogLik, parameterCount: k, aic, aicc, sigma2, observations: n };
}
