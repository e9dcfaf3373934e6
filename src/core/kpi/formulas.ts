import { addMonths, type DateRange, daysBetween } from '../calendar/periods.ts';
import type { ChannelFirstSale, MarketSizeRow } from './facts.ts';

/**
 * One function per KPI. Money is in minor units; ratios are plain numbers (0.25 = 25 %); a ratio
 * whose denominator is zero is null (undefined, not zero). Each returns the value with the
 * numerator and denominator it was computed from, so ratios are never summed across breakdowns.
 */
export interface KpiValue {
  value: number | null;
  numerator?: number;
  denominator?: number;
}

const ratio = (numerator: number, denominator: number): KpiValue => ({
  value: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});

/** 營收: Σ line amount (after discounts). */
export const computeRevenue = (revenueMinor: number): KpiValue => ({ value: revenueMinor });

/** 銷售量: Σ quantity. */
export const computeUnits = (units: number): KpiValue => ({ value: units });

/** 訂單數: distinct order ids. */
export const computeOrders = (orders: number): KpiValue => ({ value: orders });

/** 客單價: revenue ÷ orders. */
export const computeAov = (revenueMinor: number, orders: number): KpiValue => ratio(revenueMinor, orders);

/** 轉換率: orders ÷ visits (marketing_daily). */
export const computeConversionRate = (orders: number, visits: number): KpiValue => ratio(orders, visits);

/** 獲客成本: marketing spend ÷ new customers. */
export const computeCac = (spendMinor: number, newCustomers: number): KpiValue =>
  ratio(spendMinor, newCustomers);

/** 廣告投資報酬率: campaign-attributed revenue ÷ marketing spend. */
export const computeRoas = (attributedRevenueMinor: number, spendMinor: number): KpiValue =>
  ratio(attributedRevenueMinor, spendMinor);

/** 潛在客戶數: Σ leads. */
export const computeLeads = (leads: number): KpiValue => ({ value: leads });

/** 新客戶數: customers whose first order ever falls in the period. */
export const computeNewCustomers = (count: number): KpiValue => ({ value: count });

/** 客戶數: distinct identified customers who ordered. */
export const computeCustomers = (count: number): KpiValue => ({ value: count });

/** 留存率: of the customers active in the previous period, the share active again in this one. */
export const computeRetentionRate = (retained: number, previousCustomers: number): KpiValue =>
  ratio(retained, previousCustomers);

/** 流失率: 1 − retention = customers of the previous period not back in this one ÷ previous customers. */
export const computeChurnRate = (retained: number, previousCustomers: number): KpiValue =>
  ratio(previousCustomers - retained, previousCustomers);

/** 回購率: customers with ≥ 2 orders in the period ÷ customers with ≥ 1. */
export const computeRepeatPurchaseRate = (repeatCustomers: number, customers: number): KpiValue =>
  ratio(repeatCustomers, customers);

/**
 * 客戶終身價值: AOV × purchase frequency × expected lifetime, where AOV = customer revenue ÷
 * customer orders, frequency = customer orders ÷ customers (per period), expected lifetime =
 * 1 ÷ churn rate (in periods of the grain). The customer orders cancel: the product is
 * (customer revenue ÷ customers) ÷ churn rate, so they are not read. Null when there are no
 * customers or churn is zero.
 */
export function computeClv(
  customerRevenueMinor: number,
  customers: number,
  churnRate: number | null,
): KpiValue {
  if (customers === 0 || churnRate === null || churnRate === 0)
    return { value: null, numerator: customerRevenueMinor, denominator: customers };
  return {
    value: customerRevenueMinor / customers / churnRate,
    numerator: customerRevenueMinor,
    denominator: customers,
  };
}

/** 客戶滿意度: mean CSAT (1–5), with the share of satisfied responses (4–5). */
export function computeCsat(
  csatSum: number,
  csatCount: number,
  satisfied: number,
): KpiValue & { satisfiedShare: number | null } {
  return {
    ...ratio(csatSum, csatCount),
    satisfiedShare: csatCount === 0 ? null : satisfied / csatCount,
  };
}

/** 淨推薦值: (promoters 9–10 − detractors 0–6) ÷ responses × 100, from −100 to 100. */
export function computeNps(promoters: number, detractors: number, responses: number): KpiValue {
  return {
    value: responses === 0 ? null : ((promoters - detractors) / responses) * 100,
    numerator: promoters - detractors,
    denominator: responses,
  };
}

/** 市場占有率: revenue ÷ market size of the period (see {@link marketSizeOver}). */
export const computeMarketShare = (revenueMinor: number, marketSizeMinor: number): KpiValue =>
  ratio(revenueMinor, marketSizeMinor);

/** 每位業務營收: revenue ÷ distinct reps with sales in the period. */
export const computeRevenuePerRep = (revenueMinor: number, reps: number): KpiValue =>
  ratio(revenueMinor, reps);

/** 新通路營收: revenue from channels whose first sale lies within the 12 months up to the period's end. */
export const computeNewChannelRevenue = (revenueMinor: number): KpiValue => ({ value: revenueMinor });

/**
 * The market size of a date range: every market-size period overlapping it contributes its amount
 * pro-rated by the days of overlap (a year of 365 days overlapping 31 days contributes 31/365).
 */
export function marketSizeOver(range: DateRange, rows: readonly MarketSizeRow[]): number {
  let total = 0;
  for (const r of rows) {
    const start = r.start > range.start ? r.start : range.start;
    const end = r.end < range.end ? r.end : range.end;
    const overlap = daysBetween(start, end);
    const length = daysBetween(r.start, r.end);
    if (overlap > 0 && length > 0) total += (r.amountMinor * overlap) / length;
  }
  return total;
}

/** Channels whose first sale ever lies within the twelve months that end on `end` (inclusive). */
export function newChannelsAt(end: string, firstSales: readonly ChannelFirstSale[]): Set<number> {
  const after = addMonths(end, -12);
  return new Set(firstSales.filter((c) => c.firstDate > after && c.firstDate <= end).map((c) => c.channelId));
}
