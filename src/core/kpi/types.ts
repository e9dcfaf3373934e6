import type { Grain } from '../calendar/periods.ts';

/** Every KPI the engine computes (the goal-statement reader's metric names, plus new-channel revenue). */
export const KPI_METRICS = [
  'revenue',
  'units',
  'orders',
  'aov',
  'conversion_rate',
  'cac',
  'roas',
  'leads',
  'new_customers',
  'customers',
  'retention_rate',
  'churn_rate',
  'repeat_purchase_rate',
  'clv',
  'csat',
  'nps',
  'market_share',
  'revenue_per_rep',
  'new_channel_revenue',
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

export function isKpiMetric(value: string): value is KpiMetric {
  return (KPI_METRICS as readonly string[]).includes(value);
}

/** How a KPI's values combine across periods and members (declared per metric in aggregation.ts). */
export type KpiAggregation = 'sum' | 'ratio' | 'distinct';

/** money: minor units inside core (currency units at the API); ratio: a plain number (0.25 = 25 %). */
export type KpiUnit = 'money' | 'count' | 'ratio' | 'score';

/** What a KPI can be broken down by and filtered on. */
export const DIMENSIONS = [
  'product',
  'category',
  'channel',
  'rep',
  'region',
  'customer_type',
  'age_band',
  'member_tier',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Dimensions that are attributes of the customer (segments) rather than of the sales line. */
export const SEGMENT_DIMENSIONS: readonly Dimension[] = ['customer_type', 'age_band', 'member_tier'];

/** Filters by name: each listed dimension keeps only the named members (OR within, AND across). */
export type KpiFilters = Partial<Record<Dimension, readonly string[]>>;

export type KpiGrain = Grain;

/** KPIs read from sales lines: every dimension applies. */
export type SalesKpi = Exclude<KpiMetric, MarketingKpi | SatisfactionKpi>;
/** KPIs that divide by (or are) marketing figures per channel and day: only the channel applies. */
export type MarketingKpi = 'conversion_rate' | 'cac' | 'roas' | 'leads';
/** KPIs from customer-satisfaction responses: the channel, the customer's region and segments apply. */
export type SatisfactionKpi = 'csat' | 'nps';
/**
 * Whether a KPI's figures need the company's sales lines (every KPI but leads, CSAT and NPS): past the
 * last day with sales such a KPI is unknown, not zero.
 */
export const readsSalesLines = (m: KpiMetric): boolean => m !== 'leads' && m !== 'csat' && m !== 'nps';
export type MarketingDimension = 'channel';
export type SatisfactionDimension = 'channel' | 'region' | 'customer_type' | 'age_band' | 'member_tier';

interface QueryBase {
  /** First day, 'YYYY-MM-DD' (inclusive, the company's local calendar). */
  from: string;
  /** Last day, inclusive. */
  to: string;
  grain: KpiGrain;
}

/** A KPI question, tagged by metric: each family admits only the dimensions it can honour. */
export type KpiQuery =
  | (QueryBase & { metric: SalesKpi; by?: Dimension; where?: KpiFilters })
  | (QueryBase & {
      metric: MarketingKpi;
      by?: MarketingDimension;
      where?: Partial<Record<MarketingDimension, readonly string[]>>;
    })
  | (QueryBase & {
      metric: SatisfactionKpi;
      by?: SatisfactionDimension;
      where?: Partial<Record<SatisfactionDimension, readonly string[]>>;
    });

export interface KpiPoint {
  /** The period's id: '2026-03', '2026-W05', '2026-Q1', 'FY2026', a date, or 'from..to'. */
  period: string;
  label: string;
  /** The dates covered: the period clipped to the query's range. */
  start: string;
  end: string;
  /** The breakdown member's name (null: none recorded, e.g. walk-in customers); absent without `by`. */
  key?: string | null;
  /** null when undefined (a ratio whose denominator is zero). */
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** CSAT only: the share of responses scoring 4 or 5. */
  satisfiedShare?: number | null;
  /** Set when the point covers only part of its period (the month so far): not comparable as a whole. */
  partial?: boolean;
}

export interface KpiResult {
  metric: KpiMetric;
  unit: KpiUnit;
  currency: string;
  grain: KpiGrain;
  from: string;
  to: string;
  by: Dimension | null;
  series: KpiPoint[];
  /** The same periods last year, point for point (period ids of last year). */
  comparison: KpiPoint[];
  /** How the values combine (sum, ratio of sums, distinct counts): whether they may be added or stacked. */
  aggregation: KpiAggregation;
  /** The KPI over the whole range, per breakdown member (one point without a breakdown). */
  total: KpiPoint[];
  /** The same for the comparison periods last year. */
  comparisonTotal: KpiPoint[];
}
