/** Time zones a company can choose (Taiwan and Hong Kong first). */
export const TIME_ZONES = [
  'Asia/Taipei',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Asia/Tokyo',
  'UTC',
] as const;

export type TimeZone = (typeof TIME_ZONES)[number];

export function isTimeZone(value: string): value is TimeZone {
  return (TIME_ZONES as readonly string[]).includes(value);
}

/**
 * The day formatters, one per time zone asked: making an Intl.DateTimeFormat with a time zone costs
 * about 2 ms (the zone's rules are loaded), more than a KPI question's own work; formatting is cheap.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in a time zone, as 'YYYY-MM-DD' (a zone the runtime does not know: RangeError). */
export function todayIn(timeZone: string, now: Date): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (dayFormats.size < 64) dayFormats.set(timeZone, f);
  }
  return f.format(now);
}
