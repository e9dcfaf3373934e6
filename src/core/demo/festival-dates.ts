import { parseDayNumber, toDayNumberFromParts } from './civil-date.ts';

/** 農曆新年 (first day of the first lunar month), 2020–2035. */
export const LUNAR_NEW_YEAR_DATES: Readonly<Record<number, string>> = {
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

/** 中秋節 (15th day of the 8th lunar month), 2020–2035. */
export const MID_AUTUMN_DATES: Readonly<Record<number, string>> = {
  2020: '2020-10-01',
  2021: '2021-09-21',
  2022: '2022-09-10',
  2023: '2023-09-29',
  2024: '2024-09-17',
  2025: '2025-10-06',
  2026: '2026-09-25',
  2027: '2027-09-15',
  2028: '2028-10-03',
  2029: '2029-09-22',
  2030: '2030-09-12',
  2031: '2031-10-01',
  2032: '2032-09-19',
  2033: '2033-09-08',
  2034: '2034-09-27',
  2035: '2035-09-16',
};

/** Day number of Lunar New Year in a year; outside the table, an approximation (February 5). */
export function findLunarNewYear(year: number): number {
  const known = LUNAR_NEW_YEAR_DATES[year];
  return known ? parseDayNumber(known) : toDayNumberFromParts(year, 2, 5);
}

/** Day number of the Mid-Autumn Festival in a year; outside the table, an approximation (September 20). */
export function findMidAutumn(year: number): number {
  const known = MID_AUTUMN_DATES[year];
  return known ? parseDayNumber(known) : toDayNumberFromParts(year, 9, 20);
}
