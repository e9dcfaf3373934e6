/** Point forecasts with 80 % and 95 % prediction intervals, one entry per step ahead. */
export interface ForecastBands {
  readonly mean: number[];
  readonly lo80: number[];
  readonly hi80: number[];
  readonly lo95: number[];
  readonly hi95: number[];
}

/** Which method produced a forecast (tagged by `kind`). */
export type ForecastMethod =
  | { readonly kind: 'ets'; readonly label: string }
  | { readonly kind: 'theta'; readonly label: string }
  | { readonly kind: 'arima'; readonly label: string }
  | { readonly kind: 'naive-drift' }
  | { readonly kind: 'seasonal-naive' }
  | { readonly kind: 'intermittent'; readonly label: string }
  | { readonly kind: 'combination'; readonly members: readonly string[] }
  | { readonly kind: 'fallback'; readonly reason: string };

/** Output of {@link forecastSeries}: bands, sample paths of the future and the chosen method. */
export interface ForecastResult extends ForecastBands {
  readonly method: ForecastMethod;
  /** Simulated future trajectories (`paths[i][j]` = path i, step j + 1). */
  readonly paths: number[][];
  /** Notes on data handling (missing values filled, short series, ...). */
  readonly notes: string[];
  /** Extra intervals for the levels requested in the options (empty by default). */
  readonly intervals: PredictionInterval[];
}

/** A prediction interval at a given coverage level (e.g. 50 for a 50 % interval). */
export interface PredictionInterval {
  readonly level: number;
  readonly lower: number[];
  readonly upper: number[];
}

/** A fitted model able to produce bands and sample paths for h steps ahead. */
export interface FittedForecaster {
  readonly label: string;
  /** In-sample one-step residual variance, for information only. */
  readonly sigma2: number;
  readonly forecast: (h: number) => ForecastBands;
  readonly simulate: (h: number, count: number, seed: number) => number[][];
}
