import type { Role } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import type { MemberRecord } from '../company/ports.ts';
import type { AppContext } from '../ports.ts';

export async function listMembers(ctx: AppContext, actor: Actor, companyId: string): Promise<MemberRecord[]> {
  await authorize(ctx, actor, companyId, 'members.read');
  return ctx.repos.companies.members(companyId);
}

async function memberOrThrow(ctx: AppContext, companyId: string, userId: string): Promise<Role> {
  const role = await ctx.repos.companies.roleOf(companyId, userId);
  if (!role) throw new AppError('MEMBER_NOT_FOUND');
  return role;
}

export async function changeMemberRole(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  userId: string,
  role: Role,
): Promise<MemberRecord[]> {
  await authorize(ctx, actor, companyId, 'members.manage');
  const current = await memberOrThrow(ctx, companyId, userId);
  if (current === 'owner' && role !== 'owner' && (await ctx.repos.companies.countOwners(companyId)) <= 1) {
    throw new AppError('LAST_OWNER');
  }
  await ctx.repos.companies.setRole(companyId, userId, role);
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'member.role_changed',
      entity: 'member',
      entityId: userId,
      details: { from: current, to: role },
    },
    nowIso(ctx),
  );
  return ctx.repos.companies.members(companyId);
}

export async function removeMember(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  userId: string,
): Promise<void> {
  await authorize(ctx, actor, companyId, 'members.manage');
  const current = await memberOrThrow(ctx, companyId, userId);
  if (current === 'owner' && (await ctx.repos.companies.countOwners(companyId)) <= 1)
    throw new AppError('LAST_OWNER');
  await ctx.repos.companies.removeMember(companyId, userId);
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'member.removed',
      entity: 'member',
      entityId: userId,
      details: { role: current },
    },
    nowIso(ctx),
  );
}
