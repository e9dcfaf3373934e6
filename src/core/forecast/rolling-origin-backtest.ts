import { computeCoverage, computeMase, computeSmape } from './accuracy-metrics.ts';
import type { ForecastBands } from './types.ts';

/** Any forecaster of a history for h steps (forecastSeries fits, or a baseline). */
export type SeriesForecaster = (history: readonly number[], h: number, period: number) => ForecastBands;

/** Options of {@link backtestRollingOrigin}. */
export interface BacktestOptions {
  readonly h: number;
  readonly frequency: number;
  /** Number of forecast origins (default 4), the last one h steps before the end. */
  readonly origins?: number;
  /** Distance between origins (default h). */
  readonly step?: number;
  /** Shortest history used as training (default 2 seasons or 8 points). */
  readonly minimumTrain?: number;
}

/** One back-test forecast and its accuracy. */
export interface BacktestWindow {
  readonly origin: number;
  readonly actual: number[];
  readonly forecast: ForecastBands;
  readonly mase: number;
  readonly smape: number;
  readonly coverage80: number;
  readonly coverage95: number;
}

/** Back-test summary: every window and means over windows. */
export interface BacktestReport {
  readonly windows: BacktestWindow[];
  readonly meanMase: number;
  readonly meanSmape: number;
  readonly coverage80: number;
  readonly coverage95: number;
}

/** The forecast origins (lengths of training prefixes) of a rolling-origin back-test, oldest first. */
export function listBacktestOrigins(n: number, options: BacktestOptions): number[] {
  const h = Math.max(1, options.h);
  const step = Math.max(1, options.step ?? h);
  const count = Math.max(1, options.origins ?? 4);
  const minimumTrain = options.minimumTrain ?? Math.max(8, options.frequency > 1 ? 2 * options.frequency : 8);
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const o = n - h - k * step;
    if (o < minimumTrain) break;
    out.unshift(o);
  }
  return out;
}

/**
 * Rolling-origin evaluation: for each origin, forecast h steps from the history before it and
 * compare with what happened. Shows a company how accurate past forecasts of its own data were.
 */
export function backtestRollingOrigin(
  values: readonly number[],
  options: BacktestOptions,
  forecaster: SeriesForecaster,
): BacktestReport {
  const windows: BacktestWindow[] = [];
  for (const origin of listBacktestOrigins(values.length, options)) {
    const train = values.slice(0, origin);
    const actual = values.slice(origin, origin + options.h);
    const forecast = forecaster(train, actual.length, options.frequency);
    const cov = computeCoverage(actual, forecast);
    windows.push({
      origin,
      actual,
      forecast,
      mase: computeMase(train, actual, forecast.mean, options.frequency),
      smape: computeSmape(actual, forecast.mean),
      ...cov,
    });
  }
  const mean = (pick: (w: BacktestWindow) => number): number =>
    windows.length === 0 ? Number.NaN : windows.reduce((s, w) => s + pick(w), 0) / windows.length;
  return {
    windows,
    meanMase: mean((w) => w.mase),
    meanSmape: mean((w) => w.smape),
    coverage80: mean((w) => w.coverage80),
    coverage95: mean((w) => w.coverage95),
  };
}
