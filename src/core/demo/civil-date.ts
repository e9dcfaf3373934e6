import { civilFromDays, daysFromCivil } from '../calendar/civil-days.ts';

/** Calendar dates as day numbers (days since 1970-01-01), without Date: pure integer civil arithmetic. */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a civil date (proleptic Gregorian; Howard Hinnant's days_from_civil). */
export function toDayNumberFromParts(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, day);
}

/** Parses 'YYYY-MM-DD' to a day number; throws on a malformed or impossible date. */
export function parseDayNumber(date: string): number {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const n = toDayNumberFromParts(year, month, day);
  const back = splitDayNumber(n);
  if (back.month !== month || back.day !== day) throw new Error(`no such date: ${date}`);
  return n;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Civil date of a day number (civil_from_days). */
export function splitDayNumber(n: number): CivilDate {
  return civilFromDays(n);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM-DD' of a day number. */
export function formatDayNumber(n: number): string {
  const { year, month, day } = splitDayNumber(n);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function weekdayOf(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** 'MM-DD' of a day number, for yearly windows. */
export function monthDayOf(n: number): string {
  const { month, day } = splitDayNumber(n);
  return `${pad2(month)}-${pad2(day)}`;
}

export { pad2 };
