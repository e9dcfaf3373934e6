/**
 * What planning reads from the company's data, through the KPI engine (no SQL of its own): a
 * metric over arbitrary non-overlapping date ranges, for a scope, optionally by a dimension; and
 * the conversions between a goal's units and the integer units a split distributes.
 */
import { addDays, addMonths, type DateRange, daysBetween } from '../../core/calendar/dates.ts';
import type { CalendarSettings } from '../../core/calendar/periods.ts';
import { AppError, isAppError } from '../../core/errors/app-error.ts';
import { isMoneyMetric, isPercentMetric } from '../../core/goals/metric-kinds.ts';
import type { GoalScope } from '../../core/goals/types.ts';
import { assembleSeries, type Bucket, keysOf } from '../../core/kpi/assemble.ts';
import type { Dimension, KpiMetric } from '../../core/kpi/types.ts';
import { validateKpiQuery } from '../../core/kpi/validate-query.ts';
import { type Currency, fromMinorUnits, toMinorUnits } from '../../core/money/currency.ts';
import type { SplitGrain } from '../../core/plan/types.ts';
import { loadKpiFacts } from '../kpi/compute-kpi.ts';
import { kpiCacheOf } from '../kpi/kpi-cache.ts';
import type { KpiRepository } from '../kpi/ports.ts';

/** Per member key ('' without a breakdown), one value per range: minor units for money, ratios as 0.25. */
export type MetricTable = Map<string, (number | null)[]>;

/** The values, and for ratios their denominators (orders for AOV, visits for conversion, …). */
export interface MetricParts {
  values: MetricTable;
  denominators: MetricTable;
}

export function scopeWhere(scope: GoalScope): Record<string, string[]> {
  const where: Record<string, string[]> = {};
  for (const [dim, names] of Object.entries(scope)) if (names && names.length > 0) where[dim] = names;
  return where;
}

/** Last year's dates of a child period: 364 days back (same weekdays) at day and week grain, 12 months above. */
export function lastYearRange(p: DateRange, into: SplitGrain): DateRange {
  if (into === 'day' || into === 'week') return { start: addDays(p.start, -364), end: addDays(p.end, -364) };
  return { start: addMonths(p.start, -12), end: addMonths(p.end, -12) };
}

/** Whether the metric can be read for this scope (and breakdown): the KPI engine's own check. */
export function canRead(metric: KpiMetric, scope: GoalScope, by: Dimension | null): boolean {
  return validateKpiQuery({
    metric,
    from: '2000-01-01',
    to: '2000-01-02',
    grain: 'total',
    by,
    where: scopeWhere(scope),
  }).ok;
}

/**
 * The metric over each range (sorted, non-overlapping). Null when the metric cannot be read for the
 * scope or breakdown (e.g. leads by product).
 */
export async function readMetric(
  repo: KpiRepository,
  companyId: string,
  settings: CalendarSettings,
  metric: KpiMetric,
  scope: GoalScope,
  by: Dimension | null,
  ranges: readonly DateRange[],
): Promise<MetricTable | null> {
  return (await readMetricParts(repo, companyId, settings, metric, scope, by, ranges))?.values ?? null;
}

/** readMetric with each value's denominator (ratios; absent for sums and counts). */
export async function readMetricParts(
  repo: KpiRepository,
  companyId: string,
  settings: CalendarSettings,
  metric: KpiMetric,
  scope: GoalScope,
  by: Dimension | null,
  ranges: readonly DateRange[],
): Promise<MetricParts | null> {
  // Through the KPI results cache, under the company's data version (bumped with every import, undo,
  // rename and merge): a plan opened again, or a preview repeated, reads nothing; never stale.
  const version = await repo.dataVersion(companyId);
  const question = JSON.stringify([
    'plan.readMetric',
    metric,
    scope,
    by,
    ranges,
    settings.fiscalYearStartMonth,
  ]);
  return kpiCacheOf<MetricParts | null>(repo).get(companyId, version, question, () =>
    readUncached(repo, companyId, settings, metric, scope, by, ranges),
  );
}

async function readUncached(
  repo: KpiRepository,
  companyId: string,
  settings: CalendarSettings,
  metric: KpiMetric,
  scope: GoalScope,
  by: Dimension | null,
  ranges: readonly DateRange[],
): Promise<MetricParts | null> {
  // The KPI engine maps each row to its bucket through a CASE over the buckets: many small buckets
  // (days) are read in chunks of ten, each over its own short span of the index; months and longer
  // come from the monthly roll-up, where one read of up to five years costs less than two.
  const size = ranges.every((r) => daysBetween(r.start, r.end) >= 28) ? LONG_CHUNK : CHUNK;
  if (ranges.length <= size) return readChunk(repo, companyId, settings, metric, scope, by, ranges);
  const out: MetricParts = { values: new Map(), denominators: new Map() };
  // The chunks are read concurrently (the read pool's threads share them).
  const starts: number[] = [];
  for (let i = 0; i < ranges.length; i += size) starts.push(i);
  const parts = await Promise.all(
    starts.map((i) => readChunk(repo, companyId, settings, metric, scope, by, ranges.slice(i, i + size))),
  );
  for (const [n, i] of starts.entries()) {
    const part = parts[n] ?? null;
    if (part === null) return null;
    for (const which of ['values', 'denominators'] as const)
      for (const [key, values] of part[which]) {
        let row = out[which].get(key);
        if (!row) {
          row = new Array<number | null>(ranges.length).fill(null);
          out[which].set(key, row);
        }
        values.forEach((v, j) => {
          if (row) row[i + j] = v;
        });
      }
  }
  return out;
}

