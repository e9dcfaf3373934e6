/**
 * Splitting a goal into phase goals: by period (quarter, month, ISO week, day; fiscal quarters) and
 * optionally by a dimension's members, with a method (equal by days, last year, seasonal learned
 * from the company's history with Taiwan's moving holidays, ramp). Previewed, or saved as child
 * goals (each a goal: target, owner, grade, history) replacing the goal's previous children.
 */
import {
  addDays,
  addMonths,
  type DateRange,
  daysBetween,
  maxDate,
  minDate,
} from '../../core/calendar/dates.ts';
import type { CalendarSettings } from '../../core/calendar/periods.ts';
import { todayIn } from '../../core/calendar/time-zones.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { USE_CASE_FIELD_MESSAGES } from '../../core/errors/field-messages.ts';
import { type DataFreshness, fairBaseline, rangeCoverage } from '../../core/goals/data-freshness.ts';
import { isAdditive, isPercentMetric } from '../../core/goals/metric-kinds.ts';
import {
  type ConversionBaseline,
  convertTarget,
  historyBaseline,
} from '../../core/goals/target-conversion.ts';
import type { GoalScope, GoalSpec, Lang } from '../../core/goals/types.ts';
import { dimensionName } from '../../core/kpi/dimension-names.ts';
import { KPI_GLOSSARY } from '../../core/kpi/glossary.ts';
import type { Dimension } from '../../core/kpi/types.ts';
import type { Currency } from '../../core/money/currency.ts';
import { childPeriods } from '../../core/plan/child-periods.ts';
import { taiwanHolidayYear } from '../../core/plan/holiday-windows.ts';
import { planNote } from '../../core/plan/messages.ts';
import { historyWindow, MEMBER_HISTORY_MONTHS, seasonalWindow } from '../../core/plan/seasonal.ts';
import { cellKey, countLevels, impliedLevel, type SplitResult, splitTarget } from '../../core/plan/split.ts';
import { goalDecimals, needsSamePeriodBaseline } from '../../core/plan/stage-targets.ts';
import {
  dimensionOf,
  type PlanNote,
  type SplitDimension,
  type SplitGrain,
  type SplitMethod,
  type SplitRecipe,
} from '../../core/plan/types.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import type { ProfileRecord } from '../company/ports.ts';
import { loadDataFreshness } from '../data/freshness.ts';
import { loadGoalHistory } from '../goals/goal-history.ts';
import { gradeGoalDrafts } from '../goals/goal-use-cases.ts';
import type { AppContext } from '../ports.ts';
import { newId } from '../security/secrets.ts';
import { batchedKpi } from './batched-kpi.ts';
import { levelWeightsOf } from './level-weights.ts';
import {
  fromPlanUnits,
  inGoalUnits,
  kpiToGoalUnits,
  lastYearRange,
  readMetric,
  toPlanUnits,
} from './plan-data.ts';
import type { NewPlanGoal, PlanGoal } from './ports.ts';

export interface SplitRequest {
  into: SplitGrain;
  by: SplitDimension | null;
  method: SplitMethod;
  rampPct: number | null;
  dryRun: boolean;
  /** Today in the company's time zone unless given. */
  today?: string;
  /**
   * manual: the children's targets the user gave (goal units), each with its lock. Every cell given:
   * saved as given (a gap to the parent is the view's `mismatch`, shown, never hidden); some given:
   * the others share the rest by days.
   */
  cells?: readonly ManualCell[];
}

export interface ManualCell {
  periodId: string;
  member: string | null;
  target: number;
  locked: boolean;
}

export interface SplitChildView {
  /** null on a preview. */
  id: string | null;
  period: DateRange;
  periodId: string;
  partial: boolean;
  scope: GoalScope;
  member: string | null;
  /** Goal units: currency units for money, percents as 25. */
  target: number;
  /** Of the parent's total (additive); null for ratios. */
  share: number | null;
  /**
   * Last year's actual of the same cell (goal units); when the data covers only part of last year's
   * period, a sum's days covered scaled to the whole period (`lastYearEstimated`); null when the data
   * covers none of it.
   */
  lastYear: number | null;
  /** lastYear is an estimate from part of the period (not an actual). */
  lastYearEstimated: boolean;
  locked: boolean;
}

