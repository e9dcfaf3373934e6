import { AppError } from '../../core/errors/app-error.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import type { UserRecord } from '../auth/ports.ts';
import type { AppContext } from '../ports.ts';
import { hashSecret, newId, randomToken } from '../security/secrets.ts';
import type { ApiTokenRecord } from './ports.ts';

/** Token secrets look like `pcr_<43 chars>`; the first 12 characters are shown as a reminder. */
export const TOKEN_PREFIX = 'pcr_';

export async function listApiTokens(ctx: AppContext, actor: Actor, companyId: string) {
  await authorize(ctx, actor, companyId, 'tokens.manage');
  return ctx.repos.apiTokens.list(companyId);
}

export async function createApiToken(ctx: AppContext, actor: Actor, companyId: string, name: string) {
  await authorize(ctx, actor, companyId, 'tokens.manage');
  return issueApiToken(ctx, actor.userId, companyId, name);
}

/** Issues a token acting as `userId` in `companyId` (used by the API and by `pacer token create`). */
export async function issueApiToken(ctx: AppContext, userId: string, companyId: string, name: string) {
  const secret = `${TOKEN_PREFIX}${randomToken()}`;
  const record: ApiTokenRecord = {
    id: newId(),
    companyId,
    userId,
    name: name.trim(),
    prefix: secret.slice(0, 12),
    createdAt: nowIso(ctx),
    lastUsedAt: null,
    revokedAt: null,
  };
  await ctx.repos.apiTokens.create(record, hashSecret(secret));
  await ctx.repos.audit.append(
    {
      companyId,
      userId,
      action: 'api_token.created',
      entity: 'api_token',
      entityId: record.id,
      details: { name: record.name },
    },
    record.createdAt,
  );
  return { ...record, token: secret };
}

export async function revokeApiToken(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  tokenId: string,
): Promise<void> {
  await authorize(ctx, actor, companyId, 'tokens.manage');
  const t = await ctx.repos.apiTokens.findById(companyId, tokenId);
  if (!t) throw new AppError('TOKEN_NOT_FOUND');
  await ctx.repos.apiTokens.revoke(companyId, tokenId, nowIso(ctx));
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'api_token.revoked',
      entity: 'api_token',
      entityId: tokenId,
      details: { name: t.name },
    },
    nowIso(ctx),
  );
}

/** Resolves a bearer token to the acting user and its company, or null when unknown/revoked/disabled. */
export async function authenticateApiToken(
  ctx: AppContext,
  secret: string,
): Promise<{ user: UserRecord; companyId: string } | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const t = await ctx.repos.apiTokens.findByHash(hashSecret(secret));
  if (!t || t.revokedAt) return null;
  const user = await ctx.repos.users.findById(t.userId);
  if (!user || user.disabledAt) return null;
  if (!(await ctx.repos.companies.roleOf(t.companyId, user.id))) return null;
  const now = ctx.clock.now();
  if (!t.lastUsedAt || now.getTime() - Date.parse(t.lastUsedAt) > 60_000)
    await ctx.repos.apiTokens.touch(t.id, now.toISOString());
  return { user, companyId: t.companyId };
}
