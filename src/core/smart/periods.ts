/**
 * Reads the period of a goal (「未來三個月內」, 「2024年第一季度」, 「下半年」, 「春節前兩週」, "Q3 2026",
 * "by September", "in the next 6 months") and resolves it against today and the fiscal calendar.
 */
import {
  addDays,
  addMonths,
  type DateRange,
  endOfMonth,
  type FestivalKey,
  festivalSpan,
  fiscalYearStart,
  formatLocalDate,
  HOLIDAY_FIRST_YEAR,
  HOLIDAY_LAST_YEAR,
  isDayOff,
  isValidYmd,
  type LocalDate,
  lunarNewYear,
  monthSpan,
  parseLocalDate,
  startOfIsoWeek,
} from '../calendar/index.ts';
import { HOLIDAY_TERMS } from './holidays.ts';
import { parseNumberToken } from './numerals.ts';
import type { Period } from './types.ts';

export interface PeriodContext {
  /** 'YYYY-MM-DD' */
  today: LocalDate;
  /** 1–12. */
  fiscalYearStartMonth: number;
}

type Span = DateRange;

export interface PeriodMatch {
  period: Period;
  index: number;
  length: number;
  rule: string;
}

export interface PeriodReading {
  period: Period | null;
  match: PeriodMatch | null;
  /** Every span of text about time (the period and past references such as 「去年」), to mask. */
  timeSpans: Array<{ index: number; length: number }>;
}

type Resolver = (m: RegExpExecArray, ctx: PeriodContext) => Span | null;

interface PeriodRule {
  name: string;
  re: RegExp;
  resolve: Resolver;
}

const ZH_NUM = '(\\d+(?:\\.\\d+)?|[一二兩三四五六七八九十]+|半)';
const EN_NUM =
  '(\\d+(?:\\.\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|half a)';
const EN_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  'twenty-four': 24,
  'half a': 0.5,
};
const MONTHS_EN =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';
const MONTH_INDEX: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function readCount(text: string | undefined): number | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (t === '半') return 0.5;
  if (t in EN_WORDS) return EN_WORDS[t] ?? null;
  return parseNumberToken(t);
}

function monthFromEnglish(text: string | undefined): number | null {
  if (!text) return null;
  return MONTH_INDEX[text.toLowerCase().slice(0, 3)] ?? null;
}

function readMonthNumber(text: string | undefined): number | null {
  if (!text) return null;
  const n = parseNumberToken(text);
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 12 ? n : null;
}

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

function unitOf(word: string): Unit | null {
  const w = word.toLowerCase();
  if (/^(天|日|days?)$/.test(w)) return 'day';
  if (/^(週|星期|禮拜|weeks?)$/.test(w)) return 'week';
  if (/^(月|months?)$/.test(w)) return 'month';
  if (/^(季|季度|quarters?)$/.test(w)) return 'quarter';
  if (/^(年|years?)$/.test(w)) return 'year';
  return null;
}

/** today … the day before today + n units (「未來三個月內」 from 01-15 = 01-15 … 04-14). */
function rollingSpan(today: LocalDate, count: number, unit: Unit): Span | null {
  if (!(count > 0) || count > 1200) return null;
  let after: LocalDate;
  if (unit === 'day') after = addDays(today, Math.round(count));
  else if (unit === 'week') after = addDays(today, Math.round(count * 7));
  else {
    const months = count * (unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12);
    if (!Number.isInteger(months)) after = addDays(today, Math.round(months * 30.4375));
    else after = addMonths(today, months);
  }
  return { start: today, end: addDays(after, -1) };
}

/** The first day of the (fiscal) year named by the calendar year it starts in. */
function fiscalYearNamed(ctx: PeriodContext, year: number): LocalDate {
  return formatLocalDate({ year, month: ctx.fiscalYearStartMonth, day: 1 });
}

/** 「期限為6月30日」, 「截止日期:7/31」, "deadline: June 30": the date ends the goal, which runs from today. */
const DEADLINE_BEFORE_RE =
  /(?:期限|截止|截至|限期|最晚|最遲|完成日|(?<![A-Za-z])(?:deadline|due(?: date)?)(?![A-Za-z]))(?:日期?|時間)?\s*(?:為|是|在|訂在|定在|:|is|on|of)?\s*(?:今年|明年|後年|\d{4}\s*年)?\s*的?\s*$/i;

function deadlineBefore(m: RegExpExecArray): boolean {
  return DEADLINE_BEFORE_RE.test(
    m.input.slice(Math.max(0, m.index - 16), m.index + (m[0].length - m[0].trimStart().length)),
  );
}

/** A real calendar day, or null (2月30日). */
function dateOf(year: number, month: number, day: number): LocalDate | null {
  const d = { year, month, day };
  return isValidYmd(d) ? formatLocalDate(d) : null;
}

/** Years a goal's period may fall in; a statement naming year 9999 names no period. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

function inRange(span: Span): boolean {
  return span.start >= `${FIRST_YEAR}-01-01` && span.end <= `${LAST_YEAR}-12-31` && span.end.length === 10;
}

function untilSpan(today: LocalDate, end: LocalDate): Span {
  return { start: today, end };
}

/** The fiscal (or calendar) year that contains `d`, shifted by `offset` years. */
function yearSpan(ctx: PeriodContext, d: LocalDate, offset: number): Span {
  const start = addMonths(fiscalYearStart(d, ctx.fiscalYearStartMonth), offset * 12);
  return { start, end: addDays(addMonths(start, 12), -1) };
}

/** A named year (2026) read as the calendar year, or the fiscal year that starts in it. */
function namedYearSpan(ctx: PeriodContext, year: number): Span {
  const start = fiscalYearNamed(ctx, year);
  return { start, end: addDays(addMonths(start, 12), -1) };
}

/**
 * A year of the Republic of China calendar (民國 1 = 1912), as Taiwanese documents write it: 「民國115年」,
 * 「115年度」, 「115/7/1」. Without 民國, only 100–149 (2011–2060) followed by 年 is read as one (「3年」 is
 * three years). The Gregorian year, or null.
 */
function rocYear(word: string): number | null {
  const m = /^民國\s*(\d{1,3})|^(1[0-4]\d)(?=\s*年|[/.-]\d)/.exec(word);
  const n = m ? Number(m[1] ?? m[2]) : Number.NaN;
  return n >= 1 ? n + 1911 : null;
}

/** A year as written before 年 or in a date: 2026, 民國115, 115 (ROC); null for anything else. */
function yearFromText(text: string | undefined): number | null {
  if (!text) return null;
  const t = text.replace(/\s+/g, '');
  if (/^\d{4}$/.test(t)) return Number(t);
  return rocYear(/^\d{3}$/.test(t) ? `${t}年` : t);
}

/** 「今年」 2026, 「明年」, 「2027年」, 「民國116年」 → the first day of that (fiscal) year; null for no year word. */
function yearStartFromWord(word: string | undefined, ctx: PeriodContext): LocalDate | null {
  if (!word) return null;
  const w = word.toLowerCase().replace(/\s+/g, '');
  const current = fiscalYearStart(ctx.today, ctx.fiscalYearStartMonth);
  if (/^(今年度?|本年度?|今年|thisyear|本財年)$/.test(w)) return current;
  if (/^(明年度?|來年|下一?年度?|nextyear)$/.test(w)) return addMonths(current, 12);
  if (/^後年$/.test(w)) return addMonths(current, 24);
  const roc = rocYear(w);
  if (roc !== null) return fiscalYearNamed(ctx, roc);
  const digits = /(\d{4})/.exec(w);
  if (digits) return fiscalYearNamed(ctx, Number(digits[1]));
  const zh = /^([〇零一二三四五六七八九]{4})/.exec(w);
  if (zh?.[1]) {
    const n = parseNumberToken(zh[1]);
    if (n !== null) return fiscalYearNamed(ctx, n);
  }
  return null;
}

