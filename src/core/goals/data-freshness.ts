/**
 * How old a company's sales data is, as of `today` (pure). Forecasts start after the last complete
 * month of data, not at today: a company whose data ended months ago is forecast from where its data
 * ends, and told so, instead of reading the missing months as zero sales.
 */
import {
  addDays,
  addMonths,
  daysBetween,
  diffDays,
  endOfMonth,
  maxDate,
  minDate,
  parseLocalDate,
} from '../calendar/dates.ts';
import { monthShares } from '../calendar/periods.ts';

/** A month counts as complete when the data reaches this close to its last day (a shop may close on the 31st). */
const MONTH_END_SLACK_DAYS = 3;
/** Beyond this the data says nothing about today's business: no forecast from it. */
export const TOO_OLD_MONTHS = 24;

export interface DataFreshness {
  /** The first and last days with sales (YYYY-MM-DD), null when the company has no sales. */
  firstSaleDate: string | null;
  lastSaleDate: string | null;
  /** Days from the last sale to today (1: yesterday), null without sales. */
  daysOld: number | null;
  /** The last whole month of data, 'YYYY-MM' (never today's month or later), null without one. */
  lastCompleteMonth: string | null;
  /**
   * current: data through last month or later; stale: the last complete month is older than last
   * month (forecasts start after it); too_old: more than 24 months old (nothing is forecast from it);
   * none: no sales at all.
   */
  status: 'current' | 'stale' | 'too_old' | 'none';
  /** The last day the forecast treats as known: yesterday when current, else the last complete month's end. */
  knownThrough: string | null;
}

const ym = (date: string): string => date.slice(0, 7);

export function dataFreshness(
  range: { first: string | null; last: string | null },
  today: string,
): DataFreshness {
  const last = range.last && range.last < today ? range.last : range.last ? addDays(today, -1) : null;
  if (!last)
    return {
      firstSaleDate: null,
      lastSaleDate: null,
      daysOld: null,
      lastCompleteMonth: null,
      status: 'none',
      knownThrough: null,
    };
  const d = parseLocalDate(last);
  const monthEnd = endOfMonth(d.year, d.month);
  const wholeMonth = diffDays(last, monthEnd) < MONTH_END_SLACK_DAYS;
  let complete = wholeMonth ? ym(last) : ym(addMonths(`${ym(last)}-01`, -1));
  const previousMonth = ym(addMonths(`${ym(today)}-01`, -1));
  if (complete > previousMonth) complete = previousMonth;
  const firstMonth = range.first ? ym(range.first) : null;
  const lastCompleteMonth = firstMonth && complete < firstMonth ? null : complete;
  const monthsBehind = (() => {
    const [ty, tm] = previousMonth.split('-').map(Number);
    const [cy, cm] = complete.split('-').map(Number);
    return ((ty ?? 0) - (cy ?? 0)) * 12 + ((tm ?? 0) - (cm ?? 0));
  })();
  const status: DataFreshness['status'] =
    monthsBehind > TOO_OLD_MONTHS ? 'too_old' : monthsBehind > 0 ? 'stale' : 'current';
  const c = parseLocalDate(`${complete}-01`);
  return {
    firstSaleDate: range.first,
    lastSaleDate: range.last,
    daysOld: Math.max(0, diffDays(range.last ?? last, today)),
    lastCompleteMonth,
    status,
    knownThrough: status === 'current' ? addDays(today, -1) : endOfMonth(c.year, c.month),
  };
}

/** How much of a range of days the company's data covers. */
export interface RangeCoverage {
  start: string;
  end: string;
  /** Days of the range (inclusive). */
  days: number;
  /** Days of the range from the first sale to the last known day (0: none). */
  coveredDays: number;
  /** Calendar months of the covered part, each counted by its share of days (0 when none). */
  coveredMonths: number;
  /** Whether the data reaches back to the range's first day (its first sale is on or before it). */
  coversStart: boolean;
}

/**
 * The part of `range` the data covers: from the company's first sale to the last day it knows
 * (`knownThrough`). Before the first sale there is no data, which is not zero sales; after the last
 * known day there is none yet.
 */
export function rangeCoverage(
  range: { start: string; end: string },
  data: { firstSaleDate: string | null; knownThrough: string | null },
): RangeCoverage {
  const days = daysBetween(range.start, range.end);
  const none = {
    start: range.start,
    end: range.end,
    days,
    coveredDays: 0,
    coveredMonths: 0,
    coversStart: false,
  };
  if (!data.firstSaleDate || !data.knownThrough) return none;
  const from = maxDate(range.start, data.firstSaleDate);
  const to = minDate(range.end, data.knownThrough);
  if (to < from) return none;
  const covered = { start: from, end: to };
  return {
    ...none,
    coveredDays: daysBetween(from, to),
    coveredMonths: monthShares(covered).reduce((s, m) => s + m.fraction, 0),
    coversStart: from === range.start,
  };
}

/** The share of a baseline period the data must cover for a comparison with it to be fair. */
export const BASELINE_COVERAGE = 0.9;

/**
 * Whether a period makes a fair baseline: the data reaches back to its first day (a shop that opened
 * in September has no January to compare with) and covers at least 90 % of its days (last year's
 * December is not over yet when a goal for next year is set in it: a year less its last weeks is
 * still that year, as it always was read; six days of it are not).
 */
export const fairBaseline = (c: RangeCoverage): boolean =>
  c.days > 0 && c.coversStart && c.coveredDays >= BASELINE_COVERAGE * c.days;
