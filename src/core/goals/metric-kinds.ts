import { isSummable } from '../kpi/aggregation.ts';
import { type Dimension, KPI_METRICS, type KpiMetric } from '../kpi/types.ts';

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

/** Line dimensions whose members may have sales with no customer recorded on any of them (walk-ins). */
export const WALK_IN_DIMENSIONS: readonly Dimension[] = ['channel', 'rep', 'region'];

/**
 * The members (of `all`) with no identified customer in a range: absent from the customers KPI's
 * totals by that dimension over the range, or counted zero there. A customer KPI broken down by the
 * dimension has no value for them (walk-ins are not counted), so the web app and the CLI name them.
 */
export function membersWithoutCustomers(
  all: readonly string[],
  customersTotal: readonly { key?: string | null | undefined; value: number | null }[],
): string[] {
  const counted = new Set(customersTotal.filter((p) => (p.value ?? 0) > 0).map((p) => p.key ?? ''));
  return all.filter((name) => !counted.has(name));
}
