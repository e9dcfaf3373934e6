import { checkPassword } from '../../core/access/password-policy.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { nowIso } from '../access.ts';
import { createCompanyForUser } from '../company/companies.ts';
import type { AppContext } from '../ports.ts';
import { dummyPasswordHash, hashPassword, newId, verifyPassword } from '../security/secrets.ts';
import type { UserRecord } from './ports.ts';
import {
  describeSession,
  type ResolvedSession,
  type SessionView,
  type StartedSession,
  startSession,
} from './sessions.ts';

export function assertPasswordAcceptable(password: string): void {
  const problem = checkPassword(password);
  if (problem === 'too_common')
    throw new AppError('WEAK_PASSWORD', [{ path: 'password', message: 'too_common' }]);
  if (problem) throw new AppError('VALIDATION_FAILED', [{ path: 'password', message: problem }]);
}

export interface NewUserInput {
  email: string;
  password: string;
  name: string;
  locale?: 'zh-TW' | 'en' | undefined;
}

/** Creates a user account (no company). Refuses a taken e-mail and weak passwords. */
export async function createUser(ctx: AppContext, input: NewUserInput): Promise<UserRecord> {
  assertPasswordAcceptable(input.password);
  const email = input.email.trim().toLowerCase();
  if (await ctx.repos.users.findByEmail(email))
    throw new AppError('EMAIL_TAKEN', [{ path: 'email', message: 'taken' }]);
  const user: UserRecord = {
    id: newId(),
    email,
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password),
    locale: input.locale ?? 'zh-TW',
    disabledAt: null,
    createdAt: nowIso(ctx),
  };
  await ctx.repos.users.create(user);
  return user;
}

/** Sign-up: a new account and its own company, of which it is the owner; logged in at once. */
export async function signUp(
  ctx: AppContext,
  input: NewUserInput & { companyName: string },
): Promise<StartedSession> {
  const user = await createUser(ctx, input);
  const company = await createCompanyForUser(ctx, user.id, input.companyName);
  await ctx.repos.audit.append(
    { companyId: company.id, userId: user.id, action: 'user.signed_up', entity: 'user', entityId: user.id },
    nowIso(ctx),
  );
  return startSession(ctx, user, company.id);
}

/**
 * Failed logins (ASVS 2.2.1). 5 failures of one account from one IP in 15 minutes lock that pair for
 * 15 minutes: someone who only knows an e-mail cannot lock its owner out from elsewhere. 20 failures
 * of one account from all IPs lock the account for 15 minutes, except from the IPs where it logged in
 * successfully in the last 90 days (the owner's own devices). 20 failures from one IP lock that IP.
 */
const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;
const KNOWN_IP_MS = 90 * 24 * 3600 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_AND_IP = 5;
export const MAX_FAILURES_PER_ACCOUNT = 20;
export const MAX_FAILURES_PER_IP = 20;

async function isLocked(ctx: AppContext, key: string): Promise<boolean> {
  const rec = await ctx.repos.throttle.get(key);
  return rec?.lockedUntil != null && Date.parse(rec.lockedUntil) > ctx.clock.now().getTime();
}

/** Whether the account logged in successfully from this IP recently. */
async function isKnownIp(ctx: AppContext, key: string): Promise<boolean> {
  const rec = await ctx.repos.throttle.get(key);
  return rec != null && ctx.clock.now().getTime() - Date.parse(rec.windowStart) < KNOWN_IP_MS;
}

async function recordFailure(ctx: AppContext, key: string, max: number): Promise<void> {
  const now = ctx.clock.now().getTime();
  const rec = await ctx.repos.throttle.get(key);
  const fresh = !rec || now - Date.parse(rec.windowStart) > WINDOW_MS;
  const failures = fresh ? 1 : rec.failures + 1;
  await ctx.repos.throttle.put(key, {
    failures,
    windowStart: fresh ? new Date(now).toISOString() : rec.windowStart,
    lockedUntil: failures >= max ? new Date(now + LOCK_MS).toISOString() : null,
  });
}

