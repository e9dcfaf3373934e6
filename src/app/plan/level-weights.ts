/**
 * How a ratio goal's children (levels: AOV, conversion, …) make the parent's value: each child's
 * level weighted by its denominator (orders for AOV, visits for conversion, …) — a closed child's
 * own, an open child's last year's for the same period — or by days when last year's is unknown for
 * any child. A closed child without a value (a month with no orders has no AOV) weighs nothing. One
 * definition for the tree's implied value and for re-planning.
 */
import { type DateRange, daysBetween } from '../../core/calendar/dates.ts';
import type { CalendarSettings } from '../../core/calendar/periods.ts';
import type { GoalScope } from '../../core/goals/types.ts';
import type { Dimension, KpiMetric } from '../../core/kpi/types.ts';
import type { Currency } from '../../core/money/currency.ts';
import { childState, periodState } from '../../core/plan/period-state.ts';
import type { SplitGrain } from '../../core/plan/types.ts';
import type { AppContext } from '../ports.ts';
import { kpiToGoalUnits, lastYearRange, type MetricParts, readMetricParts } from './plan-data.ts';
import type { PlanGoal } from './ports.ts';

export type LevelWeighting = 'last-year' | 'days';

export interface LevelWeights {
  weighting: LevelWeighting;
  /** Per child, in the children's order. */
  weights: number[];
  /** Per child: its actual level (goal units) when its period is over, else null. */
  actuals: (number | null)[];
}

/** A ratio parent as its weights need it: the metric, scope and grain of its split, and its dimension. */
export interface LevelParent {
  metric: KpiMetric;
  scope: GoalScope;
  into: SplitGrain;
  dim: Dimension | null;
}

/** A child as its weight needs it: its period, and its member when split by a dimension. */
export interface LevelChild {
  period: DateRange;
  member: string | null;
}

export async function levelWeights(
  ctx: AppContext,
  c: { companyId: string; settings: CalendarSettings; currency: Currency; today: string },
  parent: PlanGoal,
  kids: readonly PlanGoal[],
): Promise<LevelWeights> {
  const dim = (kids.find((k) => k.node?.dimension)?.node?.dimension ?? null) as Dimension | null;
  return levelWeightsOf(
    ctx,
    c,
    { metric: parent.spec.metric, scope: parent.spec.scope, into: parent.node?.split?.into ?? 'month', dim },
    kids.map((k) => ({ period: k.spec.period, member: k.node?.member ?? null })),
  );
}

/** levelWeights of children not saved yet (a split's preview): the same weights the saved tree gets. */
export async function levelWeightsOf(
  ctx: AppContext,
  c: { companyId: string; settings: CalendarSettings; currency: Currency; today: string },
  parent: LevelParent,
  kids: readonly LevelChild[],
): Promise<LevelWeights> {
  const { metric, dim, into } = parent;
  const memberOf = (k: LevelChild) => (dim ? (k.member ?? '\u0000') : '');
  const scope: GoalScope = dim
    ? { ...parent.scope, [dim]: [...new Set(kids.map((k) => k.member ?? ''))] }
    : parent.scope;
  const key = (p: DateRange) => `${p.start}|${p.end}`;
  const periods = [...new Map(kids.map((k) => [key(k.period), k.period])).values()].sort((a, b) =>
    a.start < b.start ? -1 : 1,
  );
  const index = new Map(periods.map((p, i) => [key(p), i]));
  const closed = periods.filter((p) => periodState(p, c.today) === 'closed');
  const closedIndex = new Map(closed.map((p, i) => [key(p), i]));
  const read = (ranges: DateRange[]) =>
    readMetricParts(ctx.repos.kpi, c.companyId, c.settings, metric, scope, dim, ranges);
  const [now, ly] = await Promise.all([read(closed), read(periods.map((p) => lastYearRange(p, into)))]);
  const cell = (t: MetricParts | null, which: keyof MetricParts, k: LevelChild, i: number | undefined) =>
    i === undefined ? null : (t?.[which].get(memberOf(k))?.[i] ?? null);
  const lyWeight = (k: LevelChild) => cell(ly, 'denominators', k, index.get(key(k.period)));
  const actuals = kids.map((k) =>
    kpiToGoalUnits(metric, cell(now, 'values', k, closedIndex.get(key(k.period))), c.currency),
  );
  // Closed with no value (no orders for AOV): its denominator was zero, so it weighs nothing.
  const noData = kids.map(
    (k, i) => childState(k.period, c.today, actuals[i] ?? null, false) === 'closed-no-data',
  );
  const weighting: LevelWeighting = kids.every((k, i) => noData[i] || (lyWeight(k) ?? 0) > 0)
    ? 'last-year'
    : 'days';
  const weights = kids.map((k, i) => {
    if (noData[i]) return 0;
    if (weighting === 'days') return daysBetween(k.period.start, k.period.end);
    const own = cell(now, 'denominators', k, closedIndex.get(key(k.period)));
    return own !== null && own > 0 ? own : (lyWeight(k) ?? 0);
  });
  return { weighting, weights, actuals };
}
