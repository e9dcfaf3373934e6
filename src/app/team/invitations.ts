import { canInviteRole, type Role } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import { createUser } from '../auth/accounts.ts';
import {
  describeSession,
  type ResolvedSession,
  type SessionView,
  type StartedSession,
  startSession,
} from '../auth/sessions.ts';
import type { AppContext } from '../ports.ts';
import { hashSecret, newId, randomToken } from '../security/secrets.ts';
import type { InvitationRecord } from './ports.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export function invitationStatus(inv: InvitationRecord, now: Date): InvitationStatus {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  if (Date.parse(inv.expiresAt) < now.getTime()) return 'expired';
  return 'pending';
}

export async function listInvitations(ctx: AppContext, actor: Actor, companyId: string) {
  await authorize(ctx, actor, companyId, 'invitations.read');
  const now = ctx.clock.now();
  return (await ctx.repos.invitations.list(companyId)).map((inv) => ({
    ...inv,
    status: invitationStatus(inv, now),
  }));
}

/** Creates an invitation link (shown once). A manager cannot invite an owner. */
export async function createInvitation(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: { email: string; role: Role },
) {
  const role = await authorize(ctx, actor, companyId, 'invitations.manage');
  if (!canInviteRole(role, input.role))
    throw new AppError('FORBIDDEN', [{ path: 'role', message: 'cannot_invite_role' }]);
  const email = input.email.trim().toLowerCase();
  const existing = await ctx.repos.users.findByEmail(email);
  if (existing && (await ctx.repos.companies.roleOf(companyId, existing.id))) {
    throw new AppError('ALREADY_MEMBER', [{ path: 'email', message: 'already_member' }]);
  }
  const token = randomToken();
  const now = ctx.clock.now();
  const record = {
    id: newId(),
    companyId,
    email,
    role: input.role,
    invitedBy: actor.userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
  };
  await ctx.repos.invitations.create(record, hashSecret(token));
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'invitation.created',
      entity: 'invitation',
      entityId: record.id,
      details: { email, role: input.role },
    },
    record.createdAt,
  );
  const saved = await ctx.repos.invitations.findById(companyId, record.id);
  if (!saved) throw new AppError('INTERNAL');
  return { invitation: { ...saved, status: invitationStatus(saved, now) }, token };
}

export async function revokeInvitation(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  invitationId: string,
): Promise<void> {
  await authorize(ctx, actor, companyId, 'invitations.manage');
  const inv = await ctx.repos.invitations.findById(companyId, invitationId);
  if (!inv) throw new AppError('INVITATION_NOT_FOUND');
  await ctx.repos.invitations.revoke(companyId, invitationId, nowIso(ctx));
  await ctx.repos.audit.append(
    {
      companyId,
      userId: actor.userId,
      action: 'invitation.revoked',
      entity: 'invitation',
      entityId: invitationId,
      details: { email: inv.email },
    },
    nowIso(ctx),
  );
}

async function pendingByToken(ctx: AppContext, token: string): Promise<InvitationRecord> {
  const inv = await ctx.repos.invitations.findByTokenHash(hashSecret(token));
  if (!inv || invitationStatus(inv, ctx.clock.now()) !== 'pending')
    throw new AppError('INVITATION_NOT_FOUND');
  return inv;
}

export async function previewInvitation(ctx: AppContext, token: string) {
  const inv = await pendingByToken(ctx, token);
  return {
    companyName: inv.companyName,
    email: inv.email,
    role: inv.role,
    invitedBy: inv.invitedByName,
    expiresAt: inv.expiresAt,
    accountExists: (await ctx.repos.users.findByEmail(inv.email)) !== null,
  };
}

export type AcceptResult =
  | { kind: 'joined'; view: SessionView }
  | { kind: 'created'; started: StartedSession };

/**
 * Accepts an invitation: a logged-in user joins (the invitation must be for their e-mail); someone
 * without an account creates it with a name and password and is logged in.
 */
export async function acceptInvitation(
  ctx: AppContext,
  token: string,
  resolved: ResolvedSession | null,
  input: { name?: string | undefined; password?: string | undefined },
): Promise<AcceptResult> {
  const inv = await pendingByToken(ctx, token);
  const at = nowIso(ctx);
  if (resolved) {
    if (resolved.user.email !== inv.email) throw new AppError('INVITATION_EMAIL_MISMATCH');
    if (!(await ctx.repos.companies.roleOf(inv.companyId, resolved.user.id))) {
      await ctx.repos.companies.addMember(inv.companyId, resolved.user.id, inv.role, at);
    }
    await ctx.repos.invitations.markAccepted(inv.id, resolved.user.id, at);
    await ctx.repos.sessions.setCurrentCompany(resolved.session.idHash, inv.companyId);
    await audit(ctx, inv, resolved.user.id, at);
    return {
      kind: 'joined',
      view: await describeSession(ctx, {
        ...resolved,
        session: { ...resolved.session, currentCompanyId: inv.companyId },
      }),
    };
  }
  if (!input.name || !input.password) throw new AppError('ACCOUNT_REQUIRED');
  if (await ctx.repos.users.findByEmail(inv.email)) throw new AppError('EMAIL_TAKEN');
  const user = await createUser(ctx, { email: inv.email, name: input.name, password: input.password });
  await ctx.repos.companies.addMember(inv.companyId, user.id, inv.role, at);
  await ctx.repos.invitations.markAccepted(inv.id, user.id, at);
  await audit(ctx, inv, user.id, at);
  return { kind: 'created', started: await startSession(ctx, user, inv.companyId) };
}

async function audit(ctx: AppContext, inv: InvitationRecord, userId: string, at: string) {
  await ctx.repos.audit.append(
    {
      companyId: inv.companyId,
      userId,
      action: 'invitation.accepted',
      entity: 'invitation',
      entityId: inv.id,
      details: { role: inv.role },
    },
    at,
  );
}
