/**
 * The seasonal profile learned from a company's own daily history (METHODS.md, "Seasonal"):
 *
 *   sales(d) = level(d) × weekday(d) × yearly(month-day) × holiday(d)
 *
 * level: a centred 365-day mean (the nearest whole year at the edges); weekday: the median, per weekday, of the ratio to a centred 7-day
 * mean (ordinary days only); yearly: for each year, a running median (±15 days, ordinary days only)
 * of what weekday and level leave, then the median across years; holiday: one factor per holiday
 * and day offset (Lunar New Year from 21 days before to 7 after, …), indexed by the offset from the
 * holiday's date in *that* year, the median across years. Medians make a typhoon day or one bulk
 * order a non-event. The target year is evaluated on its own calendar, so the holiday factors land
 * on the new dates. With one year of history the yearly and holiday terms are shrunk half-way
 * toward 1; with less than a year only the weekday pattern is used; with less than four weeks the
 * profile is flat (equal by days). Pure: the holiday calendar is a parameter.
 */
import { civilFromDays } from '../calendar/civil-days.ts';
import { addDays, addMonths, type DateRange, toDayNumber } from '../calendar/dates.ts';
import { rangeCoverage } from '../goals/data-freshness.ts';
import type { PlanNoteCode } from './types.ts';

/** A holiday's window around its date in one year (offsets in days, inclusive). */
export interface HolidayWindow {
  key: string;
  date: string;
  before: number;
  after: number;
}

/** The windows of one year in priority order (a day belongs to the first window holding it), and its make-up workdays. */
export interface HolidayYear {
  windows: HolidayWindow[];
  makeupWorkdays: string[];
}
export type HolidayCalendar = (year: number) => HolidayYear;

export interface DailyHistory {
  /** The first day of `values`. */
  start: string;
  /** One value per day from `start` on (missing days are 0). */
  values: readonly number[];
}

export type ProfileLevel = 'full' | 'one_year' | 'weekday' | 'equal';

/** How far back a seasonal profile learns: three years of days. */
export const SEASONAL_HISTORY_MONTHS = 36;

export interface SeasonalWindow {
  /** The days to learn from: the part of the window the data covers; null when it covers none. */
  range: DateRange | null;
  /** The data's last known day when it ends before the day before the anchor (stale data), else null. */
  dataEnds: string | null;
}

/**
 * The history a plan anchored on `anchor` (the goal's start, or today when that is sooner) learns
 * from: the `months` months up to the day before it, or up to the last day the data knows
 * (`knownThrough`, core/goals/data-freshness.ts) when the data ends sooner, from the first sale on.
 * Days after the data ends are not zero sales: they are left out, so every share comes from days the
 * data covers. A seasonal profile learns from 36 months (`seasonalWindow`: the yearly shape from the
 * same calendar days of earlier years), a split's members are weighted by 12 (MEMBER_HISTORY_MONTHS).
 */
export function historyWindow(
  anchor: string,
  data: { firstSaleDate: string | null; knownThrough: string | null },
  months: number,
): SeasonalWindow {
  const before = addDays(anchor, -1);
  const end = data.knownThrough !== null && data.knownThrough < before ? data.knownThrough : before;
  const covered = rangeCoverage({ start: addDays(addMonths(end, -months), 1), end }, data);
  const dataEnds = end < before ? end : null;
  // The covered part ends on `end` (never after the last known day), so it is its last coveredDays.
  if (covered.coveredDays === 0) return { range: null, dataEnds };
  return { range: { start: addDays(end, 1 - covered.coveredDays), end }, dataEnds };
}

/** The history a seasonal profile learns from: historyWindow over SEASONAL_HISTORY_MONTHS. */
export const seasonalWindow = (
  anchor: string,
  data: { firstSaleDate: string | null; knownThrough: string | null },
): SeasonalWindow => historyWindow(anchor, data, SEASONAL_HISTORY_MONTHS);

