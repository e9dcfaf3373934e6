import { daysFromCivil } from './civil-days.ts';
import {
  addDays,
  addMonths,
  type DateRange,
  daysBetween,
  daysInMonth,
  formatLocalDate,
  fromDayNumber,
  type LocalDate,
  parseLocalDate,
  toDayNumber,
  weekdayOfDayNumber,
} from './dates.ts';

/**
 * Reporting periods of local calendar dates ('YYYY-MM-DD', the company's own calendar day): day,
 * ISO week ('2026-W05'), month, quarter, fiscal year (named by the calendar year it starts in:
 * with an April start, FY2026 runs 2026-04-01 … 2027-03-31), and 'total' (the whole range).
 * Pure integer civil arithmetic; no Date, no time zone (dates are already local).
 */

export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'fiscal_year' | 'total';
export const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year', 'fiscal_year', 'total'];

export interface CalendarSettings {
  /** 1–12: the month the fiscal year starts in (1 = calendar year). */
  fiscalYearStartMonth: number;
}

/** One period: a stable id ('2026-03', '2026-Q1', '2026-W05', 'FY2026'), a label, inclusive dates. */
export interface Period {
  grain: Grain;
  id: string;
  label: string;
  start: LocalDate;
  end: LocalDate;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

// The civil-day functions are defined in dates.ts (import them from './index.ts'); these names stay
// importable from periods.ts, where they used to live.
export {
  addDays,
  addMonths,
  type DateRange,
  daysBetween,
  formatLocalDate,
  isLocalDate,
  parseLocalDate,
  toDayNumber,
} from './dates.ts';

/** ISO-8601 week of a date: the week-numbering year and week 1–53 (weeks start on Monday). */
export function isoWeekOf(date: string): { year: number; week: number } {
  const n = toDayNumber(date);
  const thursday = n + 4 - weekdayOfDayNumber(n);
  const year = parseLocalDate(fromDayNumber(thursday)).year;
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/** Monday of ISO week `week` of ISO year `year`, as a day number. */
function isoWeekMonday(year: number, week: number): number {
  const jan4 = daysFromCivil(year, 1, 4);
  return jan4 - (weekdayOfDayNumber(jan4) - 1) + (week - 1) * 7;
}

export function isoWeeksInYear(year: number): number {
  return isoWeekOf(formatLocalDate({ year, month: 12, day: 28 })).week;
}

function checkFiscalStart(settings: CalendarSettings): number {
  const m = settings.fiscalYearStartMonth;
  if (!Number.isInteger(m) || m < 1 || m > 12)
    throw new Error(`fiscal year start month must be 1–12, got ${m}`);
  return m;
}

/** The first day of the fiscal year that contains `date` (the calendar year when it starts in January). */
export function fiscalYearStart(date: LocalDate, fiscalYearStartMonth: number): LocalDate {
  const fy = fiscalYearOf(date, { fiscalYearStartMonth });
  return formatLocalDate({ year: fy, month: fiscalYearStartMonth, day: 1 });
}

/** The fiscal year a date falls in, named by the calendar year the fiscal year starts in. */
export function fiscalYearOf(date: string, settings: CalendarSettings): number {
  const start = checkFiscalStart(settings);
  const d = parseLocalDate(date);
  return d.month >= start ? d.year : d.year - 1;
}

const QUARTER_ZH = ['第一季', '第二季', '第三季', '第四季'];

/** The period of `grain` that contains `date`. For 'total' use {@link totalPeriod}. */
export function periodOf(date: string, grain: Exclude<Grain, 'total'>, settings: CalendarSettings): Period {
  const d = parseLocalDate(date);
  switch (grain) {
    case 'day':
      return { grain, id: date, label: date, start: date, end: date };
    case 'week': {
      const { year, week } = isoWeekOf(date);
      const monday = isoWeekMonday(year, week);
      const id = `${year}-W${pad(week)}`;
      return {
        grain,
        id,
        label: id,
        start: fromDayNumber(monday),
        end: fromDayNumber(monday + 6),
      };
    }
    case 'month': {
      const id = `${pad(d.year, 4)}-${pad(d.month)}`;
      return {
        grain,
        id,
        label: id,
        start: `${id}-01`,
        end: `${id}-${pad(daysInMonth(d.year, d.month))}`,
      };
    }
    case 'quarter': {
      // Calendar quarters (Q1 = Jan–Mar), as SMEs file their taxes; fiscal years have their own grain.
      const q = Math.floor((d.month - 1) / 3) + 1;
      const firstMonth = (q - 1) * 3 + 1;
      const id = `${pad(d.year, 4)}-Q${q}`;
      return {
        grain,
        id,
        label: id,
        start: formatLocalDate({ year: d.year, month: firstMonth, day: 1 }),
        end: formatLocalDate({
          year: d.year,
          month: firstMonth + 2,
          day: daysInMonth(d.year, firstMonth + 2),
        }),
      };
    }
    case 'year': {
      // The calendar year (January to December), whatever the fiscal year.
      const id = pad(d.year, 4);
      return { grain, id, label: id, start: `${id}-01-01`, end: `${id}-12-31` };
    }
    case 'fiscal_year': {
      const fy = fiscalYearOf(date, settings);
      const startMonth = checkFiscalStart(settings);
      const start = formatLocalDate({ year: fy, month: startMonth, day: 1 });
      return { grain, id: `FY${fy}`, label: `FY${fy}`, start, end: addDays(addMonths(start, 12), -1) };
    }
  }
}

/** A quarter's label in Chinese (2026 第一季), for display next to the id. */
export function quarterLabelZh(period: Period): string {
  const q = Number(period.id.slice(-1));
  return `${period.id.slice(0, 4)} ${QUARTER_ZH[q - 1] ?? ''}`;
}

export function totalPeriod(range: DateRange): Period {
  const id = `${range.start}..${range.end}`;
  return { grain: 'total', id, label: id, start: range.start, end: range.end };
}

/**
 * Every period of `grain` that overlaps [from, to], in order, with nothing skipped (gaps in the
 * data show as zero). Periods are whole (their own start and end); clip them with {@link clipPeriod}.
 */
export function enumeratePeriods(range: DateRange, grain: Grain, settings: CalendarSettings): Period[] {
  if (toDayNumber(range.end) < toDayNumber(range.start)) return [];
  if (grain === 'total') return [totalPeriod(range)];
  const out: Period[] = [];
  let cursor = range.start;
  const last = toDayNumber(range.end);
  while (toDayNumber(cursor) <= last) {
    const p = periodOf(cursor, grain, settings);
    out.push(p);
    cursor = addDays(p.end, 1);
  }
  return out;
}

/** The part of a period inside [from, to]. */
export function clipPeriod(period: Period, range: DateRange): DateRange {
  return {
    start: period.start < range.start ? range.start : period.start,
    end: period.end > range.end ? range.end : period.end,
  };
}

/** The period just before this one (a 'total' period: the same number of days just before it). */
export function previousPeriod(period: Period, settings: CalendarSettings): Period {
  const before = addDays(period.start, -1);
  if (period.grain === 'total') {
    const days = daysBetween(period.start, period.end);
    return totalPeriod({ start: addDays(period.start, -days), end: before });
  }
  return periodOf(before, period.grain, settings);
}

/**
 * The same period last year: the same day a year earlier (29 February → 28 February), the same
 * ISO week number of the previous ISO year (week 53 → week 52 when last year had none), the same
 * month, quarter, fiscal year; for 'total', the range shifted back twelve months.
 */
export function samePeriodLastYear(period: Period, settings: CalendarSettings): Period {
  switch (period.grain) {
    case 'day':
      return periodOf(addMonths(period.start, -12), 'day', settings);
    case 'week': {
      const { year, week } = isoWeekOf(period.start);
      const w = Math.min(week, isoWeeksInYear(year - 1));
      return periodOf(fromDayNumber(isoWeekMonday(year - 1, w)), 'week', settings);
    }
    case 'month':
    case 'quarter':
    case 'year':
    case 'fiscal_year':
      return periodOf(addMonths(period.start, -12), period.grain, settings);
    case 'total':
      return totalPeriod({ start: addMonths(period.start, -12), end: addMonths(period.end, -12) });
  }
}

/** A date range shifted back one year, as used for comparisons of [from, to]. */
export function rangeLastYear(range: DateRange): DateRange {
  return { start: addMonths(range.start, -12), end: addMonths(range.end, -12) };
}

/** First and last day of the month of a date. */
export function monthBounds(date: string): DateRange {
  return periodOf(date, 'month', { fiscalYearStartMonth: 1 });
}

/** Each calendar month the period touches, with the share of that month inside the period. */
export interface MonthShare {
  /** 'YYYY-MM' */
  period: string;
  start: string;
  end: string;
  /** Days of the month inside the range. */
  days: number;
  /** days / days in the month. */
  fraction: number;
}

export function monthShares(range: DateRange): MonthShare[] {
  const out: MonthShare[] = [];
  if (range.end < range.start) return out;
  let cursor = range.start;
  while (cursor <= range.end) {
    const month = monthBounds(cursor);
    const end = month.end < range.end ? month.end : range.end;
    const days = daysBetween(cursor, end);
    out.push({
      period: cursor.slice(0, 7),
      start: cursor,
      end,
      days,
      fraction: days / daysBetween(month.start, month.end),
    });
    cursor = addDays(month.end, 1);
  }
  return out;
}

/**
 * The dates last year that correspond to the part `clip` of `period` this year: the whole of the
 * same period last year when `clip` is the whole period, else the same stretch shifted back (by the
 * weeks between the two periods for days and weeks, by twelve months otherwise).
 */
export function comparisonRange(period: Period, clip: DateRange, settings: CalendarSettings): DateRange {
  const ly = samePeriodLastYear(period, settings);
  if (clip.start === period.start && clip.end === period.end) return { start: ly.start, end: ly.end };
  if (period.grain === 'week' || period.grain === 'day') {
    const offset = toDayNumber(ly.start) - toDayNumber(period.start);
    return { start: addDays(clip.start, offset), end: addDays(clip.end, offset) };
  }
  const start = addMonths(clip.start, -12);
  const end = addMonths(clip.end, -12);
  return { start: start < ly.start ? ly.start : start, end: end > ly.end ? ly.end : end };
}
