import type { GoalSpec, Grades } from '../../core/goals/types.ts';
import type { SplitRecipe } from '../../core/plan/types.ts';
import type { GoalStatus } from '../goals/ports.ts';

/** Ports of phase-goal planning: the tree of goals (plan_nodes beside goals). */

export interface PlanNodeRecord {
  goalId: string;
  parentGoalId: string | null;
  position: number;
  locked: boolean;
  /** The child period it stands for ('2026-Q1', '2026-03', '2026-W05', a date). */
  periodId: string | null;
  /** The dimension and member it narrows its parent's scope to. */
  dimension: string | null;
  member: string | null;
  /** How its own children were split. */
  split: SplitRecipe | null;
  /** Company-stage plans: the stage and phase (0–2). */
  stage: string | null;
  phase: number | null;
}

/** A goal of a plan with its node. */
export interface PlanGoal {
  id: string;
  status: GoalStatus;
  version: number;
  spec: GoalSpec;
  score: number | null;
  grades: Grades | null;
  updatedAt: string;
  node: PlanNodeRecord | null;
}

export interface NewPlanGoal {
  id: string;
  spec: GoalSpec;
  score: number | null;
  grades: Grades | null;
  node: Omit<PlanNodeRecord, 'goalId'>;
}

export interface TargetRevision {
  goalId: string;
  spec: GoalSpec;
  expectedVersion: number;
  changes: Record<string, { from: unknown; to: unknown }>;
  /** The goal graded at its new target (the list shows these grades). */
  grading?: { score: number | null; grades: Grades | null };
}

export interface PlanRepository {
  /** A goal with its node (null node: not part of a plan yet). */
  goal(companyId: string, goalId: string): Promise<PlanGoal | null>;
  /** The active descendants of a goal, parents before children, siblings by position. */
  descendants(companyId: string, rootId: string): Promise<PlanGoal[]>;
  /**
   * In one transaction: archives the active children of `parentId` (a version row each, with the
   * reason), creates the new children (goal, first version, node), and records the recipe on the
   * parent's node (created when missing).
   */
  replaceChildren(
    companyId: string,
    parentId: string,
    recipe: SplitRecipe,
    children: readonly NewPlanGoal[],
    reason: string,
    by: string,
    at: string,
  ): Promise<void>;
  /** Creates goals with their nodes (company-stage plans), in one transaction. */
  createGoals(
    companyId: string,
    goals: readonly NewPlanGoal[],
    reason: string,
    by: string,
    at: string,
  ): Promise<void>;
  /**
   * In one transaction: each goal's new spec if its version still matches (a version row each with
   * the reason), and the locks given; false (nothing written) when any version is stale.
   */
  revise(
    companyId: string,
    revisions: readonly TargetRevision[],
    locks: ReadonlyMap<string, boolean>,
    reason: string,
    by: string,
    at: string,
  ): Promise<boolean>;
}
