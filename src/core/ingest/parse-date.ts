import { daysInMonth, daysInMonthLacking, MONTH_NAMES_EN, type Ymd } from '../calendar/dates.ts';
import { toHalfWidth, trimCell } from './half-width.ts';

export type DateProblemCode =
  | 'DATE_EMPTY'
  | 'DATE_INVALID'
  | 'DATE_NONEXISTENT'
  | 'DATE_OUT_OF_RANGE'
  | 'DATE_ORDER_UNKNOWN'
  | 'DATE_WEEKDAY_MISMATCH'
  | 'TIME_INVALID'
  | 'TIME_ZONE_INVALID';

export type ParseDateResult =
  | { ok: true; date: string; time: string | null }
  | { ok: false; code: Exclude<DateProblemCode, 'DATE_NONEXISTENT'> }
  | NonexistentDay;

/** A value read as a date its month does not have (2026-02-30, 2026-04-31, 113/02/30). */
export interface NonexistentDay {
  ok: false;
  code: 'DATE_NONEXISTENT';
  /** The day as read (ROC years and two-digit years already made Gregorian). */
  day: Ymd;
  /** How many days its month has (28 for 2026-02-30). */
  monthDays: number;
}

export interface ParseDateOptions {
  /**
   * 31/01/2024 when true, 01/31/2024 when false (only for dates whose year comes last; a two-digit
   * year last, 31/01/24, is 2000–2099). A three-digit year first is ROC: 113/01/31 = 2024-01-31;
   * ROC years of one or two digits need the 民國 / 年月日 form (民國99年12月31日) or 7 digits (0991231).
   * null: the order is not known (see DateOrderScan); a value only one reading fits (31/01/2024,
   * 4/15/2019, 5/5/2024) is read that way, any other is DATE_ORDER_UNKNOWN.
   */
  dayFirst: boolean | null;
  /**
   * The company's IANA time zone. Values carrying a zone (2024-01-31T05:45:00Z, ...+08:00) are
   * converted to it; values without a zone are taken as already local. Default 'UTC'.
   */
  timeZone?: string;
}

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const MAX_INPUT = 80;
const ROC_OFFSET = 1911;

