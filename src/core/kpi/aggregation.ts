import type { KpiAggregation, KpiMetric } from './types.ts';

export type { KpiAggregation };

/**
 * How a KPI's values combine across periods and across breakdown members: the one declaration of
 * the metric kinds (goals, charts and totals all read it).
 * - 'sum': the value of a range is the sum of its parts (revenue, units, orders, leads, ...).
 * - 'ratio': a quotient of two sums; the value of a range is Σ numerator ÷ Σ denominator, never a
 *   sum or a mean of the values (AOV, conversion, CAC, ROAS, CSAT, NPS, market share).
 * - 'distinct': built on distinct customers or reps (or their cohorts), which may appear in several
 *   periods and members; the value of a range is read from the whole range at once.
 */
export const KPI_AGGREGATION: Readonly<Record<KpiMetric, KpiAggregation>> = {
  revenue: 'sum',
  units: 'sum',
  orders: 'sum',
  leads: 'sum',
  new_customers: 'sum',
  new_channel_revenue: 'sum',
  aov: 'ratio',
  conversion_rate: 'ratio',
  cac: 'ratio',
  roas: 'ratio',
  csat: 'ratio',
  nps: 'ratio',
  market_share: 'ratio',
  customers: 'distinct',
  retention_rate: 'distinct',
  churn_rate: 'distinct',
  repeat_purchase_rate: 'distinct',
  clv: 'distinct',
  revenue_per_rep: 'distinct',
};

/** Values that add up across periods and members (and may be stacked). */
export const isSummable = (metric: KpiMetric): boolean => KPI_AGGREGATION[metric] === 'sum';
