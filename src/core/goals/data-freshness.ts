/**
 * How old a company's sales data is, as of `today` (pure). Forecasts start after the last complete
 * month of data, not at today: a company whose data ended months ago is forecast from where its data
 * ends, and told so, instead of reading the missing months as zero sales.
 */
import { addDays, addMonths, diffDays, endOfMonth, parseLocalDate } from '../calendar/dates.ts';

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
