/**
 * The aggregates the KPI formulas read, one row per (bucket, breakdown key). The repository computes
 * them with SQL (from roll-ups where it can, raw lines where exactness needs them); core turns them
 * into KPI values. `bucket` indexes the requested date ranges; `key` is the breakdown member's name
 * (null: none recorded), always null without a breakdown.
 */
export interface FactKey {
  bucket: number;
  key: string | null;
}

/** Additive sales figures (from the daily/monthly roll-ups). */
export interface SalesFact extends FactKey {
  revenueMinor: number;
  units: number;
  lines: number;
  /** Revenue of lines that carry a campaign code. */
  campaignRevenueMinor: number;
  /** Set when the facts were asked per channel (new-channel revenue). */
  channelId?: number | null;
}

/** Exact distinct counts over orders and customers. */
export interface OrderFact extends FactKey {
  orders: number;
  /** Distinct identified customers (walk-ins without a customer are not counted). */
  customers: number;
  /** Customers with two or more distinct orders in the bucket. */
  repeatCustomers: number;
  /** Orders of identified customers. */
  customerOrders: number;
  /** Revenue of lines of identified customers. */
  customerRevenueMinor: number;
}

export interface CountFact extends FactKey {
  count: number;
}

/** Cohort retention: customers active in the previous period, and how many of them came back. */
export interface RetentionFact extends FactKey {
  previousCustomers: number;
  retained: number;
}

export interface MarketingFact extends FactKey {
  impressions: number;
  visits: number;
  leads: number;
  opportunities: number;
  spendMinor: number;
}

export interface SatisfactionFact extends FactKey {
  csatCount: number;
  csatSum: number;
  /** Responses with CSAT 4 or 5. */
  csatSatisfied: number;
  npsCount: number;
  /** NPS 9–10. */
  promoters: number;
  /** NPS 0–6. */
  detractors: number;
}

/** The size of the market over a period (inclusive dates), in minor units. */
export interface MarketSizeRow {
  start: string;
  end: string;
  amountMinor: number;
}

export interface ChannelFirstSale {
  channelId: number;
  firstDate: string;
}

export interface KpiFacts {
  sales?: SalesFact[];
  orders?: OrderFact[];
  newCustomers?: CountFact[];
  reps?: CountFact[];
  retention?: RetentionFact[];
  marketing?: MarketingFact[];
  satisfaction?: SatisfactionFact[];
  marketSizes?: MarketSizeRow[];
  channelFirstSales?: ChannelFirstSale[];
}

export type FactKind = keyof KpiFacts;
