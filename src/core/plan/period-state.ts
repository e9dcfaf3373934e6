/**
 * Where a child period stands on `today` (actuals are read up to yesterday): closed (over: its actual
 * is final), in progress (begun before today, not over: its actual so far is partial, like a KPI
 * period the range cuts) or not started (nothing to read yet). One definition for re-planning, the
 * plan page's chart and the re-plan preview.
 *
 * A closed period of a level (a ratio: AOV = revenue ÷ orders, conversion, retention, …) whose
 * denominator was zero (a month over with no orders) has no value: it is closed with no data, not in
 * progress and not 0, and it is neither reached nor missed (`childState`, `periodResult`,
 * `tallyPeriods`: every roll-up of a plan's closed periods leaves it out and says so).
 */
import type { DateRange } from '../calendar/dates.ts';

export type PeriodState = 'closed' | 'in-progress' | 'not-started';

export function periodState(period: DateRange, today: string): PeriodState {
  if (period.end < today) return 'closed';
  if (period.start < today) return 'in-progress';
  return 'not-started';
}

/** A child's state with its actual: a closed level without a value is closed with no data. */
export const CHILD_STATES = ['closed', 'closed-no-data', 'in-progress', 'not-started'] as const;
export type ChildState = (typeof CHILD_STATES)[number];

/**
 * `actual`: the period's actual (goal units), null when it has none; `additive`: a sum (revenue,
 * orders, …), whose closed periods always have a total (a sum of nothing is 0), unlike a level.
 */
export function childState(
  period: DateRange,
  today: string,
  actual: number | null,
  additive: boolean,
): ChildState {
  const s = periodState(period, today);
  return s === 'closed' && !additive && actual === null ? 'closed-no-data' : s;
}

/** A closed period's result: its actual against its target, or no data (a level without a value). */
export type PeriodResult = 'reached' | 'missed' | 'no-data';

export interface PeriodOutcomeInput {
  period: DateRange;
  target: number;
  actual: number | null;
}

export interface MetricKind {
  additive: boolean;
  /** The target is a ceiling (CAC, churn): reached at or below it. */
  lowerIsBetter: boolean;
}

/**
 * Where a period stands on `today`, as the plan shows it: a closed one by its result (reached, missed,
 * or closed with no data: a level without a value, neither), an open one in progress or not started.
 * The one status of the plan's roll-ups (`periodResult`, `tallyPeriods`) and the plan export.
 */
export const PERIOD_STATUSES = ['reached', 'missed', 'closed-no-data', 'in-progress', 'not-started'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export function periodStatus(c: PeriodOutcomeInput, today: string, kind: MetricKind): PeriodStatus {
  const s = childState(c.period, today, c.actual, kind.additive);
  if (s !== 'closed') return s;
  const actual = c.actual ?? 0;
  const reached = kind.lowerIsBetter ? actual <= c.target : actual >= c.target;
  return reached ? 'reached' : 'missed';
}

/** A period's result on `today`: null while it is not over. */
export function periodResult(c: PeriodOutcomeInput, today: string, kind: MetricKind): PeriodResult | null {
  const s = periodStatus(c, today, kind);
  if (s === 'closed-no-data') return 'no-data';
  return s === 'reached' || s === 'missed' ? s : null;
}

/** How a plan's periods stand on a day: the closed ones by result (no data counted apart), the rest open. */
export interface PeriodTally {
  closed: number;
  reached: number;
  missed: number;
  /** Closed with no data: neither reached nor missed. */
  noData: number;
  /** In progress or not started. */
  open: number;
}

export function tallyPeriods(
  children: readonly PeriodOutcomeInput[],
  today: string,
  kind: MetricKind,
): PeriodTally {
  const t: PeriodTally = { closed: 0, reached: 0, missed: 0, noData: 0, open: 0 };
  for (const c of children) {
    const r = periodResult(c, today, kind);
    if (r === null) {
      t.open += 1;
      continue;
    }
    t.closed += 1;
    if (r === 'reached') t.reached += 1;
    else if (r === 'missed') t.missed += 1;
    else t.noData += 1;
  }
  return t;
}
