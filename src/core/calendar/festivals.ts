import { addDays, type DateRange, formatLocalDate, type LocalDate, nthWeekdayOfMonth } from './dates.ts';
import { lunarFestivalDate, lunarNewYear, lunarNewYearsEve, qingming } from './lunar.ts';

/**
 * The Taiwanese (and Hong Kong) retail calendar: the festivals and shopping seasons a sales goal is
 * set around (春節, 端午, 中秋, 母親節, 雙11, 週年慶, 暑假…), each as the day or span it covers in a
 * given year. Official days off are in holidays.ts.
 */

export type FestivalKey =
  | 'lunar_new_year'
  | 'lantern_festival'
  | 'dragon_boat'
  | 'qixi'
  | 'mid_autumn'
  | 'new_year'
  | 'valentines_day'
  | 'womens_day'
  | 'qingming'
  | 'mothers_day'
  | 'fathers_day'
  | 'double_11'
  | 'double_12'
  | 'christmas'
  | 'black_friday'
  | 'national_day'
  | 'anniversary_season'
  | 'summer_vacation'
  | 'lunar_new_years_eve'
  | 'mid_year_sale'
  | 'back_to_school'
  | 'ghost_month'
  | 'ghost_festival'
  | 'weiya'
  | 'peace_memorial_day'
  | 'childrens_day'
  | 'labour_day'
  | 'teachers_day'
  | 'new_years_eve';

/** The day (or span of days) a festival or season falls on in a given year. */
export function festivalSpan(key: FestivalKey, year: number): DateRange {
  const day = (month: number, d: number): DateRange => one(formatLocalDate({ year, month, day: d }));
  const span = (m1: number, d1: number, m2: number, d2: number): DateRange => ({
    start: formatLocalDate({ year, month: m1, day: d1 }),
    end: formatLocalDate({ year, month: m2, day: d2 }),
  });
  switch (key) {
    case 'lunar_new_year':
    case 'lantern_festival':
    case 'dragon_boat':
    case 'qixi':
    case 'mid_autumn':
    case 'ghost_festival':
      return one(lunarFestivalDate(key, year));
    case 'new_year':
      return day(1, 1);
    case 'valentines_day':
      return day(2, 14);
    case 'womens_day':
      return day(3, 8);
    case 'qingming':
      return one(qingming(year));
    case 'mothers_day':
      return one(nthWeekdayOfMonth(year, 5, 7, 2));
    case 'fathers_day':
      return day(8, 8);
    case 'double_11':
      return day(11, 11);
    case 'double_12':
      return day(12, 12);
    case 'christmas':
      return day(12, 25);
    case 'black_friday':
      // The day after the fourth Thursday of November.
      return one(addDays(nthWeekdayOfMonth(year, 11, 4, 4), 1));
    case 'national_day':
      return day(10, 10);
    case 'anniversary_season':
      // Department-store anniversary sales (百貨週年慶) run from October to late November.
      return span(10, 1, 11, 30);
    case 'lunar_new_years_eve':
      return one(lunarNewYearsEve(year));
    case 'mid_year_sale':
      return span(6, 1, 6, 18);
    case 'ghost_month': {
      // The seventh lunar month: from 7/1 (七夕 − 6 days), about 29 days.
      const start = addDays(lunarFestivalDate('qixi', year), -6);
      return { start, end: addDays(start, 28) };
    }
    case 'weiya':
      // 尾牙, the year-end banquet on 12/16 of the lunar year: about 15 days before Lunar New Year.
      return one(addDays(lunarNewYear(year), -15));
    case 'peace_memorial_day':
      return day(2, 28);
    case 'childrens_day':
      return day(4, 4);
    case 'labour_day':
      return day(5, 1);
    case 'teachers_day':
      return day(9, 28);
    case 'new_years_eve':
      return day(12, 31);
    case 'back_to_school':
      return span(8, 15, 9, 15);
    case 'summer_vacation':
      return span(7, 1, 8, 31);
  }
}

const one = (date: LocalDate): DateRange => ({ start: date, end: date });
