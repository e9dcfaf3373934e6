/**
 * Where a child period stands on `today` (actuals are read up to yesterday): closed (over: its actual
 * is final), in progress (begun before today, not over: its actual so far is partial, like a KPI
 * period the range cuts) or not started (nothing to read yet). One definition for re-planning, the
 * plan page's chart and the re-plan preview.
 */
import type { DateRange } from '../calendar/dates.ts';

export type PeriodState = 'closed' | 'in-progress' | 'not-started';

export function periodState(period: DateRange, today: string): PeriodState {
  if (period.end < today) return 'closed';
  if (period.start < today) return 'in-progress';
  return 'not-started';
}
