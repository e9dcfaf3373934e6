import { AppError } from '../../core/errors/app-error.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import type { AppContext } from '../ports.ts';
import type { ProfileRecord } from './ports.ts';

export type ProfileInput = Omit<ProfileRecord, 'version' | 'updatedAt'>;

export async function getProfile(ctx: AppContext, actor: Actor, companyId: string): Promise<ProfileRecord> {
  await authorize(ctx, actor, companyId, 'profile.read');
  const profile = await ctx.repos.profiles.get(companyId);
  if (!profile) throw new AppError('COMPANY_NOT_FOUND');
  return profile;
}

/** Saves the profile if nobody saved since `version` was read; otherwise 409 VERSION_CONFLICT. */
export async function saveProfile(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: ProfileInput,
  version: number,
): Promise<ProfileRecord> {
  await authorize(ctx, actor, companyId, 'profile.write');
  const before = await ctx.repos.profiles.get(companyId);
  if (!before) throw new AppError('COMPANY_NOT_FOUND');
  const at = nowIso(ctx);
  if (!(await ctx.repos.profiles.save(companyId, input, version, actor.userId, at)))
    throw new AppError('VERSION_CONFLICT');
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(input) as (keyof ProfileInput)[]) {
    if (before[key] !== input[key]) changed[key] = { from: before[key], to: input[key] };
  }
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'profile.saved',
      entity: 'company_profile',
      entityId: companyId,
      details: changed,
    },
    at,
  );
  return getProfile(ctx, actor, companyId);
}