const CHUNK = 10;
const LONG_CHUNK = 60;

async function readChunk(
  repo: KpiRepository,
  companyId: string,
  settings: CalendarSettings,
  metric: KpiMetric,
  scope: GoalScope,
  by: Dimension | null,
  ranges: readonly DateRange[],
): Promise<MetricParts | null> {
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last) return { values: new Map(), denominators: new Map() };
  const checked = validateKpiQuery({
    metric,
    from: first.start,
    to: last.end,
    grain: 'total',
    by,
    where: scopeWhere(scope),
  });
  if (!checked.ok) return null;
  const buckets: Bucket[] = ranges.map((r, i) => ({
    period: { grain: 'total', id: String(i), label: String(i), start: r.start, end: r.end },
    range: { start: r.start, end: r.end },
  }));
  const query = checked.query;
  const facts = await loadKpiFacts(
    repo,
    query,
    { companyId, by, where: query.where ?? {} },
    buckets,
    settings,
  );
  const keys = by ? keysOf(facts) : null;
  const points = assembleSeries(metric, buckets, facts, keys);
  const table: MetricTable = new Map();
  const denominators: MetricTable = new Map();
  const rowOf = (t: MetricTable, key: string) => {
    let row = t.get(key);
    if (!row) {
      row = new Array<number | null>(ranges.length).fill(null);
      t.set(key, row);
    }
    return row;
  };
  for (const p of points) {
    const key = by ? (p.key ?? '\u0000') : '';
    rowOf(table, key)[Number(p.period)] = p.value;
    if (p.denominator !== undefined) rowOf(denominators, key)[Number(p.period)] = p.denominator;
  }
  return { values: table, denominators };
}

/** A goal-unit value (money in currency units, percents as 25) as the integer units a split distributes. */
export function toPlanUnits(metric: KpiMetric, value: number, currency: Currency): number {
  return isMoneyMetric(metric) ? toMinorUnits(value, currency) : Math.round(value);
}

export function fromPlanUnits(metric: KpiMetric, units: number, currency: Currency): number {
  return isMoneyMetric(metric) ? fromMinorUnits(units, currency) : units;
}

/**
 * Runs a split's distribution (integer units); a refusal of locks above the target
 * (core/plan/allocate.ts: PLAN_LOCKS_EXCEED_TARGET, its amounts in integer units) is sent on with
 * its amounts, the message's and the field's, in the goal's units (NT$1,500.50, not 150050).
 */
export function inGoalUnits<T>(metric: KpiMetric, currency: Currency, distribute: () => T): T {
  try {
    return distribute();
  } catch (e) {
    if (!isAppError(e) || e.code !== 'PLAN_LOCKS_EXCEED_TARGET') throw e;
    const amounts = (params: Readonly<Record<string, string | number>>) =>
      Object.fromEntries(
        Object.entries(params).map(([k, v]) => [
          k,
          typeof v === 'number' ? fromPlanUnits(metric, v, currency) : v,
        ]),
      );
    throw new AppError(
      e.code,
      e.fieldErrors?.map((f) => (f.params ? { ...f, params: amounts(f.params) } : f)),
      e.params && amounts(e.params),
    );
  }
}

/** A KPI value (minor units, ratios as 0.25) in the goal's units (currency units, percents as 25). */
export function kpiToGoalUnits(metric: KpiMetric, value: number | null, currency: Currency): number | null {
  if (value === null) return null;
  if (isMoneyMetric(metric)) return fromMinorUnits(value, currency);
  if (isPercentMetric(metric)) return Math.round(value * 100 * 1e6) / 1e6;
  return value;
}

/**
 * The distinct ranges, in layers of ranges that do not overlap (by start date, the longer first at a
 * tie), so that each layer can be read as the buckets of one KPI question.
 */
export function rangeLayers(ranges: readonly DateRange[]): DateRange[][] {
  const distinct = [...new Map(ranges.map((r) => [`${r.start}|${r.end}`, r])).values()].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.end > b.end ? -1 : 1,
  );
  const layers: DateRange[][] = [];
  for (const r of distinct) {
    const layer = layers.find((l) => (l[l.length - 1]?.end ?? '') < r.start);
    if (layer) layer.push(r);
    else layers.push([r]);
  }
  return layers;
}
