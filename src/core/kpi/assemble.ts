import {
  type CalendarSettings,
  clipPeriod,
  comparisonRange,
  type DateRange,
  enumeratePeriods,
  type Period,
  previousPeriod,
  samePeriodLastYear,
  totalPeriod,
} from '../calendar/periods.ts';
import { KPI_AGGREGATION } from './aggregation.ts';
import type { FactKey, KpiFacts, SalesFact } from './facts.ts';
import {
  computeAov,
  computeCac,
  computeChurnRate,
  computeClv,
  computeConversionRate,
  computeCsat,
  computeCustomers,
  computeLeads,
  computeMarketShare,
  computeNewChannelRevenue,
  computeNewCustomers,
  computeNps,
  computeOrders,
  computeRepeatPurchaseRate,
  computeRetentionRate,
  computeRevenue,
  computeRevenuePerRep,
  computeRoas,
  computeUnits,
  type KpiValue,
  marketSizeOver,
  newChannelsAt,
} from './formulas.ts';
import type { KpiMetric, KpiPoint } from './types.ts';

/** A period of the answer and the dates of it inside the query's range. */
export interface Bucket {
  period: Period;
  range: DateRange;
}

/** The periods of [from, to] at a grain, each clipped to the range. */
export function planBuckets(range: DateRange, grain: Period['grain'], settings: CalendarSettings): Bucket[] {
  return enumeratePeriods(range, grain, settings).map((period) => ({
    period,
    range: clipPeriod(period, range),
  }));
}

/**
 * The same buckets last year (period ids of last year, dates shifted accordingly). A bucket that runs
 * to the end of its period compares with last year's period to its end: from 15 February 2025 by
 * month, February's bucket (15–28) compares with 15–29 February 2024, not 15–28 (twelve months
 * before 28 February 2025 is the 28th).
 */
export function comparisonBuckets(buckets: readonly Bucket[], settings: CalendarSettings): Bucket[] {
  return buckets.map((b) => {
    const period = samePeriodLastYear(b.period, settings);
    const range = comparisonRange(b.period, b.range, settings);
    const toEnd = b.period.grain !== 'total' && b.range.end === b.period.end && range.end < period.end;
    return { period, range: toEnd ? { start: range.start, end: period.end } : range };
  });
}

/**
 * The whole period before each bucket's period (for cohort retention); for a 'total' bucket, the
 * same number of days just before the range.
 */
export function previousRanges(buckets: readonly Bucket[], settings: CalendarSettings): DateRange[] {
  return buckets.map((b) => {
    if (b.period.grain === 'total') {
      const p = previousPeriod({ ...b.period, start: b.range.start, end: b.range.end }, settings);
      return { start: p.start, end: p.end };
    }
    const p = previousPeriod(b.period, settings);
    return { start: p.start, end: p.end };
  });
}

/** A bucket that covers only part of its period: the range starts or ends inside it (a month so far). */
export function isPartial(bucket: Bucket): boolean {
  return bucket.range.start !== bucket.period.start || bucket.range.end !== bucket.period.end;
}

/**
 * The series as of `today` (the company's local day): a period that has not ended before today is
 * still running (its figure so far: partial), and a period that starts after today has no figure yet
 * (null, not a zero that reads as a collapse).
 */
export function asOfToday(series: readonly KpiPoint[], today: string): KpiPoint[] {
  return series.map((p) => {
    if (p.start > today) {
      const { numerator: _n, denominator: _d, satisfiedShare: _s, ...rest } = p;
      return { ...rest, value: null, partial: true };
    }
    return p.end >= today && !p.partial ? { ...p, partial: true } : p;
  });
}

/**
 * One bucket spanning all of `buckets` (their earliest day to their latest), or null when there are
 * none. Last year's buckets may overlap and need not be in order: from 2020-12-24 by week, the part
 * of 2020-W52 compares with 2019-12-26…29 and 2020-W53 with the whole of 2019-W52, from 2019-12-23.
 */
export function wholeRangeBucket(buckets: readonly Bucket[]): Bucket | null {
  if (buckets.length === 0) return null;
  let start = (buckets[0] as Bucket).range.start;
  let end = (buckets[0] as Bucket).range.end;
  for (const b of buckets) {
    if (b.range.start < start) start = b.range.start;
    if (b.range.end > end) end = b.range.end;
  }
  const range = { start, end };
  return { period: totalPeriod(range), range };
}

/**
 * Whether the total of a series needs the facts of its whole range read at once: distinct customers
 * and reps (and their cohorts) cannot be added up from the periods.
 */
export function totalNeedsWholeRange(metric: KpiMetric, buckets: readonly Bucket[]): boolean {
  return KPI_AGGREGATION[metric] === 'distinct' && buckets.length > 1;
}

