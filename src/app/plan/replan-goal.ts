/**
 * Re-planning a goal whose children are periods, as of `today`: `spread` closes each finished child
 * at its actual and shares the difference over the open ones (in proportion to their targets, so
 * the split's shape is kept; locked ones keep theirs); `keep` changes nothing and shows the run rate
 * now needed. Either way the choice is recorded on the parent's history with its reason, and every
 * changed child gets a revision with the same reason.
 */
import { daysBetween } from '../../core/calendar/dates.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { isAdditive } from '../../core/goals/metric-kinds.ts';
import type { GoalSpec } from '../../core/goals/types.ts';
import { type ChildState, periodState } from '../../core/plan/period-state.ts';
import { replan, replanRatio } from '../../core/plan/replan.ts';
import { needsSamePeriodBaseline } from '../../core/plan/stage-targets.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import { loadDataFreshness } from '../data/freshness.ts';
import type { AppContext } from '../ports.ts';
import { levelWeights } from './level-weights.ts';
import { fromPlanUnits, inGoalUnits, toPlanUnits } from './plan-data.ts';
import { readPlanActuals } from './plan-tree.ts';
import type { PlanGoal, TargetRevision } from './ports.ts';
import { gradedRevisions } from './regrade.ts';
import { loadForPlan, parentTarget } from './split-goal.ts';

export interface ReplanRequest {
  today?: string;
  mode: 'spread' | 'keep';
  reason: string;
  /** Preview: nothing is recorded. */
  dryRun?: boolean;
}

export interface ReplanChildView {
  id: string;
  periodId: string | null;
  period: { start: string; end: string };
  /** Closed with an actual: what the re-plan closes at its actual. */
  closed: boolean;
  /**
   * Where the period stands: a closed level without a value (no orders: no AOV) is 'closed-no-data',
   * neither reached nor missed, not re-targeted.
   */
  state: ChildState;
  locked: boolean;
  actual: number | null;
  target: number;
  newTarget: number;
}

