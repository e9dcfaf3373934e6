import { addDays, formatLocalDate, isoWeekday, isWeekend, type LocalDate, parseLocalDate } from './dates.ts';
import { lunarFestivalDate, lunarNewYear, qingming } from './lunar.ts';

/**
 * Taiwan's public holidays (the DGPA work calendar that offices, schools and most shops follow):
 * the national and lunar holidays, their substitute days (補假: a holiday on a Saturday moves to the
 * Friday before, on a Sunday to the Monday after; the Lunar New Year days move forward), the bridge
 * days (調整放假) with the Saturdays worked for them (補班), and the lunar festivals that are not
 * days off (初四, 初五, 元宵, 七夕, 中元). Rules as in the 紀念日及節日實施條例 (2015 on, with the
 * days added in 2025: 孔子誕辰紀念日, 光復節, 行憲紀念日; 小年夜 and 勞動節 from 2026); the bridge
 * days as the DGPA published them for 2015–2025 (none from 2026 on). Checked day by day against
 * the python-holidays Taiwan calendar for 2015–2035 (test/unit/calendar).
 */

export const HOLIDAY_FIRST_YEAR = 2015;
export const HOLIDAY_LAST_YEAR = 2050;

export type HolidayKind =
  | 'new_year'
  | 'lunar_new_year_eve_eve'
  | 'lunar_new_year_eve'
  | 'lunar_new_year'
  | 'lantern_festival'
  | 'peace_memorial_day'
  | 'childrens_day'
  | 'qingming'
  | 'labour_day'
  | 'dragon_boat'
  | 'qixi'
  | 'ghost_festival'
  | 'mid_autumn'
  | 'teachers_day'
  | 'national_day'
  | 'retrocession_day'
  | 'constitution_day'
  | 'bridge_day';

export interface HolidayName {
  'zh-TW': string;
  en: string;
}

export interface Holiday {
  date: LocalDate;
  kind: HolidayKind;
  name: HolidayName;
  /** Whether the date is a day off (a holiday, its substitute, a bridge day, or a weekend). */
  isDayOff: boolean;
  /** A public holiday (國定假日), its substitute or a bridge day; false for a festival that is a workday. */
  publicHoliday: boolean;
  /** A substitute day off (補假) for a holiday that fell on a weekend. */
  observed: boolean;
  /** For the days of the first lunar month: 1 for 初一 … 15 for 元宵. */
  lunarDay?: number;
}

/** A Saturday worked in exchange for a bridge day off (補班). */
export interface MakeUpWorkday {
  date: LocalDate;
  /** The bridge day it pays for. */
  forDate: LocalDate;
}

const NAMES: Record<HolidayKind, HolidayName> = {
  new_year: {
    'zh-TW': '中華民國開國紀念日(元旦)',
    en: "New Year's Day (Founding Day of the Republic of China)",
  },
  lunar_new_year_eve_eve: { 'zh-TW': '小年夜', en: "The day before Lunar New Year's Eve" },
  lunar_new_year_eve: { 'zh-TW': '農曆除夕', en: "Lunar New Year's Eve" },
  lunar_new_year: { 'zh-TW': '春節', en: 'Lunar New Year' },
  lantern_festival: { 'zh-TW': '元宵節', en: 'Lantern Festival' },
  peace_memorial_day: { 'zh-TW': '和平紀念日', en: 'Peace Memorial Day' },
  childrens_day: { 'zh-TW': '兒童節', en: "Children's Day" },
  qingming: { 'zh-TW': '民族掃墓節(清明節)', en: 'Tomb-Sweeping Day (Qingming)' },
  labour_day: { 'zh-TW': '勞動節', en: 'Labour Day' },
  dragon_boat: { 'zh-TW': '端午節', en: 'Dragon Boat Festival' },
  qixi: { 'zh-TW': '七夕', en: 'Qixi (Chinese Valentine’s Day)' },
  ghost_festival: { 'zh-TW': '中元節', en: 'Ghost Festival' },
  mid_autumn: { 'zh-TW': '中秋節', en: 'Mid-Autumn Festival' },
  teachers_day: { 'zh-TW': '孔子誕辰紀念日(教師節)', en: "Confucius' Birthday (Teachers' Day)" },
  national_day: { 'zh-TW': '國慶日', en: 'National Day' },
  retrocession_day: {
    'zh-TW': '臺灣光復暨金門古寧頭大捷紀念日',
    en: 'Taiwan Retrocession and Guningtou Victory Memorial Day',
  },
  constitution_day: { 'zh-TW': '行憲紀念日', en: 'Constitution Day' },
  bridge_day: { 'zh-TW': '調整放假日', en: 'Bridge day off' },
};

