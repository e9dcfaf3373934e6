import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/core/errors/app-error.ts';
import { allocateWithLocks, distribute } from '../../../src/core/plan/allocate.ts';

const sum = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0);

describe('largest-remainder distribution', () => {
  it('hands the left-over units to the largest fractional parts, ties to the earlier cell', () => {
    // 100 over 3 equal: 33.33 each → 34, 33, 33.
    expect(distribute(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 10 over 31/28/31 days: 3.44, 3.11, 3.44 → 4, 3, 3? floors 3,3,3 = 9, one left to the largest fraction (first).
    expect(distribute(10, [31, 28, 31])).toEqual([4, 3, 3]);
    expect(distribute(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(distribute(7, [0, 0])).toEqual([4, 3]);
  });

  it('always sums exactly to the total and is deterministic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 400 }),
        (total, weights) => {
          const a = distribute(total, weights);
          expect(sum(a)).toBe(total);
          expect(distribute(total, weights)).toEqual(a);
          for (const v of a) expect(Number.isInteger(v)).toBe(true);
        },
      ),
    );
  });

  it('gives each cell within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 50 }),
        (total, weights) => {
          const a = distribute(total, weights);
          const w = sum(weights);
          a.forEach((v, i) => {
            expect(Math.abs(v - (total * (weights[i] ?? 0)) / w)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });
});

describe('locks', () => {
  it('keeps locked cells and re-balances the others by their weights', () => {
    const out = allocateWithLocks(1200, [
      { weight: 1, locked: null },
      { weight: 1, locked: 600 },
      { weight: 2, locked: null },
    ]);
    expect(out).toEqual([200, 600, 400]);
  });

  it('refuses locks above the target, naming both numbers', () => {
    try {
      allocateWithLocks(100, [
        { weight: 1, locked: 80 },
        { weight: 1, locked: 30 },
        { weight: 1, locked: null },
      ]);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('PLAN_LOCKS_EXCEED_TARGET');
      expect(isAppError(e) && e.params).toEqual({ locked: 110, target: 100 });
    }
  });

  it('random locks: the sum is exact and locked cells are untouched', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.nat(1000), lock: fc.option(fc.nat(1000), { nil: null }) }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.nat(1e7),
        (cells, extra) => {
          const lockedSum = sum(cells.map((c) => c.lock ?? 0));
          const hasFree = cells.some((c) => c.lock === null);
          const total = lockedSum + (hasFree ? extra : 0);
          const out = allocateWithLocks(
            total,
            cells.map((c) => ({ weight: c.weight, locked: c.lock })),
          );
          expect(sum(out)).toBe(total);
          cells.forEach((c, i) => {
            if (c.lock !== null) expect(out[i]).toBe(c.lock);
            else expect(out[i]).toBeGreaterThanOrEqual(0);
          });
        },
      ),
    );
  });
});