export interface ReplanView {
  goalId: string;
  metric: GoalSpec['metric'];
  mode: 'spread' | 'keep';
  /** false: a ratio (AOV, conversion, …): levels, weighted by `weighting`, never summed. */
  additive: boolean;
  /** How the children's levels are weighted into the parent's value (ratios); 'sum' for additive. */
  weighting: 'sum' | 'last-year' | 'days';
  today: string;
  reason: string;
  total: number;
  actualToDate: number;
  /** Σ (actual − target) of the closed children: negative = short. */
  difference: number;
  remainingDays: number;
  /** Per day, goal units. */
  requiredRunRate: number | null;
  currentRunRate: number | null;
  /** Ratios: the one level the open periods now need, the level so far, and the parent's value after a spread. */
  requiredLevel: number | null;
  currentLevel: number | null;
  impliedAfter: number | null;
  children: ReplanChildView[];
  version: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function replanGoal(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  goalId: string,
  req: ReplanRequest,
): Promise<ReplanView> {
  await authorize(ctx, actor, companyId, req.dryRun ? 'goals.read' : 'goals.write');
  const l = await loadForPlan(ctx, companyId, goalId, req.today);
  const metric = l.goal.spec.metric;
  const kids = (await ctx.repos.plans.descendants(companyId, goalId)).filter(
    (d) => d.node?.parentGoalId === goalId,
  );
  if (kids.length === 0) throw new AppError('PLAN_NOT_SPLIT');
  // Customers (CLV, revenue per rep) of overlapping phases: no level of the rest follows from a gap.
  if (needsSamePeriodBaseline(metric)) throw new AppError('PLAN_COUNT_NOT_REPLANNED');
  await requireDataThroughClosed(ctx, companyId, l.today, kids);
  if (!isAdditive(metric)) return replanLevels(ctx, actor, companyId, l, kids, req);
  const total = await parentTarget(ctx, companyId, l);
  const settings = { companyId, currency: l.currency, settings: l.settings, today: l.today };
  const actuals = await readPlanActuals(ctx, settings, [l.goal, ...kids]);
  const units = (v: number) => toPlanUnits(metric, v, l.currency);
  const r = inGoalUnits(metric, l.currency, () =>
    replan({
      total: total.totalUnits ?? 0,
      periodStart: l.goal.spec.period.start,
      periodEnd: l.goal.spec.period.end,
      children: kids.map((k) => {
        const a = actuals.get(k.id);
        return {
          start: k.spec.period.start,
          end: k.spec.period.end,
          target: units(k.spec.target.value),
          locked: k.node?.locked ?? false,
          // Closed periods are covered by the data (requireDataThroughClosed) unless the company has no
          // sales at all: then it is taken at its word, and a closed period sold nothing.
          actual: periodState(k.spec.period, l.today) === 'closed' ? units(a ?? 0) : null,
        };
      }),
      today: l.today,
      actualToDate: units(actuals.get(l.goal.id) ?? 0),
      mode: req.mode,
    }),
  );
  const from = (u: number) => fromPlanUnits(metric, u, l.currency);
  const revisions = req.mode === 'spread' ? childRevisions(kids, (i) => from(r.targets[i] ?? 0)) : [];
  const summary = {
    mode: req.mode,
    today: l.today,
    difference: from(r.difference),
    requiredRunRate: r.requiredPerDay === null ? null : round2(from(r.requiredPerDay)),
  };
  revisions.push({
    goalId,
    spec: l.goal.spec,
    expectedVersion: l.goal.version,
    changes: { replan: { from: null, to: { ...summary, periods: periodChanges(kids, revisions) } } },
  });
  if (!req.dryRun) await saveReplan(ctx, actor, companyId, goalId, revisions, req.reason, summary);
  return {
    goalId,
    metric,
    mode: req.mode,
    additive: true,
    weighting: 'sum',
    requiredLevel: null,
    currentLevel: null,
    impliedAfter: null,
    today: l.today,
    reason: req.reason,
    total: from(total.totalUnits ?? 0),
    actualToDate: actuals.get(l.goal.id) ?? 0,
    difference: from(r.difference),
    remainingDays: r.remainingDays,
    requiredRunRate: summary.requiredRunRate,
    currentRunRate: r.currentPerDay === null ? null : round2(from(r.currentPerDay)),
    children: kids.map((k, i) => ({
      id: k.id,
      periodId: k.node?.periodId ?? null,
      period: k.spec.period,
      closed: r.closed.includes(i),
      state: periodState(k.spec.period, l.today),
      locked: k.node?.locked ?? false,
      actual: actuals.get(k.id) ?? null,
      target: k.spec.target.value,
      newTarget: from(r.targets[i] ?? 0),
    })),
    version: l.goal.version + (req.dryRun ? 0 : 1),
  };
}

/**
 * A ratio goal (AOV, conversion, retention, CAC, ROAS, market share): its children carry levels. The
 * parent's value is their levels weighted by their denominators — each closed child's own (this
 * year's orders for AOV, …), each open child's last year's for the same period; by days when last
 * year is unknown for any child (the view says which). `spread` closes the finished children at their
 * actual levels and moves the open, unlocked ones by one factor until that value is the target;
 * `keep` shows the one level the open periods now need. A finished child without a level (no orders:
 * no AOV) is closed with no data: kept as it is, of no weight, counted neither short nor ahead.
 */
async function replanLevels(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  l: Awaited<ReturnType<typeof loadForPlan>>,
  kids: readonly PlanGoal[],
  req: ReplanRequest,
): Promise<ReplanView> {
  const goalId = l.goal.id;
  const spec = l.goal.spec;
  const target = await parentTarget(ctx, companyId, l);
  const level = target.level ?? 0;
  const c = { companyId, currency: l.currency, settings: l.settings, today: l.today };
  // The view's actuals are each period's so far (the one in progress too, partial); the maths uses
  // the closed periods' final levels only.
  const [{ weighting, weights, actuals }, toDate] = await Promise.all([
    levelWeights(ctx, c, l.goal, kids),
    readPlanActuals(ctx, c, [l.goal, ...kids]),
  ]);
  const rows = kids.map((k, i) => ({
    start: k.spec.period.start,
    end: k.spec.period.end,
    target: k.spec.target.value,
    locked: k.node?.locked ?? false,
    actual: actuals[i] ?? null,
    weight: weights[i] ?? 0,
  }));
  const r = replanRatio({ level, children: rows, today: l.today, mode: req.mode });
  const round = (x: number) => Math.round(x * 100) / 100;
  const revisions = req.mode === 'spread' ? childRevisions(kids, (i) => round(r.targets[i] ?? 0)) : [];
  const difference =
    r.closedActual === null || r.closedTarget === null ? 0 : round(r.closedActual - r.closedTarget);
  const requiredLevel = r.requiredLevel === null ? null : round(r.requiredLevel);
  const summary = { mode: req.mode, today: l.today, difference, requiredLevel, weighting };
  revisions.push({
    goalId,
    spec,
    expectedVersion: l.goal.version,
    changes: { replan: { from: null, to: { ...summary, periods: periodChanges(kids, revisions) } } },
  });
  if (!req.dryRun) await saveReplan(ctx, actor, companyId, goalId, revisions, req.reason, summary);
  const currentLevel = toDate.get(goalId) ?? null;
  return {
    goalId,
    metric: spec.metric,
    mode: req.mode,
    additive: false,
    weighting,
    today: l.today,
    reason: req.reason,
    total: level,
    actualToDate: currentLevel ?? 0,
    difference,
    remainingDays: daysBetween(l.today > spec.period.start ? l.today : spec.period.start, spec.period.end),
    requiredRunRate: null,
    currentRunRate: null,
    requiredLevel,
    currentLevel,
    impliedAfter: r.impliedAfterSpread === null ? null : round(r.impliedAfterSpread),
    children: kids.map((k, i) => ({
      id: k.id,
      periodId: k.node?.periodId ?? null,
      period: k.spec.period,
      closed: r.closed.includes(i),
      state: r.noData.includes(i) ? 'closed-no-data' : periodState(k.spec.period, l.today),
      locked: k.node?.locked ?? false,
      actual: rows[i]?.actual ?? toDate.get(k.id) ?? null,
      target: k.spec.target.value,
      newTarget: round(r.targets[i] ?? 0),
    })),
    version: l.goal.version + (req.dryRun ? 0 : 1),
  };
}

/** The spread's new targets of the children whose target changes (`to(i)`: child i's new target). */
function childRevisions(kids: readonly PlanGoal[], to: (i: number) => number): TargetRevision[] {
  const out: TargetRevision[] = [];
  kids.forEach((k, i) => {
    const value = to(i);
    if (value !== k.spec.target.value)
      out.push({
        goalId: k.id,
        spec: { ...k.spec, target: { ...k.spec.target, value } },
        expectedVersion: k.version,
        changes: { target: { from: k.spec.target.value, to: value } },
      });
  });
  return out;
}

/**
 * Each re-targeted child's period and its old → new target, for the parent's history (the goal page
 * shows the re-plan as words, not as the children's ids).
 */
function periodChanges(
  kids: readonly PlanGoal[],
  revisions: readonly TargetRevision[],
): { start: string; end: string; from: number; to: number }[] {
  return revisions.flatMap((r) => {
    const k = kids.find((x) => x.id === r.goalId);
    return k
      ? [
          {
            start: k.spec.period.start,
            end: k.spec.period.end,
            from: k.spec.target.value,
            to: r.spec.target.value,
          },
        ]
      : [];
  });
}

/** Records a re-plan: the revisions (children's targets and the parent's re-plan note) and its audit entry. */
async function saveReplan(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  goalId: string,
  revisions: readonly TargetRevision[],
  reason: string,
  summary: Record<string, unknown> & { today: string },
): Promise<void> {
  const graded = await gradedRevisions(ctx, actor, companyId, revisions, summary.today);
  const at = nowIso(ctx);
  const ok = await ctx.repos.plans.revise(companyId, graded, new Map(), reason, actor.userId, at);
  if (!ok) throw new AppError('VERSION_CONFLICT');
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'plan.replanned',
      entity: 'goal',
      entityId: goalId,
      details: { ...summary, reason },
    },
    at,
  );
}

/**
 * Refuses to re-plan on sales data that stops before the closed periods end: their missing days
 * would be read as no sales and spread over the open periods (a company with no sales imported at
 * all is taken at its word: nothing sold).
 */
async function requireDataThroughClosed(
  ctx: AppContext,
  companyId: string,
  today: string,
  kids: readonly PlanGoal[],
): Promise<void> {
  const closedThrough = kids.reduce(
    (last, k) =>
      periodState(k.spec.period, today) === 'closed' && k.spec.period.end > last ? k.spec.period.end : last,
    '',
  );
  if (closedThrough === '') return;
  const fresh = await loadDataFreshness(ctx, companyId, today);
  // No sales imported at all: the closed periods' actuals are zero as the user says (a new shop).
  if (fresh.lastSaleDate === null) return;
  if (fresh.knownThrough === null || fresh.knownThrough < closedThrough)
    throw new AppError('PLAN_DATA_BEHIND', undefined, {
      lastSale: fresh.lastSaleDate ?? '—',
      closedThrough,
    });
}
