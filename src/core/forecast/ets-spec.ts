/** Error component of an ETS model: additive or multiplicative. */
export type EtsError = 'A' | 'M';
/** Trend component: none, additive, additive damped. */
export type EtsTrend = 'N' | 'A' | 'Ad';
/** Seasonal component: none, additive, multiplicative. */
export type EtsSeason = 'N' | 'A' | 'M';

/** An ETS(error, trend, season) model structure with its seasonal period. */
export interface EtsSpec {
  readonly error: EtsError;
  readonly trend: EtsTrend;
  readonly season: EtsSeason;
  readonly period: number;
}

/** Smoothing parameters and initial states of an ETS model. */
export interface EtsParameters {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
  readonly level: number;
  readonly trend: number;
  /** Initial seasonal states; `season[k]` is the state used for the observation at time k (k < period). */
  readonly season: readonly number[];
}

/** Label in Hyndman's notation, e.g. `ETS(M,Ad,M)`. */
export function formatEtsLabel(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

/** Damping multiplier of the trend: 0 for none, 1 for additive, phi for damped. */
export function selectTrendDamping(spec: EtsSpec, phi: number): number {
  switch (spec.trend) {
    case 'N':
      return 0;
    case 'A':
      return 1;
    case 'Ad':
      return phi;
    default: {
      const never: never = spec.trend;
      return never;
    }
  }
}

/**
 * The candidate structures searched automatically (R's `ets` with restrict = TRUE and no
 * multiplicative trend): additive error with multiplicative season is excluded; multiplicative
 * error or season only for strictly positive data; seasonal models only with two full seasons.
 */
export function listEtsCandidates(period: number, length: number, positive: boolean): EtsSpec[] {
  const seasonal = period > 1 && length >= 2 * period;
  const errors: EtsError[] = positive ? ['A', 'M'] : ['A'];
  const trends: EtsTrend[] = ['N', 'A', 'Ad'];
  const seasons: EtsSeason[] = seasonal ? (positive ? ['N', 'A', 'M'] : ['N', 'A']) : ['N'];
  const out: EtsSpec[] = [];
  for (const error of errors)
    for (const trend of trends)
      for (const season of seasons) {
        if (error === 'A' && season === 'M') continue;
        out.push({ error, trend, season, period: season === 'N' ? 1 : period });
      }
  return out;
}
