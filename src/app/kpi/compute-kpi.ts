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

/**
 * The buckets read together: the repository's readings map each row to the first bucket holding its
 * date (src/db/kpi/kpi-sql.ts `bucketCase`), so the buckets of one reading, and their previous
 * periods, must not overlap. A question's own buckets never do, but last year's may: ISO week 53
 * (2020-W53, 2026-W53) and week 52 both compare with last year's week 52, 29 February and 28 February
 * with 28 February last year, and a range starting inside week 52 of a 53-week year compares a part
 * of last year's week 52 and all of it. Identical buckets are read once (`alias`: the bucket read for
 * each bucket), and the others go into as few layers of disjoint buckets as they need: one, the
 * question as asked, unless some overlap.
 */
function disjointLayers(
  buckets: readonly Bucket[],
  previous: readonly DateRange[],
): { layers: number[][]; alias: number[] } {
  const alias: number[] = [];
  const first = new Map<string, number>();
  const unique: number[] = [];
  buckets.forEach((b, i) => {
    const p = previous[i] as DateRange;
    const id = `${b.range.start} ${b.range.end} ${p.start} ${p.end}`;
    const at = first.get(id);
    if (at === undefined) {
      first.set(id, i);
      unique.push(i);
      alias.push(i);
    } else alias.push(at);
  });
  const byStart = [...unique].sort((a, b) => {
    const x = (buckets[a] as Bucket).range.start;
    const y = (buckets[b] as Bucket).range.start;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  // Taken in order of their first days, a bucket fits a layer when it starts after every range of
  // the layer ends, and its previous period after every previous period there.
  const layers: { members: number[]; end: string; previousEnd: string }[] = [];
  for (const i of byStart) {
    const range = (buckets[i] as Bucket).range;
    const p = previous[i] as DateRange;
    const layer = layers.find((l) => range.start > l.end && p.start > l.previousEnd);
    if (layer) {
      layer.members.push(i);
      if (range.end > layer.end) layer.end = range.end;
      if (p.end > layer.previousEnd) layer.previousEnd = p.end;
    } else layers.push({ members: [i], end: range.end, previousEnd: p.end });
  }
  // Each layer in the buckets' own order (the readings take them as the question lists them).
  return { layers: layers.map((l) => l.members.sort((a, b) => a - b)), alias };
}

/** Loads exactly the aggregates the metric's formula reads, for the given buckets. */
export async function loadKpiFacts(
  repo: KpiRepository,
  query: KpiQuery,
  scope: KpiScope,
  buckets: readonly Bucket[],
  settings: CalendarSettings,
): Promise<KpiFacts> {
  // The facts without buckets (market sizes, channels' first sales) are read for all the buckets'
  // days: last year's buckets may overlap and need not be in order (wholeRangeBucket).
  const span: DateRange = wholeRangeBucket(buckets)?.range ?? { start: query.from, end: query.to };
  const previous = previousRanges(buckets, settings);
  const { layers, alias } = disjointLayers(buckets, previous);
  if (layers.length === 1 && alias.every((a, i) => a === i))
    return loadDisjointFacts(repo, query, scope, buckets, previous, span);
  const read = await Promise.all(
    layers.map((members) =>
      loadDisjointFacts(
        repo,
        query,
        scope,
        members.map((i) => buckets[i] as Bucket),
        members.map((i) => previous[i] as DateRange),
        span,
      ),
    ),
  );
  // Every bucket's rows from the reading of the bucket it aliases, renumbered to the bucket.
  const readAs = new Map<number, number[]>();
  alias.forEach((a, i) => {
    readAs.set(a, [...(readAs.get(a) ?? []), i]);
  });
  const out: Record<string, unknown[]> = {};
  read.forEach((facts, l) => {
    const members = layers[l] as number[];
    for (const [kind, rows] of Object.entries(facts) as [string, unknown[]][]) {
      if (kind === 'marketSizes' || kind === 'channelFirstSales') {
        // Read for the whole span by every layer alike: keep one copy.
        if (l === 0) out[kind] = rows;
        continue;
      }
      const into = out[kind] ?? [];
      out[kind] = into;
      for (const r of rows as { bucket: number }[])
        for (const i of readAs.get(members[r.bucket] as number) ?? []) into.push({ ...r, bucket: i });
    }
  });
  return out as KpiFacts;
}

/** {@link loadKpiFacts} for buckets that do not overlap, nor do their previous periods. */
async function loadDisjointFacts(
  repo: KpiRepository,
  query: KpiQuery,
  scope: KpiScope,
  buckets: readonly Bucket[],
  previous: readonly DateRange[],
  span: DateRange,
): Promise<KpiFacts> {
  const ranges: DateRange[] = buckets.map((b) => b.range);
  const needs = new Set(KPI_GLOSSARY[query.metric].facts);
  const facts: KpiFacts = {};
  const tasks: Promise<void>[] = [];
  // CLV: its customers and their churn from one reading of the customer cells where they serve.
  const together =
    query.metric === 'clv' && needs.has('orders') && needs.has('retention')
      ? await repo.retentionWithCustomers(scope, ranges, previous)
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
      repo.retentionFacts(scope, ranges, previous).then((r) => {
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