const NUMERIC = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:(?:\s+|T)(.+))?$/;
const CJK = /^(民國|民国)?\s*(\d{1,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日號号]?\s*(.*)$/;
const SERIAL = /^\d{1,5}(?:\.\d{1,17})?$/;
const COMPACT = /^(\d{7,8})(?:\s+(.+))?$/;
const TIME =
  /^(上午|下午|早上|晚上|凌晨|am|pm|a\.m\.|p\.m\.)?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(am|pm|a\.m\.|p\.m\.|上午|下午)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** A weekday written with a date: 「(三)」, 「（週三）」, 「星期三」, 「禮拜天」 (Sunday is 0). */
const WEEKDAY_CJK =
  /\s*[(（]\s*(?:星期|週|周|禮拜|礼拜)?\s*([一二三四五六日天])\s*[)）]\s*|\s*(?:星期|週|周|禮拜|礼拜)\s*([一二三四五六日天])\s*/;
const WEEKDAY_EN =
  /\s*\(?\b(sun|mon|tue|wed|thu|fri|sat)(?:day|s|sday|nesday|rsday|r|rs|urday)?\b\.?\)?,?\s*/i;
const CJK_DAYS = '日一二三四五六';
const EN_DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MAYBE_WEEKDAY = /[(（星週周禮礼]|sun|mon|tue|wed|thu|fri|sat/i;

/** English month names: 「1-May-24」 (Excel's d-mmm-yy), "1 May 2024", "May 1, 2024", "2024-May-01". */
const EN_DMY = /^(\d{1,2})(?:st|nd|rd|th)?[\s./-]*([a-z]{3,9})\.?[\s./,-]*(\d{4}|\d{2})(?:(?:\s+|T)(.+))?$/i;
const EN_MDY = /^([a-z]{3,9})\.?[\s./-]*(\d{1,2})(?:st|nd|rd|th)?,?[\s./-]*(\d{4})(?:(?:,?\s+|T)(.+))?$/i;
const EN_YMD = /^(\d{4})[\s./-]*([a-z]{3,9})\.?[\s./-]*(\d{1,2})(?:(?:\s+|T)(.+))?$/i;

const MONTH_NAMES_LOWER = MONTH_NAMES_EN.map((name) => name.toLowerCase());

/** 1–12 for a month's English name or its abbreviation of three letters or more (Sept too), else 0. */
function monthOfName(word: string): number {
  const w = word.toLowerCase();
  if (w.length < 3) return 0;
  if (w === 'sept') return 9;
  const i = MONTH_NAMES_LOWER.findIndex((name) => name.startsWith(w));
  return i + 1;
}

/** The value without the weekday written with it, and that weekday (0 = Sunday), if it has one. */
function splitWeekday(s: string): { rest: string; weekday: number } | null {
  const cjk = WEEKDAY_CJK.exec(s);
  if (cjk !== null) {
    const ch = (cjk[1] ?? cjk[2]) as string;
    const weekday = ch === '天' ? 0 : CJK_DAYS.indexOf(ch);
    return { rest: joinAround(s, cjk.index, cjk[0].length), weekday };
  }
  const en = WEEKDAY_EN.exec(s);
  if (en !== null) {
    const weekday = EN_DAYS.indexOf((en[1] as string).toLowerCase());
    return { rest: joinAround(s, en.index, en[0].length), weekday };
  }
  return null;
}

/** The text around a cut-out weekday, a space between what stood on both sides of it. */
function joinAround(s: string, at: number, length: number): string {
  const before = s.slice(0, at).trim();
  const after = s.slice(at + length).trim();
  return before.length > 0 && after.length > 0 ? `${before} ${after}` : before || after;
}

/**
 * Parses a sales-file date (and optional time) into the company's local calendar day. Never throws.
 * A weekday written with it (「2024/05/01(三)」, "Wed, 1 May 2024") must be the date's own.
 */
export function parseDate(raw: string, opts: ParseDateOptions): ParseDateResult {
  const fast = parseIsoFast(raw);
  if (fast !== null) return fast;
  let s = toHalfWidth(trimCell(raw));
  if (s.length === 0) return { ok: false, code: 'DATE_EMPTY' };
  if (s.length > MAX_INPUT) return { ok: false, code: 'DATE_INVALID' };
  const split = MAYBE_WEEKDAY.test(s) ? splitWeekday(s) : null;
  if (split === null) return parseDateText(s, opts);
  s = split.rest;
  const r = parseDateText(s, opts);
  if (!r.ok) return r;
  const [y, mo, d] = r.date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay() === split.weekday
    ? r
    : { ok: false, code: 'DATE_WEEKDAY_MISMATCH' };
}

function parseDateText(s: string, opts: ParseDateOptions): ParseDateResult {
  const tz = opts.timeZone ?? 'UTC';
  if (s.length === 0) return { ok: false, code: 'DATE_INVALID' };

  let m = NUMERIC.exec(s);
  if (m !== null) {
    const a = m[1]!;
    const b = m[3]!;
    const c = m[4]!;
    let y: number;
    let mo: number;
    let d: number;
    if (a.length === 4) {
      if (c.length > 2) return { ok: false, code: 'DATE_INVALID' };
      y = +a;
      mo = +b;
      d = +c;
    } else if (c.length === 4) {
      const dayFirst = opts.dayFirst ?? orderOf(+a, +b);
      if (dayFirst === null) return { ok: false, code: 'DATE_ORDER_UNKNOWN' };
      y = +c;
      mo = dayFirst ? +b : +a;
      d = dayFirst ? +a : +b;
    } else if (a.length === 3 && c.length <= 2) {
      // ROC (Minguo) year first: 113/01/31
      y = +a + ROC_OFFSET;
      mo = +b;
      d = +c;
    } else if (a.length <= 2 && c.length === 2) {
      // two-digit year last (31/01/24, 01/31/24): this century, order by setting
      const dayFirst = opts.dayFirst ?? orderOf(+a, +b);
      if (dayFirst === null) return { ok: false, code: 'DATE_ORDER_UNKNOWN' };
      y = 2000 + +c;
      mo = dayFirst ? +b : +a;
      d = dayFirst ? +a : +b;
    } else return { ok: false, code: 'DATE_INVALID' };
    return finish(y, mo, d, m[5], tz);
  }
  m = CJK.exec(s);
  if (m !== null) {
    const yearText = m[2]!;
    const roc = m[1] !== undefined || yearText.length <= 3;
    const y = +yearText + (roc ? ROC_OFFSET : 0);
    const rest = m[5]!;
    return finish(y, +m[3]!, +m[4]!, rest.length > 0 ? rest : undefined, tz);
  }
  m = EN_DMY.exec(s) ?? EN_YMD.exec(s);
  if (m !== null) {
    const ymd = m[1]!.length === 4;
    const mo = monthOfName(m[2]!);
    if (mo === 0) return { ok: false, code: 'DATE_INVALID' };
    const yearText = ymd ? m[1]! : m[3]!;
    const y = yearText.length === 2 ? 2000 + +yearText : +yearText;
    return finish(y, mo, ymd ? +m[3]! : +m[1]!, m[4], tz);
  }
  m = EN_MDY.exec(s);
  if (m !== null) {
    const mo = monthOfName(m[1]!);
    if (mo === 0) return { ok: false, code: 'DATE_INVALID' };
    return finish(+m[3]!, mo, +m[2]!, m[4], tz);
  }
  if (SERIAL.test(s)) return fromExcelSerial(+s);
  m = COMPACT.exec(s);
  if (m !== null) {
    const digits = m[1]!;
    if (digits.length === 8)
      return finish(+digits.slice(0, 4), +digits.slice(4, 6), +digits.slice(6, 8), m[2], tz);
    return finish(+digits.slice(0, 3) + ROC_OFFSET, +digits.slice(3, 5), +digits.slice(5, 7), m[2], tz);
  }
  return { ok: false, code: 'DATE_INVALID' };
}

/** The only reading of a/b when the order is unknown: day-first, month-first, either, or null. */
function orderOf(a: number, b: number): boolean | null {
  if (a === b) return true;
  if (a > 12 && b <= 12) return true;
  if (b > 12 && a <= 12) return false;
  return null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function digits2(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);
}

/** 'YYYY-MM-DD', 'YYYY/MM/DD', optionally followed by ' HH:mm' or ' HH:mm:ss' (no zone): no regex. */
function parseIsoFast(s: string): ParseDateResult | null {
  const n = s.length;
  if (n !== 10 && n !== 16 && n !== 19) return null;
  const sep = s.charCodeAt(4);
  if ((sep !== 45 && sep !== 47) || s.charCodeAt(7) !== sep) return null;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isDigit(s.charCodeAt(i))) return null;
  let time: string | null = null;
  if (n > 10) {
    const t = s.charCodeAt(10);
    if (t !== 32 && t !== 84) return null;
    if (!isDigit(s.charCodeAt(11)) || !isDigit(s.charCodeAt(12)) || s.charCodeAt(13) !== 58) return null;
    if (!isDigit(s.charCodeAt(14)) || !isDigit(s.charCodeAt(15))) return null;
    if (n === 19) {
      if (s.charCodeAt(16) !== 58 || !isDigit(s.charCodeAt(17)) || !isDigit(s.charCodeAt(18))) return null;
      if (digits2(s, 17) > 59) return { ok: false, code: 'TIME_INVALID' };
    }
    if (digits2(s, 11) > 23 || digits2(s, 14) > 59) return { ok: false, code: 'TIME_INVALID' };
    time = s.slice(11, 16);
  }
  const y = digits2(s, 0) * 100 + digits2(s, 2);
  const mo = digits2(s, 5);
  const d = digits2(s, 8);
  if (y < MIN_YEAR) return { ok: false, code: 'DATE_OUT_OF_RANGE' };
  // isValidYmd's check, without a Ymd object per line on this hot path.
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return notADay({ year: y, month: mo, day: d });
  const date = sep === 45 ? s.slice(0, 10) : `${s.slice(0, 4)}-${s.slice(5, 7)}-${s.slice(8, 10)}`;
  return { ok: true, date, time };
}

/** Why a year, month and day read from a value are not a real day: its month lacks it, or no date. */
function notADay(day: Ymd): ParseDateResult {
  const monthDays = daysInMonthLacking(day);
  return monthDays === null
    ? { ok: false, code: 'DATE_INVALID' }
    : { ok: false, code: 'DATE_NONEXISTENT', day, monthDays };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatYmd(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function finish(y: number, mo: number, d: number, timeText: string | undefined, tz: string): ParseDateResult {
  if (!Number.isFinite(y) || y < MIN_YEAR || y > MAX_YEAR) return { ok: false, code: 'DATE_OUT_OF_RANGE' };
  // isValidYmd's check, without a Ymd object per line (every line of a file of slashed or ROC dates).
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return notADay({ year: y, month: mo, day: d });
  if (timeText === undefined) return { ok: true, date: formatYmd(y, mo, d), time: null };
  const t = parseTimeText(timeText);
  if (t === null) return { ok: false, code: 'TIME_INVALID' };
  if (t.offsetMinutes === null)
    return { ok: true, date: formatYmd(y, mo, d), time: `${pad2(t.hour)}:${pad2(t.minute)}` };
  const utcMs = Date.UTC(y, mo - 1, d, t.hour, t.minute, t.second) - t.offsetMinutes * 60_000;
  return toZone(utcMs, tz);
}

interface TimeParts {
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number | null;
}

const AM_WORDS = new Set(['上午', '早上', '凌晨', 'am', 'a.m.']);

function parseTimeText(text: string): TimeParts | null {
  const m = TIME.exec(text.trim());
  if (m === null) return null;
  let hour = +m[2]!;
  const minute = +m[3]!;
  const second = m[4] === undefined ? 0 : +m[4];
  if (minute > 59 || second > 59) return null;
  const before = m[1]?.toLowerCase();
  const after = m[5]?.toLowerCase();
  if (before !== undefined && after !== undefined) return null;
  const marker = before ?? after;
  if (marker !== undefined) {
    const am = AM_WORDS.has(marker);
    if (hour > 23) return null;
    if (hour >= 13) {
      if (am) return null;
    } else if (am) {
      if (hour === 12) hour = 0;
    } else if (hour !== 12) hour += 12;
  } else if (hour > 23) return null;
  let offsetMinutes: number | null = null;
  const z = m[6];
  if (z !== undefined) {
    if (z === 'z' || z === 'Z') offsetMinutes = 0;
    else {
      const sign = z[0] === '-' ? -1 : 1;
      const body = z.slice(1).replace(':', '');
      const oh = +body.slice(0, 2);
      const om = body.length > 2 ? +body.slice(2, 4) : 0;
      if (oh > 14 || om > 59) return null;
      offsetMinutes = sign * (oh * 60 + om);
    }
  }
  return { hour, minute, second, offsetMinutes };
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(tz: string): Intl.DateTimeFormat | null {
  let f = formatters.get(tz);
  if (f !== undefined) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  } catch {
    f = null;
  }
  if (formatters.size < 64) formatters.set(tz, f);
  return f;
}

function toZone(utcMs: number, tz: string): ParseDateResult {
  if (!Number.isFinite(utcMs)) return { ok: false, code: 'DATE_INVALID' };
  if (tz === 'UTC' || tz === 'Etc/UTC') return fromUtcParts(new Date(utcMs));
  const f = formatterFor(tz);
  if (f === null) return { ok: false, code: 'TIME_ZONE_INVALID' };
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  for (const p of f.formatToParts(utcMs)) {
    if (p.type === 'year') y = +p.value;
    else if (p.type === 'month') mo = +p.value;
    else if (p.type === 'day') d = +p.value;
    else if (p.type === 'hour') h = +p.value;
    else if (p.type === 'minute') mi = +p.value;
  }
  if (y < MIN_YEAR || y > MAX_YEAR) return { ok: false, code: 'DATE_OUT_OF_RANGE' };
  return { ok: true, date: formatYmd(y, mo, d), time: `${pad2(h % 24)}:${pad2(mi)}` };
}

function fromUtcParts(dt: Date): ParseDateResult {
  const y = dt.getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) return { ok: false, code: 'DATE_OUT_OF_RANGE' };
  return {
    ok: true,
    date: formatYmd(y, dt.getUTCMonth() + 1, dt.getUTCDate()),
    time: `${pad2(dt.getUTCHours())}:${pad2(dt.getUTCMinutes())}`,
  };
}

const DAY_MS = 86_400_000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);
const EPOCH_1899_12_31 = Date.UTC(1899, 11, 31);

/**
 * Excel's 1900 date system: 1 = 1900-01-01, 60 = the non-existent 1900-02-29 (Lotus's bug, refused),
 * 61 = 1900-03-01. The fraction is the time of day (seconds dropped).
 */
export function fromExcelSerial(serial: number): ParseDateResult {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466)
    return { ok: false, code: 'DATE_INVALID' };
  let days = Math.floor(serial);
  if (days === 60) return { ok: false, code: 'DATE_INVALID' };
  const frac = serial - days;
  let seconds = Math.round(frac * 86_400);
  if (seconds >= 86_400) {
    days += 1;
    seconds = 0;
  }
  const ms = (days < 60 ? EPOCH_1899_12_31 : EPOCH_1899_12_30) + days * DAY_MS;
  const dt = new Date(ms);
  const y = dt.getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) return { ok: false, code: 'DATE_OUT_OF_RANGE' };
  const date = formatYmd(y, dt.getUTCMonth() + 1, dt.getUTCDate());
  if (frac === 0) return { ok: true, date, time: null };
  const minutes = Math.floor(seconds / 60);
  return { ok: true, date, time: `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}` };
}