/** How far back a split's members are weighted by their sales: a year. */
export const MEMBER_HISTORY_MONTHS = 12;

export interface SeasonalProfile {
  /** One non-negative weight per day of the target range. */
  weights: number[];
  level: ProfileLevel;
  /** Whole years of history used. */
  years: number;
  note: PlanNoteCode;
}

const LEVEL_HALF = 182;
const YEARLY_HALF = 15;
const MAKEUP = 'makeup';

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
const weekdayOf = (dayNo: number): number => (((dayNo + 3) % 7) + 7) % 7;
/** Month-day key; 29 February counts as the 28th. */
function monthDayOf(dayNo: number): number {
  const d = civilFromDays(dayNo);
  return d.month * 32 + (d.month === 2 && d.day === 29 ? 28 : d.day);
}

function median(xs: number[]): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  xs.sort((a, b) => a - b);
  const mid = n >> 1;
  return n % 2 === 1 ? (xs[mid] ?? 0) : ((xs[mid - 1] ?? 0) + (xs[mid] ?? 0)) / 2;
}

interface HolidayTag {
  key: string;
  offset: number;
}

/** Day number → its holiday tag, for every year touching [from, to]. */
function tagHolidays(from: number, to: number, calendar: HolidayCalendar): Map<number, HolidayTag> {
  const tags = new Map<number, HolidayTag>();
  const y0 = civilFromDays(from).year - 1;
  const y1 = civilFromDays(to).year + 1;
  for (let y = y0; y <= y1; y++) {
    const year = calendar(y);
    for (const d of year.makeupWorkdays) {
      const n = toDayNumber(d);
      if (n >= from && n <= to && !tags.has(n)) tags.set(n, { key: MAKEUP, offset: 0 });
    }
    for (const w of year.windows) {
      const center = toDayNumber(w.date);
      for (let o = -w.before; o <= w.after; o++) {
        const n = center + o;
        if (n >= from && n <= to && !tags.has(n)) tags.set(n, { key: w.key, offset: o });
      }
    }
  }
  return tags;
}

const tagKey = (t: HolidayTag): string => `${t.key}\u0000${t.offset}`;

function flat(target: DateRange, note: PlanNoteCode, level: ProfileLevel, years: number): SeasonalProfile {
  const n = toDayNumber(target.end) - toDayNumber(target.start) + 1;
  return { weights: new Array<number>(Math.max(0, n)).fill(1), level, years, note };
}

