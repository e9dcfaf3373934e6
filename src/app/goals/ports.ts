import type { GoalSpec, Grades } from '../../core/goals/types.ts';
import type { KpiMetric } from '../../core/kpi/types.ts';

/** Ports of goals: goals with their version history. */

export type GoalStatus = 'active' | 'archived';

export interface GoalRecord {
  id: string;
  companyId: string;
  status: GoalStatus;
  version: number;
  spec: GoalSpec;
  createdAt: string;
  updatedAt: string;
  createdByName: string | null;
  ownerName: string | null;
  objectiveTitle: string | null;
  score: number | null;
  grades: Grades | null;
}

export interface GoalVersionRecord {
  version: number;
  at: string;
  byName: string | null;
  reason: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface GoalWrite {
  spec: GoalSpec;
  status: GoalStatus;
  score: number | null;
  grades: Grades | null;
}

export interface GoalRepository {
  list(companyId: string, filter: { status: GoalStatus | 'all'; metric?: KpiMetric }): Promise<GoalRecord[]>;
  get(companyId: string, goalId: string): Promise<GoalRecord | null>;
  /** Creates the goal at version 1 with its first version row. */
  create(
    companyId: string,
    id: string,
    goal: GoalWrite,
    by: string,
    at: string,
    reason: string,
  ): Promise<void>;
  /** Writes when `expectedVersion` matches, adding a version row; false on a stale version (nothing written). */
  update(
    companyId: string,
    goalId: string,
    goal: GoalWrite,
    expectedVersion: number,
    change: { reason: string; changes: Record<string, { from: unknown; to: unknown }> },
    by: string,
    at: string,
  ): Promise<boolean>;
  versions(companyId: string, goalId: string): Promise<GoalVersionRecord[]>;
}
