import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, toDayNumber } from '../../../src/core/calendar/dates.ts';
import { dataFreshness } from '../../../src/core/goals/data-freshness.ts';
import { taiwanHolidayYear } from '../../../src/core/plan/holiday-windows.ts';
import { planNote } from '../../../src/core/plan/messages.ts';
import { seasonalWindow } from '../../../src/core/plan/seasonal.ts';
import { splitTarget } from '../../../src/core/plan/split.ts';

/**
 * A seasonal split for a company whose data ended months before today: the days after the data's
 * last known day are not zero sales. The profile learns only from the days the data covers (the
 * same calendar days of earlier years), so no month of the plan gets a zero or tiny share; the
 * preview says the shares were estimated because the data ends early.
 */

const CAL = { fiscalYearStartMonth: 1 };
const YEAR = { start: '2026-01-01', end: '2026-12-31' };

/** Sales on a day: a weekday pattern (weekends 1.4×) on a flat year. */
const sales = (d: string): number => {
  const wd = (((toDayNumber(d) + 3) % 7) + 7) % 7;
  return 10_000 * (wd >= 5 ? 1.4 : 1);
};

/** What the company's data holds over `range`: its sales from the first to the last sale, nothing after. */
function read(range: { start: string; end: string }, first: string, last: string) {
  const values: number[] = [];
  for (let d = range.start; d <= range.end; d = addDays(d, 1))
    values.push(d >= first && d <= last ? sales(d) : 0);
  return { start: range.start, values };
}

function split(first: string, last: string, today: string) {
  const fresh = dataFreshness({ first, last }, today);
  const window = seasonalWindow(YEAR.start < today ? YEAR.start : today, fresh);
  return {
    window,
    result: splitTarget({
      period: YEAR,
      into: 'month',
      members: null,
      method: 'seasonal',
      rampPct: null,
      settings: CAL,
      total: 3_650_000,
      level: null,
      history: window.range ? read(window.range, first, last) : null,
      historyEnds: window.dataEnds,
      holidays: taiwanHolidayYear,
    }),
  };
}

describe('a seasonal split on data that ends before today', () => {
  it('learns only from the days the data covers: every month near its share of the days', () => {
    // Sales from 2024-01-01 to 2025-06-30, the split made on 2026-01-10: July–December 2025 are not
    // in the data (not zero sales).
    const { window, result } = split('2024-01-01', '2025-06-30', '2026-01-10');
    for (const c of result.cells) {
      const perDay = c.value / c.period.days;
      // A flat year: each month's target per day within 10 % of the year's (weekday mix and holidays).
      expect(perDay / (3_650_000 / 365), c.period.id).toBeGreaterThan(0.9);
      expect(perDay / (3_650_000 / 365), c.period.id).toBeLessThan(1.1);
    }
    const h1 = result.cells.slice(0, 6).reduce((s, c) => s + c.value, 0);
    const h2 = result.cells.slice(6).reduce((s, c) => s + c.value, 0);
    expect(h2 / h1).toBeGreaterThan(0.95);
    expect(window).toEqual({ range: { start: '2024-01-01', end: '2025-06-30' }, dataEnds: '2025-06-30' });
    expect(result.notes).toContain('SEASONAL_DATA_ENDS');
    expect(result.notes).toContain('ONE_YEAR_SHRUNK');
  });

  it('says why, with the day the data ends, in both languages', () => {
    const note = planNote('SEASONAL_DATA_ENDS', { date: '2025-06-30' });
    expect(note.zhTW).toContain('您的銷售資料只到 2025-06-30');
    expect(note.zhTW).toContain('往年同一段日期');
    expect(note.en).toContain('Your sales data ends on 2025-06-30');
    expect(note.en).toContain('not read as no sales');
  });

  it('data less than a year old at its end: the weekday pattern only, from the days covered', () => {
    // Eight months of sales ending four months before the plan: the four empty months are no history.
    const { window, result } = split('2025-01-01', '2025-08-31', '2026-01-01');
    for (const c of result.cells) expect(c.value / c.period.days / 10_000, c.period.id).toBeGreaterThan(0.9);
    expect(window.range).toEqual({ start: '2025-01-01', end: '2025-08-31' });
    expect(result.notes).toEqual(
      expect.arrayContaining(['SHORT_HISTORY_WEEKDAY_ONLY', 'SEASONAL_DATA_ENDS']),
    );
  });

  it('current data: the 36 months up to the day before the plan, no note', () => {
    const { window, result } = split('2022-01-01', '2025-12-31', '2026-01-01');
    expect(window).toEqual({ range: { start: '2023-01-01', end: '2025-12-31' }, dataEnds: null });
    expect(daysBetween(window.range?.start ?? '', window.range?.end ?? '')).toBe(1096);
    expect(result.notes).not.toContain('SEASONAL_DATA_ENDS');
    // No data at all: equal by days, nothing read.
    expect(seasonalWindow('2026-01-01', { firstSaleDate: null, knownThrough: null })).toEqual({
      range: null,
      dataEnds: null,
    });
  });
});