export interface SplitView {
  goalId: string;
  method: SplitRecipe['method'];
  into: SplitGrain;
  by: SplitDimension | null;
  metric: GoalSpec['metric'];
  additive: boolean;
  /** The parent's total (additive) or level (ratio), goal units. */
  total: number;
  /** Additive: Σ children − total, goal units (non-zero only for a manual split that does not add up). */
  mismatch: number | null;
  /** Ratio: the level the children imply, weighted as the saved tree weighs them (level-weights.ts); null for sums and for counts over the whole period (customers…). */
  implied: number | null;
  children: SplitChildView[];
  notes: PlanNote[];
  /** The plan's curve by month against last year's actual (goal units), for the chart. */
  curve: { period: string; plan: number; lastYear: number | null }[];
  saved: boolean;
}

interface Loaded {
  goal: PlanGoal;
  profile: ProfileRecord;
  settings: CalendarSettings;
  currency: Currency;
  today: string;
}

export async function loadForPlan(
  ctx: AppContext,
  companyId: string,
  goalId: string,
  today?: string,
): Promise<Loaded> {
  const [goal, profile] = await Promise.all([
    ctx.repos.plans.goal(companyId, goalId),
    ctx.repos.profiles.get(companyId),
  ]);
  if (!profile) throw new AppError('COMPANY_NOT_FOUND');
  if (!goal) throw new AppError('GOAL_NOT_FOUND');
  return {
    goal,
    profile,
    settings: { fiscalYearStartMonth: profile.fiscalYearStartMonth },
    currency: profile.currency,
    today: today ?? todayIn(profile.timeZone, ctx.clock.now()),
  };
}

/** The goal's target over its whole period: a total in integer units (additive) or a level in goal units. */
export async function parentTarget(
  ctx: AppContext,
  companyId: string,
  l: Loaded,
  freshness?: DataFreshness,
): Promise<{ additive: boolean; totalUnits: number | null; level: number | null }> {
  const spec = l.goal.spec;
  const additive = isAdditive(spec.metric);
  // A change (+20 %, +NT$100,000) is applied to the baseline the grading applies it to (the goal's
  // history as the grading loads it: the same period last year when the data fairly covers it, else
  // the run rate over the days of the last 90 the data covers), through the one conversion.
  const baseline =
    spec.target.kind === 'absolute'
      ? { samePeriodLastYear: null, recentRunRate: null }
      : await gradingBaseline(ctx, companyId, l, freshness);
  const converted = convertTarget(spec.target, spec.period, baseline);
  if (converted.value === null) throw new AppError('PLAN_TARGET_UNKNOWN');
  if (additive)
    return { additive, totalUnits: toPlanUnits(spec.metric, converted.value, l.currency), level: null };
  // A level in goal units (percents as 25, not 0.25).
  const level = isPercentMetric(spec.metric)
    ? Math.round(converted.value * 100 * 1e6) / 1e6
    : converted.value;
  return { additive, totalUnits: null, level };
}

/**
 * The baseline the grading converts a change with (core/goals/achievability.ts `assessAchievability`);
 * `known`: the data's freshness when the caller has read it already.
 */
async function gradingBaseline(
  ctx: AppContext,
  companyId: string,
  l: Loaded,
  known?: DataFreshness,
): Promise<ConversionBaseline> {
  const spec = l.goal.spec;
  const freshness = known ?? (await loadDataFreshness(ctx, companyId, l.today));
  const { history } = await loadGoalHistory(ctx, companyId, l.profile, null, spec, l.today, 'en', {
    freshness,
    kpiFor: batchedKpi(ctx.repos.kpi, companyId, l.profile),
  });
  if (!history) return { samePeriodLastYear: null, recentRunRate: null };
  return historyBaseline(spec.metric, spec.period, history);
}