/** The Excel serial of a calendar day (inverse of fromExcelSerial for whole days). */
export function toExcelSerial(date: string): number {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7);
  const d = +date.slice(8, 10);
  const ms = Date.UTC(y, m - 1, d);
  const days = Math.round((ms - EPOCH_1899_12_30) / DAY_MS);
  return days < 61 ? days - 1 : days;
}

/** Parses a separate time column ('13:45', '下午 1:45', '1:45 PM', an Excel day fraction). */
export function parseTime(raw: string): { ok: true; time: string } | { ok: false; code: 'TIME_INVALID' } {
  const s = toHalfWidth(trimCell(raw));
  if (s.length === 0 || s.length > 40) return { ok: false, code: 'TIME_INVALID' };
  if (/^0?\.\d{1,17}$/.test(s) || s === '0') {
    const seconds = Math.round(+s * 86_400);
    if (seconds >= 86_400) return { ok: false, code: 'TIME_INVALID' };
    const minutes = Math.floor(seconds / 60);
    return { ok: true, time: `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}` };
  }
  const t = parseTimeText(s);
  if (t === null || t.offsetMinutes !== null) return { ok: false, code: 'TIME_INVALID' };
  return { ok: true, time: `${pad2(t.hour)}:${pad2(t.minute)}` };
}

const YEAR_LAST = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:\s|$)/;

/**
 * Guesses the day-first setting from a column's values (for the import wizard's default): true when
 * some value like 31/01/2024 can only be day-first, false when some value like 01/31/2024 can only be
 * month-first, null when the values do not tell (or contradict each other).
 */
export function inferDayFirst(values: Iterable<string>): boolean | null {
  let dayFirst = false;
  let monthFirst = false;
  let seen = 0;
  for (const v of values) {
    if (++seen > 10_000) break;
    const m = YEAR_LAST.exec(v.length > 40 ? v.slice(0, 40) : v);
    if (m === null) continue;
    const a = +m[1]!;
    const b = +m[2]!;
    if (a > 12 && b <= 12) dayFirst = true;
    else if (b > 12 && a <= 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? null : dayFirst;
}
