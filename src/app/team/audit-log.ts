import { type Actor, authorize } from '../access.ts';
import type { AppContext } from '../ports.ts';

export async function listAuditLog(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  limit: number,
  before?: string,
) {
  await authorize(ctx, actor, companyId, 'audit.read');
  return ctx.repos.audit.list(companyId, limit, before);
}
