import { describe, expect, it } from 'vitest';
import { festivalSpan, lunarFestivalDate } from '../../../src/core/calendar/index.ts';

const span = (key: Parameters<typeof festivalSpan>[0], year: number) => {
  const s = festivalSpan(key, year);
  return [s.start, s.end];
};

describe('Taiwanese holidays', () => {
  it.each([
    [2015, '2015-02-19'],
    [2020, '2020-01-25'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2030, '2030-02-03'],
    [2040, '2040-02-12'],
  ])('Lunar New Year %d is %s', (year, date) => {
    expect(lunarFestivalDate('lunar_new_year', year)).toBe(date);
  });

  it('knows the lunar festivals of 2026', () => {
    expect(span('dragon_boat', 2026)[0]).toBe('2026-06-19');
    expect(span('mid_autumn', 2026)[0]).toBe('2026-09-25');
    expect(span('qixi', 2026)[0]).toBe('2026-08-19');
    expect(span('lantern_festival', 2026)[0]).toBe('2026-03-03');
  });

  it('agrees with the Chinese calendar of Intl within a day, every year of the table', () => {
    const fmt = new Intl.DateTimeFormat('en-u-ca-chinese', {
      timeZone: 'UTC',
      month: 'numeric',
      day: 'numeric',
    });
    for (let year = 2015; year <= 2040; year++) {
      for (const [key, want] of [
        ['lunar_new_year', '1/1'],
        ['dragon_boat', '5/5'],
        ['mid_autumn', '8/15'],
      ] as const) {
        const [y, m, d] = lunarFestivalDate(key, year).split('-').map(Number) as [number, number, number];
        const around = [-1, 0, 1].map((off) => fmt.format(new Date(Date.UTC(y, m - 1, d + off))));
        expect(around, `${key} ${year}`).toContain(want);
      }
    }
  });

  it('places the Gregorian festivals by rule', () => {
    expect(span('mothers_day', 2026)[0]).toBe('2026-05-10');
    expect(span('mothers_day', 2025)[0]).toBe('2025-05-11');
    expect(span('fathers_day', 2026)[0]).toBe('2026-08-08');
    expect(span('double_11', 2026)[0]).toBe('2026-11-11');
    expect(span('double_12', 2026)[0]).toBe('2026-12-12');
    expect(span('black_friday', 2026)[0]).toBe('2026-11-27');
    expect(span('anniversary_season', 2026)).toEqual(['2026-10-01', '2026-11-30']);
  });
});
