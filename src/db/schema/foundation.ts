import type { Generated } from 'kysely';

/** Timestamps are ISO-8601 UTC strings in both dialects; ids of tenants and people are random UUIDs. */
export interface CompaniesTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string;
  disabled_at: string | null;
  created_at: string;
}

export interface MembershipsTable {
  company_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  company_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  current_company_id: string | null;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  company_id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

export interface CompanyProfilesTable {
  company_id: string;
  stage: string;
  industry: string;
  currency: string;
  fiscal_year_start_month: number;
  time_zone: string;
  description: string;
  version: number;
  updated_at: string | null;
  updated_by: string | null;
}

export interface MarketAnalysesTable {
  company_id: string;
  positioning: string;
  version: number;
  updated_at: string | null;
  updated_by: string | null;
}

export interface MarketSizesTable {
  id: Generated<number>;
  company_id: string;
  position: number;
  kind: string;
  year: number;
  amount_minor: number;
  currency: string;
  source: string;
}

export interface CompetitorsTable {
  id: Generated<number>;
  company_id: string;
  position: number;
  name: string;
  price_level: string | null;
  strengths: string;
  weaknesses: string;
  notes: string;
}

export interface SwotEntriesTable {
  id: Generated<number>;
  company_id: string;
  position: number;
  kind: string;
  text: string;
}

export interface StrategicObjectivesTable {
  id: string;
  company_id: string;
  position: number;
  title: string;
  description: string;
  archived_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  company_id: string | null;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string;
  created_at: string;
}

export interface FoundationTables {
  companies: CompaniesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  company_profiles: CompanyProfilesTable;
  market_analyses: MarketAnalysesTable;
  market_sizes: MarketSizesTable;
  competitors: CompetitorsTable;
  swot_entries: SwotEntriesTable;
  strategic_objectives: StrategicObjectivesTable;
  audit_log: AuditLogTable;
}
