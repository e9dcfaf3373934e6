/**
 * Company-stage plans (the guide's table): for startup, growth or mature (default: the profile's
 * stage), three phases — the first 3 months, months 3–6, 6–12 — each with its phase goals on the
 * table's KPIs. Each target is suggested from the company's own data by `suggestStageTarget`
 * (core/plan/stage-targets.ts: in the KPI's own unit, moving the phase's way from the baseline the
 * goal's page measures from); every goal graded; saved as editable goals unless a preview. A KPI no
 * metric measures (new products' revenue) gets no number: it is listed for the user to set, not saved.
 */

import { todayIn } from '../../core/calendar/time-zones.ts';
import { isLowerBetter } from '../../core/goals/metric-kinds.ts';
import { changeBaseline } from '../../core/goals/target-conversion.ts';
import type { GoalSpec, GoalTarget, Grades, Grading, Lang } from '../../core/goals/types.ts';
import { suggestStageTarget, toGoalUnits } from '../../core/plan/stage-targets.ts';
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
  /**
   * Goal units (currency units, percents as 25, whole counts); with targetKind percent_change: a
   * change in %. null: the user sets it (suggestedFrom 'user'; not saved, not graded).
   */
  target: number | null;
  targetKind: GoalTarget['kind'] | null;
  /** Where the suggestion came from. */
  suggestedFrom: 'recommended' | 'baseline' | 'no_data' | 'user';
  recommended: { p50: number; p70: number; p90: number } | null;
  grades: Grades | null;
  score: number | null;
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
      const kind = g.target ?? 'level';
      if (kind === 'user') {
        goals.push({
          id: null,
          metric: g.metric,
          name,
          kpi: en ? g.kpiEn : g.kpiZh,
          target: null,
          targetKind: null,
          suggestedFrom: 'user',
          recommended: null,
          grades: null,
          score: null,
        });
        continue;
      }
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
      const suggestion = suggestStageTarget({
        metric: g.metric,
        target: kind,
        baseline: changeBaseline(a.baseline).value,
        recommended: a.recommended,
      });
      if (suggestion.kind === null) throw new Error('unreachable: a user-set target was handled above');
      const suggestedFrom: StageGoalView['suggestedFrom'] = suggestion.from;
      const spec: GoalSpec =
        suggestion.kind === base.target.kind && suggestion.value === base.target.value
          ? base
          : { ...base, target: { ...base.target, kind: suggestion.kind, value: suggestion.value } };
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
