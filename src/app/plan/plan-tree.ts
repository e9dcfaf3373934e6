/**
 * Reading a goal's plan tree with actuals (one KPI read per group of nodes sharing a metric, scope
 * and breakdown, per layer of non-overlapping periods), and editing it: a child's target changed or
 * locked re-balances its unlocked siblings so that additive children still sum to the parent.
 */
import { addDays, type DateRange, daysBetween, minDate } from '../../core/calendar/dates.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { isAdditive } from '../../core/goals/metric-kinds.ts';
import { rateToPeriodTotal } from '../../core/goals/target-conversion.ts';
import type { GoalScope, Grades } from '../../core/goals/types.ts';
import { type Dimension, readsSalesLines } from '../../core/kpi/types.ts';
import { additiveMismatch, impliedLevel, rebalance } from '../../core/plan/split.ts';
import { needsSamePeriodBaseline } from '../../core/plan/stage-targets.ts';
import type { SplitRecipe } from '../../core/plan/types.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import type { AppContext } from '../ports.ts';
import type { AuditAction } from '../team/ports.ts';
import { type LevelWeighting, type LevelWeights, levelWeights } from './level-weights.ts';
import {
  fromPlanUnits,
  inGoalUnits,
  kpiToGoalUnits,
  rangeLayers,
  readMetric,
  toPlanUnits,
} from './plan-data.ts';
import type { PlanGoal, TargetRevision } from './ports.ts';
import { gradedRevisions } from './regrade.ts';
import { loadForPlan, parentTarget } from './split-goal.ts';

export interface PlanNodeView {
  id: string;
  name: string;
  metric: string;
  period: DateRange;
  scope: GoalScope;
  /** Goal units over the node's period: a total (additive) or a level. */
  target: number;
  status: string;
  version: number;
  score: number | null;
  grades: Grades | null;
  periodId: string | null;
  dimension: string | null;
  member: string | null;
  locked: boolean;
  split: SplitRecipe | null;
  /** The actual so far (up to yesterday), goal units; null before the period starts or when unreadable. */
  actual: number | null;
  /** Of the parent's target (additive children). */
  share: number | null;
  /** Additive: what the children add up to and the gap to the target (0: consistent); null without children. */
  childrenTotal: number | null;
  mismatch: number | null;
  /** Ratio: the level the children imply, their levels weighted as `impliedWeighting` says. */
  implied: number | null;
  /** 'last-year': by each child's denominator (a closed child's own, last year's for the others); 'days'. */
  impliedWeighting: LevelWeighting | null;
  /**
   * A ratio's child: its weight in its parent's implied level (as `impliedWeighting` says: its
   * denominator, or its days); null for sums, counts over the period and the root.
   */
  weight: number | null;
  children: PlanNodeView[];
}

export interface PlanTreeView {
  goal: Omit<PlanNodeView, 'children'>;
  children: PlanNodeView[];
  today: string;
  nodes: number;
}

interface Ctx {
  companyId: string;
  currency: Parameters<typeof fromPlanUnits>[2];
  settings: { fiscalYearStartMonth: number };
  today: string;
}

interface ActualsGroup {
  metric: PlanGoal['spec']['metric'];
  scope: GoalScope;
  dim: Dimension | null;
  items: { id: string; member: string; range: DateRange }[];
}

/** Actuals of many goals: grouped by metric, scope outside the split dimension and that dimension. */
async function actualsOf(
  app: AppContext,
  c: Ctx,
  goals: readonly PlanGoal[],
): Promise<Map<string, number | null>> {
  const yesterday = addDays(c.today, -1);
  // A period that starts after the last day with sales has no actual yet (unknown, not 0): the data
  // has not been imported, whatever the business sold.
  const lastSale = goals.some((g) => readsSalesLines(g.spec.metric))
    ? (await app.repos.kpi.salesDateRange(c.companyId)).last
    : null;
  const groups = new Map<string, ActualsGroup>();
  for (const g of goals) {
    const s = g.spec;
    if (s.period.start > yesterday) continue;
    if (readsSalesLines(s.metric) && (lastSale === null || s.period.start > lastSale)) continue;
    const range = { start: s.period.start, end: minDate(s.period.end, yesterday) };
    const dim = (g.node?.dimension ?? null) as Dimension | null;
    const members = dim ? s.scope[dim] : undefined;
    const single = dim !== null && members?.length === 1;
    const scope: GoalScope = { ...s.scope };
    if (single && dim) delete scope[dim];
    const key = JSON.stringify([s.metric, single ? dim : null, Object.entries(scope).sort()]);
    let group = groups.get(key);
    if (!group) {
      group = { metric: s.metric, scope, dim: single ? dim : null, items: [] };
      groups.set(key, group);
    }
    group.items.push({ id: g.id, member: single && members ? (members[0] ?? '') : '', range });
  }
  const out = new Map<string, number | null>();
  // The groups are read concurrently (the read pool has two threads on SQLite).
  const readGroup = async (group: typeof groups extends Map<string, infer G> ? G : never) => {
    // Layers of non-overlapping ranges: one read each.
    const layers = rangeLayers(group.items.map((i) => i.range));
    const where = new Map<string, (number | null) | undefined>();
    // By a dimension: only the group's members are read (a member's value is its own rows).
    const scope: GoalScope = group.dim
      ? { ...group.scope, [group.dim]: [...new Set(group.items.map((i) => i.member))] }
      : group.scope;
    const tables = await Promise.all(
      layers.map((layer) =>
        readMetric(app.repos.kpi, c.companyId, c.settings, group.metric, scope, group.dim, layer),
      ),
    );
    const additive = isAdditive(group.metric);
    layers.forEach((layer, li) => {
      const table = tables[li] ?? null;
      layer.forEach((r, i) => {
        for (const item of group.items) {
          if (item.range.start !== r.start || item.range.end !== r.end) continue;
          if (table === null) {
            where.set(item.id, null);
            continue;
          }
          const v = table.get(item.member)?.[i];
          where.set(item.id, v === undefined || v === null ? (additive ? 0 : null) : v);
        }
      });
    });
    for (const item of group.items)
      out.set(item.id, kpiToGoalUnits(group.metric, where.get(item.id) ?? null, c.currency));
  };
  await Promise.all([...groups.values()].map(readGroup));
  return out;
}

