import { AppError } from '../../core/errors/app-error.ts';
import type { MembershipRecord } from '../company/ports.ts';
import type { AppContext } from '../ports.ts';
import { hashSecret, randomToken } from '../security/secrets.ts';
import type { SessionRecord, UserRecord } from './ports.ts';

/** Idle time-out 7 days, absolute time-out 30 days. */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;
/** Last-seen is written at most once a minute, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface SessionView {
  user: Omit<UserRecord, 'passwordHash' | 'disabledAt'>;
  memberships: MembershipRecord[];
  currentCompanyId: string | null;
  csrfToken: string;
}

export interface StartedSession {
  token: string;
  view: SessionView;
}

/** Starts a new session (a fresh random id at every login: rotation). Returns the secret for the cookie. */
export async function startSession(
  ctx: AppContext,
  user: UserRecord,
  preferredCompanyId?: string | null,
): Promise<StartedSession> {
  const memberships = await ctx.repos.companies.membershipsOf(user.id);
  const current =
    memberships.find((m) => m.companyId === preferredCompanyId)?.companyId ??
    memberships[0]?.companyId ??
    null;
  const token = randomToken();
  const now = ctx.clock.now();
  const record: SessionRecord = {
    idHash: hashSecret(token),
    userId: user.id,
    currentCompanyId: current,
    csrfToken: randomToken(),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  };
  await ctx.repos.sessions.create(record);
  return { token, view: toView(user, memberships, record) };
}

export interface ResolvedSession {
  session: SessionRecord;
  user: UserRecord;
}

/** Finds a live session by its cookie secret; expired, idle or disabled-user sessions end here. */
export async function resolveSession(ctx: AppContext, token: string): Promise<ResolvedSession | null> {
  const idHash = hashSecret(token);
  const session = await ctx.repos.sessions.findByHash(idHash);
  if (!session) return null;
  const now = ctx.clock.now().getTime();
  const idle = now - Date.parse(session.lastSeenAt) > SESSION_IDLE_MS;
  const expired = now > Date.parse(session.expiresAt);
  const user = await ctx.repos.users.findById(session.userId);
  if (idle || expired || !user || user.disabledAt) {
    await ctx.repos.sessions.delete(idHash);
    return null;
  }
  if (now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
    await ctx.repos.sessions.touch(idHash, new Date(now).toISOString());
  }
  return { session, user };
}

export async function describeSession(ctx: AppContext, resolved: ResolvedSession): Promise<SessionView> {
  const memberships = await ctx.repos.companies.membershipsOf(resolved.user.id);
  let current = resolved.session.currentCompanyId;
  if (current && !memberships.some((m) => m.companyId === current))
    current = memberships[0]?.companyId ?? null;
  return toView(resolved.user, memberships, { ...resolved.session, currentCompanyId: current });
}

export async function switchCompany(
  ctx: AppContext,
  resolved: ResolvedSession,
  companyId: string,
): Promise<SessionView> {
  const role = await ctx.repos.companies.roleOf(companyId, resolved.user.id);
  if (!role) throw new AppError('COMPANY_NOT_FOUND');
  await ctx.repos.sessions.setCurrentCompany(resolved.session.idHash, companyId);
  return describeSession(ctx, { ...resolved, session: { ...resolved.session, currentCompanyId: companyId } });
}

export async function endSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.repos.sessions.delete(hashSecret(token));
}

function toView(user: UserRecord, memberships: MembershipRecord[], s: SessionRecord): SessionView {
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale, createdAt: user.createdAt },
    memberships,
    currentCompanyId: s.currentCompanyId,
    csrfToken: s.csrfToken,
  };
}