/** The calendar year a month or date belongs to when the statement names none: this year, or next if past. */
function calendarYearFor(word: string | undefined, ctx: PeriodContext, month: number): number {
  const startDate = yearStartFromWord(word, ctx);
  if (startDate) {
    const start = parseLocalDate(startDate);
    // A fiscal year starting in April: 「明年3月」 still means March of the next calendar year.
    return ctx.fiscalYearStartMonth === 1 || !word || /\d{3,4}/.test(word)
      ? start.year
      : month >= ctx.fiscalYearStartMonth
        ? start.year
        : start.year + 1;
  }
  const today = parseLocalDate(ctx.today);
  return month < today.month ? today.year + 1 : today.year;
}

/** A quarter or half named without a year that is already over means the next year's. */
function notYetOver(
  span: Span | null,
  ctx: PeriodContext,
  again: (yearStart: LocalDate) => Span | null,
): Span | null {
  if (!span || span.end >= ctx.today) return span;
  return again(addMonths(fiscalYearStart(ctx.today, ctx.fiscalYearStartMonth), 12));
}

/** 上旬 (1–10), 中旬 (11–20), 下旬 (21 to the end) of a month; null for any other word. */
function dekadSpan(month: Span, word: string | undefined): Span | null {
  if (word === '上旬') return { start: month.start, end: addDays(month.start, 9) };
  if (word === '中旬') return { start: addDays(month.start, 10), end: addDays(month.start, 19) };
  if (word === '下旬') return { start: addDays(month.start, 20), end: month.end };
  return null;
}

/** `count` whole months from the month of `start`. */
function monthsFrom(start: LocalDate, count: number): Span {
  const d = parseLocalDate(start);
  return monthSpan(d.year, d.month, count);
}

function quarterSpan(yearStart: LocalDate, quarter: number): Span | null {
  if (quarter < 1 || quarter > 4) return null;
  return monthsFrom(addMonths(yearStart, (quarter - 1) * 3), 3);
}

function currentQuarterStart(ctx: PeriodContext): LocalDate {
  const fyDate = fiscalYearStart(ctx.today, ctx.fiscalYearStartMonth);
  const fy = parseLocalDate(fyDate);
  const today = parseLocalDate(ctx.today);
  const monthsIn = (today.year - fy.year) * 12 + today.month - fy.month;
  return addMonths(fyDate, Math.floor(monthsIn / 3) * 3);
}

function halfSpan(yearStart: LocalDate, half: 1 | 2): Span {
  return monthsFrom(addMonths(yearStart, half === 1 ? 0 : 6), 6);
}

function holidayKeyOf(name: string, following = ''): FestivalKey | null {
  const text = name + following;
  for (const [re, key] of HOLIDAY_TERMS) {
    const r = new RegExp(`^(?:${re.source})`, 'i');
    const m = r.exec(text);
    if (m && m[0].length === name.trim().length) return key;
  }
  return null;
}

/** The next occurrence of a holiday that has not ended before today (or in the named year). */
function nextHoliday(key: FestivalKey, ctx: PeriodContext, year: number | null): Span {
  if (year !== null) return festivalSpan(key, year);
  const todayYear = parseLocalDate(ctx.today).year;
  const thisYear = festivalSpan(key, todayYear);
  return thisYear.end >= ctx.today ? thisYear : festivalSpan(key, todayYear + 1);
}

const HOLIDAY_ALT = HOLIDAY_TERMS.map(([re]) => re.source).join('|');
/** A year as written in Chinese: 2026年, 民國115年, 115年度 (ROC), 今年, 明年度… */
// Without 民國, 100–149 followed by 年 is a year unless it counts years (「成立100年」, 「100年老店」).
const ROC_YEAR =
  '民國\\s*\\d{1,3}\\s*年度?|(?<!\\d|成立|創立|創業|開業|經營|營業|超過|將近|已經|已|有|約|逾|近|滿|第)1[0-4]\\d\\s*年度?(?!老|歷史|經驗|以上|來|之久|資歷)';
const ZH_YEAR = `(\\d{4}\\s*年度?|${ROC_YEAR}|今年度?|本年度?|明年度?|來年|後年|[〇零一二三四五六七八九]{4}年)`;
/** The year of a date: 2026, 民國115 or 115 (ROC). */
const DATE_YEAR = '\\d{4}|民國\\s*\\d{1,3}|(?<!\\d)1[0-4]\\d';
const ZH_UNIT = '(天|日|週|星期|禮拜|月|季度|季|年)';

