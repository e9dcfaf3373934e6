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
import {
  needsSamePeriodBaseline,
  newChannelsKnowable,
  type StageBasis,
  suggestStageTarget,
  toGoalUnits,
} from '../../core/plan/stage-targets.ts';
import {
  type CompanyStage,
  phasePeriod,
  STAGE_TEMPLATES,
  stageFromProfile,
} from '../../core/plan/stage-templates.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import { loadDataFreshness } from '../data/freshness.ts';
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
  /**
   * What the target (a change, or the baseline moved) is measured from: the same period last year
   * (only when the data fairly covers it: its first day and 90 % of its days), the run rate over the recent days the data covers; null:
   * no baseline.
   */
  basis: StageBasis;
  /** Why no number is proposed (the user sets it), in the request's language; null otherwise. */
  reason: string | null;
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
  const today = todayIn(profile?.timeZone ?? 'Asia/Taipei', ctx.clock.now());
  const freshness = await loadDataFreshness(ctx, companyId, today);
  const en = lang === 'en';
  const phases: StagePhaseView[] = [];
  const toSave: NewPlanGoal[] = [];
  for (const [phaseIndex, p] of t.phases.entries()) {
    const period = phasePeriod(start, p);
    const goals: StageGoalView[] = [];
    for (const [position, g] of p.goals.entries()) {
      const name = `${en ? p.nameEn : p.nameZh} · ${en ? g.kpiEn : g.kpiZh}`;
      const kind = g.target ?? 'level';
      // New-channel revenue needs a year of data before the baseline's last day: with less, every
      // channel the company always had reads as new (its baseline would be all revenue).
      const unknowable =
        g.metric === 'new_channel_revenue' &&
        !newChannelsKnowable(freshness.firstSaleDate, freshness.knownThrough ?? today);
      // A goal left to the user: no number proposed, not saved or graded, with the reason when there is one.
      const leftToUser = (reason: string | null): StageGoalView => ({
        id: null,
        metric: g.metric,
        name,
        kpi: en ? g.kpiEn : g.kpiZh,
        target: null,
        targetKind: null,
        suggestedFrom: 'user',
        basis: null,
        reason,
        recommended: null,
        grades: null,
        score: null,
      });
      if (kind === 'user' || unknowable) {
        goals.push(
          leftToUser(
            unknowable
              ? en
                ? `Your data begins on ${freshness.firstSaleDate ?? '—'}, less than a year ago: a channel is new when its first sale lies in the last 12 months, so every channel you have reads as new and there is no baseline. Set this target yourself.`
                : `您的資料從 ${freshness.firstSaleDate ?? '—'} 開始,不到一年:通路的第一筆銷售落在最近 12 個月內就算新通路,因此目前所有通路都會被當成新通路,沒有可依據的基準。請自行設定此目標。`
              : null,
          ),
        );
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
      // The grading's baseline: the same period last year only when the data fairly covers it, else
      // the run rate over the recent days the data covers.
      const from = changeBaseline(a.baseline);
      if (from.basis === 'recent_run_rate' && needsSamePeriodBaseline(g.metric)) {
        // Counted over the whole phase (revenue per rep over six months): a recent figure over
        // another span is no baseline, and no number is proposed.
        goals.push(
          leftToUser(
            en
              ? `${g.kpiEn} is counted over the whole phase; your data has no same period last year to compare with, and a recent figure over a shorter span is not comparable. Set this target yourself.`
              : `${g.kpiZh}是以整個階段計算的指標;您的資料沒有完整的去年同期可比較,而較短期間的近期數字無法直接比較。請自行設定此目標。`,
          ),
        );
        continue;
      }
      const suggestion = suggestStageTarget({
        metric: g.metric,
        target: kind,
        baseline: from.value,
        basis: from.basis === 'same_period_last_year' || from.basis === 'recent_run_rate' ? from.basis : null,
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
        basis: suggestion.basis,
        reason: null,
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
