/** Goal trees (see migrations/2026120305-plan-nodes.ts). */
export interface PlanNodesTable {
  goal_id: string;
  company_id: string;
  parent_goal_id: string | null;
  position: number;
  /** 0 or 1. */
  locked: number;
  period_id: string | null;
  dimension: string | null;
  member: string | null;
  /** How this node's children were split (core/plan SplitRecipe), JSON. */
  split: string | null;
  stage: string | null;
  phase: number | null;
  created_at: string;
}

export interface PlanTables {
  plan_nodes: PlanNodesTable;
}
