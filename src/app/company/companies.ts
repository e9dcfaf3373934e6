import { AppError } from '../../core/errors/app-error.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import type { AppContext } from '../ports.ts';
import { newId } from '../security/secrets.ts';
import type { CompanyRecord } from './ports.ts';

/** Defaults for a new company: Taiwan first (TWD, Asia/Taipei, calendar fiscal year). */
export const DEFAULT_PROFILE = {
  stage: 'startup',
  industry: '',
  currency: 'TWD',
  fiscalYearStartMonth: 1,
  timeZone: 'Asia/Taipei',
  description: '',
} as const;

export async function createCompanyForUser(
  ctx: AppContext,
  userId: string,
  name: string,
): Promise<CompanyRecord> {
  const company = { id: newId(), name: name.trim(), createdAt: nowIso(ctx) };
  await ctx.repos.companies.create({ ...company, ownerId: userId, profile: { ...DEFAULT_PROFILE } });
  await ctx.repos.audit.append(
    {
      companyId: company.id,
      userId,
      action: 'company.created',
      entity: 'company',
      entityId: company.id,
      details: { name: company.name },
    },
    company.createdAt,
  );
  return company;
}

/**
 * A logged-in user creates a company of which they are the owner; it becomes the current company of
 * their session (`sessionIdHash`, when they use one). An API token, scoped to one company, cannot.
 */
export async function createCompany(
  ctx: AppContext,
  actor: Actor,
  name: string,
  sessionIdHash: string | null,
): Promise<CompanyRecord & { role: 'owner' }> {
  if (actor.tokenCompanyId) throw new AppError('FORBIDDEN');
  const company = await createCompanyForUser(ctx, actor.userId, name);
  if (sessionIdHash) await ctx.repos.sessions.setCurrentCompany(sessionIdHash, company.id);
  return { ...company, role: 'owner' };
}

export async function getCompany(ctx: AppContext, actor: Actor, companyId: string) {
  const role = await authorize(ctx, actor, companyId, 'company.read');
  const company = await ctx.repos.companies.findById(companyId);
  if (!company) throw new AppError('COMPANY_NOT_FOUND');
  return { ...company, role };
}

export async function renameCompany(ctx: AppContext, actor: Actor, companyId: string, name: string) {
  await authorize(ctx, actor, companyId, 'company.rename');
  const before = await ctx.repos.companies.findById(companyId);
  if (!before) throw new AppError('COMPANY_NOT_FOUND');
  await ctx.repos.companies.rename(companyId, name.trim());
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'company.renamed',
      entity: 'company',
      entityId: companyId,
      details: { from: before.name, to: name.trim() },
    },
    nowIso(ctx),
  );
  return getCompany(ctx, actor, companyId);
}