const RULES: PeriodRule[] = [
  // --- rolling windows ---
  {
    name: 'rolling-zh',
    re: new RegExp(
      `(?:未來|接下來|今後|往後|之後|隨後|最近|從現在起|從今天起)\\s*的?\\s*${ZH_NUM}\\s*(個)?\\s*${ZH_UNIT}(?:內|之內|以內|期間|裡|中)?`,
      'g',
    ),
    resolve: (m, ctx) => {
      const unit = unitOf(m[3] ?? '');
      const n = readCount(m[1]);
      return unit && n !== null ? rollingSpan(ctx.today, n, unit) : null;
    },
  },
  {
    name: 'within-zh',
    re: new RegExp(`${ZH_NUM}\\s*(個)?\\s*${ZH_UNIT}(?:內|之內|以內)`, 'g'),
    resolve: (m, ctx) => {
      const unit = unitOf(m[3] ?? '');
      if (unit === 'month' && !m[2]) return null;
      if (unit === 'day' && m[3] === '日' && !m[2]) return null;
      const n = readCount(m[1]);
      return unit && n !== null ? rollingSpan(ctx.today, n, unit) : null;
    },
  },
  {
    name: 'rolling-en',
    re: new RegExp(
      `(?:(?:in|within|over|during|for)\\s+)?(?:the\\s+)?(?:next|coming|following|upcoming)\\s+${EN_NUM}\\s+(days?|weeks?|months?|quarters?|years?)`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const unit = unitOf(m[2] ?? '');
      const n = readCount(m[1]);
      return unit && n !== null ? rollingSpan(ctx.today, n, unit) : null;
    },
  },
  {
    name: 'within-en',
    // "in 90 days", "for 6 months", "over 2 quarters": from today, that long.
    re: new RegExp(
      `\\b(?:within|in|for|over)\\s+${EN_NUM}\\s+(days?|weeks?|months?|quarters?|years?)\\b`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const unit = unitOf(m[2] ?? '');
      const n = readCount(m[1]);
      return unit && n !== null ? rollingSpan(ctx.today, n, unit) : null;
    },
  },
  {
    name: 'rolling-en-one',
    re: /\b(?:(?:within|over|during)\s+the\s+(?:next|coming|following)|in\s+the\s+coming)\s+(day|week|month|quarter|year)\b/gi,
    resolve: (m, ctx) => {
      const unit = unitOf(m[1] ?? '');
      return unit ? rollingSpan(ctx.today, 1, unit) : null;
    },
  },
  {
    name: 'month-range-zh',
    re: new RegExp(
      `${ZH_YEAR}?\\s*的?\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月?\\s*(?:到|至|~|-)\\s*${ZH_YEAR}?\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(?:底|末)?`,
      'g',
    ),
    resolve: (m, ctx) => {
      const from = readMonthNumber(m[2]);
      const to = readMonthNumber(m[4]);
      if (from === null || to === null) return null;
      let fromYear = calendarYearFor(m[1], ctx, from);
      if (!m[1] && !m[3]) {
        // No year: this year's months while they last (「1-3月」 said in March is this quarter).
        const thisYear = parseLocalDate(ctx.today).year;
        fromYear =
          endOfMonth(to >= from ? thisYear : thisYear + 1, to) >= ctx.today ? thisYear : thisYear + 1;
      }
      const toYear = m[3] ? calendarYearFor(m[3], ctx, to) : to >= from ? fromYear : fromYear + 1;
      return { start: formatLocalDate({ year: fromYear, month: from, day: 1 }), end: endOfMonth(toYear, to) };
    },
  },
  {
    name: 'month-range-en',
    re: new RegExp(
      `\\b(?:from|between)\\s+${MONTHS_EN}(?:\\s+(\\d{4}))?\\s+(?:to|through|until|and|-)\\s+${MONTHS_EN}(?:\\s*,?\\s*(\\d{4}))?`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const from = monthFromEnglish(m[1]);
      const to = monthFromEnglish(m[3]);
      if (from === null || to === null) return null;
      const fromYear = m[2]
        ? Number(m[2])
        : m[4] && to >= from
          ? Number(m[4])
          : calendarYearFor(undefined, ctx, from);
      const toYear = m[4] ? Number(m[4]) : to >= from ? fromYear : fromYear + 1;
      return { start: formatLocalDate({ year: fromYear, month: from, day: 1 }), end: endOfMonth(toYear, to) };
    },
  },
  {
    name: 'next-half-year',
    re: /(?:未來|接下來|今後)的?\s*半年|(?:the\s+)?next\s+half[- ]year/gi,
    resolve: (_m, ctx) => rollingSpan(ctx.today, 6, 'month'),
  },
  {
    // "June–August", "June-August 2026", "Jun through Aug" (no from/between before it).
    name: 'month-range-en-bare',
    re: new RegExp(
      `\\b${MONTHS_EN}(?:\\s+(\\d{4}))?\\s*(?:-|through|thru|to|until)\\s*${MONTHS_EN}\\b(?:\\s*,?\\s*(\\d{4}))?`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const from = monthFromEnglish(m[1]);
      const to = monthFromEnglish(m[3]);
      if (from === null || to === null) return null;
      const end = (year: number): LocalDate => endOfMonth(to >= from ? year : year + 1, to);
      let year = m[2] ? Number(m[2]) : m[4] ? (to >= from ? Number(m[4]) : Number(m[4]) - 1) : null;
      if (year === null) {
        year = parseLocalDate(ctx.today).year;
        if (end(year) < ctx.today) year++;
      }
      const last = m[4] && m[2] ? endOfMonth(Number(m[4]), to) : end(year);
      return { start: formatLocalDate({ year, month: from, day: 1 }), end: last };
    },
  },
  // --- spans counted from a start ---
  {
    // 「下個月起連續三個月」, 「從7月起3個月」, 「自4/1起90天」, 「下季起連續兩季」.
    name: 'from-start-zh',
    re: new RegExp(
      `(?:從|自|由)?\\s*(下個?月|下一個月|本月|這個月|下一?季度?|本季度?|下週|下星期|下禮拜|本週|明天|今天|(?:${ZH_YEAR}\\s*的?\\s*)?(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月(?:\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*[日號])?|(?<![\\d/.])(\\d{1,2})\\/(\\d{1,2})(?![\\d/]))\\s*(?:份)?\\s*(?:起|開始|起算)\\s*(?:的)?\\s*(?:連續|為期|共|持續)?\\s*${ZH_NUM}\\s*(個)?\\s*${ZH_UNIT}`,
      'g',
    ),
    resolve: (m, ctx) => {
      const start = startOfSpan(m, ctx);
      const unit = unitOf(m[9] ?? '');
      const n = readCount(m[7]);
      if (!start || !unit || n === null) return null;
      return countFrom(start, n, unit);
    },
  },
  {
    // "for three months starting next month", "for 3 months from July", "over 8 weeks starting 4/1".
    name: 'from-start-en',
    re: new RegExp(
      `\\b(?:for|over)\\s+(?:the\\s+)?${EN_NUM}\\s+(days?|weeks?|months?|quarters?)\\s+(?:starting|beginning|from)\\s+(?:in\\s+|on\\s+)?(next month|next week|next quarter|this month|${MONTHS_EN}(?:\\s+(\\d{4}))?)`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const unit = unitOf(m[2] ?? '');
      const n = readCount(m[1]);
      const word = (m[3] ?? '').toLowerCase();
      let start: LocalDate | null = null;
      if (word === 'next month') start = monthsFrom(addMonths(ctx.today, 1), 1).start;
      else if (word === 'this month') start = monthsFrom(ctx.today, 1).start;
      else if (word === 'next week') start = addDays(startOfIsoWeek(ctx.today), 7);
      else if (word === 'next quarter') start = addMonths(currentQuarterStart(ctx), 3);
      else {
        const month = monthFromEnglish(m[4]);
        if (month !== null) {
          const year = m[5] ? Number(m[5]) : calendarYearFor(undefined, ctx, month);
          start = formatLocalDate({ year, month, day: 1 });
        }
      }
      return start && unit && n !== null ? countFrom(start, n, unit) : null;
    },
  },
  // --- explicit dates ---
  {
    // "April 1 - June 30", "between Apr 1 and Jun 30, 2026", "1 April to 30 June".
    name: 'date-range-en',
    re: new RegExp(
      `\\b(?:(?:from|between)\\s+)?(?:${MONTHS_EN}\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTHS_EN})(?:,?\\s*(\\d{4}))?\\s*(?:-|to|through|until|and)\\s*(?:${MONTHS_EN}\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTHS_EN})\\b(?:,?\\s*(\\d{4}))?`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const fm = monthFromEnglish(m[1] ?? m[4]);
      const tm = monthFromEnglish(m[6] ?? m[9]);
      const fd = Number(m[2] ?? m[3]);
      const td = Number(m[7] ?? m[8]);
      if (fm === null || tm === null) return null;
      const wraps = tm * 100 + td < fm * 100 + fd;
      const range = (year: number): Span | null => {
        const start = dateOf(year, fm, fd);
        const end = dateOf(m[10] && m[5] ? Number(m[10]) : wraps ? year + 1 : year, tm, td);
        return start && end ? { start, end } : null;
      };
      if (m[5]) return range(Number(m[5]));
      if (m[10]) return range(wraps ? Number(m[10]) - 1 : Number(m[10]));
      const thisYear = parseLocalDate(ctx.today).year;
      const span = range(thisYear);
      return span && span.end < ctx.today ? range(thisYear + 1) : span;
    },
  },
  {
    // 「4/1~6/30」, 「2026/4/1-2026/6/30」, 「115/4/1~115/6/30」, 「4月1日至6月30日」.
    name: 'date-range',
    re: new RegExp(
      `(?:\\bfrom\\s+)?(?<![\\d/.])(?:(${DATE_YEAR})\\s*[年/.-]\\s*)?(\\d{1,2})\\s*[月/.]\\s*(\\d{1,2})\\s*[日號]?\\s*(?:起\\s*)?(?:~|-|至|到|to|through|until)\\s*(?:(${DATE_YEAR})\\s*[年/.-]\\s*)?(\\d{1,2})\\s*[月/.]\\s*(\\d{1,2})(?![\\d/])\\s*[日號]?\\s*(?:止)?`,
      'g',
    ),
    resolve: (m, ctx) => {
      // 「從4.1提升到4.5」, "from 4.1 to 4.5": decimals joined by a word of change, not dates.
      if (!m[1] && !m[4] && /^(?:from\s+)?\d{1,2}\s*\.\s*\d{1,2}\s*(?:to|through|until|到)/i.test(m[0]))
        return null;
      const [fm, fd, tm, td] = [Number(m[2]), Number(m[3]), Number(m[5]), Number(m[6])];
      const fromYear = yearFromText(m[1]);
      const toYear = yearFromText(m[4]);
      const wraps = tm * 100 + td < fm * 100 + fd;
      const range = (year: number): Span | null => {
        const start = dateOf(year, fm, fd);
        const end = dateOf(toYear ?? (wraps ? year + 1 : year), tm, td);
        return start && end ? { start, end } : null;
      };
      if (fromYear !== null) return range(fromYear);
      if (toYear !== null) return range(wraps ? toYear - 1 : toYear);
      // No year: this year's, unless it is already over.
      const thisYear = parseLocalDate(ctx.today).year;
      const span = range(thisYear);
      return span && span.end < ctx.today ? range(thisYear + 1) : span;
    },
  },
  {
    name: 'date-zh',
    re: new RegExp(
      `(?:(${DATE_YEAR})\\s*年)?\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*[日號]\\s*(前|之前|以前|為止|止)?`,
      'g',
    ),
    resolve: (m, ctx) => {
      const month = readMonthNumber(m[2]);
      const day = m[3] ? parseNumberToken(m[3]) : null;
      if (month === null || day === null) return null;
      const yearWord = /(今年|明年|後年)\s*的?\s*$/.exec(
        m.input.slice(Math.max(0, m.index - 4), m.index),
      )?.[1];
      const year = yearFromText(m[1]) ?? calendarYearFor(yearWord, ctx, month);
      const d = dateOf(year, month, day);
      if (!d) return null;
      return m[4] || deadlineBefore(m) ? untilSpan(ctx.today, d) : { start: d, end: d };
    },
  },
  {
    name: 'date-iso',
    re: /(?<![\d/.])(\d{4}|1[0-4]\d)[-/.](\d{1,2})[-/.](\d{1,2})(?![\d/])\s*(前|之前|以前|為止)?/g,
    resolve: (m, ctx) => {
      const year = yearFromText(m[1]);
      const d = year === null ? null : dateOf(year, Number(m[2]), Number(m[3]));
      if (!d) return null;
      const before =
        m[4] || /\b(by|before|until|no later than)\s*$/i.test(m.input.slice(0, m.index)) || deadlineBefore(m);
      return before ? untilSpan(ctx.today, d) : { start: d, end: d };
    },
  },
  {
    name: 'date-slash',
    re: /(\b(?:by|before|until)\s+)?(?<![\d/.])(\d{1,2})\/(\d{1,2})(?![\d/])\s*(前|之前|以前|為止)?/gi,
    resolve: (m, ctx) => {
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (!(month >= 1 && month <= 12)) return null;
      const d = dateOf(calendarYearFor(undefined, ctx, month), month, day);
      if (!d) return null;
      return m[1] || m[4] || deadlineBefore(m) ? untilSpan(ctx.today, d) : { start: d, end: d };
    },
  },
  {
    name: 'date-en',
    re: new RegExp(
      `\\b(by|before|until|on|no later than)?\\s*(?:the\\s+)?(?:${MONTHS_EN}\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTHS_EN})\\b,?\\s*(\\d{4})?`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const month = monthFromEnglish(m[2] ?? m[5]);
      const day = Number(m[3] ?? m[4]);
      if (month === null) return null;
      const year = m[6] ? Number(m[6]) : calendarYearFor(undefined, ctx, month);
      const d = dateOf(year, month, day);
      if (!d) return null;
      return (m[1] && m[1].toLowerCase() !== 'on') || deadlineBefore(m)
        ? untilSpan(ctx.today, d)
        : { start: d, end: d };
    },
  },
  // --- months ---
  {
    name: 'month-zh',
    re: new RegExp(
      `${ZH_YEAR}?\\s*的?\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月份?\\s*(底|末|上旬|中旬|下旬|初)?\\s*(前|之前|以前|為止|止)?`,
      'g',
    ),
    resolve: (m, ctx) => {
      const month = readMonthNumber(m[2]);
      if (month === null) return null;
      if (!m[1] && !m[3] && !m[4] && /個$/.test(m.input.slice(0, m.index + m[0].indexOf(m[2] ?? ''))))
        return null;
      const year = calendarYearFor(m[1], ctx, month);
      const whole = monthSpan(year, month, 1);
      const dekad = dekadSpan(whole, m[3]);
      if (dekad) return m[4] ? untilSpan(ctx.today, addDays(dekad.start, -1)) : dekad;
      if (m[4]) {
        if (m[3] === '底' || m[3] === '末') return untilSpan(ctx.today, whole.end);
        return untilSpan(ctx.today, addDays(whole.start, -1));
      }
      if (m[3] === '底' || m[3] === '末') return untilSpan(ctx.today, whole.end);
      return whole;
    },
  },
  {
    name: 'month-en',
    re: new RegExp(
      `\\b(by the end of|by end of|by|before|until|through|in|during|for)?\\s*(?:the\\s+)?(?:month\\s+of\\s+)?${MONTHS_EN}\\b(?:\\s*,?\\s*(\\d{4}))?`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const month = monthFromEnglish(m[2]);
      if (month === null) return null;
      const word = m[2] ?? '';
      // "may" is also a verb: only read it as May with a preposition or a year.
      if (word.toLowerCase() === 'may' && !m[1] && !m[3]) return null;
      if (/^(mar|jan|jun|jul|aug|oct|nov|dec|sep|apr|feb)$/i.test(word) && !m[1] && !m[3]) return null;
      const year = m[3] ? Number(m[3]) : calendarYearFor(undefined, ctx, month);
      const whole = monthSpan(year, month, 1);
      const prep = (m[1] ?? '').toLowerCase();
      if (prep.startsWith('by') || prep === 'until' || prep === 'through')
        return untilSpan(ctx.today, whole.end);
      if (prep === 'before') return untilSpan(ctx.today, addDays(whole.start, -1));
      return whole;
    },
  },
  {
    name: 'this-month',
    re: /(本月|這個月|這一?個?月|當月|this month)\s*(底|末)?\s*(前|之前|以前)?|(?:by\s+)?(?:the\s+)?end of (?:this|the) month|月底前|月底之前/gi,
    resolve: (m, ctx) => {
      const whole = monthsFrom(ctx.today, 1);
      if (!m[1] || m[2] || m[3]) return untilSpan(ctx.today, whole.end);
      return whole;
    },
  },
  {
    // 「下下個月」, "the month after next": the second month from this one.
    name: 'month-after-next',
    re: /下下個?月|下下一個月|the month after next/gi,
    resolve: (_m, ctx) => monthsFrom(addMonths(ctx.today, 2), 1),
  },
  {
    // 「到月底」, 「今天起到月底」, 「月底為止」: from today to the end of this month.
    name: 'to-month-end',
    re: /(?:到|至|直到)\s*月底(?:前|之前|為止)?|月底為止/g,
    resolve: (_m, ctx) => untilSpan(ctx.today, monthsFrom(ctx.today, 1).end),
  },
  {
    name: 'next-month',
    re: /(?:(by|before)\s+(?:the\s+)?end of\s+)?(下個?月|下一個月|next month)\s*(底|末)?\s*(前|之前)?/gi,
    resolve: (m, ctx) => {
      const whole = monthsFrom(addMonths(ctx.today, 1), 1);
      if (m[1] || m[3]) return untilSpan(ctx.today, whole.end);
      if (m[4]) return untilSpan(ctx.today, addDays(whole.start, -1));
      return whole;
    },
  },
  // --- weeks ---
  {
    name: 'this-week',
    re: /本週|這週|這個?星期|這個?禮拜|this week/gi,
    resolve: (_m, ctx) => {
      const start = startOfIsoWeek(ctx.today);
      return { start, end: addDays(start, 6) };
    },
  },
  {
    name: 'week-after-next',
    re: /下下(?:週|個?星期|個?禮拜)|the week after next/gi,
    resolve: (_m, ctx) => {
      const start = addDays(startOfIsoWeek(ctx.today), 14);
      return { start, end: addDays(start, 6) };
    },
  },
  {
    name: 'next-week',
    re: /下週|下個?星期|下個?禮拜|下一週|next week/gi,
    resolve: (_m, ctx) => {
      const start = addDays(startOfIsoWeek(ctx.today), 7);
      return { start, end: addDays(start, 6) };
    },
  },
  {
    name: 'weekday-zh',
    re: /(本|這|下)?(?:週|星期|禮拜)([一二三四五六日天])\s*(前|之前|以前)?/g,
    resolve: (m, ctx) => {
      const weekday = '一二三四五六日'.indexOf(m[2] === '天' ? '日' : (m[2] ?? '')) + 1;
      if (weekday <= 0) return null;
      const monday = addDays(startOfIsoWeek(ctx.today), m[1] === '下' ? 7 : 0);
      const day = addDays(monday, weekday - 1);
      return m[3] ? untilSpan(ctx.today, day) : { start: day, end: day };
    },
  },
  {
    name: 'before-new-year-zh',
    re: /(?<![\d一二三四五六七八九十兩幾多今明去後前本該同上下當每])年前/g,
    resolve: (_m, ctx) => {
      const h = nextHoliday('lunar_new_year', ctx, null);
      return untilSpan(ctx.today, addDays(h.start, -1));
    },
  },
  {
    name: 'before-year-zh',
    re: new RegExp(`(${DATE_YEAR})\\s*年(?:以)?前`, 'g'),
    resolve: (m, ctx) => {
      const year = yearFromText(m[1]);
      const end = year === null ? null : dateOf(year - 1, 12, 31);
      return end ? untilSpan(ctx.today, end) : null;
    },
  },
  // --- quarters ---
  {
    name: 'quarter-zh',
    re: new RegExp(
      `${ZH_YEAR}?\\s*的?\\s*(?:第\\s*([一二三四1-4])\\s*(?:季度|季)|([一二三四1-4])季度|Q([1-4]))(?:\\s*(底|末)?\\s*(前|之前|以前))?`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const q = parseNumberToken(m[2] ?? m[3] ?? m[4] ?? '');
      if (q === null) return null;
      const named = yearStartFromWord(m[1], ctx);
      const quarter = quarterSpan(named ?? fiscalYearStart(ctx.today, ctx.fiscalYearStartMonth), q);
      const span = named ? quarter : notYetOver(quarter, ctx, (start) => quarterSpan(start, q));
      // 「第二季末前」: by the end of the quarter; 「第三季前」: before it starts.
      if (span && m[6]) return untilSpan(ctx.today, m[5] ? span.end : addDays(span.start, -1));
      return span;
    },
  },
  {
    // 「Q3到Q4」, 「第二季至第三季」, 「明年Q1-Q2」, "Q3-Q4 2026", "Q2 through Q3".
    name: 'quarter-range',
    re: new RegExp(
      `${ZH_YEAR}?\\s*的?\\s*(?:Q([1-4])|第\\s*([一二三四1-4])\\s*(?:季度|季))\\s*(?:到|至|~|-|to|through|until|and)\\s*(?:${ZH_YEAR}\\s*的?\\s*)?(?:Q([1-4])|第\\s*([一二三四1-4])\\s*(?:季度|季))(?:\\s*(?:of\\s*)?(?:FY\\s*)?(\\d{4}))?`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const from = parseNumberToken(m[2] ?? m[3] ?? '');
      const to = parseNumberToken(m[5] ?? m[6] ?? '');
      if (from === null || to === null) return null;
      const named = yearStartFromWord(m[1], ctx) ?? (m[7] ? fiscalYearNamed(ctx, Number(m[7])) : null);
      const range = (yearStart: LocalDate): Span | null => {
        const toYear = yearStartFromWord(m[4], ctx) ?? (to >= from ? yearStart : addMonths(yearStart, 12));
        const a = quarterSpan(yearStart, from);
        const b = quarterSpan(toYear, to);
        return a && b ? { start: a.start, end: b.end } : null;
      };
      const span = range(named ?? fiscalYearStart(ctx.today, ctx.fiscalYearStartMonth));
      return named ? span : notYetOver(span, ctx, range);
    },
  },
  {
    // 「下季底前」, "by the end of next quarter": from today to the last day of next quarter.
    name: 'next-quarter-end',
    re: /下一?個?季度?(?:底|末)(?:前|之前)?|(?:by|before|until)\s+(?:the\s+)?end\s+of\s+(?:the\s+)?next\s+quarter/gi,
    resolve: (_m, ctx) => untilSpan(ctx.today, monthsFrom(addMonths(currentQuarterStart(ctx), 3), 3).end),
  },
  {
    // "by the end of next year", 「明年底前」 is year-end-zh's.
    name: 'next-year-end-en',
    re: /(?:by|before|until)\s+(?:the\s+)?end\s+of\s+(?:the\s+)?next\s+(?:fiscal\s+)?year/gi,
    resolve: (_m, ctx) => untilSpan(ctx.today, yearSpan(ctx, ctx.today, 1).end),
  },
  {
    name: 'quarter-en',
    re: /\b(?:(?:in|during|for|by the end of|by end of|by|before the end of|until the end of)\s+)?(?:the\s+)?(?:Q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th) quarter)(?:\s*(?:of\s*)?(?:FY\s*)?'?(\d{4}|\d{2})\b|\s+(this|next) year)?/gi,
    resolve: (m, ctx) => {
      const word = (m[2] ?? '').toLowerCase();
      const q = m[1]
        ? Number(m[1])
        : { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 }[word];
      if (!q) return null;
      let yearStart = fiscalYearStart(ctx.today, ctx.fiscalYearStartMonth);
      if (m[3]) yearStart = fiscalYearNamed(ctx, m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]));
      else if ((m[4] ?? '').toLowerCase() === 'next') yearStart = addMonths(yearStart, 12);
      const bare = !m[3] && !m[4];
      const span = bare
        ? notYetOver(quarterSpan(yearStart, q), ctx, (start) => quarterSpan(start, q))
        : quarterSpan(yearStart, q);
      if (span && /by|before|until/i.test(m[0])) return untilSpan(ctx.today, span.end);
      return span;
    },
  },
  {
    name: 'this-quarter',
    re: /本季度?|這一?個?季度?|當季|this quarter|the current quarter/gi,
    resolve: (_m, ctx) => {
      return monthsFrom(currentQuarterStart(ctx), 3);
    },
  },
  {
    name: 'quarter-after-next',
    re: /下下一?個?季度?|the quarter after next/gi,
    resolve: (_m, ctx) => monthsFrom(addMonths(currentQuarterStart(ctx), 6), 3),
  },
  {
    name: 'next-quarter',
    re: /下一?個?季度?|next quarter|the following quarter/gi,
    resolve: (_m, ctx) => {
      return monthsFrom(addMonths(currentQuarterStart(ctx), 3), 3);
    },
  },
  {
    name: 'quarter-end',
    re: /(?:本季|季)(?:底|末)(?:前|之前)?|(?:by\s+)?(?:the\s+)?end of (?:the|this) quarter/gi,
    resolve: (_m, ctx) => {
      return untilSpan(ctx.today, monthsFrom(currentQuarterStart(ctx), 3).end);
    },
  },
  // --- halves ---
  {
    name: 'half-zh',
    re: new RegExp(`${ZH_YEAR}?\\s*的?\\s*(上|下|前|後)半年度?`, 'g'),
    resolve: (m, ctx) => {
      const yearStart = yearStartFromWord(m[1], ctx) ?? fiscalYearStart(ctx.today, ctx.fiscalYearStartMonth);
      return halfSpan(yearStart, m[2] === '上' || m[2] === '前' ? 1 : 2);
    },
  },
  {
    name: 'half-en',
    // "H1", "2H", "second half of 2026", "FY27 H1", "1H FY2027".
    re: /\b(?:(?:in|during|for)\s+)?(?:the\s+)?(?:FY\s*'?(\d{4}|\d{2})\s*)?(?:(first|second) half|H([12])|([12])H)(?:\s+of)?(?:\s+(?:the\s+year|(this|next) year|(?:FY\s*'?)?(\d{4})|FY\s*'?(\d{2}))(?!\d))?/gi,
    resolve: (m, ctx) => {
      const half = (m[2] ?? '').toLowerCase() === 'first' || m[3] === '1' || m[4] === '1' ? 1 : 2;
      let yearStart = fiscalYearStart(ctx.today, ctx.fiscalYearStartMonth);
      const named = m[6] ?? m[1] ?? m[7];
      if (named) yearStart = fiscalYearNamed(ctx, named.length === 2 ? 2000 + Number(named) : Number(named));
      else if ((m[5] ?? '').toLowerCase() === 'next') yearStart = addMonths(yearStart, 12);
      return halfSpan(yearStart, half);
    },
  },
  {
    // 「年中前」, "by mid-year": from today to the end of the first half.
    name: 'mid-year',
    re: /(今年|明年|\d{4}\s*年)?\s*年中\s*(?:前|之前|以前)|\b(?:by|before)\s+(?:the\s+)?mid-?year\b/gi,
    resolve: (m, ctx) => {
      const yearStart = yearStartFromWord(m[1], ctx) ?? fiscalYearStart(ctx.today, ctx.fiscalYearStartMonth);
      return untilSpan(ctx.today, halfSpan(yearStart, 1).end);
    },
  },
  {
    // "year 2026", "for the whole year 2026".
    name: 'year-en-named',
    re: /\b(?:(?:the\s+)?(?:whole|full|entire)\s+)?year\s+(\d{4})\b/gi,
    resolve: (m, ctx) => namedYearSpan(ctx, Number(m[1])),
  },
  {
    // 「第12週」, 「今年第12週」, "W14", "week 14", "WK14": the ISO week of the year (Monday to Sunday).
    name: 'iso-week',
    re: new RegExp(
      `(?:${ZH_YEAR}\\s*的?\\s*)?(?:第\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*(?:週|個星期|個禮拜)(?!年)|(?<![A-Za-z])(?:W|WK|week\\s*)0?(\\d{1,2})(?!\\d)(?:\\s*(?:of\\s+)?(\\d{4}))?)`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const n = readCount(m[2] ?? m[3]);
      if (n === null || !Number.isInteger(n) || n < 1 || n > 53) return null;
      const named = yearStartFromWord(m[1], ctx);
      const year = m[4] ? Number(m[4]) : named ? parseLocalDate(named).year : null;
      const week = (y: number): Span | null => {
        const monday = addDays(startOfIsoWeek(formatLocalDate({ year: y, month: 1, day: 4 })), (n - 1) * 7);
        // Week 53 only in a year that has one (its Thursday still in the year).
        return parseLocalDate(addDays(monday, 3)).year === y
          ? { start: monday, end: addDays(monday, 6) }
          : null;
      };
      if (year !== null) return week(year);
      const thisYear = parseLocalDate(ctx.today).year;
      const span = week(thisYear);
      return span && span.end >= ctx.today ? span : week(thisYear + 1);
    },
  },
  {
    // 「3月第3週」: the month's n-th seven days (15–21 for the third), 「本月第2週」.
    name: 'month-week-zh',
    re: new RegExp(
      `(?:${ZH_YEAR}?\\s*的?\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月|(本月|這個月|下個?月|下一個月))\\s*(?:的)?\\s*第\\s*([1-5一二三四五])\\s*(?:週|個星期|個禮拜)(?!年)`,
      'g',
    ),
    resolve: (m, ctx) => {
      const n = readCount(m[4]);
      let whole: Span | null = null;
      if (m[3]) whole = monthsFrom(/下/.test(m[3]) ? addMonths(ctx.today, 1) : ctx.today, 1);
      else {
        const month = readMonthNumber(m[2]);
        if (month !== null) whole = monthSpan(calendarYearFor(m[1], ctx, month), month, 1);
      }
      if (!whole || n === null || n < 1 || n > 5) return null;
      const start = addDays(whole.start, (n - 1) * 7);
      if (start > whole.end) return null;
      const end = addDays(start, 6);
      return { start, end: end > whole.end || n === 5 ? whole.end : end };
    },
  },
  {
    // 「本月下旬」, 「下個月上旬前」: ten-day parts of this or next month.
    name: 'month-dekad-zh',
    re: /(本月|這個月|當月|下個?月|下一個月)\s*(上旬|中旬|下旬)\s*(前|之前|以前)?/g,
    resolve: (m, ctx) => {
      const whole = monthsFrom(/下/.test(m[1] ?? '') ? addMonths(ctx.today, 1) : ctx.today, 1);
      const dekad = dekadSpan(whole, m[2]);
      if (!dekad) return null;
      return m[3] ? untilSpan(ctx.today, addDays(dekad.start, -1)) : dekad;
    },
  },
  {
    // 「十一黃金週」, 「國慶黃金週」 (mainland China): 1–7 October.
    name: 'golden-week',
    re: /(今年|明年|\d{4}\s*年)?\s*的?\s*(?:十一|國慶)\s*(?:黃金週|長假|黃金假期)|\bgolden week\b/gi,
    resolve: (m, ctx) => {
      const named = yearStartFromWord(m[1], ctx);
      const span = (y: number): Span => ({ start: `${y}-10-01`, end: `${y}-10-07` });
      if (named) return span(parseLocalDate(named).year);
      const thisYear = parseLocalDate(ctx.today).year;
      return span(thisYear).end >= ctx.today ? span(thisYear) : span(thisYear + 1);
    },
  },
  // --- years ---
  {
    name: 'year-end-zh',
    re: new RegExp(
      `(?:${ZH_YEAR}?\\s*(?:年底|年末|年終)|(${DATE_YEAR})\\s*年\\s*(?:底|末))\\s*(前|之前|以前)?`,
      'g',
    ),
    resolve: (m, ctx) => {
      const yearStart =
        yearStartFromWord(m[1] ?? (m[2] ? `${m[2]}年` : undefined), ctx) ??
        fiscalYearStart(ctx.today, ctx.fiscalYearStartMonth);
      return untilSpan(ctx.today, addDays(addMonths(yearStart, 12), -1));
    },
  },
  {
    name: 'year-end-en',
    re: /\b(?:by|before|until)\s+(?:the\s+)?(?:end of (?:the |this )?(?:fiscal )?year|year[- ]end|eoy|end of (\d{4})|the end of (\d{4})|(\d{4})\b)/gi,
    resolve: (m, ctx) => {
      const named = m[1] ?? m[2] ?? m[3];
      const yearStart = named
        ? fiscalYearNamed(ctx, Number(named))
        : fiscalYearStart(ctx.today, ctx.fiscalYearStartMonth);
      return untilSpan(ctx.today, addDays(addMonths(yearStart, 12), -1));
    },
  },
  {
    // 「今年內」 said in March: from today to the end of the (fiscal) year, not the whole year.
    name: 'within-this-year-zh',
    re: /(?:今年度?|本年度?)\s*(?:之內|以內|內)|(?<![\d一二兩三四五六七八九十半幾多個今本明去後前])年內/g,
    resolve: (_m, ctx) => untilSpan(ctx.today, yearSpan(ctx, ctx.today, 0).end),
  },
  {
    // "for the rest of the quarter", "the remainder of this month": from today to its end.
    name: 'rest-of-en',
    re: /\b(?:(?:for|over|during|in)\s+)?the\s+(?:rest|remainder)\s+of\s+(?:this|the)\s+(quarter|month|week)\b/gi,
    resolve: (m, ctx) => {
      const unit = (m[1] ?? '').toLowerCase();
      const end =
        unit === 'quarter'
          ? monthsFrom(currentQuarterStart(ctx), 3).end
          : unit === 'month'
            ? monthsFrom(ctx.today, 1).end
            : addDays(startOfIsoWeek(ctx.today), 6);
      return untilSpan(ctx.today, end);
    },
  },
  {
    name: 'within-this-year-en',
    re: /\b(?:(?:within|during|in|for|over)\s+)?the\s+rest\s+of\s+(?:this|the)\s+(?:fiscal\s+)?year\b|\bwithin\s+(?:this|the)\s+(?:fiscal\s+)?year\b/gi,
    resolve: (_m, ctx) => untilSpan(ctx.today, yearSpan(ctx, ctx.today, 0).end),
  },
  {
    name: 'year-zh',
    re: new RegExp(
      `(\\d{4})\\s*(?:年度|年|財年|財務年度)(?:全年)?|(?:${ROC_YEAR})(?:全年)?|今年度?|本年度?|明年度?|來年|後年|全年`,
      'g',
    ),
    resolve: (m, ctx) => {
      if (m[0] === '全年') return yearSpan(ctx, ctx.today, 0);
      const start = yearStartFromWord(m[1] ?? m[0], ctx);
      return start ? { start, end: addDays(addMonths(start, 12), -1) } : null;
    },
  },
  {
    name: 'year-en',
    re: /\b(?:(this|next) (?:fiscal )?year|(?:in|for|during|of)\s+(?:(?:fiscal(?: year)?|FY)\s*)?(\d{4})|(?:FY|fiscal(?: year)?)\s*'?(\d{4}|\d{2}))\b/gi,
    resolve: (m, ctx) => {
      if (m[1]) return yearSpan(ctx, ctx.today, m[1].toLowerCase() === 'next' ? 1 : 0);
      const y = m[2] ?? m[3];
      if (!y) return null;
      const year = y.length === 2 ? 2000 + Number(y) : Number(y);
      return year >= 1990 && year <= 2100 ? namedYearSpan(ctx, year) : null;
    },
  },
  {
    // "for the year", "over the whole quarter": the goal's own year (quarter, month), this one.
    name: 'the-year-en',
    re: /\b(?:for|over|during|throughout)\s+the\s+(?:(?:whole|full|entire)\s+)?(year|quarter|month)\b(?!\s*(?:\d|of\b|ahead\b|after\b|before\b))/gi,
    resolve: (m, ctx) => {
      const unit = (m[1] ?? '').toLowerCase();
      if (unit === 'quarter') return monthsFrom(currentQuarterStart(ctx), 3);
      if (unit === 'month') return monthsFrom(ctx.today, 1);
      return yearSpan(ctx, ctx.today, 0);
    },
  },
  // --- holidays ---
  {
    name: 'holiday',
    re: new RegExp(
      `(\\d{4}\\s*年|${ROC_YEAR}|今年|明年)?\\s*的?\\s*(${HOLIDAY_ALT})\\s*(?:大促|購物節|促銷|(season|shopping season|sales? season))?\\s*(前|之前|以前|期間|檔期|檔|當天|假期|連假|當週|當周|那週|那一週|該週|同週|這週|這一週)?\\s*(?:的)?\\s*(?:${ZH_NUM}\\s*(個)?\\s*(天|日|週|星期|禮拜|月))?(內)?`,
      'gi',
    ),
    // "Christmas season" with no other marker is the shopping season before the day (as 聖誕檔期).
    resolve: (m, ctx) =>
      holidaySpan(
        m[2] ?? '',
        m[1],
        m[4] ?? (m[3] ? '檔期' : undefined),
        readCount(m[5]),
        m[7],
        ctx,
        m.input.slice(m.index + m[0].indexOf(m[2] ?? '') + (m[2] ?? '').length),
      ),
  },
  {
    // 「黑五到雙12」, 「聖誕到跨年」, "from Black Friday to Christmas": from the first festival's first
    // day to the second's last (the next of it on or after the first).
    name: 'holiday-range',
    re: new RegExp(
      `(\\d{4}\\s*年|${ROC_YEAR}|今年|明年)?\\s*的?\\s*(?:from\\s+)?(${HOLIDAY_ALT})\\s*(?:到|至|~|-|–|to|through|until)\\s*(?:the\\s+)?(${HOLIDAY_ALT})`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const from = holidayKeyOf((m[2] ?? '').trim());
      const to = holidayKeyOf((m[3] ?? '').trim());
      if (!from || !to) return null;
      const yearStart = m[1] ? yearStartFromWord(m[1], ctx) : null;
      const a = nextHoliday(from, ctx, yearStart ? parseLocalDate(yearStart).year : null);
      let b = festivalSpan(to, parseLocalDate(a.start).year);
      if (b.end < a.start) b = festivalSpan(to, parseLocalDate(a.start).year + 1);
      return { start: a.start, end: b.end };
    },
  },
  {
    // 「初一到初五」, 「除夕至初三」, 「大年初一」: days of the first lunar month (初一 is New Year's Day).
    name: 'lunar-days-zh',
    re: new RegExp(
      `(\\d{4}\\s*年|${ROC_YEAR}|今年|明年)?\\s*的?\\s*(?:(?:農曆|春節|過年|新春|大年|正月)\\s*)?(除夕|初[一二三四五六七八九十]|十五)(?:\\s*(?:到|至|~|-)\\s*(?:農曆|正月|大年)?\\s*(除夕|初[一二三四五六七八九十]|十五|元宵))?`,
      'g',
    ),
    resolve: (m, ctx) => {
      const from = lunarDayNumber(m[2]);
      const to = m[3] ? lunarDayNumber(m[3]) : from;
      // A lone 初五 may be any month's fifth day: only 「大年初一」 or a range is New Year.
      if (
        from === null ||
        to === null ||
        to < from ||
        (!m[3] && !/農曆|春節|過年|新春|大年|正月|除夕/.test(m[0]))
      )
        return null;
      const named = yearStartFromWord(m[1], ctx);
      let year = named ? parseLocalDate(named).year : parseLocalDate(ctx.today).year;
      if (!named && addDays(lunarNewYear(year), to - 1) < ctx.today) year++;
      const first = lunarNewYear(year);
      return { start: addDays(first, from - 1), end: addDays(first, to - 1) };
    },
  },
  {
    name: 'holiday-en',
    re: new RegExp(
      `(?:(?:in|during)\\s+)?(?:the\\s+)?(?:${EN_NUM}\\s+(days?|weeks?|months?)\\s+(?=before|ahead of))?(before|ahead of|by|until|during|for|over)\\s+(?:the\\s+)?(?:\\d{4}\\s+)?(${HOLIDAY_ALT})(?:\\s+(\\d{4}))?`,
      'gi',
    ),
    resolve: (m, ctx) => {
      const prep = (m[3] ?? '').toLowerCase();
      const marker = prep === 'during' || prep === 'for' || prep === 'over' ? '期間' : '前';
      return holidaySpan(m[4] ?? '', m[5], marker, readCount(m[1]), m[2], ctx);
    },
  },
];

