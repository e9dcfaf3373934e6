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

export interface AuditInput {
  companyId: string | null;
  userId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRepository {
  append(entry: AuditInput, at: string): Promise<void>;
  list(companyId: string, limit: number, beforeId?: string): Promise<AuditRecord[]>;
}
