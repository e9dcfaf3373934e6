import { civilFromDays, daysFromCivil } from './civil-days.ts';

/**
 * Civil days: local calendar dates as 'YYYY-MM-DD' strings (the company's own calendar day, no time
 * zone) and as day numbers (days since 1970-01-01, proleptic Gregorian). The one place for date
 * arithmetic in Pacer: pure integers, no Date, no clock.
 */

/** A local calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

export interface Ymd {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** Inclusive range of local dates. */
export interface DateRange {
  start: LocalDate;
  end: LocalDate;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The months' English names, January first: how messages name a month, and how files may write it. */
export const MONTH_NAMES_EN: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 30;
}

export function isValidYmd(d: Ymd): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

/**
 * The number of days of d's month when d names a day that month lacks though other months have it
 * (2026-02-30 and 2027-02-29: 28; 2026-04-31: 30): a date that reads as a date but does not exist.
 * null for a real day and for what is no date at all (month 0 or 13, day 0 or 32).
 */
export function daysInMonthLacking(d: Ymd): number | null {
  if (!Number.isInteger(d.year) || !Number.isInteger(d.month) || !Number.isInteger(d.day)) return null;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return null;
  const days = daysInMonth(d.year, d.month);
  return d.day > days ? days : null;
}

/** 'YYYY-MM-DD' of a year, month and day (not checked: see {@link isValidYmd}). */
export function formatLocalDate(d: Ymd): LocalDate {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** The parts of 'YYYY-MM-DD'; null when it is not a real calendar day. */
export function tryParseLocalDate(value: string): Ymd | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(d) ? d : null;
}

export function isLocalDate(value: string): boolean {
  return tryParseLocalDate(value) !== null;
}

/** The parts of 'YYYY-MM-DD'; throws on a malformed or impossible date (2024-02-30). */
export function parseLocalDate(value: string): Ymd {
  const d = tryParseLocalDate(value);
  if (!d) throw new Error(`not a YYYY-MM-DD date: ${value}`);
  return d;
}

/**
 * The day numbers of dates and the dates of day numbers already worked out: a KPI question's bucket
 * arithmetic asks for the same few hundred dates thousands of times (parsing them was 2–3 ms of its
 * main-thread time, bench/RESULTS.md). Only valid dates are kept; emptied when full.
 */
const dayNumbers = new Map<string, number>();
const datesOfDays = new Map<number, LocalDate>();
const REMEMBERED = 20_000;

/** Day number (days since 1970-01-01) of a date; throws on an impossible date. */
export function toDayNumber(date: LocalDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const d = parseLocalDate(date);
  const n = daysFromCivil(d.year, d.month, d.day);
  if (dayNumbers.size >= REMEMBERED) dayNumbers.clear();
  dayNumbers.set(date, n);
  return n;
}

/** The date of a day number. */
export function fromDayNumber(n: number): LocalDate {
  const known = datesOfDays.get(n);
  if (known !== undefined) return known;
  const date = formatLocalDate(civilFromDays(n));
  if (datesOfDays.size >= REMEMBERED) datesOfDays.clear();
  datesOfDays.set(n, date);
  return date;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Adds months, keeping the day but clamping it to the month's last day (01-31 + 1 month = 02-28). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const d = parseLocalDate(date);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatLocalDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

/** Days from a to b (b − a): 1 from one day to the next. */
export function diffDays(a: LocalDate, b: LocalDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Inclusive count of days from start to end (1 for a single day; 0 when end < start). */
export function daysBetween(start: LocalDate, end: LocalDate): number {
  return Math.max(0, diffDays(start, end) + 1);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}

/** The Monday of the ISO week of a date. */
export function startOfIsoWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

export function startOfMonth(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

/** The last day of a month. */
export function endOfMonth(year: number, month: number): LocalDate {
  return formatLocalDate({ year, month, day: daysInMonth(year, month) });
}

/** `count` whole months starting with month (year, month). */
export function monthSpan(year: number, month: number, count: number): DateRange {
  const start = formatLocalDate({ year, month, day: 1 });
  const last = parseLocalDate(addMonths(start, count - 1));
  return { start, end: endOfMonth(last.year, last.month) };
}

/** The n-th given weekday (1 = Monday … 7 = Sunday) of a month: Mother's Day = nthWeekdayOfMonth(y, 5, 7, 2). */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): LocalDate {
  const first = formatLocalDate({ year, month, day: 1 });
  const offset = (weekday - isoWeekday(first) + 7) % 7;
  return addDays(first, offset + (n - 1) * 7);
}

/** The last given weekday (1 = Monday … 7 = Sunday) of a month. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: number): LocalDate {
  const last = endOfMonth(year, month);
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

/** The earlier of two dates. */
export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}