/**
 * A split by `dim` that cannot be made: the `by` field's problem named by its code (worded from the
 * field messages by the server and the CLI, by the web from its own), the reason with the metric's
 * and the dimension's names in both languages.
 */
function cannot(
  code: 'split_dimension_unreadable' | 'split_no_members',
  metric: GoalSpec['metric'],
  dim: Dimension,
): AppError {
  const reason = (lang: Lang) => {
    const m = KPI_GLOSSARY[metric].name[lang];
    const d = dimensionName(dim, lang);
    if (code === 'split_no_members')
      return lang === 'en'
        ? `there are no ${d.toLowerCase()} members in your data`
        : `資料中沒有任何「${d}」項目`;
    return lang === 'en' ? `${m} cannot be broken down by ${d.toLowerCase()}` : `${m}無法依「${d}」拆分`;
  };
  return new AppError('PLAN_CANNOT_SPLIT', [{ path: 'by', message: code }], {
    reason: reason('en'),
    reasonZh: reason('zh-TW'),
  });
}

/**
 * The members a split by `by` covers: the scope's own list, else those with sales in the year
 * `window` holds (the 12 months before the anchor, or up to the data's last known day when the data
 * ends sooner: core/plan/seasonal.ts historyWindow), with their sales in it as their weights.
 */
async function membersOf(
  ctx: AppContext,
  companyId: string,
  l: Loaded,
  dim: Dimension,
  window: DateRange,
): Promise<{ members: string[]; recent: number[] | null }> {
  const spec = l.goal.spec;
  const fixed = spec.scope[dim];
  const metric = isAdditive(spec.metric) ? spec.metric : 'revenue';
  const table = await readMetric(ctx.repos.kpi, companyId, l.settings, metric, spec.scope, dim, [window]);
  if (table === null) throw cannot('split_dimension_unreadable', spec.metric, dim);
  const recentOf = (m: string) => table.get(m)?.[0] ?? 0;
  if (fixed && fixed.length > 0) {
    const recent = fixed.map((m) => recentOf(m) ?? 0);
    return { members: [...fixed], recent };
  }
  const ranked = [...table.entries()]
    .filter(([k, v]) => k !== '\u0000' && (v[0] ?? 0) > 0)
    .sort((a, b) => (b[1][0] ?? 0) - (a[1][0] ?? 0) || (a[0] < b[0] ? -1 : 1));
  if (ranked.length > 0) return { members: ranked.map(([k]) => k), recent: ranked.map(([, v]) => v[0] ?? 0) };
  const names = await ctx.repos.kpi.dimensionMembers(companyId, dim);
  if (names.length === 0) throw cannot('split_no_members', spec.metric, dim);
  return { members: names, recent: null };
}

interface LastYearRead {
  cells: (number | null)[][];
  coverage: number[];
}

export interface ComputedSplit {
  loaded: Loaded;
  result: SplitResult;
  additive: boolean;
  totalUnits: number | null;
  level: number | null;
  dim: Dimension | null;
  /**
   * Every child cell's own last year over the days the data covers (period × member, the KPI's
   * units); null when the scope cannot be read.
   */
  lastYear: (number | null)[][] | null;
  /** Per child period, the share (0–1) of its last-year days the data covers. */
  lastYearCoverage: number[];
  /**
   * Last year's actual (the scope's total) of each child period — of each month for day and week
   * splits, except a sum split like last year, whose days (weeks) add up — for the chart.
   */
  lastYearPeriod: (number | null)[];
  lastYearStarts: string[];
  /** Last year by day (week) × member composed from the day shape and the month shares. */
  composed: boolean;
  /** A count over the whole period: the scope's target of each of `lastYearStarts`' periods (the chart's plan). */
  chartLevels: number[] | null;
  /**
   * Seasonal, or members weighted by their year: the data's last known day when the data ends before
   * the history the plan wants (the notes' {date}).
   */
  historyEnds: string | null;
}

