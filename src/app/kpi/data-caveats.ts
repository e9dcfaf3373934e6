import { countsCustomers } from '../../core/goals/metric-kinds.ts';
import { DATA_GAPS, type DataGap } from '../../core/ingest/data-gaps.ts';
import { type Dimension, type KpiMetric, type KpiQuery, SEGMENT_DIMENSIONS } from '../../core/kpi/types.ts';
import type { AppContext } from '../ports.ts';

/** A fact some import in the KPI's range lacked, that the KPI asked depends on, and on how many lines. */
export interface DataCaveat {
  gap: DataGap;
  lines: number;
}

const PRODUCT_DIMENSIONS: readonly Dimension[] = ['product', 'category'];
const MARKETING_OR_SATISFACTION: readonly KpiMetric[] = [
  'conversion_rate',
  'cac',
  'roas',
  'leads',
  'csat',
  'nps',
];
/** KPIs that count distinct orders (an order per line when the file had no order id). */
const ORDER_METRICS: readonly KpiMetric[] = [
  'orders',
  'aov',
  'conversion_rate',
  'repeat_purchase_rate',
  'clv',
];

/** The missing facts a KPI × breakdown × filters depends on. */
export function gapsAffecting(query: KpiQuery): DataGap[] {
  const dims = new Set<string>([...(query.by ? [query.by] : []), ...Object.keys(query.where ?? {})]);
  const salesLines = !MARKETING_OR_SATISFACTION.includes(query.metric) || query.metric === 'cac';
  const needs = new Set<DataGap>();
  if (salesLines && PRODUCT_DIMENSIONS.some((d) => dims.has(d))) needs.add('noProduct');
  if (query.metric === 'units') needs.add('assumedQuantity');
  if (ORDER_METRICS.includes(query.metric)) {
    needs.add('inventedOrders');
    needs.add('blankOrderIds');
  }
  // (Lines without a customer are no customer.)
  if (countsCustomers(query.metric) || (salesLines && SEGMENT_DIMENSIONS.some((d) => dims.has(d))))
    needs.add('noCustomer');
  return DATA_GAPS.filter((g) => needs.has(g));
}

/**
 * The caveats of a KPI answer: for each fact it depends on, the lines in its range whose files lacked
 * it (counts kept per import and day at import, gone with an undone import). Lines are counted over
 * the whole range, whatever the filters.
 */
export async function kpiDataCaveats(
  ctx: AppContext,
  companyId: string,
  query: KpiQuery,
): Promise<DataCaveat[]> {
  const gaps = gapsAffecting(query);
  if (gaps.length === 0) return [];
  const lines = await ctx.repos.imports.gapLines(companyId, query.from, query.to);
  return gaps.flatMap((gap) => {
    const n = lines[gap] ?? 0;
    return n > 0 ? [{ gap, lines: n }] : [];
  });
}
