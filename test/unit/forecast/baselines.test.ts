import { describe, expect, it } from 'vitest';
import { fitIntermittent } from '../../../src/core/forecast/intermittent-demand.ts';
import { fitNaiveDrift, fitSeasonalNaive } from '../../../src/core/forecast/naive-methods.ts';
import { fitThetaMethod } from '../../../src/core/forecast/theta-method.ts';
import { readReference, readTrain } from './dev-data.ts';

describe('seasonal naive', () => {
  it.each([
    ['AirPassengers', 12, 12],
    ['UKgas', 4, 8],
    ['airmiles', 1, 6],
  ] as const)('reproduces R snaive on %s', (name, period, h) => {
    const f = fitSeasonalNaive(readTrain(name), period)!.forecast(h);
    const ref = readReference('snaive', name);
    for (const key of ['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const) {
      f[key].forEach((v, j) => {
        expect(v).toBeCloseTo(ref[key][j]!, 4);
      });
    }
  });
});

describe('naive with drift', () => {
  it('extrapolates the average change', () => {
    const f = fitNaiveDrift([1, 3, 5, 7])!.forecast(3);
    expect(f.mean).toEqual([9, 11, 13]);
  });
});

describe('Theta', () => {
  it('standard theta on BJsales is close to R thetaf', () => {
    const f = fitThetaMethod(readTrain('BJsales'), 1, { kind: 'standard' }, 1)!.forecast(6);
    const ref = readReference('theta', 'BJsales');
    f.mean.forEach((v, j) => {
      expect(Math.abs(v - ref.mean[j]!) / ref.mean[j]!).toBeLessThan(0.01);
    });
  });

  it('optimised theta returns finite forecasts with ordered bands', () => {
    const f = fitThetaMethod(readTrain('wineind'), 12, { kind: 'optimised' }, 1)!.forecast(12);
    f.mean.forEach((m, j) => {
      expect(f.lo95[j]!).toBeLessThanOrEqual(f.lo80[j]!);
      expect(f.lo80[j]!).toBeLessThanOrEqual(m);
      expect(m).toBeLessThanOrEqual(f.hi80[j]!);
      expect(f.hi80[j]!).toBeLessThanOrEqual(f.hi95[j]!);
    });
  });
});

describe('intermittent demand', () => {
  const y = [0, 0, 3, 0, 0, 0, 4, 0, 2, 0, 0, 0, 5, 0, 0, 3, 0, 0, 0, 4];
  it.each(['croston', 'tsb'] as const)('%s forecasts a flat demand rate near the average', (kind) => {
    const f = fitIntermittent(y, { kind })!;
    const b = f.forecast(4);
    const avg = y.reduce((a, v) => a + v, 0) / y.length;
    expect(b.mean[0]).toBeGreaterThan(avg * 0.4);
    expect(b.mean[0]).toBeLessThan(avg * 2);
    expect(b.lo80[0]).toBe(0);
    expect(
      f
        .simulate(4, 50, 1)
        .flat()
        .every((v) => v >= 0),
    ).toBe(true);
  });
});

describe('aggregateSeries', () => {
  it('sums daily values into end-aligned weeks, scaling up buckets with missing days', async () => {
    const { aggregateSeries } = await import('../../../src/core/forecast/aggregate-series.ts');
    const days = Array.from({ length: 16 }, (_, i) => i + 1);
    expect(aggregateSeries(days, 7, 'sum')).toEqual([
      3 + 4 + 5 + 6 + 7 + 8 + 9,
      10 + 11 + 12 + 13 + 14 + 15 + 16,
    ]);
    expect(aggregateSeries([1, Number.NaN, 3], 3, 'sum')).toEqual([6]);
    expect(aggregateSeries([2, 4, 6, 8], 2, 'mean')).toEqual([3, 7]);
  });
});
