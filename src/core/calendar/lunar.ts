import { addDays, formatLocalDate, type LocalDate } from './dates.ts';

/**
 * Dates of the Chinese lunisolar calendar as Taiwan keeps them (UTC+8), from tables for 2000–2050:
 * Lunar New Year, the Dragon Boat and Mid-Autumn festivals from the Hong Kong Observatory
 * conversion tables (as published in the MIT-licensed python-holidays package), 七夕 from ICU's
 * Chinese calendar (checked against the same tables where they overlap), and the day of 清明 (the
 * fifth solar term). ICU alone is off by a day in some years (Lunar New Year 2027 and 2030), so the
 * tables, not Intl, are the source; a test checks them against both.
 */

export const LUNAR_FIRST_YEAR = 2000;
export const LUNAR_LAST_YEAR = 2050;

/** MMDD of 1/1, 5/5, 7/7 and 8/15 of the lunar year that starts in each Gregorian year, 2000–2050. */
const TABLE = {
  lunar_new_year:
    '0205 0124 0212 0201 0122 0209 0129 0218 0207 0126 0214 0203 0123 0210 0131 0219 0208 0128 0216 0205 0125 0212 0201 0122 0210 0129 0217 0206 0126 0213 0203 0123 0211 0131 0219 0208 0128 0215 0204 0124 0212 0201 0122 0210 0130 0217 0206 0126 0214 0202 0123',
  dragon_boat:
    '0606 0625 0615 0604 0622 0611 0531 0619 0608 0528 0616 0606 0623 0612 0602 0620 0609 0530 0618 0607 0625 0614 0603 0622 0610 0531 0619 0609 0528 0616 0605 0624 0612 0601 0620 0610 0530 0618 0607 0527 0614 0603 0622 0611 0531 0619 0608 0529 0615 0604 0623',
  qixi: '0806 0825 0815 0804 0822 0811 0731 0819 0807 0826 0816 0806 0824 0813 0802 0820 0809 0828 0817 0807 0825 0814 0804 0822 0810 0829 0819 0808 0826 0816 0805 0824 0812 0801 0820 0810 0828 0817 0807 0826 0814 0803 0822 0811 0731 0819 0808 0827 0816 0805 0823',
  mid_autumn:
    '0912 1001 0921 0911 0928 0918 1006 0925 0914 1003 0922 0912 0930 0919 0908 0927 0915 1004 0924 0913 1001 0921 0910 0929 0917 1006 0925 0915 1003 0922 0912 1001 0919 0908 0927 0916 1004 0924 0913 1002 0920 0910 0928 0917 1005 0925 0915 1004 0922 0911 0930',
} as const;

/** The day of April of 清明 (4, 5 or 6), 2000–2050. */
const QINGMING = '455545554455445544554455445544554455445544454445444';

/** The typical date of each festival, for a year outside the tables. */
const FALLBACK: Record<keyof typeof TABLE, string> = {
  lunar_new_year: '0205',
  dragon_boat: '0610',
  qixi: '0815',
  mid_autumn: '0920',
};

export type LunarFestival =
  | 'lunar_new_year'
  | 'lantern_festival'
  | 'dragon_boat'
  | 'qixi'
  | 'ghost_festival'
  | 'mid_autumn';

export function hasLunarTable(year: number): boolean {
  return Number.isInteger(year) && year >= LUNAR_FIRST_YEAR && year <= LUNAR_LAST_YEAR;
}

function fromTable(key: keyof typeof TABLE, year: number): LocalDate {
  const mmdd = hasLunarTable(year) ? TABLE[key].split(' ')[year - LUNAR_FIRST_YEAR] : undefined;
  const md = mmdd ?? FALLBACK[key];
  return formatLocalDate({ year, month: Number(md.slice(0, 2)), day: Number(md.slice(2, 4)) });
}

/**
 * The Gregorian date of a lunar festival in a year: 春節 (1/1), 元宵 (1/15), 端午 (5/5), 七夕 (7/7),
 * 中元 (7/15), 中秋 (8/15). Exact for 2000–2050; outside, the festival's typical date.
 */
export function lunarFestivalDate(festival: LunarFestival, year: number): LocalDate {
  switch (festival) {
    case 'lantern_festival':
      return addDays(fromTable('lunar_new_year', year), 14);
    case 'ghost_festival':
      return addDays(fromTable('qixi', year), 8);
    default:
      return fromTable(festival, year);
  }
}

/** 初一, the first day of the lunar year that starts in `year` (2025 → 2025-01-29). */
export function lunarNewYear(year: number): LocalDate {
  return fromTable('lunar_new_year', year);
}

/** 除夕, the last day of the lunar year: the day before Lunar New Year. */
export function lunarNewYearsEve(year: number): LocalDate {
  return addDays(lunarNewYear(year), -1);
}

/** 初n of the first lunar month (n = 1 for 初一 … 15 for 元宵). */
export function lunarNewYearDay(year: number, n: number): LocalDate {
  return addDays(lunarNewYear(year), n - 1);
}

/** 清明 (民族掃墓節), the fifth solar term: April 4 or 5 (6 in a few years of other centuries). */
export function qingming(year: number): LocalDate {
  const digit = hasLunarTable(year) ? QINGMING[year - LUNAR_FIRST_YEAR] : undefined;
  const day = digit ? Number(digit) : year % 4 === 0 || year % 4 === 1 ? 4 : 5;
  return formatLocalDate({ year, month: 4, day });
}