function holidaySpan(
  name: string,
  yearWord: string | undefined,
  marker: string | undefined,
  count: number | null,
  unitWord: string | undefined,
  ctx: PeriodContext,
  following = '',
): Span | null {
  const key = holidayKeyOf(name.trim(), following);
  // 「228連假」 is a name of its own.
  if (!marker && /連假$/.test(name.trim()))
    return holidaySpan(name.trim().slice(0, -2), yearWord, '連假', count, unitWord, ctx, following);
  if (!key) return null;
  const yearStart = yearWord ? yearStartFromWord(yearWord, ctx) : null;
  const h = nextHoliday(key, ctx, yearStart ? parseLocalDate(yearStart).year : null);
  const unit = unitWord ? unitOf(unitWord) : null;
  if (marker === '前' || marker === '之前' || marker === '以前') {
    const dayBefore = addDays(h.start, -1);
    if (count !== null && unit) {
      const back =
        unit === 'day'
          ? addDays(h.start, -count)
          : unit === 'week'
            ? addDays(h.start, -count * 7)
            : addMonths(h.start, -count);
      return { start: back, end: dayBefore };
    }
    return untilSpan(ctx.today, dayBefore);
  }
  if (marker === '檔期' || marker === '檔') {
    if (h.start !== h.end) return h;
    return { start: addDays(h.start, -27), end: h.start };
  }
  if (marker && /^(?:當週|當周|那週|那一週|該週|同週|這週|這一週)$/.test(marker)) {
    // The week (Monday to Sunday) the holiday falls in.
    const monday = startOfIsoWeek(h.start);
    return { start: monday, end: addDays(monday, 6) };
  }
  if (marker === '連假' || marker === '假期') {
    // 春節連假, 端午連假: the run of days off around the holiday, as the government calendar has it.
    const run = daysOffAround(h.start);
    if (run) return run;
  }
  if (key === 'lunar_new_year' && (marker === '期間' || marker === '假期' || marker === '連假' || !marker)) {
    // 春節期間: 初一 to 初五 (初一 is the first day of the lunar year; 除夕 is the last of the old one),
    // this year's while 初五 is still ahead.
    let first = h.start;
    const before = festivalSpan(key, parseLocalDate(first).year - 1).start;
    if (!yearStart && addDays(before, 4) >= ctx.today) first = before;
    return { start: first, end: addDays(first, 4) };
  }
  return h;
}

