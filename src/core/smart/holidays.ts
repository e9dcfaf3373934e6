/**
 * The Taiwanese (and Hong Kong) retail calendar: lunar festivals from a table (2015–2040, the
 * civil dates in Asia/Taipei), Gregorian festivals by rule, and the shopping seasons (雙11, 週年慶).
 */
import { addDays, type CalendarDate, nthWeekdayOfMonth } from './calendar.ts';

export type HolidayKey =
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

const FIRST_TABLE_YEAR = 2015;

/** MM-DD of 1/1, 1/15, 5/5, 7/7 and 8/15 of the lunar calendar, 2015–2040. */
const LUNAR_TABLE: Record<
  'lunar_new_year' | 'lantern_festival' | 'dragon_boat' | 'qixi' | 'mid_autumn',
  string
> = {
  lunar_new_year:
    '02-19 02-08 01-28 02-16 02-05 01-25 02-12 02-01 01-22 02-10 01-29 02-17 02-06 01-26 02-13 02-03 01-23 02-11 01-31 02-19 02-08 01-28 02-15 02-04 01-24 02-12',
  lantern_festival:
    '03-05 02-22 02-11 03-02 02-19 02-08 02-26 02-15 02-05 02-24 02-12 03-03 02-20 02-09 02-27 02-17 02-06 02-25 02-14 03-05 02-22 02-11 03-01 02-18 02-07 02-26',
  dragon_boat:
    '06-20 06-09 05-30 06-18 06-07 06-25 06-14 06-03 06-22 06-10 05-31 06-19 06-09 05-28 06-16 06-05 06-24 06-12 06-01 06-20 06-10 05-30 06-18 06-07 05-27 06-14',
  qixi: '08-20 08-09 08-28 08-17 08-07 08-25 08-14 08-04 08-22 08-10 08-29 08-19 08-08 08-26 08-16 08-05 08-24 08-12 08-01 08-20 08-10 08-28 08-17 08-07 08-26 08-14',
  mid_autumn:
    '09-27 09-15 10-04 09-24 09-13 10-01 09-21 09-10 09-29 09-17 10-06 09-25 09-15 10-03 09-22 09-12 10-01 09-19 09-08 09-27 09-16 10-04 09-24 09-13 10-02 09-20',
};

/** Approximate dates for a year outside the table (the festival's typical date). */
const LUNAR_FALLBACK: Record<keyof typeof LUNAR_TABLE, string> = {
  lunar_new_year: '02-05',
  lantern_festival: '02-19',
  dragon_boat: '06-10',
  qixi: '08-15',
  mid_autumn: '09-20',
};

export function lunarFestivalDate(key: keyof typeof LUNAR_TABLE, year: number): CalendarDate {
  const row = LUNAR_TABLE[key].split(' ');
  const mmdd = row[year - FIRST_TABLE_YEAR] ?? LUNAR_FALLBACK[key];
  return { year, month: Number(mmdd.slice(0, 2)), day: Number(mmdd.slice(3, 5)) };
}

