import { averageBands, mixBands, scaleBands } from './band-averaging.ts';
import { selectCombination } from './combination-selection.ts';
import { buildFallbackForecast } from './fallback-forecast.ts';
import { checkIntermittent, fitIntermittent } from './intermittent-demand.ts';
import { Z95 } from './interval-bands.ts';
import { type FamilyMember, fitArimaMember, fitEtsMember, fitThetaMember } from './model-family.ts';
import { fitNaiveDrift } from './naive-methods.ts';
import { quantileNormal } from './normal-distribution.ts';
import { cleanSeries } from './series-cleaning.ts';
import type { ForecastBands, ForecastMethod, ForecastResult, PredictionInterval } from './types.ts';

/** Options of {@link forecastSeries}. */
export interface ForecastOptions {
  /** Steps ahead. */
  readonly h: number;
  /** Seasonal period: 12 monthly, 4 quarterly, 7 daily with weekly seasonality, 1 none. */
  readonly frequency: number;
  /** Seed of the simulation (sample paths, simulated intervals); same seed, same result. */
  readonly seed?: number;
  /** Number of sample paths returned (default 1000, 0 for none). */
  readonly pathCount?: number;
  /** Extra interval levels in percent (e.g. [50, 99]); 80 and 95 are always in the bands. */
  readonly level?: readonly number[];
}

const DEFAULT_PATHS = 1000;
const MAX_STATE_PERIOD = 24;
const MAX_HISTORY = 1000;

/**
 * Forecasts a series: cleans missing values, routes short, constant and intermittent series to
 * simple honest methods, otherwise fits auto ETS (AICc), auto ARIMA (AICc) and optimised Theta,
 * chooses their equally weighted combination by in-sample rolling-origin error, and calibrates
 * the averaged 80 / 95 % intervals on the same in-sample back-test.
 */
