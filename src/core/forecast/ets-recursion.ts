import { type EtsParameters, type EtsSpec, selectTrendDamping } from './ets-spec.ts';

/** The state of an ETS model after the last observation. */
export interface EtsState {
  readonly level: number;
  readonly trend: number;
  /** Seasonal states by season position (time index mod period). */
  readonly season: number[];
  /** Time index of the next observation. */
  readonly time: number;
}

/** In-sample pass: sum of squared errors, sum of log |one-step forecast|, the final state. */
export interface EtsFilterResult {
  readonly sse: number;
  readonly sumLogAbsForecast: number;
  readonly residuals: number[];
  readonly state: EtsState;
  readonly ok: boolean;
}

/**
 * Runs the ETS state-space recursions over `y` (Hyndman et al. 2008, tables 2.2/2.3).
 * Missing values (NaN) are skipped: the state is propagated with a zero error.
 */
export function filterEts(
  y: readonly number[],
  spec: EtsSpec,
  p: EtsParameters,
  keepResiduals = false,
  out?: Float64Array,
): EtsFilterResult {
  const m = spec.season === 'N' ? 1 : spec.period;
  const damp = selectTrendDamping(spec, p.phi);
  const season = spec.season === 'N' ? [0] : p.season.slice(0, m);
  let l = p.level;
  let b = spec.trend === 'N' ? 0 : p.trend;
  let sse = 0;
  let sumLog = 0;
  const residuals: number[] = [];
  let ok = true;
  const n = y.length;
  const additiveError = spec.error === 'A';
  const seasonKind = spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2;
  const { alpha, beta, gamma } = p;
  for (let t = 0; t < n; t++) {
    const k = t % m;
    const s = season[k]!;
    const base = l + damp * b;
    const mu = seasonKind === 0 ? base : seasonKind === 1 ? base + s : base * s;
    const yt = y[t]!;
    let a = 0;
    if (!Number.isNaN(yt)) {
      let e: number;
      if (additiveError) {
        e = yt - mu;
        a = e;
      } else {
        if (!(Math.abs(mu) > 1e-10)) {
          ok = false;
          break;
        }
        e = (yt - mu) / mu;
        a = yt - mu;
        sumLog += Math.log(Math.abs(mu));
      }
      sse += e * e;
      if (keepResiduals) residuals.push(e);
      if (out !== undefined) out[t] = e;
    } else {
      if (keepResiduals) residuals.push(0);
      if (out !== undefined) out[t] = 0;
    }
    if (seasonKind === 2) {
      const ss = Math.abs(s) > 1e-10 ? s : 1e-10;
      const bb = Math.abs(base) > 1e-10 ? base : 1e-10;
      l = base + (alpha * a) / ss;
      b = damp * b + (beta * a) / ss;
      season[k] = s + (gamma * a) / bb;
    } else {
      l = base + alpha * a;
      b = damp * b + beta * a;
      if (seasonKind === 1) season[k] = s + gamma * a;
    }
    if (!(Math.abs(l) < 1e12)) {
      ok = false;
      break;
    }
  }
  return { sse, sumLogAbsForecast: sumLog, residuals, state: { level: l, trend: b, season, time: n }, ok };
}

/** One state update given the error `e` (absolute for additive error, relative for multiplicative). */
export function updateEtsState(
  spec: EtsSpec,
  p: EtsParameters,
  base: number,
  b: number,
  s: number,
  mu: number,
  e: number,
  damp: number,
): { level: number; trend: number; season: number } {
  // Additive-error innovation in the units of y; multiplicative error is relative.
  const a = spec.error === 'A' ? e : mu * e;
  switch (spec.season) {
    case 'N':
      return { level: base + p.alpha * a, trend: damp * b + p.beta * a, season: s };
    case 'A':
      return { level: base + p.alpha * a, trend: damp * b + p.beta * a, season: s + p.gamma * a };
    case 'M': {
      const ss = Math.abs(s) > 1e-10 ? s : 1e-10;
      const bb = Math.abs(base) > 1e-10 ? base : 1e-10;
      return {
        level: base + (p.alpha * a) / ss,
        trend: damp * b + (p.beta * a) / ss,
        season: s + (p.gamma * a) / bb,
      };
    }
  }
}

/** Deterministic point forecasts from a state (the conditional mean for linear models). */
export function projectEts(spec: EtsSpec, p: EtsParameters, state: EtsState, h: number): number[] {
  const m = spec.season === 'N' ? 1 : spec.period;
  const out: number[] = [];
  let cum = 0;
  let pw = 1;
  const damp = selectTrendDamping(spec, p.phi);
  for (let j = 1; j <= h; j++) {
    pw *= damp;
    cum += spec.trend === 'A' ? 1 : spec.trend === 'Ad' ? pw : 0;
    const base = state.level + cum * state.trend;
    const s = state.season[(state.time + j - 1) % m]!;
    out.push(spec.season === 'A' ? base + s : spec.season === 'M' ? base * s : base);
  }
  return out;
}

/** Simulates `count` future paths by drawing Gaussian innovations with variance `sigma2`. */
export function simulateEts(
  spec: EtsSpec,
  p: EtsParameters,
  state: EtsState,
  h: number,
  sigma2: number,
  count: number,
  normal: () => number,
): number[][] {
  const m = spec.season === 'N' ? 1 : spec.period;
  const damp = selectTrendDamping(spec, p.phi);
  const sd = Math.sqrt(Math.max(0, sigma2));
  const additiveError = spec.error === 'A';
  const seasonKind = spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2;
  const { alpha, beta, gamma } = p;
  const paths: number[][] = [];
  const season = state.season.slice();
  // The update of updateEtsState, inlined (no object per step): the same arithmetic.
  for (let i = 0; i < count; i++) {
    let l = state.level;
    let b = state.trend;
    for (let k = 0; k < season.length; k++) season[k] = state.season[k]!;
    const path = new Array<number>(h);
    for (let j = 0; j < h; j++) {
      const k = (state.time + j) % m;
      const s = season[k]!;
      const base = l + damp * b;
      const mu = seasonKind === 1 ? base + s : seasonKind === 2 ? base * s : base;
      let e = sd * normal();
      if (!additiveError && e < -0.99) e = -0.99;
      path[j] = additiveError ? mu + e : mu * (1 + e);
      const a = additiveError ? e : mu * e;
      if (seasonKind === 2) {
        const ss = Math.abs(s) > 1e-10 ? s : 1e-10;
        const bb = Math.abs(base) > 1e-10 ? base : 1e-10;
        l = base + (alpha * a) / ss;
        b = damp * b + (beta * a) / ss;
        season[k] = s + (gamma * a) / bb;
      } else {
        l = base + alpha * a;
        b = damp * b + beta * a;
        if (seasonKind === 1) season[k] = s + gamma * a;
      }
    }
    paths.push(path);
  }
  return paths;
}
