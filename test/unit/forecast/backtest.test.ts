import { describe, expect, it } from 'vitest';
import { computeMase, computeSmape } from '../../../src/core/forecast/accuracy-metrics.ts';
import { forecastSeries } from '../../../src/core/forecast/forecast-series.ts';
import { fitSeasonalNaive } from '../../../src/core/forecast/naive-methods.ts';
import {
  backtestRollingOrigin,
  listBacktestOrigins,
} from '../../../src/core/forecast/rolling-origin-backtest.ts';
import { readTrain } from './dev-data.ts';

describe('rolling-origin back-test', () => {
  it('lists origins ending h before the end, oldest first', () => {
    expect(listBacktestOrigins(100, { h: 12, frequency: 12, origins: 3 })).toEqual([64, 76, 88]);
    expect(listBacktestOrigins(30, { h: 12, frequency: 12, origins: 3 })).toEqual([]);
  });

  it('scores seasonal naive at MASE 0 on a purely periodic series', () => {
    const y = Array.from({ length: 48 }, (_, t) => [1, 5, 3, 8][t % 4]!);
    const report = backtestRollingOrigin(y, { h: 4, frequency: 4, origins: 2 }, (hist, h, m) =>
      fitSeasonalNaive(hist, m)!.forecast(h),
    );
    expect(report.windows).toHaveLength(2);
    expect(report.meanMase).toBe(0);
    expect(report.coverage95).toBe(1);
  });

  it('back-tests the engine on a textbook series', () => {
    const report = backtestRollingOrigin(
      readTrain('USAccDeaths'),
      { h: 6, frequency: 12, origins: 2 },
      (hist, h, m) => forecastSeries(hist, { h, frequency: m, pathCount: 0 }),
    );
    expect(report.windows).toHaveLength(2);
    expect(report.meanMase).toBeLessThan(1.5);
  });

  it('computes M4 metrics', () => {
    expect(computeSmape([100], [50])).toBeCloseTo(66.6667, 3);
    expect(computeMase([1, 2, 3, 4], [5, 6], [5, 7], 1)).toBeCloseTo(0.5, 10);
  });
});
