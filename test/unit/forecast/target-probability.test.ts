import { describe, expect, it } from 'vitest';
import { cdfNormal } from '../../../src/core/forecast/normal-distribution.ts';
import { createRandomSource } from '../../../src/core/forecast/seeded-random.ts';
import {
  findTargetsAtProbabilities,
  probabilityOfReaching,
} from '../../../src/core/forecast/target-probability.ts';

describe('probability of reaching a target', () => {
  const rng = createRandomSource(9);
  // Remaining 4 steps, each N(25, 5^2) independent: remaining total ~ N(100, 10^2).
  const paths = Array.from({ length: 20000 }, () => Array.from({ length: 4 }, () => 25 + 5 * rng.normal()));

  it('matches the normal probability of the total', () => {
    const p = probabilityOfReaching({ actualToDate: 50, remainingForecastPaths: paths, target: 160 });
    expect(p).toBeCloseTo(1 - cdfNormal(1), 2);
  });

  it('is 1 or 0 when nothing remains', () => {
    expect(probabilityOfReaching({ actualToDate: 10, remainingForecastPaths: [], target: 9 })).toBe(1);
    expect(probabilityOfReaching({ actualToDate: 10, remainingForecastPaths: [], target: 11 })).toBe(0);
  });

  it('gives targets at 50/70/90 % consistent with the probability', () => {
    const targets = findTargetsAtProbabilities(50, paths);
    expect(targets.map((t) => t.probability)).toEqual([0.5, 0.7, 0.9]);
    expect(targets[0]!.target).toBeCloseTo(150, 0);
    expect(targets[2]!.target).toBeLessThan(targets[1]!.target);
    for (const t of targets) {
      const p = probabilityOfReaching({ actualToDate: 50, remainingForecastPaths: paths, target: t.target });
      expect(p).toBeCloseTo(t.probability, 2);
    }
  });
});

describe('probability of reaching a target (properties)', () => {
  it('is within [0, 1] and never increases with the target', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (paths, actualToDate, target, delta) => {
          const p1 = probabilityOfReaching({ actualToDate, remainingForecastPaths: paths, target });
          const p2 = probabilityOfReaching({
            actualToDate,
            remainingForecastPaths: paths,
            target: target + delta,
          });
          expect(p1).toBeGreaterThanOrEqual(0);
          expect(p1).toBeLessThanOrEqual(1);
          expect(p2).toBeLessThanOrEqual(p1);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });
});
