import { describe, expect, it } from 'vitest';
import { selectEtsByAicc } from '../../../src/core/forecast/ets-auto.ts';
import { fitEts } from '../../../src/core/forecast/ets-fit.ts';
import { computeLinearEtsVariance, createEtsForecaster } from '../../../src/core/forecast/ets-forecaster.ts';
import { formatEtsLabel, listEtsCandidates } from '../../../src/core/forecast/ets-spec.ts';
import { createRandomSource } from '../../../src/core/forecast/seeded-random.ts';
import { readReference, readTrain } from './dev-data.ts';

describe('ETS against R forecast::ets on textbook series', () => {
  // Series where R and Pacer select the same form: point forecasts agree within 0.5 %, 95 % widths within 12 %.
  const cases: [string, number, number][] = [
    ['BJsales', 1, 6],
    ['freeny_y', 4, 8],
    ['PepperPrice_white', 12, 12],
    ['UKgas', 4, 8],
    ['DutchSales', 12, 12],
    ['BondYield', 12, 12],
  ];
  it.each(cases)('%s', (name, period, h) => {
    const y = readTrain(name);
    const fit = selectEtsByAicc(y, period);
    expect(fit).not.toBeNull();
    const f = createEtsForecaster(fit!, 1).forecast(h);
    const ref = readReference('ets', name);
    f.mean.forEach((v, j) => {
      expect(Math.abs(v - ref.mean[j]!) / Math.abs(ref.mean[j]!)).toBeLessThan(0.005);
    });
    const ratio = (f.hi95[h - 1]! - f.lo95[h - 1]!) / (ref.hi95[h - 1]! - ref.lo95[h - 1]!);
    expect(ratio).toBeGreaterThan(0.88);
    expect(ratio).toBeLessThan(1.12);
  });

  it('fits simple exponential smoothing to a random walk with alpha near 1', () => {
    const rng = createRandomSource(5);
    let v = 100;
    const y = Array.from({ length: 200 }, () => (v += rng.normal()));
    const fit = fitEts(y, { error: 'A', trend: 'N', season: 'N', period: 1 });
    expect(fit!.params.alpha).toBeGreaterThan(0.85);
  });
});

describe('ETS analytic interval widths', () => {
  it('ETS(A,N,N): v_h = sigma^2 (1 + alpha^2 (h - 1))', () => {
    const y = readTrain('BJsales');
    const fit = fitEts(y, { error: 'A', trend: 'N', season: 'N', period: 1 })!;
    const v = computeLinearEtsVariance(fit, 5);
    v.forEach((vh, i) => {
      expect(vh).toBeCloseTo(fit.sigma2 * (1 + fit.params.alpha ** 2 * i), 8);
    });
  });

  it('ETS(A,A,N): v_h = sigma^2 (1 + sum_j (alpha + beta j)^2)', () => {
    const y = readTrain('BJsales');
    const fit = fitEts(y, { error: 'A', trend: 'A', season: 'N', period: 1 })!;
    const { alpha, beta } = fit.params;
    const v = computeLinearEtsVariance(fit, 4);
    let acc = 0;
    for (let h = 1; h <= 4; h++) {
      expect(v[h - 1]).toBeCloseTo(fit.sigma2 * (1 + acc), 8);
      acc += (alpha + beta * h) ** 2;
    }
  });
});

describe('AICc selection on simulated series with known structure', () => {
  function simulate(n: number, seed: number, make: (t: number, e: number) => number): number[] {
    const rng = createRandomSource(seed);
    return Array.from({ length: n }, (_, t) => make(t, rng.normal()));
  }

  it('picks a seasonal model for a strongly seasonal series', () => {
    const y = simulate(96, 1, (t, e) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12) + 2 * e);
    expect(selectEtsByAicc(y, 12)!.spec.season).not.toBe('N');
  });

  it('picks no season and no trend for noise around a level', () => {
    const y = simulate(96, 2, (_, e) => 50 + e);
    const fit = selectEtsByAicc(y, 12)!;
    expect(fit.spec.season).toBe('N');
    expect(fit.spec.trend).toBe('N');
  });

  it('picks a trend for a strongly trending series', () => {
    const y = simulate(60, 3, (t, e) => 10 + 2 * t + e);
    expect(selectEtsByAicc(y, 1)!.spec.trend).not.toBe('N');
  });

  it('lists only admissible structures (no multiplicative forms for non-positive data)', () => {
    expect(listEtsCandidates(12, 100, false).every((s) => s.error === 'A' && s.season !== 'M')).toBe(true);
    expect(listEtsCandidates(12, 100, true).map(formatEtsLabel)).toContain('ETS(M,Ad,M)');
    expect(listEtsCandidates(12, 100, true).map(formatEtsLabel)).not.toContain('ETS(A,N,M)');
    expect(listEtsCandidates(12, 20, true).every((s) => s.season === 'N')).toBe(true);
  });
});
