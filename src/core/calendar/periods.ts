import { civilFromDays, daysFromCivil } from './civil-days.ts';
/**
 * Reporting periods of local calendar dates ('YYYY-MM-DD', the company's own calendar day): day,
 * ISO week ('2026-W05'), month, quarter, fiscal year (named by the calendar year it starts in:
 * with an April start, FY2026 runs 2026-04-01 … 2027-03-31), and 'total' (the whole range).
 * Pure integer civil arithmetic; no Date, no time zone (dates are already local).
 */

export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'fiscal_year' | 'total';
export const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'fiscal_year', 'total'];

export interface CalendarSettings {
  /** 1–12: the month the fiscal year starts in (1 = calendar year). */
  fiscalYearStartMonth: number;
}

/** One period: a stable id ('2026-03', '2026-Q1', '2026-W05', 'FY2026'), a label, inclusive dates. */
export interface Period {
  grain: Grain;
  id: string;
  label: string;
  start: string;
  end: string;
}

export interface DateRange {
  start: string;
  end: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a civil date, proleptic Gregorian. */
export function dayNumber(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, day);
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function fromDayNumber(n: number): Ymd {
  return civilFromDays(n);
}

export function isLocalDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const back = fromDayNumber(dayNumber(Number(m[1]), Number(m[2]), Number(m[3])));
  return back.month === Number(m[2]) && back.day === Number(m[3]);
}

export function parseLocalDate(value: string): Ymd {
  const m = DATE.exec(value);
  if (!m || !isLocalDate(value)) throw new Error(`not a YYYY-MM-DD date: ${value}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function formatLocalDate(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function toDayNumber(date: string): number {
  const d = parseLocalDate(date);
  return dayNumber(d.year, d.month, d.day);
}

export function fromDayNumberToDate(n: number): string {
  return formatLocalDate(fromDayNumber(n));
}

export function addDays(date: string, days: number): string {
  return fromDayNumberToDate(toDayNumber(date) + days);
}

/** Inclusive count of days from start to end (1 for a single day; 0 when end < start). */
export function daysBetween(start: string, end: string): number {
  return Math.max(0, toDayNumber(end) - toDayNumber(start) + 1);
}

function daysInMonth(year: number, month: number): number {
  return (
    dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumber(year, month, 1)
  );
}

/** Adds months, keeping the day but clamping to the month's last day (2024-02-29 − 12 months → 2023-02-28). */
export function addMonths(date: string, months: number): string {
  const d = parseLocalDate(date);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatLocalDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

/** ISO-8601 week of a date: the week-numbering year and week 1–53 (weeks start on Monday). */
export function isoWeekOf(date: string): { year: number; week: number } {
  const n = toDayNumber(date);
  // 1970-01-01 was a Thursday: weekday 1 (Mon) … 7 (Sun).
  const weekday = ((((n + 3) % 7) + 7) % 7) + 1;
  const thursday = n + 4 - weekday;
  const year = fromDayNumber(thursday).year;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/** Monday of ISO week `week` of ISO year `year`, as a day number. */
function isoWeekMonday(year: number, week: number): number {
  const jan4 = dayNumber(year, 1, 4);
  const weekdayJan4 = ((((jan4 + 3) % 7) + 7) % 7) + 1;
  return jan4 - (weekdayJan4 - 1) + (week - 1) * 7;
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
        start: fromDayNumberToDate(monday),
        end: fromDayNumberToDate(monday + 6),
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
      return periodOf(fromDayNumberToDate(isoWeekMonday(year - 1, w)), 'week', settings);
    }
    case 'month':
    case 'quarter':
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