export function forecastSeries(
  values: readonly (number | null | undefined)[],
  options: ForecastOptions,
): ForecastResult {
  const h = Math.max(0, Math.floor(options.h));
  const period = Math.max(1, Math.floor(options.frequency) || 1);
  const seed = options.seed ?? 1;
  const pathCount = Math.max(0, Math.floor(options.pathCount ?? DEFAULT_PATHS));
  const cleaned = cleanSeries(values);
  const notes = cleaned.notes.slice();
  // Very long histories (years of daily lines) cost time and add little: keep the most recent part.
  const keep = Math.max(MAX_HISTORY, 20 * period);
  const y = cleaned.values.length > keep ? cleaned.values.slice(-keep) : cleaned.values;
  if (y.length < cleaned.values.length)
    notes.push(`used the last ${keep} of ${cleaned.values.length} values`);
  const n = y.length;
  const nonNegative = y.every((v) => v >= 0);
  const finish = (bands: ForecastBands, paths: number[][], method: ForecastMethod): ForecastResult => {
    const floor = (v: number): number => (nonNegative ? Math.max(0, v) : v);
    const safe = (a: number[]): number[] =>
      a.map((v) => (Number.isFinite(v) ? floor(v) : floor(y[n - 1] ?? 0)));
    // Bands nest around the mean even for lumpy (intermittent) distributions.
    const mean = safe(bands.mean);
    const lo80 = safe(bands.lo80).map((v, j) => Math.min(v, mean[j]!));
    const hi80 = safe(bands.hi80).map((v, j) => Math.max(v, mean[j]!));
    const lo95 = safe(bands.lo95).map((v, j) => Math.min(v, lo80[j]!));
    const hi95 = safe(bands.hi95).map((v, j) => Math.max(v, hi80[j]!));
    const intervals = (options.level ?? []).map((level) => deriveInterval(level, mean, lo95, hi95));
    return { mean, lo80, hi80, lo95, hi95, paths: paths.map(safe), method, notes, intervals };
  };
  const fallback = (reason: string): ForecastResult => {
    const f = buildFallbackForecast(y, h, pathCount, seed);
    notes.push(reason);
    return finish(f.bands, f.paths, { kind: 'fallback', reason });
  };
  if (h === 0)
    return finish({ mean: [], lo80: [], hi80: [], lo95: [], hi95: [] }, [], {
      kind: 'fallback',
      reason: 'h = 0',
    });
  if (n === 0) return fallback('no data');
  if (n < 4) return fallback(`too short (${n} point${n === 1 ? '' : 's'}): flat forecast with wide interval`);
  const scale = y.reduce((a, v) => a + Math.abs(v), 0) / n;
  const range = Math.max(...y) - Math.min(...y);
  if (!(scale > 0) || !(range > 1e-12 * scale)) {
    const flat = {
      mean: new Array<number>(h).fill(y[n - 1]!),
      lo80: [],
      hi80: [],
      lo95: [],
      hi95: [],
    } as ForecastBands;
    const bands = { ...flat, lo80: flat.mean, hi80: flat.mean, lo95: flat.mean, hi95: flat.mean };
    notes.push('constant series: flat forecast');
    return finish(
      bands,
      Array.from({ length: pathCount }, () => flat.mean.slice()),
      { kind: 'fallback', reason: 'constant series' },
    );
  }
  const ys = y.map((v) => v / scale);
  const unscale = (b: ForecastBands): ForecastBands => ({
    mean: b.mean.map((v) => v * scale),
    lo80: b.lo80.map((v) => v * scale),
    hi80: b.hi80.map((v) => v * scale),
    lo95: b.lo95.map((v) => v * scale),
    hi95: b.hi95.map((v) => v * scale),
  });
  if (checkIntermittent(y)) {
    const f = fitIntermittent(y, { kind: 'tsb' });
    if (f !== null)
      return finish(f.forecast(h), f.simulate(h, pathCount, seed), { kind: 'intermittent', label: f.label });
  }
  if (n < 8) {
    const f = fitNaiveDrift(ys);
    if (f === null) return fallback('drift model failed');
    notes.push('short series: naive with drift');
    const b = unscale(f.forecast(h));
    const wide = scaleBands(b, 1.5, 1.5);
    return finish(
      wide,
      f.simulate(h, pathCount, seed).map((p) => p.map((v) => v * scale)),
      { kind: 'naive-drift' },
    );
  }
  // As R's ets, state-space seasonal models only up to period 24; longer seasons (daily data with
  // a yearly cycle) are left to Theta's classical decomposition.
  const statePeriod = period > MAX_STATE_PERIOD ? 1 : period;
  if (statePeriod !== period)
    notes.push(`period ${period} > ${MAX_STATE_PERIOD}: ETS and ARIMA without season`);
  const members: FamilyMember[] = [];
  // Each member's bands are computed once (simulated ETS bands cost 1000 paths).
  const memberBands: ForecastBands[] = [];
  for (const make of [
    () => fitEtsMember(ys, statePeriod),
    () => fitArimaMember(ys, statePeriod),
    () => fitThetaMember(ys, period),
  ]) {
    const mb = make();
    const b = mb?.fitted.forecast(h);
    if (mb && b?.mean.every(Number.isFinite)) {
      members.push(mb);
      memberBands.push(b);
    }
  }
  if (members.length === 0) return fallback('no model could be fitted');
  const choice = selectCombination(ys, members, h, period);
  const chosen = choice.members.map((i) => members[i]!);
  const centre = averageBands(choice.members.map((i) => memberBands[i]!)).mean;
  const combined = mixBands(memberBands, centre);
  const bands = unscale(scaleBands(combined, choice.factor80, choice.factor95));
  const paths = simulateCombination(
    chosen,
    combined.mean,
    h,
    pathCount,
    seed,
    (choice.factor80 + choice.factor95) / 2,
  ).map((p) => p.map((v) => v * scale));
  const labels = chosen.map((mb) => mb.fitted.label);
  const method: ForecastMethod =
    chosen.length === 1
      ? { kind: chosen[0]!.kind, label: labels[0]! }
      : { kind: 'combination', members: labels };
  return finish(bands, paths, method);
}

/** Averages member paths driven by the same seed, recentred on the combined mean and widened by `factor`. */
function simulateCombination(
  members: readonly FamilyMember[],
  mean: readonly number[],
  h: number,
  count: number,
  seed: number,
  factor: number,
): number[][] {
  if (count === 0) return [];
  const sims = members.map((mb) => mb.fitted.simulate(h, count, seed));
  const raw = Array.from({ length: count }, (_, i) =>
    Array.from({ length: h }, (_, j) => sims.reduce((s, sim) => s + sim[i]![j]!, 0) / members.length),
  );
  const centre = Array.from({ length: h }, (_, j) => raw.reduce((s, p) => s + p[j]!, 0) / count);
  return raw.map((p) => p.map((v, j) => mean[j]! + factor * (v - centre[j]!)));
}

/**
 * An interval at another level from the 95 % band, keeping its asymmetry: each side's spread is
 * read as a normal standard deviation (half-width / 1.96) and scaled to the level's quantile.
 */
function deriveInterval(
  level: number,
  mean: readonly number[],
  lo95: readonly number[],
  hi95: readonly number[],
): PredictionInterval {
  const fraction = Math.min(0.9999, Math.max(0, level > 1 ? level / 100 : level));
  const z = quantileNormal((1 + fraction) / 2);
  return {
    level,
    lower: mean.map((m, j) => m - (z * (m - lo95[j]!)) / Z95),
    upper: mean.map((m, j) => m + (z * (hi95[j]! - m)) / Z95),
  };
}
