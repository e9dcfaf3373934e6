import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  hasHolidayTable,
  holidaysIn,
  holidaysOf,
  isDayOff,
  isWorkday,
  lunarNewYearBreak,
  makeUpWorkdays,
  workdaysIn,
} from '../../../src/core/calendar/index.ts';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/tw-public-holidays.json', import.meta.url), 'utf8'),
) as { holidays: Record<string, Array<[string, string]>> };

/** The public holidays with their substitute and bridge days (not festivals, not plain weekends). */
function officialDaysOff(year: number): string[] {
  const days = holidaysOf(year).filter((h) => h.publicHoliday);
  return [...new Set(days.map((h) => h.date))].sort();
}

describe('Taiwan public holidays', () => {
  it.each(Object.keys(fixture.holidays))(
    '%s: the same days off as the DGPA calendar (python-holidays)',
    (year) => {
      const want = [...new Set((fixture.holidays[year] ?? []).map(([d]) => d))].sort();
      expect(officialDaysOff(Number(year))).toEqual(want);
    },
  );

  it('names the days of Lunar New Year 2026, 小年夜 included, and their substitute day', () => {
    const lny = holidaysOf(2026).filter((h) => h.date >= '2026-02-14' && h.date <= '2026-02-22');
    const by = (date: string) =>
      lny.filter((h) => h.date === date).map((h) => `${h.name['zh-TW']}:${h.isDayOff}`);
    expect(by('2026-02-15')).toEqual(['小年夜:true']);
    expect(by('2026-02-16')).toEqual(['農曆除夕:true']);
    expect(by('2026-02-17')).toEqual(['春節(初一):true']);
    expect(by('2026-02-19')).toEqual(['春節(初三):true']);
    expect(by('2026-02-20')).toEqual(['小年夜(補假):true', '春節(初四):true']);
    expect(by('2026-02-21')).toEqual(['春節(初五):true']);
    expect(holidaysOf(2026).find((h) => h.lunarDay === 1)).toMatchObject({
      date: '2026-02-17',
      kind: 'lunar_new_year',
      name: { en: 'Lunar New Year (day 1)' },
    });
    expect(lunarNewYearBreak(2026)).toEqual({ start: '2026-02-14', end: '2026-02-22' });
    expect(lunarNewYearBreak(2025)).toEqual({ start: '2025-01-25', end: '2025-02-02' });
  });

  it('lists 初四, 初五 and the festivals that are not holidays, with whether they are days off', () => {
    const day5 = holidaysOf(2025).find((h) => h.lunarDay === 5);
    expect(day5).toMatchObject({ date: '2025-02-02', isDayOff: true });
    const day4 = holidaysOf(2027).find((h) => h.lunarDay === 4);
    expect(day4).toMatchObject({ date: '2027-02-09', isDayOff: true, observed: false, publicHoliday: false });
    const day5in2018 = holidaysOf(2018).find((h) => h.lunarDay === 5);
    // 初五 2018 is not a holiday itself but the substitute day of 初三 (a Sunday) falls on it.
    expect(day5in2018).toMatchObject({ date: '2018-02-20', isDayOff: true, publicHoliday: false });
    expect(
      holidaysOf(2018)
        .filter((h) => h.date === '2018-02-20')
        .map((h) => h.name['zh-TW']),
    ).toEqual(['春節(初三)(補假)', '春節(初五)']);
    expect(holidaysOf(2026).find((h) => h.kind === 'lantern_festival')).toMatchObject({
      date: '2026-03-03',
      isDayOff: false,
      publicHoliday: false,
      lunarDay: 15,
    });
    expect(holidaysOf(2026).find((h) => h.kind === 'ghost_festival')).toMatchObject({
      date: '2026-08-27',
      isDayOff: false,
    });
    const day3in2018 = holidaysOf(2018).find((h) => h.lunarDay === 3);
    expect(day3in2018).toMatchObject({ date: '2018-02-18', isDayOff: true, publicHoliday: true });
  });

  it('lists the make-up workdays (補班) and none from 2026 on', () => {
    expect(makeUpWorkdays(2023)).toEqual([
      { date: '2023-01-07', forDate: '2023-01-20' },
      { date: '2023-02-04', forDate: '2023-01-27' },
      { date: '2023-02-18', forDate: '2023-02-27' },
      { date: '2023-03-25', forDate: '2023-04-03' },
      { date: '2023-06-17', forDate: '2023-06-23' },
      { date: '2023-09-23', forDate: '2023-10-09' },
    ]);
    expect(makeUpWorkdays(2025)).toEqual([{ date: '2025-02-08', forDate: '2025-01-27' }]);
    for (let year = 2026; year <= 2035; year++) expect(makeUpWorkdays(year)).toEqual([]);
    expect(isWorkday('2025-02-08')).toBe(true); // a Saturday worked
    expect(isDayOff('2025-01-27')).toBe(true); // its bridge day
    expect(isDayOff('2025-02-15')).toBe(true); // an ordinary Saturday
    expect(isDayOff('2025-02-10')).toBe(false); // an ordinary Monday
  });

  it('moves a holiday on a weekend: Saturday to Friday, Sunday to Monday, New Year to 31 December', () => {
    expect(isDayOff('2026-10-09')).toBe(true); // National Day on a Saturday
    expect(isDayOff('2026-10-26')).toBe(true); // 光復節 on a Sunday
    expect(isDayOff('2027-12-31')).toBe(true); // 1 January 2028 is a Saturday
    expect(holidaysOf(2027).find((h) => h.date === '2027-12-31')).toMatchObject({
      kind: 'new_year',
      observed: true,
    });
    // Children's Day and 清明 on the same Saturday (2020): Friday and Thursday.
    expect(isDayOff('2020-04-02') && isDayOff('2020-04-03')).toBe(true);
  });

  it('lists the holidays of a range across a year end and counts its workdays', () => {
    const around = holidaysIn({ start: '2026-12-20', end: '2027-01-05' });
    expect(around.map((h) => `${h.date} ${h.kind}`)).toEqual([
      '2026-12-25 constitution_day',
      '2027-01-01 new_year',
    ]);
    // January 2025: 23 weekdays, 1 January and 27–31 January off, no Saturday worked.
    expect(workdaysIn({ start: '2025-01-01', end: '2025-01-31' })).toBe(23 - 1 - 5);
    // February 2025: 20 weekdays, 28 February off, Saturday 8 February worked.
    expect(workdaysIn({ start: '2025-02-01', end: '2025-02-28' })).toBe(20 - 1 + 1);
  });

  it('refuses a year outside its tables', () => {
    expect(hasHolidayTable(2014)).toBe(false);
    expect(hasHolidayTable(2050)).toBe(true);
    expect(() => holidaysOf(2014)).toThrow(RangeError);
    expect(() => holidaysOf(2051)).toThrow(RangeError);
    expect(() => isDayOff('2060-01-01')).toThrow(RangeError);
  });
});