/** Reads what the method needs and computes the split (no writes). */
export async function computeSplit(
  ctx: AppContext,
  companyId: string,
  goalId: string,
  req: SplitRequest,
  locks?: ReadonlyMap<string, number>,
): Promise<ComputedSplit> {
  const l = await loadForPlan(ctx, companyId, goalId, req.today);
  const spec = l.goal.spec;
  // What the data covers: from the first sale to the last known day (yesterday when current). Days
  // outside it have no data, which is not zero sales: last year is read over the covered days only.
  // Read once: the target's baseline (a change) reads it too.
  const fresh = await loadDataFreshness(ctx, companyId, l.today);
  const target = await parentTarget(ctx, companyId, l, fresh);
  const anchor = minDate(spec.period.start, l.today);
  const dim = req.by ? dimensionOf(req.by) : null;
  // The members' weights: their sales over the year up to the data's last known day (stale data: a
  // year the data covers, not the empty or partial months after it; said in a note).
  const memberWindow = dim ? historyWindow(anchor, fresh, MEMBER_HISTORY_MONTHS) : null;
  const m =
    dim && memberWindow
      ? await membersOf(
          ctx,
          companyId,
          l,
          dim,
          memberWindow.range ?? {
            start: addMonths(anchor, -MEMBER_HISTORY_MONTHS),
            end: addDays(anchor, -1),
          },
        )
      : null;
  const members = m?.members ?? null;

  // The plan's periods, for last year's actuals (also shown beside the plan).
  const periods = childPeriods(spec.period, req.into, l.settings);
  const yesterday = fresh.knownThrough ?? addDays(l.today, -1);
  const data = { firstSaleDate: fresh.firstSaleDate, knownThrough: yesterday };
  const additive = isAdditive(spec.metric);
  const byDay = req.into === 'day' || req.into === 'week';
  // The chart's line is by month. By day or week its months are read as months, except for a sum
  // split like last year, whose days (weeks) the split reads anyway and which add up to the months.
  const chartByMonth = byDay && !(req.method === 'last-year' && additive);
  const lyPeriods = chartByMonth ? childPeriods(spec.period, 'month', l.settings) : periods;
  // By day or week, a member's own last-year day is noise as a weight (a product not sold that day
  // would get nothing): a sum split like last year by a dimension weighs each cell by the scope's day
  // (week) shape × the member's share of last year's month instead.
  const composed = req.method === 'last-year' && additive && dim !== null && byDay;
  /**
   * Last year's value of each of `ps` (each `grain`'s own last-year dates) × member of `of` (one
   * member '' for the scope's total), over the days the data covers, in one read; a sum by a
   * dimension is 0 for a member that sold nothing, a level is unknown (null), never a sum of other
   * levels; a period the data does not cover at all is unknown (null). `coverage`: the share of each
   * period's last-year days the data covers.
   */
  const readLastYear = async (
    ps: readonly DateRange[],
    grain: SplitGrain,
    by: Dimension | null,
    of: readonly string[],
  ): Promise<LastYearRead | null> => {
    const full = ps.map((p) => lastYearRange(p, grain));
    const coverage = full.map((r) => {
      const c = rangeCoverage(r, data);
      return c.days > 0 ? c.coveredDays / c.days : 0;
    });
    const known = full
      .map((r, i) => ({
        i,
        r: { start: maxDate(r.start, data.firstSaleDate ?? r.start), end: minDate(r.end, yesterday) },
      }))
      .filter((x) => (coverage[x.i] ?? 0) > 0 && x.r.start <= x.r.end);
    const table = await readMetric(
      ctx.repos.kpi,
      companyId,
      l.settings,
      spec.metric,
      spec.scope,
      by,
      known.map((x) => x.r),
    );
    if (table === null) return null;
    const cells: (number | null)[][] = ps.map(() => of.map(() => null));
    known.forEach((x, k) => {
      of.forEach((mem, j) => {
        const v = table.get(mem)?.[k] ?? (by && additive ? 0 : null);
        const row = cells[x.i];
        if (row) row[j] = v;
      });
    });
    return { cells, coverage };
  };
  // Every child cell's own last year, whatever the grain, method and metric kind (the preview shows
  // it beside the target): one read by the split's members at the child's grain; a ratio's is the
  // member's own level, from its own numerator and denominator.
  const childLastYear = readLastYear(periods, req.into, dim, dim ? (members ?? ['']) : ['']);
  // The scope's own total by the chart's periods (a ratio's level is never the sum of its members'),
  // also the day (week) shape of a composed split: the same read when the cells are the scope's.
  const scopeLastYear =
    dim !== null || chartByMonth
      ? readLastYear(lyPeriods, chartByMonth ? 'month' : req.into, null, [''])
      : childLastYear;
  const [lyRead, lyScope] = await Promise.all([childLastYear, scopeLastYear]);
  const lastYear = lyRead?.cells ?? null;
  const lyTotal = lyScope?.cells ?? null;
  const lyWeights =
    composed && dim && members && lyTotal
      ? await composedLastYear(ctx, companyId, l, dim, members, periods, lyTotal, yesterday)
      : lastYear;
  const lastYearPeriod = (lyTotal ?? []).map((row) => row[0] ?? null);

  let history = null;
  // Seasonal: learned from the days the data covers only (stale data: up to its last known day, the
  // later days are not zero sales), said in a note.
  const window = req.method === 'seasonal' ? seasonalWindow(anchor, fresh) : null;
  if (window?.range) {
    const days: DateRange[] = [];
    for (let d = window.range.start; d <= window.range.end; d = addDays(d, 1))
      days.push({ start: d, end: d });
    const metric = isAdditive(spec.metric) ? spec.metric : 'revenue';
    const daily = await readMetric(ctx.repos.kpi, companyId, l.settings, metric, spec.scope, null, days);
    const values = daily?.get('') ?? [];
    history = { start: window.range.start, values: days.map((_, i) => values[i] ?? 0) };
  }

  // A count over the whole period (customers, CLV, revenue per rep) is neither summed nor carried:
  // each cell is its own last year moved by the parent's change over the parent's last year. The
  // parent's last year must be a fair baseline (the grading's rule); a child's is read where the
  // data holds its period whole (a part of a month undercounts its customers).
  let cellLevels: number[] | null = null;
  let chartLevels: number[] | null = null;
  if (!additive && needsSamePeriodBaseline(spec.metric) && target.level !== null) {
    const parentRange = lastYearRange(spec.period, req.into);
    const parentLy = fairBaseline(rangeCoverage(parentRange, data))
      ? await readLastYear([spec.period], req.into, null, [''])
      : null;
    // A member absent from a count's breakdown had none (a channel of walk-ins only: no customers).
    const none = dim && KPI_GLOSSARY[spec.metric].unit === 'count' ? 0 : null;
    cellLevels = countLevels(
      target.level,
      parentLy?.cells[0]?.[0] ?? null,
      periods.map((_, i) =>
        (lyRead?.cells[i] ?? [null]).map((v) => ((lyRead?.coverage[i] ?? 0) >= 1 ? (v ?? none) : null)),
      ),
      goalDecimals(spec.metric),
    );
    // The chart's periods of the scope (by a dimension, or months of a day or week split), moved the
    // same way; a split by period alone charts its children's own targets.
    chartLevels =
      cellLevels && (dim !== null || chartByMonth)
        ? countLevels(
            target.level,
            parentLy?.cells[0]?.[0] ?? null,
            lyPeriods.map((_, i) => [
              (lyScope?.coverage[i] ?? 0) >= 1 ? (lyScope?.cells[i]?.[0] ?? null) : null,
            ]),
            goalDecimals(spec.metric),
          )
        : null;
    const everyCellTyped =
      req.method === 'manual' && (req.cells?.length ?? 0) >= periods.length * (members?.length ?? 1);
    if (cellLevels === null && !everyCellTyped)
      throw new AppError('PLAN_CANNOT_SPLIT', [{ path: 'method', message: 'split_count_needs_history' }], {
        reason: USE_CASE_FIELD_MESSAGES.split_count_needs_history.en,
        reasonZh: USE_CASE_FIELD_MESSAGES.split_count_needs_history['zh-TW'],
      });
  }

  const manual =
    req.method === 'manual'
      ? new Map(
          (req.cells ?? []).map((c) => [
            cellKey(c.periodId, dim ? c.member : null),
            isAdditive(spec.metric) ? toPlanUnits(spec.metric, c.target, l.currency) : c.target,
          ]),
        )
      : undefined;
  const result = inGoalUnits(spec.metric, l.currency, () =>
    splitTarget({
      period: spec.period,
      into: req.into,
      members,
      method: req.method,
      rampPct: req.rampPct,
      settings: l.settings,
      total: target.totalUnits,
      level: target.level,
      cellLevels,
      lastYear: req.method === 'last-year' ? (lyWeights?.map((r) => r.map((v) => v ?? 0)) ?? null) : null,
      lastYearCoverage: lyRead?.coverage ?? null,
      history,
      historyEnds: window?.dataEnds ?? null,
      holidays: taiwanHolidayYear,
      memberHistory: m?.recent ?? null,
      memberHistoryEnds: m?.recent ? (memberWindow?.dataEnds ?? null) : null,
      ...(locks ? { locks } : {}),
      ...(manual ? { manual } : {}),
    }),
  );
  return {
    loaded: l,
    result,
    ...target,
    dim,
    lastYear,
    lastYearCoverage: lyRead?.coverage ?? periods.map(() => 0),
    lastYearPeriod,
    lastYearStarts: lyPeriods.map((p) => p.start),
    composed,
    chartLevels,
    // The seasonal history and the members' year end on the same day (the data's last known day).
    historyEnds: window?.dataEnds ?? memberWindow?.dataEnds ?? null,
  };
}

