import type { Generated } from 'kysely';

export interface ImportsTable {
  id: string;
  /** The import's integer number (sales lines record it as import_seq). */
  seq: Generated<number>;
  company_id: string;
  /** 'sales' | 'marketing' | 'satisfaction' */
  kind: string;
  file_name: string;
  file_sha256: string;
  file_bytes: number;
  /** 'running' | 'committed' | 'failed' | 'undone' */
  status: string;
  lines_read: Generated<number>;
  added: Generated<number>;
  duplicates: Generated<number>;
  rejected: Generated<number>;
  /** JSON of the header mapping and parse options used. */
  mapping: string;
  first_date: string | null;
  last_date: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
  undone_at: string | null;
  undone_by: string | null;
  /** JSON of the import's account (what it left out, the facts its file lacked); null before 2026120306. */
  account: string | null;
}

/** Per import × day × missing fact: how many of the lines the import added lack it (migration 2026120306). */
export interface ImportGapLinesTable {
  tenant_id: number;
  import_seq: number;
  day: string;
  /** A DataGap: noProduct | assumedQuantity | inventedOrders | noCustomer */
  gap: string;
  lines: number;
}

export interface ImportErrorsTable {
  id: Generated<number>;
  company_id: string;
  import_id: string;
  line: number;
  column_name: string | null;
  /** A stable reason code; messages come from the catalogue in the reader's language. */
  code: string;
  value: string | null;
}

export interface MappingPresetsTable {
  id: Generated<number>;
  company_id: string;
  kind: string;
  name: string;
  mapping: string;
  created_at: string;
  updated_at: string;
}

/** Marketing spend and funnel counts per channel, day and campaign ('' when none). */
export interface MarketingDailyTable {
  id: Generated<number>;
  company_id: string;
  day: string;
  channel_id: number;
  campaign: Generated<string>;
  impressions: Generated<number>;
  visits: Generated<number>;
  leads: Generated<number>;
  opportunities: Generated<number>;
  spend_minor: Generated<number>;
  currency: string;
  import_id: string | null;
}

export interface SatisfactionResponsesTable {
  id: Generated<number>;
  company_id: string;
  /** The survey's response id, else a hash of the response's content. */
  response_key: string;
  responded_on: string;
  customer_id: number | null;
  channel_id: number | null;
  /** 1–5 */
  csat: number | null;
  /** 0–10 */
  nps: number | null;
  comment: string | null;
  import_id: string | null;
}

/** The size of the company's market over a period (inclusive dates), for market share. */
export interface MarketSizePeriodsTable {
  id: Generated<number>;
  company_id: string;
  period_start: string;
  period_end: string;
  amount_minor: number;
  currency: string;
  source: Generated<string>;
}

export interface ImportTables {
  imports: ImportsTable;
  import_gap_lines: ImportGapLinesTable;
  import_errors: ImportErrorsTable;
  mapping_presets: MappingPresetsTable;
  marketing_daily: MarketingDailyTable;
  satisfaction_responses: SatisfactionResponsesTable;
  market_size_periods: MarketSizePeriodsTable;
}
