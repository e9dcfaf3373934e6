import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  daysInMonthLacking,
  diffDays,
  endOfMonth,
  fromDayNumber,
  isLocalDate,
  isoWeekday,
  lastWeekdayOfMonth,
  monthSpan,
  nthWeekdayOfMonth,
  parseLocalDate,
  startOfIsoWeek,
  toDayNumber,
  tryParseLocalDate,
} from '../../../src/core/calendar/index.ts';

describe('civil days', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['', false],
  ])('%s is a calendar day: %s', (date, ok) => {
    expect(isLocalDate(date)).toBe(ok);
    expect(tryParseLocalDate(date) !== null).toBe(ok);
    if (!ok) expect(() => parseLocalDate(date)).toThrow();
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-01', -365)).toBe('2025-03-01');
  });

  it('adds months, clamping to the last day of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('counts days', () => {
    expect(diffDays('2026-01-01', '2026-12-31')).toBe(364);
    expect(diffDays('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2026-02-01', '2026-02-28')).toBe(28);
    expect(daysBetween('2026-02-02', '2026-02-01')).toBe(0);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(endOfMonth(2026, 4)).toBe('2026-04-30');
    expect(monthSpan(2026, 11, 3)).toEqual({ start: '2026-11-01', end: '2027-01-31' });
  });

  it('tells a day its month lacks from a real day and from no date at all', () => {
    expect(daysInMonthLacking({ year: 2026, month: 2, day: 30 })).toBe(28);
    expect(daysInMonthLacking({ year: 2026, month: 4, day: 31 })).toBe(30);
    expect(daysInMonthLacking({ year: 2027, month: 2, day: 29 })).toBe(28);
    expect(daysInMonthLacking({ year: 2024, month: 2, day: 30 })).toBe(29);
    expect(daysInMonthLacking({ year: 1900, month: 2, day: 29 })).toBe(28);
    expect(daysInMonthLacking({ year: 2028, month: 2, day: 29 })).toBeNull();
    expect(daysInMonthLacking({ year: 2000, month: 2, day: 29 })).toBeNull();
    expect(daysInMonthLacking({ year: 2026, month: 1, day: 31 })).toBeNull();
    for (const [month, day] of [
      [13, 1],
      [0, 1],
      [2, 0],
      [2, 32],
      [2, 29.5],
    ] as const)
      expect(daysInMonthLacking({ year: 2026, month, day }), `${month}/${day}`).toBeNull();
  });

  it('knows weekdays', () => {
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('2026-12-03')).toBe(4);
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(startOfIsoWeek('2026-01-01')).toBe('2025-12-29');
    expect(nthWeekdayOfMonth(2026, 5, 7, 2)).toBe('2026-05-10');
    expect(nthWeekdayOfMonth(2026, 11, 4, 4)).toBe('2026-11-26');
    expect(lastWeekdayOfMonth(2026, 5, 1)).toBe('2026-05-25');
  });

  it('agrees with the JavaScript Date in UTC for every day of 1900–2200 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(fromDayNumber(n)).toBe(iso);
        expect(toDayNumber(iso)).toBe(n);
        expect(isoWeekday(iso)).toBe(((new Date(n * 86_400_000).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it('answers the same for dates asked again, past the remembered ones, and still refuses bad dates', () => {
    // More day numbers than the functions remember (20,000): every answer twice, asked in turn.
    const first = toDayNumber('1950-01-01');
    for (const pass of [0, 1])
      for (let n = first; n < first + 45_000; n += 1) {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        if (fromDayNumber(n) !== iso || toDayNumber(iso) !== n)
          throw new Error(`pass ${pass}: ${n} ${iso} ${fromDayNumber(n)} ${toDayNumber(iso)}`);
      }
    expect(toDayNumber('2024-02-29')).toBe(19782);
    expect(() => toDayNumber('2024-02-30')).toThrow(/not a YYYY-MM-DD/);
    expect(() => toDayNumber('2024-02-30')).toThrow(/not a YYYY-MM-DD/);
  });

  it('addMonths then back lands on the same day or the month end (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2100-12-31') }),
        fc.integer({ min: -60, max: 60 }),
        (n, k) => {
          const date = fromDayNumber(n);
          const there = addMonths(date, k);
          const d = parseLocalDate(date);
          const t = parseLocalDate(there);
          expect(t.day).toBe(Math.min(d.day, daysInMonth(t.year, t.month)));
          expect((t.year - d.year) * 12 + t.month - d.month).toBe(k);
        },
      ),
    );
  });
});
