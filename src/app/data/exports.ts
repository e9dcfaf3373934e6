import { AppError } from '../../core/errors/app-error.ts';
import { type Actor, authorize } from '../access.ts';
import type { AppContext } from '../ports.ts';
import type { ExportTable } from './ports.ts';

/** A whole table as rows (header first), for CSV/XLSX export; customer data needs 'data.manage'. */
export async function exportTable(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  table: ExportTable,
  range: { from?: string | undefined; to?: string | undefined },
  locale: 'zh-TW' | 'en',
) {
  await authorize(ctx, actor, companyId, 'data.manage');
  const profile = await ctx.repos.profiles.get(companyId);
  if (!profile) throw new AppError('COMPANY_NOT_FOUND');
  return ctx.repos.exports.rows(companyId, table, { ...range, currency: profile.currency }, locale);
}
