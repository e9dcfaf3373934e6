/**
 * The holiday windows the seasonal profile learns from (METHODS.md): Lunar New Year from 21 days
 * before 初一 (the gift-box weeks, 小年夜, 除夕) to 7 days after, Dragon Boat and Mid-Autumn ±7 days,
 * then every other Taiwanese holiday and festival (national holidays, substitute and bridge days,
 * 元宵, 七夕, 中元) with the day before and after, and the Saturdays worked for bridge days (補班). From the one calendar
 * (core/calendar); years outside its tables have the lunar windows only.
 */
import { holidaysOf, makeUpWorkdays } from '../calendar/holidays.ts';
import { lunarFestivalDate, lunarNewYear } from '../calendar/lunar.ts';
import type { HolidayWindow, HolidayYear } from './seasonal.ts';

const LUNAR_KINDS = new Set([
  'lunar_new_year_eve_eve',
  'lunar_new_year_eve',
  'lunar_new_year',
  'dragon_boat',
  'mid_autumn',
]);

export function taiwanHolidayYear(year: number): HolidayYear {
  const windows: HolidayWindow[] = [
    { key: 'lunar_new_year', date: lunarNewYear(year), before: 21, after: 7 },
    { key: 'dragon_boat', date: lunarFestivalDate('dragon_boat', year), before: 7, after: 7 },
    { key: 'mid_autumn', date: lunarFestivalDate('mid_autumn', year), before: 7, after: 7 },
  ];
  let makeup: string[] = [];
  try {
    for (const h of holidaysOf(year))
      if (!LUNAR_KINDS.has(h.kind))
        windows.push({ key: h.observed ? `${h.kind}:observed` : h.kind, date: h.date, before: 1, after: 1 });
    makeup = makeUpWorkdays(year).map((m) => m.date);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  return { windows, makeupWorkdays: makeup };
}