/** Day (week) × member weights: the scope's last-year total of the period × the member's share of its month. */
async function composedLastYear(
  ctx: AppContext,
  companyId: string,
  l: Loaded,
  dim: Dimension,
  members: readonly string[],
  periods: readonly { start: string }[],
  periodTotals: readonly (readonly (number | null)[])[],
  yesterday: string,
): Promise<number[][]> {
  const spec = l.goal.spec;
  const months = childPeriods(spec.period, 'month', l.settings);
  const known = months
    .map((p, i) => {
      const r = lastYearRange(p, 'month');
      return { i, r: { start: r.start, end: minDate(r.end, yesterday) } };
    })
    .filter((x) => x.r.start <= x.r.end);
  const table = await readMetric(
    ctx.repos.kpi,
    companyId,
    l.settings,
    spec.metric,
    spec.scope,
    dim,
    known.map((x) => x.r),
  );
  const byMonth = months.map(() => members.map(() => 0));
  known.forEach((x, k) => {
    members.forEach((mem, j) => {
      const row = byMonth[x.i];
      if (row) row[j] = Math.max(0, table?.get(mem)?.[k] ?? 0);
    });
  });
  const overall = members.map((_, j) => byMonth.reduce((a, row) => a + (row[j] ?? 0), 0));
  const share = (row: readonly number[]) => {
    const sum = row.reduce((a, v) => a + v, 0);
    const base = sum > 0 ? row : overall;
    const total = base.reduce((a, v) => a + v, 0);
    return base.map((v) => (total > 0 ? v / total : 1 / members.length));
  };
  const shares = byMonth.map(share);
  const monthIndex = new Map(months.map((m, i) => [m.start.slice(0, 7), i]));
  return periods.map((p, i) => {
    const t = periodTotals[i]?.[0] ?? 0;
    const s = shares[monthIndex.get(p.start.slice(0, 7)) ?? 0] ?? [];
    return members.map((_, j) => t * (s[j] ?? 0));
  });
}