export async function logIn(
  ctx: AppContext,
  input: { email: string; password: string; ip: string; locale?: 'zh-TW' | 'en' | undefined },
): Promise<StartedSession> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `account:${email}`;
  const pairKey = `account-ip:${email}|${input.ip}`;
  const knownKey = `known-ip:${email}|${input.ip}`;
  const ipKey = `ip:${input.ip}`;
  if ((await isLocked(ctx, pairKey)) || (await isLocked(ctx, ipKey))) throw new AppError('TOO_MANY_ATTEMPTS');
  if ((await isLocked(ctx, accountKey)) && !(await isKnownIp(ctx, knownKey)))
    throw new AppError('TOO_MANY_ATTEMPTS');
  const found = await ctx.repos.users.findByEmail(email);
  const ok = found
    ? await verifyPassword(input.password, found.passwordHash)
    : await verifyPassword(input.password, await dummyPasswordHash()).then(() => false);
  if (!found || !ok || found.disabledAt) {
    await recordFailure(ctx, pairKey, MAX_FAILURES_PER_ACCOUNT_AND_IP);
    await recordFailure(ctx, accountKey, MAX_FAILURES_PER_ACCOUNT);
    await recordFailure(ctx, ipKey, MAX_FAILURES_PER_IP);
    await auditLogin(ctx, 'user.login_failed', found, email, input.ip);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await ctx.repos.throttle.clear(pairKey);
  await ctx.repos.throttle.put(knownKey, { failures: 0, windowStart: nowIso(ctx), lockedUntil: null });
  let user = found;
  // The language chosen on the login page becomes the account's language.
  if (input.locale && input.locale !== user.locale) {
    await ctx.repos.users.update(user.id, { locale: input.locale });
    user = { ...user, locale: input.locale };
  }
  await auditLogin(ctx, 'user.logged_in', user, email, input.ip);
  return startSession(ctx, user);
}

/**
 * Records a login or a failed one (the account as typed and the IP, never the password) in the audit
 * log of every company the account belongs to, where its owners and managers read it; an attempt on
 * an unknown account, or one in no company, is kept outside any company.
 */
async function auditLogin(
  ctx: AppContext,
  action: 'user.logged_in' | 'user.login_failed',
  user: UserRecord | null,
  email: string,
  ip: string,
): Promise<void> {
  const companies = user ? (await ctx.repos.companies.membershipsOf(user.id)).map((m) => m.companyId) : [];
  const at = nowIso(ctx);
  const details = { email: email.slice(0, 254), ip };
  for (const companyId of companies.length > 0 ? companies : [null])
    await ctx.repos.audit.append(
      { companyId, userId: user?.id ?? null, action, entity: 'user', entityId: user?.id ?? null, details },
      at,
    );
}

/** Changes the password; every other session of the user ends. */
export async function changePassword(
  ctx: AppContext,
  resolved: ResolvedSession,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (!(await verifyPassword(input.currentPassword, resolved.user.passwordHash))) {
    throw new AppError('INVALID_CREDENTIALS', [{ path: 'currentPassword', message: 'wrong' }]);
  }
  assertPasswordAcceptable(input.newPassword);
  await ctx.repos.users.updatePasswordHash(resolved.user.id, await hashPassword(input.newPassword));
  await ctx.repos.sessions.deleteAllForUser(resolved.user.id, resolved.session.idHash);
  await ctx.repos.audit.append(
    {
      companyId: null,
      userId: resolved.user.id,
      action: 'user.password_changed',
      entity: 'user',
      entityId: resolved.user.id,
    },
    nowIso(ctx),
  );
}

/** Changes the user's own name and language (the language of the web app, kept across logins). */
export async function updateMe(
  ctx: AppContext,
  resolved: ResolvedSession,
  patch: { name?: string | undefined; locale?: 'zh-TW' | 'en' | undefined },
): Promise<SessionView> {
  const clean: { name?: string; locale?: 'zh-TW' | 'en' } = {};
  if (patch.name !== undefined) clean.name = patch.name;
  if (patch.locale !== undefined) clean.locale = patch.locale;
  await ctx.repos.users.update(resolved.user.id, clean);
  const user = await ctx.repos.users.findById(resolved.user.id);
  return describeSession(ctx, { session: resolved.session, user: user ?? resolved.user });
}