const LUNAR_DAY_ZH = ['初一', '初二', '初三', '初四', '初五'];

/** Bridge days off and the Saturdays worked for them (day off ← make-up workday), as published. */
const BRIDGE_DAYS: ReadonlyArray<readonly [LocalDate, LocalDate]> = [
  ['2015-01-02', '2014-12-27'],
  ['2016-02-12', '2016-01-30'],
  ['2016-06-10', '2016-06-04'],
  ['2016-09-16', '2016-09-10'],
  ['2017-02-27', '2017-02-18'],
  ['2017-05-29', '2017-06-03'],
  ['2017-10-09', '2017-09-30'],
  ['2018-04-06', '2018-03-31'],
  ['2018-12-31', '2018-12-22'],
  ['2019-02-08', '2019-01-19'],
  ['2019-03-01', '2019-02-23'],
  ['2019-10-11', '2019-10-05'],
  ['2020-01-23', '2020-02-15'],
  ['2020-06-26', '2020-06-20'],
  ['2020-10-02', '2020-09-26'],
  ['2021-02-10', '2021-02-20'],
  ['2021-09-20', '2021-09-11'],
  ['2022-02-04', '2022-01-22'],
  ['2023-01-20', '2023-01-07'],
  ['2023-01-27', '2023-02-04'],
  ['2023-02-27', '2023-02-18'],
  ['2023-04-03', '2023-03-25'],
  ['2023-06-23', '2023-06-17'],
  ['2023-10-09', '2023-09-23'],
  ['2024-02-08', '2024-02-17'],
  ['2025-01-27', '2025-02-08'],
];

/** Whether the holiday tables cover a year (2015–2050): holidaysOf and isDayOff throw a RangeError outside. */
export function hasHolidayTable(year: number): boolean {
  return Number.isInteger(year) && year >= HOLIDAY_FIRST_YEAR && year <= HOLIDAY_LAST_YEAR;
}

function checkYear(year: number): void {
  if (!hasHolidayTable(year))
    throw new RangeError(
      `Taiwan holidays are known for ${HOLIDAY_FIRST_YEAR}–${HOLIDAY_LAST_YEAR}, not ${year}`,
    );
}

interface Entry {
  kind: HolidayKind;
  publicHoliday: boolean;
  name: HolidayName;
  observed: boolean;
  lunarDay?: number;
}

type Shift = (date: LocalDate, isHoliday: (d: LocalDate) => boolean) => LocalDate | null;

/** The next (step 1) or previous (step −1) weekday that is not already a holiday. */
function nextWorkday(date: LocalDate, step: 1 | -1, isHoliday: (d: LocalDate) => boolean): LocalDate {
  let d = addDays(date, step);
  while (isWeekend(d) || isHoliday(d)) d = addDays(d, step);
  return d;
}

/** General rule (2015 on): Saturday → the workday before, Sunday → the workday after. */
const GENERAL: Shift = (date, isHoliday) => {
  const wd = isoWeekday(date);
  if (wd === 6) return nextWorkday(date, -1, isHoliday);
  if (wd === 7) return nextWorkday(date, 1, isHoliday);
  return null;
};

/** Lunar New Year days on a weekend move forward to the next workdays. */
const FORWARD: Shift = (date, isHoliday) => (isWeekend(date) ? nextWorkday(date, 1, isHoliday) : null);

/** Children's Day on the same day as 清明: a fixed shift by weekday (Mon +1, Tue −1, Wed −1, Thu +1, Fri −1, Sat −1, Sun −2). */
const CHILDREN_WITH_QINGMING: Shift = (date) =>
  addDays(date, [1, -1, -1, 1, -1, -1, -2][isoWeekday(date) - 1] ?? 0);

