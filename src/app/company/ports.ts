import type { Role } from '../../core/access/permissions.ts';
import type { TimeZone } from '../../core/calendar/time-zones.ts';
import type { Currency } from '../../core/money/currency.ts';

/** Ports of companies: the company and its members, its profile and its market analysis. */

export interface CompanyRecord {
  id: string;
  name: string;
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
  /** Every company, oldest first, at most `limit`. */
  list(limit: number): Promise<CompanyRecord[]>;
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
