import { describe, expect, it } from 'vitest';
import { selectArimaByAicc } from '../../../src/core/forecast/arima-auto.ts';
import { createArimaForecaster } from '../../../src/core/forecast/arima-forecaster.ts';
import { computePsiWeights, expandArma } from '../../../src/core/forecast/arima-model.ts';
import { checkStationary } from '../../../src/core/forecast/polynomial.ts';
import { createRandomSource } from '../../../src/core/forecast/seeded-random.ts';
import { computeKpssStatistic } from '../../../src/core/forecast/unit-root-tests.ts';

describe('ARIMA building blocks', () => {
  it('checks AR stationarity', () => {
    expect(checkStationary([0.5])).toBe(true);
    expect(checkStationary([1.2])).toBe(false);
    expect(checkStationary([0.5, 0.3])).toBe(true);
    expect(checkStationary([0.5, 0.6])).toBe(false);
  });

  it('expands seasonal polynomials multiplicatively', () => {
    const e = expandArma({ ar: [0.5], ma: [], seasonalAr: [0.4], seasonalMa: [], mean: 0 }, 4);
    // (1 - 0.5B)(1 - 0.4B^4) = 1 - 0.5B - 0.4B^4 + 0.2B^5
    expect(e.ar.map((v) => v + 0)).toEqual([0.5, 0, 0, 0.4, -0.2]);
  });

  it('psi weights of a random walk are all 1', () => {
    const order = { p: 0, d: 1, q: 0, seasonalP: 0, seasonalD: 0, seasonalQ: 0, period: 1, constant: false };
    expect(computePsiWeights(order, { ar: [], ma: [] }, 4)).toEqual([1, 1, 1, 1]);
  });

  it('KPSS separates a random walk from white noise', () => {
    const rng = createRandomSource(3);
    const noise = Array.from({ length: 200 }, () => rng.normal());
    let v = 0;
    const walk = noise.map((e) => (v += e));
    expect(computeKpssStatistic(noise)).toBeLessThan(0.463);
    expect(computeKpssStatistic(walk)).toBeGreaterThan(0.463);
  });
});

describe('auto ARIMA on simulated series', () => {
  it('recovers an AR(1) coefficient', () => {
    const rng = createRandomSource(11);
    const y: number[] = [0];
    for (let t = 1; t < 400; t++) y.push(0.7 * y[t - 1]! + rng.normal());
    const fit = selectArimaByAicc(y, 1)!;
    expect(fit.order.d).toBe(0);
    const phi = fit.coefficients.ar[0] ?? 0;
    expect(fit.order.p).toBeGreaterThanOrEqual(1);
    expect(phi).toBeGreaterThan(0.5);
    expect(phi).toBeLessThan(0.9);
  });

  it('differences a trending random walk and forecasts with drift', () => {
    const rng = createRandomSource(12);
    let v = 0;
    const y = Array.from({ length: 150 }, () => (v += 1 + 0.3 * rng.normal()));
    const fit = selectArimaByAicc(y, 1)!;
    expect(fit.order.d).toBeGreaterThanOrEqual(1);
    const f = createArimaForecaster(fit, y, 1).forecast(10);
    expect(f.mean[9]! - y[149]!).toBeGreaterThan(7);
    expect(f.mean[9]! - y[149]!).toBeLessThan(13);
    expect(f.hi95[9]! - f.lo95[9]!).toBeGreaterThan(f.hi95[0]! - f.lo95[0]!);
  });

  it('seasonally differences a strongly seasonal series', () => {
    const rng = createRandomSource(13);
    const y = Array.from({ length: 96 }, (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 12) + rng.normal());
    expect(selectArimaByAicc(y, 12)!.order.seasonalD).toBe(1);
  });
});
