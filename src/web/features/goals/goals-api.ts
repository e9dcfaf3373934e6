/** The goals API of one company (contract: src/contract/goals.ts) and the lists the wizard picks from. */
import type { z } from 'zod';
import type {
  Goal,
  GoalInput,
  Grading,
  goalVersionSchema,
  goalWithGradingSchema,
  parsedGoalSchema,
} from '../../../contract/goals.ts';
import type { DimensionMembersBody, KpiGlossaryBody } from '../../../contract/kpi.ts';
import type { MarketAnalysis } from '../../../contract/market.ts';
import type { Member } from '../../../contract/members.ts';
import type { Profile } from '../../../contract/profile.ts';
import { api, companyPath } from '../../api/client.ts';

export type GoalWithGrading = z.infer<typeof goalWithGradingSchema>;
export type ParsedGoal = z.infer<typeof parsedGoalSchema>;
export type GoalVersion = z.infer<typeof goalVersionSchema>;
export type GoalStatusFilter = 'active' | 'archived' | 'all';
export type { Goal, GoalInput, Grading };

const goalsPath = (companyId: string, rest = '') => companyPath(companyId, `/goals${rest}`);

export const goalKeys = {
  all: (companyId: string) => ['goals', companyId] as const,
  list: (companyId: string, status: GoalStatusFilter, q: string, metric: string | null, lang: string) =>
    ['goals', companyId, 'list', status, q, metric, lang] as const,
  one: (companyId: string, goalId: string, lang: string) =>
    ['goals', companyId, 'one', goalId, lang] as const,
  versions: (companyId: string, goalId: string) => ['goals', companyId, 'versions', goalId] as const,
};

export const goalsApi = {
  list: (companyId: string, status: GoalStatusFilter, q: string, metric: string | null) => {
    const params = new URLSearchParams({ status });
    if (q.trim()) params.set('q', q.trim());
    if (metric) params.set('metric', metric);
    return api.get<Goal[]>(goalsPath(companyId, `?${params.toString()}`));
  },
  get: (companyId: string, goalId: string) =>
    api.get<GoalWithGrading>(goalsPath(companyId, `/${encodeURIComponent(goalId)}`)),
  create: (companyId: string, input: GoalInput) => api.post<GoalWithGrading>(goalsPath(companyId), input),
  update: (companyId: string, goalId: string, body: GoalInput & { version: number; reason: string }) =>
    api.put<GoalWithGrading>(goalsPath(companyId, `/${encodeURIComponent(goalId)}`), body),
  archive: (companyId: string, goalId: string) =>
    api.post<Goal>(goalsPath(companyId, `/${encodeURIComponent(goalId)}/archive`)),
  restore: (companyId: string, goalId: string) =>
    api.post<Goal>(goalsPath(companyId, `/${encodeURIComponent(goalId)}/restore`)),
  versions: (companyId: string, goalId: string) =>
    api.get<GoalVersion[]>(goalsPath(companyId, `/${encodeURIComponent(goalId)}/versions`)),
  parse: (companyId: string, statement: string) =>
    api.post<ParsedGoal>(goalsPath(companyId, '/parse'), { statement }),
  grade: (companyId: string, input: GoalInput) => api.post<Grading>(goalsPath(companyId, '/grade'), input),
};

export const lookupApi = {
  glossary: (companyId: string) => api.get<KpiGlossaryBody>(companyPath(companyId, '/kpi/glossary')),
  dimension: (companyId: string, kind: string) =>
    api.get<DimensionMembersBody>(companyPath(companyId, `/dimensions/${encodeURIComponent(kind)}`)),
  members: (companyId: string) => api.get<Member[]>(companyPath(companyId, '/members')),
  market: (companyId: string) => api.get<MarketAnalysis>(companyPath(companyId, '/market-analysis')),
  profile: (companyId: string) => api.get<Profile>(companyPath(companyId, '/profile')),
};