const NONE = '\u0001';
const slot = (bucket: number, key: string | null): string => `${bucket}\u0000${key ?? NONE}`;

function index<T extends FactKey>(
  rows: readonly T[] | undefined,
  add: (into: T, row: T) => void,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows ?? []) {
    const k = slot(row.bucket, row.key);
    const existing = map.get(k);
    if (existing) add(existing, row);
    else map.set(k, { ...row });
  }
  return map;
}

function addSales(into: SalesFact, row: SalesFact): void {
  into.revenueMinor += row.revenueMinor;
  into.units += row.units;
  into.lines += row.lines;
  into.campaignRevenueMinor += row.campaignRevenueMinor;
}

const noMerge = (): void => {
  throw new Error('one fact row per bucket and key expected');
};

/** The breakdown members present in the facts, sorted by name (none recorded last). */
export function keysOf(facts: KpiFacts): (string | null)[] {
  const keys = new Set<string | null>();
  for (const rows of [
    facts.sales,
    facts.orders,
    facts.newCustomers,
    facts.reps,
    facts.retention,
    facts.marketing,
    facts.satisfaction,
  ]) {
    for (const r of rows ?? []) keys.add(r.key);
  }
  return [...keys].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Turns facts into the points of a series: one per bucket (× breakdown member when `keys` is
 * given), zero or null where nothing was recorded, each computed from its own numerator and
 * denominator.
 */
export function assembleSeries(
  metric: KpiMetric,
  buckets: readonly Bucket[],
  facts: KpiFacts,
  keys: readonly (string | null)[] | null,
): KpiPoint[] {
  const sales = index(facts.sales, addSales);
  const orders = index(facts.orders, noMerge);
  const newCustomers = index(facts.newCustomers, noMerge);
  const reps = index(facts.reps, noMerge);
  const retention = index(facts.retention, noMerge);
  const marketing = index(facts.marketing, noMerge);
  const satisfaction = index(facts.satisfaction, noMerge);
  const points: KpiPoint[] = [];
  buckets.forEach((bucket, b) => {
    const newChannels =
      metric === 'new_channel_revenue'
        ? newChannelsAt(bucket.range.end, facts.channelFirstSales ?? [])
        : null;
    for (const key of keys ?? [null]) {
      const k = slot(b, key);
      const s = sales.get(k);
      const o = orders.get(k);
      const r = retention.get(k);
      const m = marketing.get(k);
      const sat = satisfaction.get(k);
      let v: KpiValue & { satisfiedShare?: number | null };
      switch (metric) {
        case 'revenue':
          v = computeRevenue(s?.revenueMinor ?? 0);
          break;
        case 'units':
          v = computeUnits(s?.units ?? 0);
          break;
        case 'orders':
          v = computeOrders(o?.orders ?? 0);
          break;
        case 'aov':
          v = computeAov(s?.revenueMinor ?? 0, o?.orders ?? 0);
          break;
        case 'conversion_rate':
          v = computeConversionRate(o?.orders ?? 0, m?.visits ?? 0);
          break;
        case 'cac':
          v = computeCac(m?.spendMinor ?? 0, newCustomers.get(k)?.count ?? 0);
          break;
        case 'roas':
          v = computeRoas(s?.campaignRevenueMinor ?? 0, m?.spendMinor ?? 0);
          break;
        case 'leads':
          v = computeLeads(m?.leads ?? 0);
          break;
        case 'new_customers':
          v = computeNewCustomers(newCustomers.get(k)?.count ?? 0);
          break;
        case 'customers':
          v = computeCustomers(o?.customers ?? 0);
          break;
        case 'retention_rate':
          v = computeRetentionRate(r?.retained ?? 0, r?.previousCustomers ?? 0);
          break;
        case 'churn_rate':
          v = computeChurnRate(r?.retained ?? 0, r?.previousCustomers ?? 0);
          break;
        case 'repeat_purchase_rate':
          v = computeRepeatPurchaseRate(o?.repeatCustomers ?? 0, o?.customers ?? 0);
          break;
        case 'clv': {
          const churn = computeChurnRate(r?.retained ?? 0, r?.previousCustomers ?? 0).value;
          v = computeClv(o?.customerRevenueMinor ?? 0, o?.customers ?? 0, churn);
          break;
        }
        case 'csat':
          v = computeCsat(sat?.csatSum ?? 0, sat?.csatCount ?? 0, sat?.csatSatisfied ?? 0);
          break;
        case 'nps':
          v = computeNps(sat?.promoters ?? 0, sat?.detractors ?? 0, sat?.npsCount ?? 0);
          break;
        case 'market_share':
          v = computeMarketShare(s?.revenueMinor ?? 0, marketSizeOver(bucket.range, facts.marketSizes ?? []));
          break;
        case 'revenue_per_rep':
          v = computeRevenuePerRep(s?.revenueMinor ?? 0, reps.get(k)?.count ?? 0);
          break;
        case 'new_channel_revenue': {
          let total = 0;
          for (const row of facts.sales ?? []) {
            if (
              row.bucket === b &&
              row.key === key &&
              row.channelId != null &&
              newChannels?.has(row.channelId)
            )
              total += row.revenueMinor;
          }
          v = computeNewChannelRevenue(total);
          break;
        }
      }
      const point: KpiPoint = {
        period: bucket.period.id,
        label: bucket.period.label,
        start: bucket.range.start,
        end: bucket.range.end,
        value: v.value,
      };
      if (keys) point.key = key;
      if (isPartial(bucket)) point.partial = true;
      if (v.numerator !== undefined) point.numerator = v.numerator;
      if (v.denominator !== undefined) point.denominator = v.denominator;
      if (v.satisfiedShare !== undefined) point.satisfiedShare = v.satisfiedShare;
      points.push(point);
    }
  });
  return points;
}

/** Fact rows of every bucket summed into bucket 0, one row per breakdown member. */
function foldRows<T extends FactKey>(rows: readonly T[] | undefined): T[] | undefined {
  if (!rows) return undefined;
  const byKey = new Map<string | null, T>();
  for (const row of rows) {
    const into = byKey.get(row.key);
    if (!into) {
      byKey.set(row.key, { ...row, bucket: 0 });
      continue;
    }
    const sum = into as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(row)) {
      if (field === 'bucket' || field === 'channelId' || typeof value !== 'number') continue;
      sum[field] = (typeof sum[field] === 'number' ? (sum[field] as number) : 0) + value;
    }
  }
  return [...byKey.values()];
}