export function seasonalProfile(
  history: DailyHistory,
  target: DateRange,
  calendar: HolidayCalendar,
): SeasonalProfile {
  // Days before the first sale are not history.
  let first = 0;
  while (first < history.values.length && !((history.values[first] ?? 0) > 0)) first++;
  const y = history.values.slice(first).map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const n = y.length;
  const start = toDayNumber(history.start) + first;
  const total = y.reduce((s, v) => s + v, 0);
  if (n < 28 || total <= 0) return flat(target, 'NO_HISTORY_EQUAL', 'equal', 0);
  const years = Math.floor(n / 365);

  // Level: centred 365-day mean (the window clipped to the data at the edges).
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] ?? 0) + (y[i] ?? 0);
  const ratio = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    // At the edges, the nearest whole year (a clipped window would carry the season into the level).
    const a = n >= 365 ? Math.min(Math.max(0, i - LEVEL_HALF), n - 365) : Math.max(0, i - LEVEL_HALF);
    const b = n >= 365 ? a + 364 : Math.min(n - 1, i + LEVEL_HALF);
    const level = ((prefix[b + 1] ?? 0) - (prefix[a] ?? 0)) / (b - a + 1);
    if (level > 0) ratio[i] = (y[i] ?? 0) / level;
  }

  const tags = tagHolidays(start, start + n - 1, calendar);
  const ordinary = (i: number): boolean => !tags.has(start + i) && !Number.isNaN(ratio[i] ?? Number.NaN);

  // Weekday factors: ratio to the centred 7-day mean, median per weekday, normalised to mean 1.
  const byWeekday: number[][] = [[], [], [], [], [], [], []];
  for (let i = 3; i < n - 3; i++) {
    if (!ordinary(i)) continue;
    let s = 0;
    let ok = true;
    for (let k = i - 3; k <= i + 3; k++) {
      const r = ratio[k] ?? Number.NaN;
      if (Number.isNaN(r)) {
        ok = false;
        break;
      }
      s += r;
    }
    if (!ok || s <= 0) continue;
    byWeekday[weekdayOf(start + i)]?.push(((ratio[i] ?? 0) * 7) / s);
  }
  const weekday = byWeekday.map((xs) => (xs.length > 0 ? median(xs) : 1));
  const wMean = weekday.reduce((s, v) => s + v, 0) / 7;
  const W = weekday.map((v) => (wMean > 0 ? v / wMean : 1));

  const targetFrom = toDayNumber(target.start);
  const targetTo = toDayNumber(target.end);
  if (years < 1) {
    const weights: number[] = [];
    for (let d = targetFrom; d <= targetTo; d++) weights.push(W[weekdayOf(d)] ?? 1);
    return { weights, level: 'weekday', years: 0, note: 'SHORT_HISTORY_WEEKDAY_ONLY' };
  }

  // What weekday and level leave.
  const rest = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const r = ratio[i] ?? Number.NaN;
    const w = W[weekdayOf(start + i)] ?? 1;
    if (!Number.isNaN(r) && w > 0) rest[i] = r / w;
  }

  // Yearly: per day, the running median of ordinary days; per month-day, the median across years.
  const perMonthDay = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const window: number[] = [];
    for (let k = Math.max(0, i - YEARLY_HALF); k <= Math.min(n - 1, i + YEARLY_HALF); k++)
      if (ordinary(k)) window.push(rest[k] ?? 0);
    if (window.length === 0) continue;
    const md = monthDayOf(start + i);
    let list = perMonthDay.get(md);
    if (!list) {
      list = [];
      perMonthDay.set(md, list);
    }
    list.push(median(window));
  }
  const yearly = new Map<number, number>();
  let ySum = 0;
  for (const [md, xs] of perMonthDay) {
    const v = median(xs);
    yearly.set(md, v);
    ySum += v;
  }
  const yMean = yearly.size > 0 ? ySum / yearly.size : 1;
  const shrink = years >= 2 ? 1 : 0.5;
  const yearlyFactor = (md: number): number => {
    const v = yearly.get(md);
    const norm = v === undefined || yMean <= 0 ? 1 : v / yMean;
    return 1 + shrink * (norm - 1);
  };

  // Holiday factors: per holiday and offset, the median over its occurrences of what is left.
  const occurrences = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const tag = tags.get(start + i);
    const r = rest[i] ?? Number.NaN;
    if (!tag || Number.isNaN(r)) continue;
    const base = yearlyFactor(monthDayOf(start + i));
    if (base <= 0) continue;
    const k = tagKey(tag);
    let list = occurrences.get(k);
    if (!list) {
      list = [];
      occurrences.set(k, list);
    }
    list.push(r / base);
  }
  const holiday = new Map<string, number>();
  for (const [k, xs] of occurrences) holiday.set(k, 1 + shrink * (median(xs) - 1));

  const targetTags = tagHolidays(targetFrom, targetTo, calendar);
  const weights: number[] = [];
  for (let d = targetFrom; d <= targetTo; d++) {
    const tag = targetTags.get(d);
    const h = tag ? (holiday.get(tagKey(tag)) ?? 1) : 1;
    weights.push(Math.max(0, (W[weekdayOf(d)] ?? 1) * yearlyFactor(monthDayOf(d)) * h));
  }
  return {
    weights,
    level: years >= 2 ? 'full' : 'one_year',
    years,
    note: years >= 2 ? 'SEASONAL_LEARNED' : 'ONE_YEAR_SHRUNK',
  };
}
