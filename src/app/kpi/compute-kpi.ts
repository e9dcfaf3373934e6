import type { CalendarSettings, DateRange } from '../../core/calendar/periods.ts';
import { KPI_AGGREGATION } from '../../core/kpi/aggregation.ts';
import {
  assembleSeries,
  assembleTotals,
  type Bucket,
  comparisonBuckets,
  keysOf,
  planBuckets,
  previousRanges,
  totalNeedsWholeRange,
  wholeRangeBucket,
} from '../../core/kpi/assemble.ts';
import type { KpiFacts } from '../../core/kpi/facts.ts';
import { KPI_GLOSSARY } from '../../core/kpi/glossary.ts';
import type { KpiFilters, KpiQuery, KpiResult } from '../../core/kpi/types.ts';
import type { KpiRepository, KpiScope, OrderNeeds } from './ports.ts';

/** The distinct counts each order-based KPI reads (each family is one scan). */
const ORDER_NEEDS: Partial<Record<KpiQuery['metric'], OrderNeeds>> = {
  orders: { orders: true },
  aov: { orders: true },
  conversion_rate: { orders: true },
  customers: { customers: true },
  repeat_purchase_rate: { customers: true, repeaters: true },
  // AOV × frequency is customer revenue ÷ customers: the customers' orders cancel (computeClv).
  clv: { customers: true },
};

export interface KpiSettings extends CalendarSettings {
  currency: string;
}

/** Loads exactly the aggregates the metric's formula reads, for the given buckets. */
export async function loadKpiFacts(
  repo: KpiRepository,
  query: KpiQuery,
  scope: KpiScope,
  buckets: readonly Bucket[],
  settings: CalendarSettings,
): Promise<KpiFacts> {
  const ranges: DateRange[] = buckets.map((b) => b.range);
  const needs = new Set(KPI_GLOSSARY[query.metric].facts);
  const facts: KpiFacts = {};
  const span: DateRange = {
    start: ranges[0]?.start ?? query.from,
    end: ranges[ranges.length - 1]?.end ?? query.to,
  };
  const tasks: Promise<void>[] = [];
  // CLV: its customers and their churn from one reading of the customer cells where they serve.
  const together =
    query.metric === 'clv' && needs.has('orders') && needs.has('retention')
      ? await repo.retentionWithCustomers(scope, ranges, previousRanges(buckets, settings))
      : null;
  if (together) {
    facts.orders = together.customers;
    facts.retention = together.retention;
  }
  if (needs.has('sales'))
    tasks.push(
      repo.salesFacts(scope, ranges, { perChannel: query.metric === 'new_channel_revenue' }).then((r) => {
        facts.sales = r;
      }),
    );
  if (needs.has('orders') && !together)
    tasks.push(
      repo.orderFacts(scope, ranges, ORDER_NEEDS[query.metric] ?? {}).then((r) => {
        facts.orders = r;
      }),
    );
  if (needs.has('newCustomers'))
    tasks.push(
      repo.newCustomerFacts(scope, ranges).then((r) => {
        facts.newCustomers = r;
      }),
    );
  if (needs.has('reps'))
    tasks.push(
      repo.repFacts(scope, ranges).then((r) => {
        facts.reps = r;
      }),
    );
  if (needs.has('retention') && !together)
    tasks.push(
      repo.retentionFacts(scope, ranges, previousRanges(buckets, settings)).then((r) => {
        facts.retention = r;
      }),
    );
  if (needs.has('marketing'))
    tasks.push(
      repo.marketingFacts(scope, ranges).then((r) => {
        facts.marketing = r;
      }),
    );
  if (needs.has('satisfaction'))
    tasks.push(
      repo.satisfactionFacts(scope, ranges).then((r) => {
        facts.satisfaction = r;
      }),
    );
  if (needs.has('marketSizes'))
    tasks.push(
      repo.marketSizes(scope.companyId, span).then((r) => {
        facts.marketSizes = r;
      }),
    );
  if (needs.has('channelFirstSales'))
    tasks.push(
      repo.channelFirstSales(scope.companyId).then((r) => {
        facts.channelFirstSales = r;
      }),
    );
  await Promise.all(tasks);
  return facts;
}

