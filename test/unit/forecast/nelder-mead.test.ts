import { describe, expect, it } from 'vitest';
import { minimizeNelderMead } from '../../../src/core/forecast/nelder-mead.ts';

describe('minimizeNelderMead', () => {
  it('finds the minimum of a shifted quadratic', () => {
    const r = minimizeNelderMead((x) => (x[0]! - 3) ** 2 + 2 * (x[1]! + 1) ** 2, [0, 0], {
      tolerance: 1e-12,
      maxIterations: 2000,
    });
    expect(r.x[0]).toBeCloseTo(3, 4);
    expect(r.x[1]).toBeCloseTo(-1, 4);
  });

  it('minimises the Rosenbrock function', () => {
    const r = minimizeNelderMead((x) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2, [-1.2, 1], {
      tolerance: 1e-14,
      maxIterations: 5000,
    });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  it('treats non-finite values as +Infinity (bounds as penalties)', () => {
    const r = minimizeNelderMead((x) => (x[0]! < 0.5 ? Number.NaN : (x[0]! - 1) ** 2), [2], {
      tolerance: 1e-12,
    });
    expect(r.x[0]).toBeCloseTo(1, 4);
  });
});
