import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/calendar/dates.ts';
import {
  convertTarget,
  isAdditive,
  periodTotalToRate,
  rateToPeriodTotal,
  targetShape,
} from '../../../src/core/goals/index.ts';
import { KPI_METRICS } from '../../../src/core/kpi/types.ts';
import { RATE_PERS } from '../../../src/core/smart/types.ts';
import {
  perMonthEquivalent,
  targetFromRecommended,
  unitsInPeriod,
} from '../../../src/web/features/goals/goal-form.ts';

const NONE = { samePeriodLastYear: null, recentRunRate: null };

/** A random period: any start from 1990 to 2150, one day to three years long. */
const periodArb = fc
  .record({ offset: fc.integer({ min: 0, max: 160 * 365 }), length: fc.integer({ min: 1, max: 3 * 366 }) })
  .map(({ offset, length }) => {
    const start = addDays('1990-01-01', offset);
    return { start, end: addDays(start, length - 1) };
  });

describe('one rate → period-total conversion (the web form and the API agree)', () => {
  it('a whole February at 100 a month is 100, in the form and in the API', () => {
    const feb = { start: '2026-02-01', end: '2026-02-28' };
    expect(rateToPeriodTotal(100, 'month', feb)).toBe(100);
    expect(
      convertTarget({ metric: 'revenue', kind: 'absolute', value: 100, per: 'month' }, feb, NONE).value,
    ).toBe(100);
    expect(unitsInPeriod('month', feb.start, feb.end)).toBe(1);
    expect(perMonthEquivalent(100, feb.start, feb.end, true)).toBe(100);
  });

  it('every metric × rate shape over random periods: the form reads back the target the API converted', () => {
    fc.assert(
      fc.property(
        periodArb,
        fc.constantFrom(...KPI_METRICS),
        fc.constantFrom(...RATE_PERS, null),
        fc.integer({ min: 1, max: 10_000_000 }),
        (period, metric, per, value) => {
          const api = convertTarget({ metric, kind: 'absolute', value, per }, period, NONE).value;
          expect(api).not.toBeNull();
          const total = api ?? 0;
          const additive = isAdditive(metric);
          expect(targetShape(metric)).toBe(additive ? 'total' : 'level');
          // The form turns the API's figure back into its own field: the same rate, the same number.
          const form = targetFromRecommended(
            total,
            metric,
            { kind: 'absolute', value, per: per ?? 'total' },
            period.start,
            period.end,
          );
          if (additive) {
            expect(form.per).toBe(per ?? 'total');
            expect(form.value).toBe(value);
            expect(total).toBeCloseTo(rateToPeriodTotal(value, per, period), 6);
            // The chart's monthly grain is the same conversion, at 'month'.
            expect(perMonthEquivalent(total, period.start, period.end, true)).toBeCloseTo(
              periodTotalToRate(total, 'month', period),
              9,
            );
          } else {
            // A level (AOV, a rate, CSAT) is never multiplied by the period: per is ignored.
            expect(form.per).toBe('total');
            // …and reads back as the level written (a rate's fraction as its percent number).
            expect(form.value).toBe(value);
            expect(perMonthEquivalent(total, period.start, period.end, false)).toBe(total);
            const level = convertTarget({ metric, kind: 'absolute', value, per: null }, period, NONE).value;
            expect(total).toBe(level);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rate → total → rate is the identity for every rate', () => {
    fc.assert(
      fc.property(
        periodArb,
        fc.constantFrom(...RATE_PERS),
        fc.double({ min: 0.01, max: 1e9, noNaN: true }),
        (period, per, v) => {
          expect(periodTotalToRate(rateToPeriodTotal(v, per, period), per, period)).toBeCloseTo(v, 6);
        },
      ),
    );
  });
});
