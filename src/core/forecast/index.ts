export { computeCoverage, computeMase, computeSmape } from './accuracy-metrics.ts';
export { type AggregationKind, aggregateSeries } from './aggregate-series.ts';
export { selectArimaByAicc } from './arima-auto.ts';
export type { ArimaFit } from './arima-fit.ts';
export { createArimaForecaster } from './arima-forecaster.ts';
export type { ArimaOrder } from './arima-model.ts';
export { selectEtsByAicc } from './ets-auto.ts';
export { type EtsFit, fitEts } from './ets-fit.ts';
export { createEtsForecaster } from './ets-forecaster.ts';
export type { EtsParameters, EtsSpec } from './ets-spec.ts';
export { type ForecastOptions, forecastSeries } from './forecast-series.ts';
export { checkIntermittent, fitIntermittent, type IntermittentVariant } from './intermittent-demand.ts';
export { fitNaiveDrift, fitSeasonalNaive } from './naive-methods.ts';
export {
  type BacktestOptions,
  type BacktestReport,
  type BacktestWindow,
  backtestRollingOrigin,
  listBacktestOrigins,
  type SeriesForecaster,
} from './rolling-origin-backtest.ts';
export {
  findTargetsAtProbabilities,
  probabilityOfReaching,
  type ReachInput,
  type TargetAtProbability,
} from './target-probability.ts';
export { fitThetaMethod, type ThetaVariant } from './theta-method.ts';
export type {
  FittedForecaster,
  ForecastBands,
  ForecastMethod,
  ForecastResult,
  PredictionInterval,
} from './types.ts';
