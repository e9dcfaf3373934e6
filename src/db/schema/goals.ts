import type { Generated } from 'kysely';

/** SMART goals (see migrations/2026112705-goals.ts). */
export interface GoalsTable {
  id: string;
  company_id: string;
  name: string;
  metric: string;
  status: string;
  /** The structured goal (core/goals GoalSpec) as JSON. */
  spec: string;
  owner_user_id: string | null;
  objective_id: string | null;
  score: number | null;
  /** The five letter grades as of the last save, JSON. */
  grades: string | null;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface GoalVersionsTable {
  id: Generated<number>;
  company_id: string;
  goal_id: string;
  version: number;
  at: string;
  by_user_id: string | null;
  reason: string;
  /** Field → { from, to }, JSON. */
  changes: string;
}

export interface GoalTables {
  goals: GoalsTable;
  goal_versions: GoalVersionsTable;
}