/** The first day named before 起 in 「…起連續三個月」. */
function startOfSpan(m: RegExpExecArray, ctx: PeriodContext): LocalDate | null {
  const word = (m[1] ?? '').replace(/\s+/g, '');
  if (/^(?:下個?月|下一個月)$/.test(word)) return monthsFrom(addMonths(ctx.today, 1), 1).start;
  if (/^(?:本月|這個月)$/.test(word)) return monthsFrom(ctx.today, 1).start;
  if (/^下一?季度?$/.test(word)) return addMonths(currentQuarterStart(ctx), 3);
  if (/^本季度?$/.test(word)) return currentQuarterStart(ctx);
  if (/^(?:下週|下星期|下禮拜)$/.test(word)) return addDays(startOfIsoWeek(ctx.today), 7);
  if (word === '本週') return startOfIsoWeek(ctx.today);
  if (word === '明天') return addDays(ctx.today, 1);
  if (word === '今天') return ctx.today;
  if (m[3] !== undefined) {
    const month = readMonthNumber(m[3]);
    const day = m[4] ? parseNumberToken(m[4]) : 1;
    if (month === null || day === null) return null;
    return dateOf(calendarYearFor(m[2], ctx, month), month, day);
  }
  if (m[5] !== undefined && m[6] !== undefined) {
    const month = Number(m[5]);
    return month >= 1 && month <= 12
      ? dateOf(calendarYearFor(undefined, ctx, month), month, Number(m[6]))
      : null;
  }
  return null;
}

