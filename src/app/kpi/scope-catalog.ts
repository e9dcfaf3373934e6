import type { ScopeCatalog } from '../../core/goals/scope-match.ts';
import { DIMENSIONS } from '../../core/kpi/types.ts';
import type { AppContext } from '../ports.ts';

/** The company's catalog: every dimension's member names (goal scopes and KPI filters match against it). */
export async function loadScopeCatalog(ctx: AppContext, companyId: string): Promise<ScopeCatalog> {
  // Read side by side (the read pool's threads), not one list after another.
  const lists = await Promise.all(DIMENSIONS.map((d) => ctx.repos.kpi.dimensionMembers(companyId, d)));
  return Object.fromEntries(DIMENSIONS.map((d, i) => [d, lists[i] ?? []]));
}
