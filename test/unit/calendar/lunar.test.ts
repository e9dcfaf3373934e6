import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  lunarFestivalDate,
  lunarNewYear,
  lunarNewYearDay,
  lunarNewYearsEve,
  qingming,
} from '../../../src/core/calendar/index.ts';

interface LunarFixture {
  first_year: number;
  rows: Record<'lunar_new_year' | 'dragon_boat' | 'mid_autumn' | 'qingming', string[]>;
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/lunar-dates.json', import.meta.url), 'utf8'),
) as LunarFixture;

describe('the lunar calendar', () => {
  it.each([
    [2015, '2015-02-19'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2030, '2030-02-03'],
    [2033, '2033-01-31'],
  ])('初一 of %d is %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
    expect(lunarNewYearDay(year, 1)).toBe(date);
    expect(lunarNewYearsEve(year)).toBe(addDays(date, -1));
    expect(lunarNewYearDay(year, 5)).toBe(addDays(date, 4));
  });

  it('agrees with the Hong Kong Observatory tables every year 2000–2050', () => {
    for (let i = 0; i < 51; i++) {
      const year = fixture.first_year + i;
      const at = (key: keyof LunarFixture['rows']) => `${year}-${fixture.rows[key][i]}`;
      expect(lunarNewYear(year), `LNY ${year}`).toBe(at('lunar_new_year'));
      expect(lunarFestivalDate('dragon_boat', year), `dragon boat ${year}`).toBe(at('dragon_boat'));
      expect(lunarFestivalDate('mid_autumn', year), `mid-autumn ${year}`).toBe(at('mid_autumn'));
      expect(qingming(year), `qingming ${year}`).toBe(at('qingming'));
    }
  });

  it('puts 元宵, 七夕 and 中元 on 1/15, 7/7 and 7/15 of the Chinese calendar (Intl, within the day ICU misses)', () => {
    const fmt = new Intl.DateTimeFormat('en-u-ca-chinese', {
      timeZone: 'UTC',
      month: 'numeric',
      day: 'numeric',
    });
    const chinese = (date: string, off: number): string => {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      return fmt.format(new Date(Date.UTC(y, m - 1, d + off)));
    };
    let exact = 0;
    for (let year = 2000; year <= 2050; year++) {
      for (const [key, want] of [
        ['lantern_festival', '1/15'],
        ['qixi', '7/7'],
        ['ghost_festival', '7/15'],
      ] as const) {
        const date = lunarFestivalDate(key, year);
        expect(
          [-1, 0, 1].map((off) => chinese(date, off)),
          `${key} ${year}`,
        ).toContain(want);
        if (chinese(date, 0) === want) exact++;
      }
    }
    // ICU's Chinese calendar is a day off around a few new moons near midnight (2027, 2030).
    expect(exact).toBeGreaterThanOrEqual(51 * 3 - 4);
  });
});
