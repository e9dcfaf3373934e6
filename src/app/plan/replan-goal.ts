/**
 * Re-planning a goal whose children are periods, as of `today`: `spread` closes each finished child
 * at its actual and shares the difference over the open ones (in proportion to their targets, so
 * the split's shape is kept; locked ones keep theirs); `keep` changes nothing and shows the run rate
 * now needed. Either way the choice is recorded on the parent's history with its reason, and every
 * changed child gets a revision with the same reason.
 */
import { addDays } from '../../core/calendar/dates.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { isAdditive } from '../../core/goals/metric-kinds.ts';
import { replan } from '../../core/plan/replan.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import type { AppContext } from '../ports.ts';
import { fromPlanUnits, toPlanUnits } from './plan-data.ts';
import { readPlanActuals } from './plan-tree.ts';
import type { TargetRevision } from './ports.ts';
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
  closed: boolean;
  locked: boolean;
  actual: number | null;
  target: number;
  newTarget: number;
}

export interface ReplanView {
  goalId: string;
  mode: 'spread' | 'keep';
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
  if (!isAdditive(metric))
    throw new AppError('PLAN_CANNOT_SPLIT', [{ path: 'goalId', message: 'ratio' }], {
      reason: 'a ratio is not re-planned by spreading a difference; edit its phase goals’ levels instead.',
      reasonZh: '比率型指標不以分攤差額的方式重新規劃;請直接調整各階段目標的水準。',
    });
  const kids = (await ctx.repos.plans.descendants(companyId, goalId)).filter(
    (d) => d.node?.parentGoalId === goalId,
  );
  if (kids.length === 0) throw new AppError('PLAN_NOT_SPLIT');
  const total = await parentTarget(ctx, companyId, l);
  const settings = { companyId, currency: l.currency, settings: l.settings, today: l.today };
  const actuals = await readPlanActuals(ctx, settings, [l.goal, ...kids]);
  const yesterday = addDays(l.today, -1);
  const units = (v: number) => toPlanUnits(metric, v, l.currency);
  const r = replan({
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
        actual: k.spec.period.end <= yesterday && a !== null && a !== undefined ? units(a) : null,
      };
    }),
    today: l.today,
    actualToDate: units(actuals.get(l.goal.id) ?? 0),
    mode: req.mode,
  });
  const from = (u: number) => fromPlanUnits(metric, u, l.currency);
  const revisions: TargetRevision[] = [];
  if (req.mode === 'spread')
    kids.forEach((k, i) => {
      const to = from(r.targets[i] ?? 0);
      if (to !== k.spec.target.value)
        revisions.push({
          goalId: k.id,
          spec: { ...k.spec, target: { ...k.spec.target, value: to } },
          expectedVersion: k.version,
          changes: { target: { from: k.spec.target.value, to } },
        });
    });
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
    changes: { replan: { from: null, to: summary } },
  });
  if (!req.dryRun) {
    const at = nowIso(ctx);
    const ok = await ctx.repos.plans.revise(companyId, revisions, new Map(), req.reason, actor.userId, at);
    if (!ok) throw new AppError('VERSION_CONFLICT');
    await ctx.repos.audit.append(
      {
        companyId,
        userId: actor.userId,
        action: 'plan.replanned',
        entity: 'goal',
        entityId: goalId,
        details: { ...summary, reason: req.reason },
      },
      at,
    );
  }
  return {
    goalId,
    mode: req.mode,
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
      locked: k.node?.locked ?? false,
      actual: actuals.get(k.id) ?? null,
      target: k.spec.target.value,
      newTarget: from(r.targets[i] ?? 0),
    })),
    version: l.goal.version + (req.dryRun ? 0 : 1),
  };
}