interface YearTable {
  days: Map<LocalDate, Entry[]>;
  dayOff: Set<LocalDate>;
  makeUp: Map<LocalDate, LocalDate>;
}

const cache = new Map<number, YearTable>();

function buildYear(year: number): YearTable {
  const days = new Map<LocalDate, Entry[]>();
  const add = (date: LocalDate, entry: Entry): void => {
    if (parseLocalDate(date).year !== year) return;
    const list = days.get(date);
    if (list) list.push(entry);
    else days.set(date, [entry]);
  };
  const isHoliday = (d: LocalDate): boolean => days.has(d);
  const fixed = (month: number, day: number): LocalDate => formatLocalDate({ year, month, day });
  const plain = (kind: HolidayKind, publicHoliday = true): Entry => ({
    kind,
    name: NAMES[kind],
    observed: false,
    publicHoliday,
  });

  const general: LocalDate[] = [];
  const forward: LocalDate[] = [];
  const holiday = (date: LocalDate, entry: Entry, group: LocalDate[]): void => {
    add(date, entry);
    group.push(date);
  };

  holiday(fixed(1, 1), plain('new_year'), general);
  // Next year's 1 January on a Saturday is observed on 31 December.
  const nextNewYear = formatLocalDate({ year: year + 1, month: 1, day: 1 });
  if (isoWeekday(nextNewYear) === 6) add(fixed(12, 31), observedEntry(plain('new_year')));

  const lny = lunarNewYear(year);
  if (year >= 2026) holiday(addDays(lny, -2), plain('lunar_new_year_eve_eve'), forward);
  holiday(addDays(lny, -1), plain('lunar_new_year_eve'), forward);
  for (let n = 1; n <= 3; n++) holiday(addDays(lny, n - 1), lunarDayEntry(n), forward);
  holiday(fixed(2, 28), plain('peace_memorial_day'), general);
  holiday(fixed(4, 4), plain('childrens_day'), general);
  holiday(qingming(year), plain('qingming'), general);
  if (year >= 2026) holiday(fixed(5, 1), plain('labour_day'), general);
  holiday(lunarFestivalDate('dragon_boat', year), plain('dragon_boat'), general);
  holiday(lunarFestivalDate('mid_autumn', year), plain('mid_autumn'), general);
  if (year >= 2025) holiday(fixed(9, 28), plain('teachers_day'), general);
  holiday(fixed(10, 10), plain('national_day'), general);
  if (year >= 2025) {
    holiday(fixed(10, 25), plain('retrocession_day'), general);
    holiday(fixed(12, 25), plain('constitution_day'), general);
  }

  const applyRules = (dates: LocalDate[], rule: Shift): void => {
    for (const date of [...new Set(dates)].sort()) {
      const here = [...(days.get(date) ?? [])].filter((e) => !e.observed);
      for (const entry of here) {
        const shift =
          entry.kind === 'childrens_day' && here.length > 1 ? CHILDREN_WITH_QINGMING : (rule as Shift);
        const to = shift(date, isHoliday);
        if (to && to !== date) add(to, observedEntry(entry));
      }
    }
  };
  applyRules(general, GENERAL);
  applyRules(forward, FORWARD);

  const makeUp = new Map<LocalDate, LocalDate>();
  for (const [off, work] of BRIDGE_DAYS) {
    add(off, { ...plain('bridge_day'), name: bridgeName(work) });
    if (parseLocalDate(work).year === year) makeUp.set(work, off);
  }
  const dayOff = new Set(days.keys());
  if (year < 2026) {
    // Before 2026 Labour Day was a day off for workers under the Labor Standards Act, not for offices.
    add(fixed(5, 1), plain('labour_day', false));
  }

  // Lunar days that are not holidays: 初四, 初五, 元宵, 七夕, 中元.
  add(addDays(lny, 3), lunarDayEntry(4, false));
  add(addDays(lny, 4), lunarDayEntry(5, false));
  add(lunarFestivalDate('lantern_festival', year), { ...plain('lantern_festival', false), lunarDay: 15 });
  add(lunarFestivalDate('qixi', year), plain('qixi', false));
  add(lunarFestivalDate('ghost_festival', year), plain('ghost_festival', false));
  return { days, dayOff, makeUp };
}