/** A node's target over its period in goal units (rates and changes converted for the root). */
function nodeTarget(g: PlanGoal): number {
  const t = g.spec.target;
  return t.kind === 'absolute' && isAdditive(t.metric)
    ? rateToPeriodTotal(t.value, t.per, g.spec.period)
    : t.value;
}

async function buildTree(
  app: AppContext,
  companyId: string,
  rootId: string,
  today?: string,
): Promise<PlanTreeView> {
  const l = await loadForPlan(app, companyId, rootId, today);
  const root = l.goal;
  const rootTarget = await parentTarget(app, companyId, l);
  const rootValue = rootTarget.additive
    ? fromPlanUnits(root.spec.metric, rootTarget.totalUnits ?? 0, l.currency)
    : (rootTarget.level ?? 0);
  const descendants = await app.repos.plans.descendants(companyId, rootId);
  const c: Ctx = { companyId, currency: l.currency, settings: l.settings, today: l.today };
  const byParent = new Map<string, PlanGoal[]>();
  for (const d of descendants) {
    const p = d.node?.parentGoalId ?? '';
    const list = byParent.get(p) ?? [];
    list.push(d);
    byParent.set(p, list);
  }
  // Ratio parents: how their children's levels weigh (the same definition as re-planning).
  const weightsOf = new Map<string, LevelWeights>();
  // A count over the whole period (customers…) has no level its children imply: they overlap.
  const ratioParents = [root, ...descendants].filter(
    (g) =>
      !isAdditive(g.spec.metric) &&
      !needsSamePeriodBaseline(g.spec.metric) &&
      (byParent.get(g.id)?.length ?? 0) > 0,
  );
  const [actuals] = await Promise.all([
    actualsOf(app, c, [root, ...descendants]),
    ...ratioParents.map(async (g) => {
      weightsOf.set(g.id, await levelWeights(app, c, g, byParent.get(g.id) ?? []));
    }),
  ]);
  const view = (
    g: PlanGoal,
    target: number,
    parentTarget: number | null,
    weight: number | null,
  ): PlanNodeView => {
    const kids = byParent.get(g.id) ?? [];
    const additive = isAdditive(g.spec.metric);
    const weights = weightsOf.get(g.id) ?? null;
    const children = kids.map((k, i) =>
      view(k, nodeTarget(k), additive ? target : null, weights ? (weights.weights[i] ?? 0) : null),
    );
    let childrenTotal: number | null = null;
    let mismatch: number | null = null;
    let implied: number | null = null;
    if (children.length > 0) {
      if (additive) {
        const m = additiveMismatch(
          toPlanUnits(g.spec.metric, target, l.currency),
          children.map((ch) => toPlanUnits(g.spec.metric, ch.target, l.currency)),
        );
        childrenTotal = fromPlanUnits(g.spec.metric, m.childrenTotal, l.currency);
        mismatch = fromPlanUnits(g.spec.metric, m.difference, l.currency);
      } else if (!needsSamePeriodBaseline(g.spec.metric))
        implied = impliedLevel(
          children.map((ch) => ch.target),
          weights?.weights ?? children.map((ch) => daysBetween(ch.period.start, ch.period.end)),
        );
    }
    return {
      id: g.id,
      name: g.spec.name,
      metric: g.spec.metric,
      period: g.spec.period,
      scope: g.spec.scope,
      target,
      status: g.status,
      version: g.version,
      score: g.score,
      grades: g.grades,
      periodId: g.node?.periodId ?? null,
      dimension: g.node?.dimension ?? null,
      member: g.node?.member ?? null,
      locked: g.node?.locked ?? false,
      split: g.node?.split ?? null,
      actual: actuals.get(g.id) ?? null,
      share: parentTarget && parentTarget !== 0 ? Math.round((target / parentTarget) * 1e6) / 1e6 : null,
      childrenTotal,
      mismatch,
      implied,
      impliedWeighting: weights?.weighting ?? null,
      weight,
      children,
    };
  };
  const { children, ...goal } = view(root, rootValue, null, null);
  return { goal, children, today: l.today, nodes: 1 + descendants.length };
}

