import type { Role } from '../../core/access/permissions.ts';

/** Ports of the team: invitations, API tokens and the audit log. */

export interface InvitationRecord {
  id: string;
  companyId: string;
  companyName: string;
  email: string;
  role: Role;
  invitedBy: string;
  invitedByName: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export interface InvitationRepository {
  create(
    inv: Omit<InvitationRecord, 'companyName' | 'invitedByName' | 'acceptedAt' | 'revokedAt'>,
    tokenHash: string,
  ): Promise<void>;
  list(companyId: string): Promise<InvitationRecord[]>;
  findById(companyId: string, id: string): Promise<InvitationRecord | null>;
  findByTokenHash(tokenHash: string): Promise<InvitationRecord | null>;
  markAccepted(id: string, userId: string, at: string): Promise<void>;
  revoke(companyId: string, id: string, at: string): Promise<void>;
}

export interface ApiTokenRecord {
  id: string;
  companyId: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokenRepository {
  create(token: ApiTokenRecord, tokenHash: string): Promise<void>;
  list(companyId: string): Promise<ApiTokenRecord[]>;
  findById(companyId: string, id: string): Promise<ApiTokenRecord | null>;
  findByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  revoke(companyId: string, id: string, at: string): Promise<void>;
  touch(id: string, at: string): Promise<void>;
}

export interface AuditRecord {
  id: string;
  at: string;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

/**
 * Every action the app records in the audit log. The web app shows each in words (auditActions.* in
 * its i18n files; a unit test checks every one has a label in both languages), so a new action is
 * added here first.
 */
export const AUDIT_ACTIONS = [
  'user.signed_up',
  'user.logged_in',
  'user.login_failed',
  'user.password_changed',
  'company.created',
  'company.renamed',
  'profile.saved',
  'market_analysis.saved',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'member.added',
  'member.role_changed',
  'member.removed',
  'api_token.created',
  'api_token.revoked',
  'demo.seeded',
  'catalog.renamed',
  'catalog.merged',
  'import.committed',
  'import.undone',
  'goal.created',
  'goal.updated',
  'goal.archived',
  'goal.restored',
  'plan.split',
  'plan.child_edited',
  'plan.rebalanced',
  'plan.replanned',
  'plan.stage_created',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditInput {
  companyId: string | null;
  userId: string | null;
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRepository {
  append(entry: AuditInput, at: string): Promise<void>;
  list(companyId: string, limit: number, beforeId?: string): Promise<AuditRecord[]>;
}
