import { describe, expect, it } from 'vitest';
import { type EtsState, simulateEts, updateEtsState } from '../../../src/core/forecast/ets-recursion.ts';
import { type EtsParameters, type EtsSpec, selectTrendDamping } from '../../../src/core/forecast/ets-spec.ts';
import { buildPathBands, quantileSorted } from '../../../src/core/forecast/interval-bands.ts';
import { createRandomSource } from '../../../src/core/forecast/seeded-random.ts';

/** The straightforward simulation through updateEtsState, as the engine did before it was inlined. */
function simulateReference(
  spec: EtsSpec,
  p: EtsParameters,
  state: EtsState,
  h: number,
  sigma2: number,
  count: number,
  normal: () => number,
): number[][] {
  const m = spec.season === 'N' ? 1 : spec.period;
  const damp = selectTrendDamping(spec, p.phi);
  const sd = Math.sqrt(Math.max(0, sigma2));
  const paths: number[][] = [];
  for (let i = 0; i < count; i++) {
    let l = state.level;
    let b = state.trend;
    const season = state.season.slice();
    const path: number[] = [];
    for (let j = 0; j < h; j++) {
      const k = (state.time + j) % m;
      const s = season[k]!;
      const base = l + damp * b;
      const mu = spec.season === 'A' ? base + s : spec.season === 'M' ? base * s : base;
      let e = sd * normal();
      if (spec.error === 'M' && e < -0.99) e = -0.99;
      path.push(spec.error === 'A' ? mu + e : mu * (1 + e));
      const next = updateEtsState(spec, p, base, b, s, mu, e, damp);
      l = next.level;
      b = next.trend;
      season[k] = next.season;
    }
    paths.push(path);
  }
  return paths;
}

describe('simulation kernels', () => {
  const params: EtsParameters = {
    alpha: 0.3,
    beta: 0.05,
    gamma: 0.1,
    phi: 0.9,
    level: 10,
    trend: 0.2,
    season: [1.1, 0.9, 1.2, 0.8],
  };
  const cases: EtsSpec[] = [];
  for (const error of ['A', 'M'] as const)
    for (const trend of ['N', 'A', 'Ad'] as const)
      for (const season of ['N', 'A', 'M'] as const) cases.push({ error, trend, season, period: 4 });
  it.each(cases)('simulateEts matches the update-by-update reference for %o', (spec) => {
    const state: EtsState = {
      level: 10,
      trend: spec.trend === 'N' ? 0 : 0.2,
      season: spec.season === 'N' ? [0] : spec.season === 'A' ? [1, -1, 2, -2] : [1.1, 0.9, 1.2, 0.8],
      time: 7,
    };
    const sigma2 = spec.error === 'A' ? 0.5 : 0.01;
    const fast = simulateEts(spec, params, state, 9, sigma2, 50, createRandomSource(3).normal);
    const slow = simulateReference(spec, params, state, 9, sigma2, 50, createRandomSource(3).normal);
    expect(fast).toEqual(slow);
    expect(state.season.length).toBe(spec.season === 'N' ? 1 : 4);
  });

  it('buildPathBands takes the type-7 quantiles of each step', () => {
    const rng = createRandomSource(5);
    const paths = Array.from({ length: 101 }, () => Array.from({ length: 3 }, () => rng.normal()));
    const bands = buildPathBands([0, 0, 0], paths);
    for (let j = 0; j < 3; j++) {
      const col = paths.map((p) => p[j]!).sort((a, b) => a - b);
      expect(bands.lo80[j]).toBe(quantileSorted(col, 0.1));
      expect(bands.hi80[j]).toBe(quantileSorted(col, 0.9));
      expect(bands.lo95[j]).toBe(quantileSorted(col, 0.025));
      expect(bands.hi95[j]).toBe(quantileSorted(col, 0.975));
    }
  });
});
