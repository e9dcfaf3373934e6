import { isSummable } from '../kpi/aggregation.ts';
import { KPI_METRICS, type KpiMetric } from '../kpi/types.ts';

/** Metrics whose value over a period is the sum of its days: targets on them are totals (core/kpi's kinds). */
export const ADDITIVE_METRICS: readonly KpiMetric[] = KPI_METRICS.filter(isSummable);
/**
 * Metrics counted over identified customers: walk-ins (lines without a customer) are not counted, so
 * a channel, rep or region whose sales have no customer recorded has no value for them.
 */
export const CUSTOMER_METRICS: readonly KpiMetric[] = [
  'customers',
  'new_customers',
  'retention_rate',
  'churn_rate',
  'repeat_purchase_rate',
  'clv',
  'cac',
];
/** Metrics where lower is better: the target is a ceiling. */
export const LOWER_IS_BETTER: readonly KpiMetric[] = ['cac', 'churn_rate'];
/** Ratios the KPI engine gives as fractions (0.25) that goals write as percent numbers (25). */
export const PERCENT_METRICS: readonly KpiMetric[] = [
  'conversion_rate',
  'retention_rate',
  'churn_rate',
  'repeat_purchase_rate',
  'market_share',
];
export const MONEY_METRICS: readonly KpiMetric[] = [
  'revenue',
  'aov',
  'cac',
  'clv',
  'revenue_per_rep',
  'new_channel_revenue',
];

export const isAdditive = (m: KpiMetric): boolean => ADDITIVE_METRICS.includes(m);
export const isLowerBetter = (m: KpiMetric): boolean => LOWER_IS_BETTER.includes(m);
export const isPercentMetric = (m: KpiMetric): boolean => PERCENT_METRICS.includes(m);
export const isMoneyMetric = (m: KpiMetric): boolean => MONEY_METRICS.includes(m);
export const countsCustomers = (m: KpiMetric): boolean => CUSTOMER_METRICS.includes(m);