/** The facts of bucket `at` of `facts`, as bucket 0 (the rows of kinds without buckets as they are). */
function factsOfBucket(facts: KpiFacts, at: number): KpiFacts {
  const out: Record<string, unknown[]> = {};
  for (const [kind, rows] of Object.entries(facts) as [string, unknown[]][])
    out[kind] = rows.every((r) => typeof (r as { bucket?: unknown }).bucket === 'number')
      ? (rows as { bucket: number }[]).filter((r) => r.bucket === at).map((r) => ({ ...r, bucket: 0 }))
      : rows;
  return out as KpiFacts;
}

/**
 * The facts of the whole range and of the whole range last year, each read as one bucket, for a
 * total of distinct counts (null each where the buckets add up). The two ranges, when they do not
 * overlap, are read together as two buckets: the readings of customers read each period once, and a
 * one-year range's previous period is last year's range (a third fewer customer lists for CLV,
 * retention and churn).
 */
async function wholeRangeFacts(
  repo: KpiRepository,
  query: KpiQuery,
  scope: KpiScope,
  buckets: readonly Bucket[],
  lastYear: readonly Bucket[],
  settings: CalendarSettings,
): Promise<[KpiFacts | null, KpiFacts | null]> {
  const whole = totalNeedsWholeRange(query.metric, buckets) ? wholeRangeBucket(buckets) : null;
  const before = totalNeedsWholeRange(query.metric, lastYear) ? wholeRangeBucket(lastYear) : null;
  const needs = KPI_GLOSSARY[query.metric].facts;
  // Facts without buckets (market sizes, channels' first sales) are read for the buckets' span.
  const bucketed = !needs.includes('marketSizes') && !needs.includes('channelFirstSales');
  if (whole && before && bucketed && before.range.end < whole.range.start) {
    const both = await loadKpiFacts(repo, query, scope, [before, whole], settings);
    return [factsOfBucket(both, 1), factsOfBucket(both, 0)];
  }
  return Promise.all([
    whole ? loadKpiFacts(repo, query, scope, [whole], settings) : null,
    before ? loadKpiFacts(repo, query, scope, [before], settings) : null,
  ]);
}

/**
 * Answers a (validated) KPI question in minor units: the series over the query's periods and the
 * same periods last year, aligned member for member.
 */
export async function computeKpi(
  repo: KpiRepository,
  companyId: string,
  query: KpiQuery,
  settings: KpiSettings,
): Promise<KpiResult> {
  const where: KpiFilters = query.where ?? {};
  const scope: KpiScope = { companyId, by: query.by ?? null, where };
  const buckets = planBuckets({ start: query.from, end: query.to }, query.grain, settings);
  const lastYear = comparisonBuckets(buckets, settings);
  const [facts, lastYearFacts, [wholeFacts, wholeLastYearFacts]] = await Promise.all([
    loadKpiFacts(repo, query, scope, buckets, settings),
    loadKpiFacts(repo, query, scope, lastYear, settings),
    wholeRangeFacts(repo, query, scope, buckets, lastYear, settings),
  ]);
  const keys = scope.by ? keysOf(facts) : null;
  const series = assembleSeries(query.metric, buckets, facts, keys);
  const comparison = assembleSeries(query.metric, lastYear, lastYearFacts, keys);
  return {
    metric: query.metric,
    unit: KPI_GLOSSARY[query.metric].unit,
    currency: settings.currency,
    grain: query.grain,
    from: query.from,
    to: query.to,
    by: scope.by,
    series,
    comparison,
    aggregation: KPI_AGGREGATION[query.metric],
    total: assembleTotals(query.metric, buckets, facts, keys, series, wholeFacts),
    comparisonTotal: assembleTotals(
      query.metric,
      lastYear,
      lastYearFacts,
      keys,
      comparison,
      wholeLastYearFacts,
    ),
  };
}