/** The facts of all buckets as those of one bucket (for KPIs whose parts add up across periods). */
function foldFacts(facts: KpiFacts): KpiFacts {
  return {
    ...facts,
    sales: foldRows(facts.sales),
    orders: foldRows(facts.orders),
    newCustomers: foldRows(facts.newCustomers),
    marketing: foldRows(facts.marketing),
    satisfaction: foldRows(facts.satisfaction),
  };
}

/**
 * The KPI over the whole range of a series, one point per breakdown member (one point without a
 * breakdown), computed by the metric's kind ({@link KPI_AGGREGATION}): sums add up the period values;
 * ratios divide the summed numerator by the summed denominator (never a sum or a mean of the ratios);
 * distinct counts are read from `wholeRange`, the facts of the range as one bucket (see
 * {@link totalNeedsWholeRange}; a one-bucket series is its own total).
 */
export function assembleTotals(
  metric: KpiMetric,
  buckets: readonly Bucket[],
  facts: KpiFacts,
  keys: readonly (string | null)[] | null,
  series: readonly KpiPoint[],
  wholeRange: KpiFacts | null,
): KpiPoint[] {
  const total = wholeRangeBucket(buckets);
  if (!total) return [];
  switch (KPI_AGGREGATION[metric]) {
    case 'sum': {
      // Each key's sum in one pass over the series (a year of weeks by 37 products is 2,000 points),
      // adding its points in the series' order.
      const sums = new Map<string | null, number>();
      for (const p of series) {
        const key = keys ? (p.key ?? null) : null;
        sums.set(key, (sums.get(key) ?? 0) + (p.value ?? 0));
      }
      return (keys ?? [null]).map((key) => {
        const point: KpiPoint = {
          period: total.period.id,
          label: total.period.label,
          start: total.range.start,
          end: total.range.end,
          value: sums.get(key) ?? 0,
        };
        if (keys) point.key = key;
        return point;
      });
    }
    case 'ratio': {
      const points = assembleSeries(metric, [total], foldFacts(facts), keys);
      if (metric !== 'market_share') return points;
      // Σ numerator ÷ Σ denominator: the market size of the buckets, not of their span (last year's
      // buckets by day skip 29 February, and 2020-W52 and W53 both compare with 2019-W52).
      const size = buckets.reduce((sum, b) => sum + marketSizeOver(b.range, facts.marketSizes ?? []), 0);
      return points.map((p) => ({ ...p, ...computeMarketShare(p.numerator ?? 0, size) }));
    }
    case 'distinct': {
      const whole = wholeRange ?? (buckets.length === 1 ? facts : null);
      if (!whole) throw new Error(`the total of ${metric} needs the facts of the whole range`);
      return assembleSeries(metric, [total], whole, keys);
    }
  }
}