function childSpec(
  parent: GoalSpec,
  name: string,
  period: DateRange,
  scope: GoalScope,
  value: number,
): GoalSpec {
  return {
    name,
    statement: '',
    metric: parent.metric,
    scope,
    target: { metric: parent.metric, kind: 'absolute', value, per: null },
    extraTargets: [],
    period,
    ownerUserId: parent.ownerUserId,
    objectiveId: parent.objectiveId,
    strategies: parent.strategies,
    notes: '',
  };
}

export async function splitGoal(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  goalId: string,
  req: SplitRequest,
  lang: Lang,
): Promise<SplitView> {
  await authorize(ctx, actor, companyId, req.dryRun ? 'goals.read' : 'goals.write');
  const c = await computeSplit(ctx, companyId, goalId, req);
  const { loaded: l, result } = c;
  const spec = l.goal.spec;
  const metric = spec.metric;
  const value = (units: number) => (c.additive ? fromPlanUnits(metric, units, l.currency) : units);
  const lockedCells = new Set(
    req.method === 'manual'
      ? (req.cells ?? []).filter((x) => x.locked).map((x) => cellKey(x.periodId, c.dim ? x.member : null))
      : [],
  );
  const children: SplitChildView[] = result.cells.map((cell, k) => {
    const pi = Math.floor(k / (result.cells.length / result.periods.length));
    const mi = k % (result.cells.length / result.periods.length);
    const raw = c.lastYear?.[pi]?.[mi] ?? null;
    const cov = c.lastYearCoverage[pi] ?? 0;
    // A period last year the data covers in part: a sum's days covered, at their pace over the whole.
    const estimated = raw !== null && cov > 0 && cov < 1;
    const ly = estimated && c.additive && raw !== null ? Math.round(raw / cov) : raw;
    return {
      id: null,
      period: { start: cell.period.start, end: cell.period.end },
      periodId: cell.period.id,
      partial: cell.period.partial,
      scope: cell.member !== null && c.dim ? { ...spec.scope, [c.dim]: [cell.member] } : { ...spec.scope },
      member: cell.member,
      target: value(cell.value),
      share: cell.share,
      lastYear: kpiToGoalUnits(metric, ly, l.currency),
      lastYearEstimated: estimated,
      locked: lockedCells.has(cell.key),
    };
  });
  const recipe: SplitRecipe = { into: req.into, by: req.by, method: req.method, rampPct: req.rampPct };
  if (!req.dryRun) {
    const at = nowIso(ctx);
    const specs = children.map((ch) =>
      childSpec(
        spec,
        `${spec.name} · ${ch.periodId}${ch.member === null ? '' : ` · ${ch.member}`}`,
        ch.period,
        ch.scope,
        ch.target,
      ),
    );
    // Every child graded like a goal of its own, in bulk: the children's KPI questions read together.
    const gradings = await gradeGoalDrafts(
      ctx,
      actor,
      companyId,
      specs,
      lang,
      (profile) => batchedKpi(ctx.repos.kpi, companyId, profile),
      l.today,
    );
    const goals: NewPlanGoal[] = [];
    for (const [i, ch] of children.entries()) {
      const cs = specs[i] as GoalSpec;
      const grading = gradings[i];
      const id = newId();
      ch.id = id;
      goals.push({
        id,
        spec: cs,
        score: grading?.score ?? null,
        grades: grading?.grades ?? null,
        node: {
          parentGoalId: goalId,
          position: i,
          locked: ch.locked,
          periodId: ch.periodId,
          dimension: c.dim,
          member: ch.member,
          split: null,
          stage: null,
          phase: null,
        },
      });
    }
    const reason =
      lang === 'en'
        ? `split into ${req.into}${req.by ? ` × ${req.by}` : ''} (${req.method})`
        : `拆解為${req.into}${req.by ? ` × ${req.by}` : ''}(${req.method})`;
    await ctx.repos.plans.replaceChildren(companyId, goalId, recipe, goals, reason, actor.userId, at);
    await ctx.repos.audit.append(
      {
        companyId,
        userId: actor.userId,
        action: 'plan.split',
        entity: 'goal',
        entityId: goalId,
        details: { ...recipe, children: goals.length },
      },
      at,
    );
  }
  // A ratio's implied level weighs the children as the saved tree does (level-weights.ts: by their
  // denominators, orders for AOV…); a count over the whole period implies none (its phases overlap).
  let implied: number | null = null;
  let weights: number[] | null = null;
  if (!c.additive && !needsSamePeriodBaseline(metric)) {
    weights = (
      await levelWeightsOf(
        ctx,
        { companyId, settings: l.settings, currency: l.currency, today: l.today },
        { metric, scope: spec.scope, into: req.into, dim: c.dim },
        children,
      )
    ).weights;
    implied = impliedLevel(
      children.map((ch) => ch.target),
      weights,
    );
  }
  // The chart: plan and last year by month. A month's plan of a sum adds its children; of a ratio
  // is the level its children imply (weighted as above, never the last member's level); of a count
  // over the period, the scope's own month moved by the goal's change (`chartLevels`).
  const byMonth = new Map<string, { plan: number; lastYear: number | null; levels: number[]; w: number[] }>();
  children.forEach((ch, k) => {
    const key = ch.period.start.slice(0, 7);
    const e = byMonth.get(key) ?? { plan: 0, lastYear: null, levels: [], w: [] };
    if (c.additive) e.plan += ch.target;
    else {
      e.levels.push(ch.target);
      e.w.push(weights?.[k] ?? daysBetween(ch.period.start, ch.period.end));
      e.plan = impliedLevel(e.levels, e.w) ?? ch.target;
    }
    byMonth.set(key, e);
  });
  c.chartLevels?.forEach((v, i) => {
    const e = byMonth.get(c.lastYearStarts[i]?.slice(0, 7) ?? '');
    if (e) e.plan = v;
  });
  c.lastYearStarts.forEach((start, i) => {
    const v = kpiToGoalUnits(metric, c.lastYearPeriod[i] ?? null, l.currency);
    const e = byMonth.get(start.slice(0, 7));
    if (e && v !== null) e.lastYear = c.additive ? (e.lastYear ?? 0) + v : v;
  });
  return {
    goalId,
    method: req.method,
    into: req.into,
    by: req.by,
    metric,
    additive: c.additive,
    total: c.additive ? fromPlanUnits(metric, c.totalUnits ?? 0, l.currency) : (c.level ?? 0),
    mismatch: result.mismatch === null ? null : fromPlanUnits(metric, result.mismatch, l.currency),
    implied,
    children,
    notes: [...result.notes, ...(c.composed && c.additive ? (['LAST_YEAR_DAY_SHAPE'] as const) : [])].map(
      (code) =>
        planNote(code, { date: c.historyEnds ?? '', members: namesListed(result.membersWithoutLastYear) }),
    ),
    curve: [...byMonth.entries()].map(([period, e]) => ({
      period,
      plan: Math.round(e.plan * 100) / 100,
      lastYear: e.lastYear === null ? null : Math.round(e.lastYear * 100) / 100,
    })),
    saved: !req.dryRun,
  };
}

/** Up to five names for a note (「拿鐵、美式 … (+3)」). */
function namesListed(names: readonly string[]): string {
  const shown = names.slice(0, 5).join('、');
  return names.length > 5 ? `${shown} … (+${names.length - 5})` : shown;
}