/** `n` units from `start` on: three months from 04-01 = 04-01 … 06-30. */
function countFrom(start: LocalDate, n: number, unit: Unit): Span | null {
  if (!(n > 0) || n > 1200 || !Number.isInteger(n)) return null;
  const months = unit === 'month' ? n : unit === 'quarter' ? n * 3 : unit === 'year' ? n * 12 : 0;
  const after = months > 0 ? addMonths(start, months) : addDays(start, unit === 'week' ? n * 7 : n);
  return { start, end: addDays(after, -1) };
}

/** The run of consecutive days off in Taiwan around a holiday (春節連假, 端午連假), weekends included. */
function daysOffAround(date: LocalDate): Span | null {
  const year = parseLocalDate(date).year;
  if (year <= HOLIDAY_FIRST_YEAR || year >= HOLIDAY_LAST_YEAR || !isDayOff(date)) return null;
  let start = date;
  while (isDayOff(addDays(start, -1))) start = addDays(start, -1);
  let end = date;
  while (isDayOff(addDays(end, 1))) end = addDays(end, 1);
  return { start, end };
}

/** 除夕 → 0, 初一 → 1 … 初十 → 10, 十五 or 元宵 → 15. */
function lunarDayNumber(word: string | undefined): number | null {
  if (!word) return null;
  if (word === '除夕') return 0;
  if (word === '十五' || word === '元宵') return 15;
  return word.startsWith('初') ? parseNumberToken(word.slice(1)) : null;
}

