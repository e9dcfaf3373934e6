/**
 * Revised goals graded at their new targets, in bulk (the children's KPI questions read together),
 * so that the goal list's grades are those of the target it shows: a re-balance, an edited child and
 * a re-plan change targets, and a grade of the old target would be stale (a child shown failing
 * Achievable while its own page says it is too easy).
 */
import type { Actor } from '../access.ts';
import { gradeGoalDrafts } from '../goals/goal-use-cases.ts';
import type { AppContext } from '../ports.ts';
import { batchedKpi } from './batched-kpi.ts';
import type { TargetRevision } from './ports.ts';

export async function gradedRevisions(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  revisions: readonly TargetRevision[],
  /** The day the grades are as of (a re-plan's `today`); default the company's today. */
  today?: string,
): Promise<TargetRevision[]> {
  if (revisions.length === 0) return [];
  // Grades are letters and a score: the language only words the findings, which are not stored.
  const gradings = await gradeGoalDrafts(
    ctx,
    actor,
    companyId,
    revisions.map((r) => r.spec),
    'zh-TW',
    (profile) => batchedKpi(ctx.repos.kpi, companyId, profile),
    today,
  );
  return revisions.map((r, i) => {
    const g = gradings[i];
    return g ? { ...r, grading: { score: g.score, grades: g.grades } } : r;
  });
}
