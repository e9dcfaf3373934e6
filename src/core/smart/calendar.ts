/**
 * Date arithmetic on ISO calendar dates (YYYY-MM-DD), in pure integers: no time zones, no clock.
 */

import { civilFromDays, daysFromCivil } from '../calendar/civil-days.ts';

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatIsoDate(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** Parses YYYY-MM-DD; null when it is not a real date. */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(d) ? d : null;
}

export function isValidDate(d: CalendarDate): boolean {
  return (
    Number.isInteger(d.year) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 30;
}

/** Days since 1970-01-01 (proleptic Gregorian). */
export function toDayNumber(d: CalendarDate): number {
  return daysFromCivil(d.year, d.month, d.day);
}

export function fromDayNumber(n: number): CalendarDate {
  return civilFromDays(n);
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(d) + days);
}

/** Adds months, clamping the day to the end of the target month (Jan 31 + 1 month = Feb 28). */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** Days from a to b (b − a). */
export function diffDays(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return diffDays(b, a);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: CalendarDate): number {
  return ((((toDayNumber(d) + 3) % 7) + 7) % 7) + 1;
}

export function startOfIsoWeek(d: CalendarDate): CalendarDate {
  return addDays(d, 1 - isoWeekday(d));
}

export function startOfMonth(d: CalendarDate): CalendarDate {
  return { year: d.year, month: d.month, day: 1 };
}

export function endOfMonth(year: number, month: number): CalendarDate {
  return { year, month, day: daysInMonth(year, month) };
}

export function quarterOf(d: CalendarDate): number {
  return Math.floor((d.month - 1) / 3) + 1;
}

/** The n-th weekday (1 = Monday … 7 = Sunday) of a month: 2nd Sunday of May = nthWeekdayOfMonth(y, 5, 7, 2). */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): CalendarDate {
  const first: CalendarDate = { year, month, day: 1 };
  const offset = (weekday - isoWeekday(first) + 7) % 7;
  return { year, month, day: 1 + offset + (n - 1) * 7 };
}

/** The last given weekday of a month. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: number): CalendarDate {
  const last = endOfMonth(year, month);
  const offset = (isoWeekday(last) - weekday + 7) % 7;
  return addDays(last, -offset);
}

/** A span of whole months starting at (year, month), `count` months long. */
export function monthSpan(
  year: number,
  month: number,
  count: number,
): { start: CalendarDate; end: CalendarDate } {
  const start: CalendarDate = { year, month, day: 1 };
  const lastMonth = addMonths(start, count - 1);
  return { start, end: endOfMonth(lastMonth.year, lastMonth.month) };
}

/**
 * The fiscal year containing `d` for a fiscal year starting in `startMonth`: its first month.
 * With startMonth = 1 it is the calendar year.
 */
export function fiscalYearStart(d: CalendarDate, startMonth: number): CalendarDate {
  const year = d.month >= startMonth ? d.year : d.year - 1;
  return { year, month: startMonth, day: 1 };
}
