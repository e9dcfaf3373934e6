/** How old a company's sales data is: the last sale, its age in days, the last complete month. */

import { todayIn } from '../../core/calendar/time-zones.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { type DataFreshness, dataFreshness } from '../../core/goals/data-freshness.ts';
import { type Actor, authorize } from '../access.ts';
import type { AppContext } from '../ports.ts';

/** As of `today` (the company's local date); the goal grading reads it through here too. */
export async function loadDataFreshness(
  ctx: AppContext,
  companyId: string,
  today: string,
): Promise<DataFreshness> {
  return dataFreshness(await ctx.repos.kpi.salesDateRange(companyId), today);
}

export async function getDataFreshness(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
): Promise<DataFreshness & { today: string }> {
  await authorize(ctx, actor, companyId, 'kpi.read');
  const profile = await ctx.repos.profiles.get(companyId);
  if (!profile) throw new AppError('COMPANY_NOT_FOUND');
  const today = todayIn(profile.timeZone, ctx.clock.now());
  return { ...(await loadDataFreshness(ctx, companyId, today)), today };
}
