/**
 * Company-stage plans (the guide's table): for startup, growth or mature (default: the profile's
 * stage), three phases — the first 3 months, months 3–6, 6–12 — each with its phase goals on the
 * table's KPIs. Each target is suggested from the company's own data: the recommended range of the
 * SMART grading (the 70 % point), else 10 % better than the baseline, else (no data) a +10 % change
 * to be measured once data exists; every goal graded; saved as editable goals unless a preview.
 */

import { todayIn } from '../../core/calendar/time-zones.ts';
import { isLowerBetter, isMoneyMetric, isPercentMetric } from '../../core/goals/metric-kinds.ts';
import type { GoalSpec, GoalTarget, Grades, Grading, Lang } from '../../core/goals/types.ts';
import {
  type CompanyStage,
  phasePeriod,
  STAGE_TEMPLATES,
  stageFromProfile,
} from '../../core/plan/stage-templates.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import { gradeGoalDraft } from '../goals/goal-use-cases.ts';
import type { AppContext } from '../ports.ts';
import { newId } from '../security/secrets.ts';
import type { NewPlanGoal } from './ports.ts';

export interface StagePlanRequest {
  stage: CompanyStage | null;
  start: string | null;
  dryRun: boolean;
}

export interface StageGoalView {
  /** null on a preview. */
  id: string | null;
  metric: GoalSpec['metric'];
  name: string;
  kpi: string;
  /** Goal units (currency units, percents as 25); with targetKind percent_change: a change in %. */
  target: number;
  targetKind: GoalTarget['kind'];
  /** Where the suggestion came from. */
  suggestedFrom: 'recommended' | 'baseline' | 'no_data';
  recommended: { p50: number; p70: number; p90: number } | null;
  grades: Grades;
  score: number;
}

export interface StagePhaseView {
  name: string;
  goal: string;
  period: { start: string; end: string };
  goals: StageGoalView[];
}

export interface StagePlanView {
  stage: CompanyStage;
  title: string;
  start: string;
  phases: StagePhaseView[];
  saved: boolean;
}

function toGoalUnits(metric: GoalSpec['metric'], v: number): number {
  if (isPercentMetric(metric)) return Math.round(v * 1000) / 10;
  if (isMoneyMetric(metric)) return Math.round(v);
  return metric === 'csat' || metric === 'nps' ? Math.round(v * 10) / 10 : Math.round(v);
}

export async function createStagePlan(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  req: StagePlanRequest,
  lang: Lang,
): Promise<StagePlanView> {
  await authorize(ctx, actor, companyId, req.dryRun ? 'goals.read' : 'goals.write');
  const profile = await ctx.repos.profiles.get(companyId);
  const stage = req.stage ?? stageFromProfile(profile?.stage ?? 'startup');
  const start = req.start ?? todayIn(profile?.timeZone ?? 'Asia/Taipei', ctx.clock.now());
  const t = STAGE_TEMPLATES[stage];
  const en = lang === 'en';
  const phases: StagePhaseView[] = [];
  const toSave: NewPlanGoal[] = [];
  for (const [phaseIndex, p] of t.phases.entries()) {
    const period = phasePeriod(start, p);
    const goals: StageGoalView[] = [];
    for (const [position, g] of p.goals.entries()) {
      const name = `${en ? p.nameEn : p.nameZh} · ${en ? g.kpiEn : g.kpiZh}`;
      const base: GoalSpec = {
        name,
        statement: '',
        metric: g.metric,
        scope: {},
        target: {
          metric: g.metric,
          kind: 'percent_change',
          value: isLowerBetter(g.metric) ? -10 : 10,
          per: null,
        },
        extraTargets: [],
        period,
        ownerUserId: actor.userId,
        objectiveId: null,
        strategies: [],
        notes: en ? p.goalEn : p.goalZh,
      };
      // First pass: what the data recommends for this KPI over the phase.
      const probe = await gradeGoalDraft(ctx, actor, companyId, base, lang);
      const a = probe.achievability;
      let spec = base;
      let suggestedFrom: StageGoalView['suggestedFrom'] = 'no_data';
      const baseline = a.baseline.samePeriodLastYear ?? a.baseline.recentRunRate;
      if (a.recommended && a.recommended.p70 > 0) {
        spec = {
          ...base,
          target: { ...base.target, kind: 'absolute', value: toGoalUnits(g.metric, a.recommended.p70) },
        };
        suggestedFrom = 'recommended';
      } else if (baseline !== null && baseline > 0) {
        const v = baseline * (isLowerBetter(g.metric) ? 0.9 : 1.1);
        spec = { ...base, target: { ...base.target, kind: 'absolute', value: toGoalUnits(g.metric, v) } };
        suggestedFrom = 'baseline';
      }
      const grading: Grading =
        spec === base ? probe : await gradeGoalDraft(ctx, actor, companyId, spec, lang);
      const id = req.dryRun ? null : newId();
      if (id)
        toSave.push({
          id,
          spec,
          score: grading.score,
          grades: grading.grades,
          node: {
            parentGoalId: null,
            position,
            locked: false,
            periodId: null,
            dimension: null,
            member: null,
            split: null,
            stage,
            phase: phaseIndex,
          },
        });
      const rec = a.recommended;
      goals.push({
        id,
        metric: g.metric,
        name,
        kpi: en ? g.kpiEn : g.kpiZh,
        target: spec.target.value,
        targetKind: spec.target.kind,
        suggestedFrom,
        recommended: rec
          ? {
              p50: toGoalUnits(g.metric, rec.p50),
              p70: toGoalUnits(g.metric, rec.p70),
              p90: toGoalUnits(g.metric, rec.p90),
            }
          : null,
        grades: grading.grades,
        score: grading.score,
      });
    }
    phases.push({ name: en ? p.nameEn : p.nameZh, goal: en ? p.goalEn : p.goalZh, period, goals });
  }
  if (!req.dryRun) {
    const at = nowIso(ctx);
    const reason = en ? `${t.titleEn}: phase plan from ${start}` : `${t.titleZh}:自 ${start} 起的階段計畫`;
    await ctx.repos.plans.createGoals(companyId, toSave, reason, actor.userId, at);
    await ctx.repos.audit.append(
      {
        companyId,
        userId: actor.userId,
        action: 'plan.stage_created',
        entity: 'goal',
        entityId: null,
        details: { stage, start, goals: toSave.length },
      },
      at,
    );
  }
  return { stage, title: en ? t.titleEn : t.titleZh, start, phases, saved: !req.dryRun };
}