/** The day (or span of days) a holiday falls on in a given year. */
export function resolveHoliday(key: HolidayKey, year: number): { start: CalendarDate; end: CalendarDate } {
  const day = (month: number, d: number): { start: CalendarDate; end: CalendarDate } => ({
    start: { year, month, day: d },
    end: { year, month, day: d },
  });
  switch (key) {
    case 'lunar_new_year':
    case 'lantern_festival':
    case 'dragon_boat':
    case 'qixi':
    case 'mid_autumn': {
      const d = lunarFestivalDate(key, year);
      return { start: d, end: d };
    }
    case 'new_year':
      return day(1, 1);
    case 'valentines_day':
      return day(2, 14);
    case 'womens_day':
      return day(3, 8);
    case 'qingming':
      return day(4, year % 4 === 0 || year % 4 === 1 ? 4 : 5);
    case 'mothers_day': {
      const d = nthWeekdayOfMonth(year, 5, 7, 2);
      return { start: d, end: d };
    }
    case 'fathers_day':
      return day(8, 8);
    case 'double_11':
      return day(11, 11);
    case 'double_12':
      return day(12, 12);
    case 'christmas':
      return day(12, 25);
    case 'black_friday': {
      const thanksgiving = nthWeekdayOfMonth(year, 11, 4, 4);
      const d = { year, month: 11, day: thanksgiving.day + 1 };
      return { start: d, end: d };
    }
    case 'national_day':
      return day(10, 10);
    case 'anniversary_season':
      // Department-store anniversary sales (百貨週年慶) run from October to late November.
      return { start: { year, month: 10, day: 1 }, end: { year, month: 11, day: 30 } };
    case 'lunar_new_years_eve': {
      const eve = addDays(lunarFestivalDate('lunar_new_year', year), -1);
      return { start: eve, end: eve };
    }
    case 'mid_year_sale':
      return { start: { year, month: 6, day: 1 }, end: { year, month: 6, day: 18 } };
    case 'ghost_month': {
      // The seventh lunar month: from 7/1 (七夕 − 6 days), about 29 days.
      const start = addDays(lunarFestivalDate('qixi', year), -6);
      return { start, end: addDays(start, 28) };
    }
    case 'ghost_festival': {
      const d = addDays(lunarFestivalDate('qixi', year), 8);
      return { start: d, end: d };
    }
    case 'weiya': {
      // 尾牙, the year-end banquet on 12/16 of the lunar year: about 15 days before Lunar New Year.
      const d = addDays(lunarFestivalDate('lunar_new_year', year), -15);
      return { start: d, end: d };
    }
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
      return { start: { year, month: 8, day: 15 }, end: { year, month: 9, day: 15 } };
    case 'summer_vacation':
      return { start: { year, month: 7, day: 1 }, end: { year, month: 8, day: 31 } };
  }
}

/** Names of holidays in zh-TW (normalised text), zh-CN and English, longest first where they overlap. */
export const HOLIDAY_TERMS: ReadonlyArray<readonly [RegExp, HolidayKey]> = [
  [/除夕|小年夜/iy, 'lunar_new_years_eve'],
  [
    /農曆(?:新)?年|春節|過年|新春|舊曆年|lunar new year|chinese new year|\bcny\b|spring festival/iy,
    'lunar_new_year',
  ],
  [/元宵(?:節)?|lantern festival/iy, 'lantern_festival'],
  [/端午(?:節)?|dragon boat(?: festival)?/iy, 'dragon_boat'],
  [/七夕(?:情人節)?|qixi/iy, 'qixi'],
  [/中秋(?:節)?|mid-?autumn(?: festival)?|moon festival/iy, 'mid_autumn'],
  [/元旦|new year'?s day/iy, 'new_year'],
  [/西洋情人節|情人節|valentine'?s(?: day)?/iy, 'valentines_day'],
  [/婦女節|women'?s day/iy, 'womens_day'],
  [/清明(?:節)?|qingming|tomb[- ]sweeping day/iy, 'qingming'],
  [/母親節|mother'?s day/iy, 'mothers_day'],
  [/父親節|father'?s day/iy, 'fathers_day'],
  [/雙\s?11|雙十一|光棍節|11\.11|double 11|singles'? day/iy, 'double_11'],
  [/雙\s?12|雙十二|12\.12|double 12/iy, 'double_12'],
  [/聖誕(?:節)?|耶誕(?:節)?|christmas|xmas/iy, 'christmas'],
  [/黑色星期五|黑五|black friday/iy, 'black_friday'],
  [/國慶(?:日)?|雙十(?:節|國慶)|national day/iy, 'national_day'],
  [/週年慶|anniversary sale/iy, 'anniversary_season'],
  [/618(?=檔期|期間|大促|購物節|活動|當天|前|年中慶)|年中慶/iy, 'mid_year_sale'],
  [/農曆七月|鬼月|ghost month/iy, 'ghost_month'],
  [/中元(?:節|普渡)?|ghost festival/iy, 'ghost_festival'],
  [/尾牙/iy, 'weiya'],
  [/228(?:連假)?|和平紀念日/iy, 'peace_memorial_day'],
  [/兒童節|children'?s day/iy, 'childrens_day'],
  [/勞動節|勞工節|五一|labou?r day/iy, 'labour_day'],
  [/教師節|teachers'? day/iy, 'teachers_day'],
  [/跨年(?:夜)?|new year'?s eve/iy, 'new_years_eve'],
  [/開學季|開學|back[- ]to[- ]school(?: season)?/iy, 'back_to_school'],
  [/暑假|暑期|summer(?: holiday| vacation| break)?/iy, 'summer_vacation'],
];
