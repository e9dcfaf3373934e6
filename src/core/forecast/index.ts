export { type ForecastOptions, forecastSeries } from './forecast-series.ts';
export type { FittedForecaster, ForecastBands, ForecastMethod, ForecastResult } from './types.ts';
