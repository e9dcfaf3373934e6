import type { ScopeCatalog } from '../../core/goals/scope-match.ts';
import { DIMENSIONS } from '../../core/kpi/types.ts';
import type { AppContext } from '../ports.ts';

/** The company's catalog: every dimension's member names (goal scopes and KPI filters match against it). */
export async function loadScopeCatalog(ctx: AppContext, companyId: string): Promise<ScopeCatalog> {
  const catalog: ScopeCatalog = {};
  for (const d of DIMENSIONS) catalog[d] = await ctx.repos.kpi.dimensionMembers(companyId, d);
  return catalog;
}
