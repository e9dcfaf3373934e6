import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../../src/core/forecast/index.ts';
import type { ForecastResult } from '../../../src/core/forecast/types.ts';
import { readTrain } from './dev-data.ts';

function expectSane(r: ForecastResult, h: number): void {
  for (const key of ['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const) {
    expect(r[key]).toHaveLength(h);
    for (const v of r[key]) expect(Number.isFinite(v)).toBe(true);
  }
  r.mean.forEach((m, j) => {
    expect(r.lo95[j]!).toBeLessThanOrEqual(r.lo80[j]! + 1e-9 * Math.abs(m));
    expect(r.lo80[j]!).toBeLessThanOrEqual(m + 1e-9 * Math.abs(m) + 1e-12);
    expect(m).toBeLessThanOrEqual(r.hi80[j]! + 1e-9 * Math.abs(m) + 1e-12);
    expect(r.hi80[j]!).toBeLessThanOrEqual(r.hi95[j]! + 1e-9 * Math.abs(m));
  });
  for (const p of r.paths) for (const v of p) expect(Number.isFinite(v)).toBe(true);
}

describe('forecastSeries', () => {
  it('forecasts a monthly textbook series with a combination and sample paths', () => {
    const r = forecastSeries(readTrain('USAccDeaths'), { h: 12, frequency: 12, pathCount: 200 });
    expectSane(r, 12);
    expect(r.paths).toHaveLength(200);
    expect(['combination', 'ets', 'arima', 'theta']).toContain(r.method.kind);
  });

  it('derives extra interval levels that nest with the 80 / 95 % bands', () => {
    const r = forecastSeries(readTrain('BJsales'), { h: 6, frequency: 1, pathCount: 0, level: [50, 99] });
    const [i50, i99] = r.intervals;
    expect(i50!.level).toBe(50);
    r.mean.forEach((m, j) => {
      expect(i50!.lower[j]!).toBeLessThanOrEqual(m);
      expect(i50!.lower[j]!).toBeGreaterThan(r.lo80[j]!);
      expect(i50!.upper[j]!).toBeLessThan(r.hi80[j]!);
      expect(i99!.lower[j]!).toBeLessThan(r.lo95[j]!);
      expect(i99!.upper[j]!).toBeGreaterThan(r.hi95[j]!);
    });
    expect(forecastSeries([1, 2, 3, 4, 5, 6, 7, 8, 9], { h: 2, frequency: 1 }).intervals).toEqual([]);
  });

  it('is deterministic for a given seed', () => {
    const y = readTrain('JohnsonJohnson');
    const a = forecastSeries(y, { h: 8, frequency: 4, seed: 3, pathCount: 50 });
    const b = forecastSeries(y, { h: 8, frequency: 4, seed: 3, pathCount: 50 });
    expect(a).toEqual(b);
  });

  it('fills missing values and says so', () => {
    const y: (number | null)[] = readTrain('BJsales').slice(0, 60);
    y[10] = null;
    y[11] = Number.NaN;
    const r = forecastSeries(y, { h: 6, frequency: 1, pathCount: 10 });
    expectSane(r, 6);
    expect(r.notes.join(' ')).toMatch(/filled 2 missing/);
  });

  it('falls back with a wide interval on a one-point series', () => {
    const r = forecastSeries([100], { h: 3, frequency: 12, pathCount: 10 });
    expectSane(r, 3);
    expect(r.method.kind).toBe('fallback');
    expect(r.hi95[0]! - r.lo95[0]!).toBeGreaterThan(50);
  });

  it('uses TSB for intermittent non-negative series and keeps bounds non-negative', () => {
    const y = [0, 0, 5, 0, 0, 0, 3, 0, 0, 4, 0, 0, 0, 0, 6, 0, 0, 2, 0, 0, 0, 5, 0, 0];
    const r = forecastSeries(y, { h: 7, frequency: 7, pathCount: 20 });
    expect(r.method.kind).toBe('intermittent');
    expect(r.lo95.every((v) => v >= 0)).toBe(true);
  });

  it('models only the recent part of a very long history', () => {
    const y = Array.from({ length: 1300 }, (_, t) => 50 + ((t * 7919) % 13));
    const r = forecastSeries(y, { h: 3, frequency: 1, pathCount: 0 });
    expectSane(r, 3);
    expect(r.notes.join(' ')).toMatch(/last 1000 of 1300/);
  });

  it('returns a flat forecast for constant and all-zero series', () => {
    expect(forecastSeries([5, 5, 5, 5, 5, 5, 5, 5, 5, 5], { h: 3, frequency: 1 }).mean).toEqual([5, 5, 5]);
    expect(forecastSeries(new Array(30).fill(0), { h: 2, frequency: 12 }).hi95).toEqual([0, 0]);
  });

  it('never yields NaN, throws or hangs on random, negative, huge, 1- and 2-point series', () => {
    const value = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: 0, max: 10 }),
      fc.double({ min: 1e12, max: 1e15, noNaN: true }),
      fc.constant(0),
      fc.constant(Number.NaN),
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 0, maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(1, 4, 7, 12),
        (y, h, frequency) => {
          const r = forecastSeries(y, { h, frequency, pathCount: 5 });
          expectSane(r, h);
        },
      ),
      { numRuns: 40, seed: 42 },
    );
  });

  it('keeps bands nested around the mean for lumpy intermittent series (regression)', () => {
    expectSane(
      forecastSeries([1e12, 1, 0, 8.67e12, 0, Number.NaN, 0], { h: 4, frequency: 1, pathCount: 3 }),
      4,
    );
  });

  it('handles huge and tiny magnitudes in a seasonal series', () => {
    const base = readTrain('UKgas');
    for (const k of [1e-9, 1e12])
      expectSane(
        forecastSeries(
          base.map((v) => v * k),
          { h: 8, frequency: 4, pathCount: 5 },
        ),
        8,
      );
    expectSane(
      forecastSeries(
        base.map((v) => -v),
        { h: 8, frequency: 4, pathCount: 5 },
      ),
      8,
    );
  });
});

describe('forecastSeries on daily data', () => {
  it('models weekly seasonality of daily sales and keeps long seasons to Theta', () => {
    const y = Array.from(
      { length: 120 },
      (_, t) => 100 + (t % 7 === 5 || t % 7 === 6 ? 60 : 0) + ((t * 37) % 11),
    );
    const weekly = forecastSeries(y, { h: 14, frequency: 7, pathCount: 0 });
    expectSane(weekly, 14);
    expect(weekly.mean[5]! - weekly.mean[2]!).toBeGreaterThan(30);
    const long = forecastSeries(
      Array.from({ length: 80 }, (_, t) => 10 + Math.sin(t / 5)),
      { h: 5, frequency: 30, pathCount: 0 },
    );
    expectSane(long, 5);
    expect(long.notes.join(' ')).toMatch(/without season/);
  });
});
