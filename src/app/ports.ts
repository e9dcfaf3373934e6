import type { Role } from '../core/access/permissions.ts';
import type { TimeZone } from '../core/calendar/time-zones.ts';
import type { GoalSpec, Grades } from '../core/goals/types.ts';
import type { KpiMetric } from '../core/kpi/types.ts';
import type { Currency } from '../core/money/currency.ts';
import type { CatalogStore, ExportSource } from './data/ports.ts';
import type { ImportStore } from './import/ports.ts';
import type { KpiRepository } from './kpi/ports.ts';

/** Ports: what the use cases need from the outside world. db/ implements the repositories. */

export interface Clock {
  now(): Date;
}

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  locale: 'zh-TW' | 'en';
  disabledAt: string | null;
  createdAt: string;
}

export interface MembershipRecord {
  companyId: string;
  companyName: string;
  role: Role;
  createdAt: string;
}

export interface MemberRecord {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export interface CompanyRecord {
  id: string;
  name: string;
  createdAt: string;
}

export interface ProfileRecord {
  stage: 'startup' | 'fast_growth' | 'mature';
  industry: string;
  currency: Currency;
  fiscalYearStartMonth: number;
  timeZone: TimeZone;
  description: string;
  version: number;
  updatedAt: string | null;
}

export interface MarketSizeRecord {
  kind: 'TAM' | 'SAM' | 'SOM';
  year: number;
  amountMinor: number;
  currency: Currency;
  source: string;
}
export interface CompetitorRecord {
  name: string;
  priceLevel: 'low' | 'mid' | 'high' | null;
  strengths: string;
  weaknesses: string;
  notes: string;
}
export interface SwotRecord {
  kind: 'strength' | 'weakness' | 'opportunity' | 'threat';
  text: string;
}
export interface ObjectiveRecord {
  id: string;
  title: string;
  description: string;
}
export interface MarketAnalysisRecord {
  positioning: string;
  marketSizes: MarketSizeRecord[];
  competitors: CompetitorRecord[];
  swot: SwotRecord[];
  objectives: ObjectiveRecord[];
  version: number;
  updatedAt: string | null;
}

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

export interface SessionRecord {
  idHash: string;
  userId: string;
  currentCompanyId: string | null;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
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

export interface UserRepository {
  findByEmail(email: string): Promise<UserRecord | null>;
  findById(id: string): Promise<UserRecord | null>;
  create(user: UserRecord): Promise<void>;
  updatePasswordHash(id: string, hash: string): Promise<void>;
  update(id: string, patch: { name?: string; locale?: 'zh-TW' | 'en' }): Promise<void>;
}

export interface NewCompany {
  id: string;
  name: string;
  createdAt: string;
  ownerId: string;
  profile: Omit<ProfileRecord, 'version' | 'updatedAt'>;
}

export interface CompanyRepository {
  /** Creates the company, its owner membership, its default profile and empty market analysis at once. */
  create(company: NewCompany): Promise<void>;
  findById(companyId: string): Promise<CompanyRecord | null>;
  findByName(name: string): Promise<CompanyRecord[]>;
  rename(companyId: string, name: string): Promise<void>;
  membershipsOf(userId: string): Promise<MembershipRecord[]>;
  roleOf(companyId: string, userId: string): Promise<Role | null>;
  members(companyId: string): Promise<MemberRecord[]>;
  addMember(companyId: string, userId: string, role: Role, at: string): Promise<void>;
  setRole(companyId: string, userId: string, role: Role): Promise<void>;
  removeMember(companyId: string, userId: string): Promise<void>;
  countOwners(companyId: string): Promise<number>;
}

export interface ProfileRepository {
  get(companyId: string): Promise<ProfileRecord | null>;
  /** Saves when `expectedVersion` matches; returns false on a stale version (nothing written). */
  save(
    companyId: string,
    profile: Omit<ProfileRecord, 'version' | 'updatedAt'>,
    expectedVersion: number,
    by: string,
    at: string,
  ): Promise<boolean>;
}

export interface MarketRepository {
  get(companyId: string): Promise<MarketAnalysisRecord | null>;
  save(
    companyId: string,
    analysis: Omit<MarketAnalysisRecord, 'version' | 'updatedAt'>,
    expectedVersion: number,
    by: string,
    at: string,
  ): Promise<boolean>;
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

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  findByHash(idHash: string): Promise<SessionRecord | null>;
  touch(idHash: string, at: string): Promise<void>;
  setCurrentCompany(idHash: string, companyId: string | null): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteAllForUser(userId: string, exceptHash?: string): Promise<void>;
  deleteExpired(now: string): Promise<number>;
}

export interface ApiTokenRepository {
  create(token: ApiTokenRecord, tokenHash: string): Promise<void>;
  list(companyId: string): Promise<ApiTokenRecord[]>;
  findById(companyId: string, id: string): Promise<ApiTokenRecord | null>;
  findByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  revoke(companyId: string, id: string, at: string): Promise<void>;
  touch(id: string, at: string): Promise<void>;
}

export interface ThrottleRecord {
  failures: number;
  windowStart: string;
  lockedUntil: string | null;
}
export interface ThrottleRepository {
  get(key: string): Promise<ThrottleRecord | null>;
  put(key: string, record: ThrottleRecord): Promise<void>;
  clear(key: string): Promise<void>;
}

export interface AuditRepository {
  append(entry: AuditInput, at: string): Promise<void>;
  list(companyId: string, limit: number, beforeId?: string): Promise<AuditRecord[]>;
}

export type GoalStatus = 'active' | 'archived';

export interface GoalRecord {
  id: string;
  companyId: string;
  status: GoalStatus;
  version: number;
  spec: GoalSpec;
  createdAt: string;
  updatedAt: string;
  createdByName: string | null;
  ownerName: string | null;
  objectiveTitle: string | null;
  score: number | null;
  grades: Grades | null;
}

export interface GoalVersionRecord {
  version: number;
  at: string;
  byName: string | null;
  reason: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface GoalWrite {
  spec: GoalSpec;
  status: GoalStatus;
  score: number | null;
  grades: Grades | null;
}

export interface GoalRepository {
  list(companyId: string, filter: { status: GoalStatus | 'all'; metric?: KpiMetric }): Promise<GoalRecord[]>;
  get(companyId: string, goalId: string): Promise<GoalRecord | null>;
  /** Creates the goal at version 1 with its first version row. */
  create(
    companyId: string,
    id: string,
    goal: GoalWrite,
    by: string,
    at: string,
    reason: string,
  ): Promise<void>;
  /** Writes when `expectedVersion` matches, adding a version row; false on a stale version (nothing written). */
  update(
    companyId: string,
    goalId: string,
    goal: GoalWrite,
    expectedVersion: number,
    change: { reason: string; changes: Record<string, { from: unknown; to: unknown }> },
    by: string,
    at: string,
  ): Promise<boolean>;
  versions(companyId: string, goalId: string): Promise<GoalVersionRecord[]>;
}

export interface Repositories {
  users: UserRepository;
  companies: CompanyRepository;
  profiles: ProfileRepository;
  market: MarketRepository;
  invitations: InvitationRepository;
  sessions: SessionRepository;
  apiTokens: ApiTokenRepository;
  throttle: ThrottleRepository;
  audit: AuditRepository;
  imports: ImportStore;
  kpi: KpiRepository;
  catalog: CatalogStore;
  exports: ExportSource;
  goals: GoalRepository;
}

/** Everything a use case may touch. */
export interface AppContext {
  repos: Repositories;
  clock: Clock;
}
