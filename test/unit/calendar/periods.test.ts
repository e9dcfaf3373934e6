import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  clipPeriod,
  comparisonRange,
  enumeratePeriods,
  fiscalYearOf,
  fiscalYearStart,
  isLocalDate,
  isoWeekOf,
  isoWeeksInYear,
  periodOf,
  previousPeriod,
  samePeriodLastYear,
  toDayNumber,
} from '../../../src/core/calendar/index.ts';

const CAL = { fiscalYearStartMonth: 1 };
const APRIL = { fiscalYearStartMonth: 4 };

describe('periods', () => {
  it('buckets a date into day, month, quarter', () => {
    expect(periodOf('2026-02-14', 'day', CAL)).toMatchObject({
      id: '2026-02-14',
      start: '2026-02-14',
      end: '2026-02-14',
    });
    expect(periodOf('2024-02-14', 'month', CAL)).toMatchObject({
      id: '2024-02',
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(periodOf('2026-08-31', 'quarter', CAL)).toMatchObject({
      id: '2026-Q3',
      start: '2026-07-01',
      end: '2026-09-30',
    });
    expect(periodOf('2026-12-31', 'quarter', CAL)).toMatchObject({ id: '2026-Q4', end: '2026-12-31' });
  });

  it('numbers ISO weeks across year boundaries, with week 53', () => {
    expect(isoWeekOf('2026-01-01')).toEqual({ year: 2026, week: 1 }); // a Thursday
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 }); // a Friday of 2026's week 53
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 }); // a Monday
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(periodOf('2026-01-29', 'week', CAL)).toMatchObject({
      id: '2026-W05',
      start: '2026-01-26',
      end: '2026-02-01',
    });
    expect(periodOf('2026-12-31', 'week', CAL)).toMatchObject({
      id: '2026-W53',
      start: '2026-12-28',
      end: '2027-01-03',
    });
  });

  it.each([
    ['2026-04-01', 4, '2026-04-01'],
    ['2026-03-31', 4, '2025-04-01'],
    ['2026-12-31', 1, '2026-01-01'],
    ['2024-02-29', 7, '2023-07-01'],
    ['2026-07-01', 7, '2026-07-01'],
  ])('the fiscal year of %s starting in month %d starts on %s', (date, month, start) => {
    expect(fiscalYearStart(date, month)).toBe(start);
  });

  it('numbers the leap day and the days around it in ISO weeks', () => {
    expect(isoWeekOf('2024-02-29')).toEqual({ year: 2024, week: 9 });
    expect(periodOf('2024-02-29', 'month', CAL)).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('2025-02-14', 'month', CAL)).toMatchObject({ end: '2025-02-28' });
    expect(samePeriodLastYear(periodOf('2024-02-29', 'day', CAL), CAL)).toMatchObject({
      start: '2023-02-28',
    });
  });

  it('names fiscal years by the year they start in (FY2026 starting April)', () => {
    expect(fiscalYearOf('2026-04-01', APRIL)).toBe(2026);
    expect(fiscalYearOf('2027-03-31', APRIL)).toBe(2026);
    expect(fiscalYearOf('2026-03-31', APRIL)).toBe(2025);
    expect(periodOf('2026-12-25', 'fiscal_year', APRIL)).toMatchObject({
      id: 'FY2026',
      start: '2026-04-01',
      end: '2027-03-31',
    });
    expect(periodOf('2026-12-25', 'fiscal_year', CAL)).toMatchObject({
      id: 'FY2026',
      start: '2026-01-01',
      end: '2026-12-31',
    });
  });

  it('enumerates every period of a range, gaps included, and clips the ends', () => {
    const months = enumeratePeriods({ start: '2025-11-15', end: '2026-02-10' }, 'month', CAL);
    expect(months.map((p) => p.id)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(clipPeriod(months[0]!, { start: '2025-11-15', end: '2026-02-10' })).toEqual({
      start: '2025-11-15',
      end: '2025-11-30',
    });
    expect(
      enumeratePeriods({ start: '2026-03-01', end: '2027-05-01' }, 'fiscal_year', APRIL).map((p) => p.id),
    ).toEqual(['FY2025', 'FY2026', 'FY2027']);
    expect(enumeratePeriods({ start: '2026-01-01', end: '2026-12-31' }, 'total', CAL)).toHaveLength(1);
    expect(enumeratePeriods({ start: '2026-01-02', end: '2026-01-01' }, 'day', CAL)).toEqual([]);
  });

  it('finds the same period last year and the previous period', () => {
    expect(samePeriodLastYear(periodOf('2024-02-29', 'day', CAL), CAL).id).toBe('2023-02-28');
    expect(samePeriodLastYear(periodOf('2026-12-31', 'week', CAL), CAL).id).toBe('2025-W52');
    expect(samePeriodLastYear(periodOf('2026-01-29', 'week', CAL), CAL).id).toBe('2025-W05');
    expect(samePeriodLastYear(periodOf('2026-05-05', 'quarter', CAL), CAL).id).toBe('2025-Q2');
    expect(samePeriodLastYear(periodOf('2026-05-05', 'fiscal_year', APRIL), APRIL).id).toBe('FY2025');
    expect(previousPeriod(periodOf('2026-01-10', 'month', CAL), CAL).id).toBe('2025-12');
    expect(previousPeriod(periodOf('2026-01-01', 'week', CAL), CAL).id).toBe('2025-W52');
    const month = periodOf('2026-03-10', 'month', CAL);
    expect(comparisonRange(month, { start: '2026-03-15', end: '2026-03-31' }, CAL)).toEqual({
      start: '2025-03-15',
      end: '2025-03-31',
    });
  });

  it('date arithmetic', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
  });

  it('every date falls in exactly one enumerated period of each grain (property)', () => {
    const day = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2040-12-31') });
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 12 }),
        (start, len, fy) => {
          const settings = { fiscalYearStartMonth: fy };
          const from = addDays('1970-01-01', start);
          const to = addDays(from, len);
          for (const grain of ['day', 'week', 'month', 'quarter', 'fiscal_year'] as const) {
            const periods = enumeratePeriods({ start: from, end: to }, grain, settings);
            for (let i = 1; i < periods.length; i++)
              expect(addDays(periods[i - 1]!.end, 1)).toBe(periods[i]!.start);
            expect(periods[0]!.start <= from).toBe(true);
            expect(periods[periods.length - 1]!.end >= to).toBe(true);
            const mid = addDays(from, Math.floor(len / 2));
            const p = periodOf(mid, grain, settings);
            expect(p.start <= mid && mid <= p.end).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
    // 200 ranges × five grains of every-day arithmetic: seconds on a busy shared machine.
  }, 60_000);
});
