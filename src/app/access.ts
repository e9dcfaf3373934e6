import { can, type Permission, type Role } from '../core/access/permissions.ts';
import { AppError } from '../core/errors/app-error.ts';
import type { AppContext } from './ports.ts';

/** Who is acting: a logged-in user, or an API token scoped to one company. */
export interface Actor {
  userId: string;
  /** Set when the request came with an API token: the only company it may touch. */
  tokenCompanyId: string | null;
}

/**
 * Checks that the actor may do `permission` in `companyId`. A company the actor does not belong to
 * (or outside its token's scope) is reported as not found, never as forbidden: ids of other
 * companies reveal nothing.
 */
export async function authorize(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  permission: Permission,
): Promise<Role> {
  if (actor.tokenCompanyId !== null && actor.tokenCompanyId !== companyId)
    throw new AppError('COMPANY_NOT_FOUND');
  const role = await ctx.repos.companies.roleOf(companyId, actor.userId);
  if (!role) throw new AppError('COMPANY_NOT_FOUND');
  if (!can(role, permission)) throw new AppError('FORBIDDEN');
  return role;
}

export function nowIso(ctx: AppContext): string {
  return ctx.clock.now().toISOString();
}