function lunarDayEntry(n: number, publicHoliday = true): Entry {
  const zh = LUNAR_DAY_ZH[n - 1] ?? '';
  return {
    kind: 'lunar_new_year',
    name: { 'zh-TW': `春節(${zh})`, en: `Lunar New Year (day ${n})` },
    observed: false,
    publicHoliday,
    lunarDay: n,
  };
}

function observedEntry(entry: Entry): Entry {
  return {
    kind: entry.kind,
    name: { 'zh-TW': `${entry.name['zh-TW']}(補假)`, en: `${entry.name.en} (observed)` },
    observed: true,
    publicHoliday: true,
  };
}

function bridgeName(workday: LocalDate): HolidayName {
  return {
    'zh-TW': `調整放假日(${workday} 補班)`,
    en: `Bridge day off (made up on ${workday})`,
  };
}

function tableOf(year: number): YearTable {
  checkYear(year);
  let table = cache.get(year);
  if (!table) {
    table = buildYear(year);
    cache.set(year, table);
  }
  return table;
}

/**
 * Every holiday and lunar festival of a year in Taiwan, by date: the days off (with their
 * substitute days and bridge days) and the festivals that are ordinary days (isDayOff false unless
 * they fall on a weekend). 2015–2050; throws a RangeError outside.
 */
export function holidaysOf(year: number): Holiday[] {
  const table = tableOf(year);
  const out: Holiday[] = [];
  for (const date of [...table.days.keys()].sort()) {
    const off = isDayOff(date);
    for (const e of table.days.get(date) ?? []) {
      out.push({
        date,
        kind: e.kind,
        name: e.name,
        isDayOff: off,
        publicHoliday: e.publicHoliday,
        observed: e.observed,
        ...(e.lunarDay === undefined ? {} : { lunarDay: e.lunarDay }),
      });
    }
  }
  return out;
}

/**
 * The Saturdays worked in a year in exchange for bridge days off (補班); none from 2026 on. (The
 * one of 2014, 2014-12-27 for 2015-01-02, is outside the range.)
 */
export function makeUpWorkdays(year: number): MakeUpWorkday[] {
  const table = tableOf(year);
  return [...table.makeUp.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, forDate]) => ({ date, forDate }));
}

/** Whether a date is a day off in Taiwan: a weekend that is not a make-up workday, or a holiday. */
export function isDayOff(date: LocalDate): boolean {
  const table = tableOf(parseLocalDate(date).year);
  if (table.dayOff.has(date)) return true;
  return isWeekend(date) && !table.makeUp.has(date);
}

export function isWorkday(date: LocalDate): boolean {
  return !isDayOff(date);
}

/**
 * The Lunar New Year break (春節連假): the run of consecutive days off that contains 初一,
 * weekends included (2026: 2026-02-14 … 2026-02-22).
 */
export function lunarNewYearBreak(year: number): { start: LocalDate; end: LocalDate } {
  checkYear(year);
  const first = lunarNewYear(year);
  let start = first;
  while (isDayOff(addDays(start, -1))) start = addDays(start, -1);
  let end = first;
  while (isDayOff(addDays(end, 1))) end = addDays(end, 1);
  return { start, end };
}

/** The holidays and festivals (as {@link holidaysOf}) whose date falls in a range, across years. */
export function holidaysIn(range: { start: LocalDate; end: LocalDate }): Holiday[] {
  if (range.end < range.start) return [];
  const out: Holiday[] = [];
  for (let year = parseLocalDate(range.start).year; year <= parseLocalDate(range.end).year; year++)
    for (const h of holidaysOf(year)) if (h.date >= range.start && h.date <= range.end) out.push(h);
  return out;
}

/** The workdays in a range (weekdays that are not holidays, plus the Saturdays worked). */
export function workdaysIn(range: { start: LocalDate; end: LocalDate }): number {
  let count = 0;
  for (let d = range.start; d <= range.end; d = addDays(d, 1)) if (!isDayOff(d)) count++;
  return count;
}
