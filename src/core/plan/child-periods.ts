/**
 * The child periods of a parent's date range at a grain: quarters (fiscal quarters when the fiscal
 * year does not start in January), months, ISO weeks, days; each clipped to the parent's range, the
 * cut ones at the edges marked partial.
 */
import { addDays, addMonths, type DateRange, daysBetween, parseLocalDate } from '../calendar/dates.ts';
import { type CalendarSettings, enumeratePeriods, fiscalYearOf } from '../calendar/periods.ts';
import type { ChildPeriod, SplitGrain } from './types.ts';

/** The fiscal quarter containing `date`: Q1 starts in the fiscal year's first month. */
export function fiscalQuarterOf(
  date: string,
  settings: CalendarSettings,
): { id: string; start: string; end: string } {
  const startMonth = settings.fiscalYearStartMonth;
  const fy = fiscalYearOf(date, settings);
  const d = parseLocalDate(date);
  const monthsIn = (d.year * 12 + d.month - 1 - (fy * 12 + startMonth - 1)) | 0;
  const q = Math.floor(monthsIn / 3) + 1;
  const fyStart = `${String(fy).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}-01`;
  const start = addMonths(fyStart, (q - 1) * 3);
  const end = addDays(addMonths(start, 3), -1);
  const id = startMonth === 1 ? `${fy}-Q${q}` : `FY${fy}-Q${q}`;
  return { id, start, end };
}

export function childPeriods(range: DateRange, grain: SplitGrain, settings: CalendarSettings): ChildPeriod[] {
  if (range.end < range.start) return [];
  const whole: { id: string; start: string; end: string }[] = [];
  if (grain === 'quarter') {
    let cursor = range.start;
    while (cursor <= range.end) {
      const q = fiscalQuarterOf(cursor, settings);
      whole.push(q);
      cursor = addDays(q.end, 1);
    }
  } else {
    for (const p of enumeratePeriods(range, grain, settings))
      whole.push({ id: p.id, start: p.start, end: p.end });
  }
  return whole.map((p) => {
    const start = p.start < range.start ? range.start : p.start;
    const end = p.end > range.end ? range.end : p.end;
    return {
      id: p.id,
      start,
      end,
      days: daysBetween(start, end),
      partial: start !== p.start || end !== p.end,
    };
  });
}