/** Past references that are baselines, not the goal's period (「比去年」, "vs last year"). */
const PAST_TIME =
  /去年同期|去年|(?<![夕節日慶假春誕前底末])前年|上個?月|上一?季度?|同期|上週|last (?:year|month|quarter|week)|previous (?:year|month|quarter)|a year ago|year[- ]over[- ]year|yoy/gi;

function toPeriod(span: Span): Period {
  return { start: span.start, end: span.end };
}

/** A rule's span, or null when the date arithmetic leaves the calendar (year 10000). */
function resolveSafely(rule: PeriodRule, m: RegExpExecArray, ctx: PeriodContext): Span | null {
  try {
    return rule.resolve(m, ctx);
  } catch {
    return null;
  }
}

/**
 * A holiday word right before a product noun: 「中秋禮盒」, 「父親節禮品」, 「母親節檔期商品」, "Father's
 * Day gifts", "Christmas menu".
 */
const HOLIDAY_PRODUCT_NOUN =
  /^\s*(?:禮盒|禮品|禮物|禮籃|花禮|花束|蛋糕|月餅|粽子|年菜|套餐|菜單|商品|產品|限定|系列|組合|伴手禮|(?:special\s+|limited[- ]edition\s+)?(?:gifts?|gift\s+(?:sets?|boxes?|baskets?|cards?)|hampers?|bouquets?|flowers?|cakes?|mooncakes?|menus?|sets?|boxes?|bundles?|collections?|products?|items?|merchandise|baskets?|cards?|chocolates?|dinners?|specials?)\b)/i;

