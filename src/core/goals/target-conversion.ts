/**
 * Turns a target as written (a rate, a change, a level) into one number comparable with the
 * forecast of the goal's period: a total over the period for additive metrics (revenue, orders, …),
 * a level for the others (AOV, rates), in the metric's units (ratios as fractions: 25 % → 0.25).
 *
 * The one rate ⇄ period-total conversion of Pacer (`rateToPeriodTotal`, `periodTotalToRate`): the
 * server's grading and the web form both call it, so they show the same totals for the same goal.
 */
import { daysBetween, isLocalDate, monthShares } from '../calendar/periods.ts';
import type { KpiMetric } from '../kpi/types.ts';
import { isAdditive, isPercentMetric } from './metric-kinds.ts';
import type { GoalHistory, GoalPeriod, GoalTarget, RatePer } from './types.ts';

export { type MonthShare, monthShares } from '../calendar/periods.ts';

/** How many `per` units the period holds (calendar months counted by their share of days). */
export function ratesInPeriod(per: RatePer, period: GoalPeriod): number {
  const days = daysBetween(period.start, period.end);
  const months = monthShares(period).reduce((s, m) => s + m.fraction, 0);
  switch (per) {
    case 'day':
      return days;
    case 'week':
      return days / 7;
    case 'month':
      return months;
    case 'quarter':
      return months / 3;
    case 'year':
      return months / 12;
  }
}

/**
 * A rate of an additive metric (1500 a day) as its total over the period (calendar months counted
 * by their share of days: February 2026 whole is one month, not 28 / 30.44). `per` null: already a
 * total. Only additive metrics have totals: a level (AOV, a rate) is never converted, see
 * `targetShape`.
 */
export function rateToPeriodTotal(value: number, per: RatePer | null, period: GoalPeriod): number {
  return per ? value * ratesInPeriod(per, period) : value;
}

/** The reverse of `rateToPeriodTotal`: a period total as so much per day / week / month / … */
export function periodTotalToRate(total: number, per: RatePer | null, period: GoalPeriod): number {
  if (!per) return total;
  const units = ratesInPeriod(per, period);
  return units > 0 ? total / units : total;
}

/** How a target of this metric reads over a period: a total (sum of its days) or a level (never summed). */
export function targetShape(metric: GoalTarget['metric']): 'total' | 'level' {
  return isAdditive(metric) ? 'total' : 'level';
}

export interface ConversionBaseline {
  /** The metric over the same period last year (total or level). */
  samePeriodLastYear: number | null;
  /** The recent run rate projected onto the period (total or level). */
  recentRunRate: number | null;
}

export interface ConvertedTarget {
  /** The target as a period total (additive) or level, in the metric's units; null when a change has no baseline. */
  value: number | null;
  /** What a change was applied to. */
  basis: 'none' | 'same_period_last_year' | 'recent_run_rate' | null;
  /** The baseline used for a change (or for the uplift of an absolute target). */
  baseline: number | null;
}

/** The baseline a change is measured from: the same period last year (seasonally fair), else the run rate. */
/**
 * The baseline a goal's change is converted with, from its history: last year's same period as read
 * (null where the data does not fairly cover it) and the recent run rate over the period (a sum: the
 * daily rate × the period's days; a level as it is). The grading and the split both call it.
 */
export function historyBaseline(
  metric: KpiMetric,
  period: GoalPeriod,
  history: Pick<GoalHistory, 'samePeriodLastYear' | 'recentDaily'>,
): ConversionBaseline {
  const daily = history.recentDaily;
  return {
    samePeriodLastYear: history.samePeriodLastYear,
    recentRunRate: daily === null ? null : isAdditive(metric) ? daily * periodDays(period) : daily,
  };
}

export function changeBaseline(b: ConversionBaseline): {
  value: number | null;
  basis: ConvertedTarget['basis'];
} {
  if (b.samePeriodLastYear !== null && b.samePeriodLastYear > 0)
    return { value: b.samePeriodLastYear, basis: 'same_period_last_year' };
  if (b.recentRunRate !== null && b.recentRunRate > 0)
    return { value: b.recentRunRate, basis: 'recent_run_rate' };
  return { value: null, basis: null };
}

export function convertTarget(
  target: GoalTarget,
  period: GoalPeriod,
  baseline: ConversionBaseline,
): ConvertedTarget {
  const additive = isAdditive(target.metric);
  const unit = isPercentMetric(target.metric) ? 0.01 : 1;
  const base = changeBaseline(baseline);
  if (target.kind === 'absolute') {
    const value = additive ? rateToPeriodTotal(target.value, target.per, period) : target.value * unit;
    return { value, basis: 'none', baseline: base.value };
  }
  if (base.value === null) return { value: null, basis: null, baseline: null };
  if (target.kind === 'percent_change')
    return { value: base.value * (1 + target.value / 100), basis: base.basis, baseline: base.value };
  const delta = additive ? rateToPeriodTotal(target.value, target.per, period) : target.value * unit;
  return { value: base.value + delta, basis: base.basis, baseline: base.value };
}

/** Days of a period (inclusive). */
export function periodDays(period: GoalPeriod): number {
  return daysBetween(period.start, period.end);
}

export function isValidPeriod(period: GoalPeriod): boolean {
  return isLocalDate(period.start) && isLocalDate(period.end) && period.start <= period.end;
}

/** A number of months as findings and pages say it: whole, or to one decimal (45 days of 30: 1.5). */
export const monthsText = (months: number): string => String(Math.round(months * 10) / 10);