export async function getPlanTree(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  goalId: string,
  today?: string,
): Promise<PlanTreeView> {
  await authorize(ctx, actor, companyId, 'goals.read');
  return buildTree(ctx, companyId, goalId, today);
}

export interface ChildEdit {
  /** New target, goal units (the child is locked at it unless `locked` says otherwise). */
  target?: number;
  locked?: boolean;
  reason: string;
}

/** Re-balances the unlocked children of `parent` to its total; revisions for each child that changes. */
async function rebalanceRevisions(
  ctx: AppContext,
  companyId: string,
  parentId: string,
  override: ReadonlyMap<string, { value?: number; locked?: boolean }>,
): Promise<{ revisions: TargetRevision[]; locks: Map<string, boolean> }> {
  const l = await loadForPlan(ctx, companyId, parentId);
  const metric = l.goal.spec.metric;
  const kids = (await ctx.repos.plans.descendants(companyId, parentId)).filter(
    (d) => d.node?.parentGoalId === parentId,
  );
  if (kids.length === 0) throw new AppError('PLAN_NOT_SPLIT');
  const locks = new Map<string, boolean>();
  const current = kids.map((k) => {
    const o = override.get(k.id);
    const locked = o?.locked ?? (o?.value !== undefined ? true : (k.node?.locked ?? false));
    if (o && (o.locked !== undefined || o.value !== undefined)) locks.set(k.id, locked);
    return { goal: k, value: o?.value ?? k.spec.target.value, locked };
  });
  const revisions: TargetRevision[] = [];
  const push = (k: PlanGoal, to: number) => {
    if (to === k.spec.target.value) return;
    revisions.push({
      goalId: k.id,
      spec: { ...k.spec, target: { ...k.spec.target, value: to } },
      expectedVersion: k.version,
      changes: { target: { from: k.spec.target.value, to } },
    });
  };
  if (!isAdditive(metric)) {
    // Ratios are not summed: only the edited levels change.
    for (const cur of current) push(cur.goal, cur.value);
    return { revisions, locks };
  }
  const total = await parentTarget(ctx, companyId, l);
  const values = inGoalUnits(metric, l.currency, () =>
    rebalance(
      total.totalUnits ?? 0,
      current.map((cur) => ({
        value: toPlanUnits(metric, cur.value, l.currency),
        locked: cur.locked,
        days: daysBetween(cur.goal.spec.period.start, cur.goal.spec.period.end),
      })),
    ),
  );
  current.forEach((cur, i) => {
    push(cur.goal, fromPlanUnits(metric, values[i] ?? 0, l.currency));
  });
  return { revisions, locks };
}

async function applyRevisions(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  parentId: string,
  r: { revisions: TargetRevision[]; locks: Map<string, boolean> },
  reason: string,
  action: AuditAction,
): Promise<void> {
  const revisions = await gradedRevisions(ctx, actor, companyId, r.revisions);
  const at = nowIso(ctx);
  const ok = await ctx.repos.plans.revise(companyId, revisions, r.locks, reason, actor.userId, at);
  if (!ok) throw new AppError('VERSION_CONFLICT');
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action,
      entity: 'goal',
      entityId: parentId,
      details: { reason, changed: r.revisions.map((x) => x.goalId) },
    },
    at,
  );
}

/** Changes (or locks) one child; the unlocked siblings re-balance. Returns the parent's tree. */
export async function editPlanChild(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  parentId: string,
  childId: string,
  edit: ChildEdit,
): Promise<PlanTreeView> {
  await authorize(ctx, actor, companyId, 'goals.write');
  const child = await ctx.repos.plans.goal(companyId, childId);
  if (!child || child.node?.parentGoalId !== parentId || child.status !== 'active')
    throw new AppError('GOAL_NOT_FOUND');
  const o: { value?: number; locked?: boolean } = {};
  if (edit.target !== undefined) o.value = edit.target;
  if (edit.locked !== undefined) o.locked = edit.locked;
  const r = await rebalanceRevisions(ctx, companyId, parentId, new Map([[childId, o]]));
  await applyRevisions(ctx, actor, companyId, parentId, r, edit.reason, 'plan.child_edited');
  return buildTree(ctx, companyId, parentId);
}

/** After the parent's target changed: the unlocked children re-balance to it. */
export async function rebalancePlan(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  parentId: string,
  reason: string,
): Promise<PlanTreeView> {
  await authorize(ctx, actor, companyId, 'goals.write');
  const r = await rebalanceRevisions(ctx, companyId, parentId, new Map());
  await applyRevisions(ctx, actor, companyId, parentId, r, reason, 'plan.rebalanced');
  return buildTree(ctx, companyId, parentId);
}

export { actualsOf as readPlanActuals };