/**
 * When the statement names its period in other words (a quarter, a half, a month, a year, a range…),
 * a holiday that qualifies a noun (「第三季中秋禮盒」, "in Q3 for Father's Day gifts") names what is
 * sold, not when: it is no time span, and the scope reads it with its noun. A holiday alone as the
 * time (「中秋節前兩週」, "during CNY", 「母親節檔期」) stays the period.
 */
function withoutHolidayProducts(text: string, candidates: PeriodMatch[]): PeriodMatch[] {
  const isHoliday = (c: PeriodMatch): boolean => c.rule === 'holiday' || c.rule === 'holiday-en';
  const qualifying = candidates.filter(
    (c) => isHoliday(c) && HOLIDAY_PRODUCT_NOUN.test(text.slice(c.index + c.length)),
  );
  if (qualifying.length === 0) return candidates;
  const overlaps = (a: PeriodMatch, b: PeriodMatch): boolean =>
    a.index < b.index + b.length && b.index < a.index + a.length;
  const explicit = candidates.some(
    (c) => !isHoliday(c) && c.rule !== 'lunar-days-zh' && !qualifying.some((q) => overlaps(q, c)),
  );
  if (!explicit) return candidates;
  return candidates.filter((c) => !qualifying.some((q) => overlaps(q, c)));
}

/** 「這一季剩下的時間」, 「第一季結束前」, "the rest of Q2": what is left of the period, from today. */
const REST_AFTER_RE =
  /^\s*(?:的)?\s*(?:(?:剩下|剩餘|餘下|剩低|剩)(?:的|嘅)?\s*(?:時間|月份|日子|幾個月|幾週|期間|天數|日數|幾天)?|(結束(?:之|以)?前|完結前|結束為止))/;
const REST_BEFORE_RE = /(?<![A-Za-z])(?:the\s+)?(?:rest|remainder)\s+of\s+(?:the\s+)?$/i;
/** 「這個月的最後一週」, 「今年最後一季」: the last part of the period. */
const LAST_PART_AFTER_RE = /^\s*(?:的)?\s*最後\s*(?:一|1)\s*(?:個)?\s*(週|星期|禮拜|月|季度?)/;

function narrowed(text: string, match: PeriodMatch, ctx: PeriodContext): PeriodMatch {
  const { period } = match;
  const after = text.slice(match.index + match.length);
  const rest = REST_AFTER_RE.exec(after);
  const restBefore = REST_BEFORE_RE.exec(text.slice(0, match.index));
  // 「第二季結束前」 said before the quarter: from today to its end, as 「第二季末前」.
  const by = Boolean(rest?.[1]) && ctx.today <= period.end;
  if ((rest || restBefore) && (by || (period.start <= ctx.today && ctx.today <= period.end))) {
    const index = restBefore ? restBefore.index : match.index;
    return {
      ...match,
      index,
      length: match.index + match.length - index + (rest ? rest[0].length : 0),
      period: { start: ctx.today, end: period.end },
    };
  }
  const last = LAST_PART_AFTER_RE.exec(after);
  if (last) {
    const unit = last[1] ?? '';
    const start = /週|星期|禮拜/.test(unit)
      ? addDays(period.end, -6)
      : unit === '月'
        ? monthsFrom(period.end, 1).start
        : addMonths(addDays(period.end, 1), -3);
    if (start >= period.start)
      return { ...match, length: match.length + last[0].length, period: { start, end: period.end } };
  }
  return match;
}

/** Finds the statement's period: the longest time expression that resolves, the earliest on a tie. */
export function readPeriod(text: string, ctx: PeriodContext): PeriodReading {
  const candidates: PeriodMatch[] = [];
  const timeSpans: Array<{ index: number; length: number }> = [];
  for (const past of text.matchAll(PAST_TIME)) {
    timeSpans.push({ index: past.index ?? 0, length: past[0].length });
  }
  const isPast = (index: number, length: number): boolean =>
    timeSpans.some((s) => index >= s.index && index + length <= s.index + s.length);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const lead = m[0].length - m[0].trimStart().length;
      const index = m.index + lead;
      const trailing = /^(?:之內|以內|內|裡|里|期間|當中)/.exec(text.slice(m.index + m[0].length));
      const length =
        m[0].trim().length + (trailing && m[0].trimEnd().length === m[0].length ? trailing[0].length : 0);
      if (isPast(index, length)) continue;
      const span = resolveSafely(rule, m, ctx);
      if (!span || span.start > span.end || !inRange(span)) continue;
      candidates.push({ period: toPeriod(span), index, length, rule: rule.name });
    }
  }
  const kept = withoutHolidayProducts(text, candidates);
  kept.sort((a, b) => b.length - a.length || a.index - b.index);
  const best = kept[0] ? narrowed(text, kept[0], ctx) : null;
  if (best && kept[0]) kept[0] = best;
  for (const c of kept) timeSpans.push({ index: c.index, length: c.length });
  return { period: best ? best.period : null, match: best, timeSpans };
}
