/** Calendar dates as day numbers (days since 1970-01-01), without Date: pure integer civil arithmetic. */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a civil date (proleptic Gregorian; Howard Hinnant's days_from_civil). */
export function toDayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Parses 'YYYY-MM-DD' to a day number; throws on a malformed or impossible date. */
export function parseDayNumber(date: string): number {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const n = toDayNumberFromParts(year, month, day);
  const back = splitDayNumber(n);
  if (back.month !== month || back.day !== day) throw new Error(`no such date: ${date}`);
  return n;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Civil date of a day number (civil_from_days). */
export function splitDayNumber(n: number): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM-DD' of a day number. */
export function formatDayNumber(n: number): string {
  const { year, month, day } = splitDayNumber(n);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function weekdayOf(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** 'MM-DD' of a day number, for yearly windows. */
export function monthDayOf(n: number): string {
  const { month, day } = splitDayNumber(n);
  return `${pad2(month)}-${pad2(day)}`;
}

export { pad2 };
