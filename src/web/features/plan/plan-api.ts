/** The phase-goals API of one company (contract: src/contract/plans.ts). */
import type { z } from 'zod';
import type {
  PlanNode,
  planTreeSchema,
  replanBodySchema,
  replanViewSchema,
  splitBodySchema,
  splitViewSchema,
  stageBodySchema,
  stagePlanSchema,
} from '../../../contract/plans.ts';
import { api, companyPath } from '../../api/client.ts';

export type PlanTree = z.infer<typeof planTreeSchema>;
export type PlanGoalNode = PlanTree['goal'];
export type { PlanNode };
export type SplitBody = z.input<typeof splitBodySchema>;
export type SplitView = z.infer<typeof splitViewSchema>;
export type ReplanBody = z.input<typeof replanBodySchema>;
export type ReplanView = z.infer<typeof replanViewSchema>;
export type StageBody = z.input<typeof stageBodySchema>;
export type StagePlan = z.infer<typeof stagePlanSchema>;

const plansPath = (companyId: string, rest = '') => companyPath(companyId, `/plans${rest}`);
const enc = encodeURIComponent;

export const planKeys = {
  all: (companyId: string) => ['plans', companyId] as const,
  tree: (companyId: string, goalId: string) => ['plans', companyId, 'tree', goalId] as const,
};

export const planApi = {
  tree: (companyId: string, goalId: string) => api.get<PlanTree>(plansPath(companyId, `/${enc(goalId)}`)),
  split: (companyId: string, goalId: string, body: SplitBody) =>
    api.post<SplitView>(plansPath(companyId, `/${enc(goalId)}/split`), body),
  editChild: (
    companyId: string,
    parentId: string,
    childId: string,
    body: { target?: number; locked?: boolean; reason: string },
  ) => api.patch<PlanTree>(plansPath(companyId, `/${enc(parentId)}/children/${enc(childId)}`), body),
  rebalance: (companyId: string, goalId: string, reason: string) =>
    api.post<PlanTree>(plansPath(companyId, `/${enc(goalId)}/rebalance`), { reason }),
  replan: (companyId: string, goalId: string, body: ReplanBody) =>
    api.post<ReplanView>(plansPath(companyId, `/${enc(goalId)}/replan`), body),
  stage: (companyId: string, body: StageBody) => api.post<StagePlan>(plansPath(companyId, '/stage'), body),
  /** The server's XLSX file of the tree (downloaded by the browser, like the KPI explorer's files). */
  exportUrl: (companyId: string, goalId: string, format: 'xlsx' | 'csv' = 'xlsx') =>
    plansPath(companyId, `/${enc(goalId)}/export?format=${format}`),
};
