import type { Role } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Actor } from '../access.ts';
import { nowIso } from '../access.ts';
import type { AppContext } from '../ports.ts';
import { issueApiToken } from '../team/api-tokens.ts';
import { createCompanyForUser } from './companies.ts';
import type { CompanyRecord } from './ports.ts';

/**
 * What the operator of an installation does from the command line (`pacer company|user|token|kpi|
 * import`): whoever holds the database may act for a company's members. Each change is audited like
 * its web counterpart, with no acting user (the operator).
 */

/** Companies whose id or exact name is `idOrName` (several when names repeat). */
export async function findCompanies(ctx: AppContext, idOrName: string): Promise<CompanyRecord[]> {
  const byId = await ctx.repos.companies.findById(idOrName);
  if (byId) return [byId];
  return ctx.repos.companies.findByName(idOrName);
}

/** Every company, oldest first (at most `limit`). */
export async function listCompanies(ctx: AppContext, limit = 10_000): Promise<CompanyRecord[]> {
  return ctx.repos.companies.list(limit);
}

/** A company owned by the existing user with this e-mail; null when there is no such user. */
export async function createCompanyOwnedBy(
  ctx: AppContext,
  ownerEmail: string,
  name: string,
): Promise<(CompanyRecord & { owner: string }) | null> {
  const owner = await ctx.repos.users.findByEmail(ownerEmail.trim().toLowerCase());
  if (!owner) return null;
  const company = await createCompanyForUser(ctx, owner.id, name);
  return { ...company, owner: owner.email };
}

/** The member the operator acts as: the one with this e-mail, or the company's first owner. */
export async function memberActor(ctx: AppContext, companyId: string, email?: string): Promise<Actor> {
  const members = await ctx.repos.companies.members(companyId);
  const who = email
    ? members.find((m) => m.email === email.trim().toLowerCase())
    : members.find((m) => m.role === 'owner');
  if (!who) throw new AppError('MEMBER_NOT_FOUND');
  return { userId: who.userId, tokenCompanyId: null };
}

/** Adds an existing user to a company with a role (audited as `member.added`). */
export async function addMemberByOperator(
  ctx: AppContext,
  companyId: string,
  userId: string,
  role: Role,
): Promise<void> {
  if (await ctx.repos.companies.roleOf(companyId, userId)) throw new AppError('ALREADY_MEMBER');
  const at = nowIso(ctx);
  await ctx.repos.companies.addMember(companyId, userId, role, at);
  await ctx.repos.audit.append(
    {
      companyId,
      userId: null,
      action: 'member.added',
      entity: 'member',
      entityId: userId,
      details: { role, by: 'operator' },
    },
    at,
  );
}

/**
 * Issues an API token acting as the member with this e-mail, who must be an owner or a manager of
 * the company (who may manage tokens on the web).
 */
export async function issueApiTokenByOperator(
  ctx: AppContext,
  companyId: string,
  email: string,
  name: string,
) {
  const user = await ctx.repos.users.findByEmail(email.trim().toLowerCase());
  const role = user ? await ctx.repos.companies.roleOf(companyId, user.id) : null;
  if (!user || !role) throw new AppError('MEMBER_NOT_FOUND');
  if (role !== 'owner' && role !== 'manager') throw new AppError('FORBIDDEN');
  return issueApiToken(ctx, user.id, companyId, name);
}
