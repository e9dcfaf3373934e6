import { describe, expect, it } from 'vitest';
import { isAdditive } from '../../../src/core/goals/metric-kinds.ts';
import { isSummable, KPI_AGGREGATION } from '../../../src/core/kpi/aggregation.ts';
import {
  assembleSeries,
  assembleTotals,
  comparisonBuckets,
  isPartial,
  keysOf,
  planBuckets,
  totalNeedsWholeRange,
  wholeRangeBucket,
} from '../../../src/core/kpi/assemble.ts';
import type { KpiFacts, OrderFact, SalesFact } from '../../../src/core/kpi/facts.ts';
import { glossaryIn } from '../../../src/core/kpi/glossary.ts';
import { KPI_METRICS } from '../../../src/core/kpi/types.ts';

const settings = { fiscalYearStartMonth: 1 };
const quarter = planBuckets({ start: '2026-01-01', end: '2026-03-31' }, 'month', settings);

const sale = (bucket: number, key: string, revenueMinor: number): SalesFact => ({
  bucket,
  key,
  revenueMinor,
  units: 1,
  lines: 1,
  campaignRevenueMinor: 0,
});
const orders = (bucket: number, key: string, n: number, customers = n): OrderFact => ({
  bucket,
  key,
  orders: n,
  customers,
  repeatCustomers: 0,
  customerOrders: n,
  customerRevenueMinor: 0,
});

/** Two channels over three months; the online shop has few, large orders in one month. */
const facts: KpiFacts = {
  sales: [
    sale(0, '門市', 10_000),
    sale(1, '門市', 12_000),
    sale(2, '門市', 8_000),
    sale(0, '線上商店', 90_000),
    sale(1, '線上商店', 1_000),
    sale(2, '線上商店', 2_000),
  ],
  orders: [
    orders(0, '門市', 100),
    orders(1, '門市', 120),
    orders(2, '門市', 80),
    orders(0, '線上商店', 9),
    orders(1, '線上商店', 10),
    orders(2, '線上商店', 20),
  ],
};

describe('period totals by metric kind', () => {
  it('adds up additive metrics per member', () => {
    const keys = keysOf(facts);
    const series = assembleSeries('revenue', quarter, facts, keys);
    const totals = assembleTotals('revenue', quarter, facts, keys, series, null);
    expect(totals.map((p) => [p.key, p.value])).toEqual([
      ['線上商店', 93_000],
      ['門市', 30_000],
    ]);
    expect(totals[0]).toMatchObject({
      start: '2026-01-01',
      end: '2026-03-31',
      period: '2026-01-01..2026-03-31',
    });
  });

  it('divides the summed numerator by the summed denominator for ratios, never sums the ratios', () => {
    const keys = keysOf(facts);
    const series = assembleSeries('aov', quarter, facts, keys);
    const online = series.filter((p) => p.key === '線上商店').map((p) => p.value ?? 0);
    // The monthly AOVs: 10,000, 100 and 100 (minor units); their sum would be 10,200.
    expect(online).toEqual([10_000, 100, 100]);
    const totals = assembleTotals('aov', quarter, facts, keys, series, null);
    const onlineTotal = totals.find((p) => p.key === '線上商店');
    expect(onlineTotal).toMatchObject({ numerator: 93_000, denominator: 39 });
    expect(onlineTotal?.value).toBeCloseTo(93_000 / 39, 10);
    expect(totals.find((p) => p.key === '門市')?.value).toBeCloseTo(30_000 / 300, 10);
    // Without a breakdown: one total over everything.
    const plain: KpiFacts = {
      sales: [sale(0, '', 100_000), sale(1, '', 13_000), sale(2, '', 10_000)].map((r) => ({
        ...r,
        key: null,
      })),
      orders: [orders(0, '', 109), orders(1, '', 130), orders(2, '', 100)].map((r) => ({ ...r, key: null })),
    };
    const all = assembleTotals(
      'aov',
      quarter,
      plain,
      null,
      assembleSeries('aov', quarter, plain, null),
      null,
    );
    expect(all).toHaveLength(1);
    expect(all[0]?.key).toBeUndefined();
    expect(all[0]?.value).toBeCloseTo(123_000 / 339, 10);
  });

  it('totals NPS and CSAT from summed responses', () => {
    const sat = (bucket: number, p: number, d: number, n: number, csatSum: number, csatCount: number) => ({
      bucket,
      key: null,
      csatCount,
      csatSum,
      csatSatisfied: Math.min(csatCount, p),
      npsCount: n,
      promoters: p,
      detractors: d,
    });
    const f: KpiFacts = {
      satisfaction: [sat(0, 9, 1, 10, 45, 10), sat(1, 1, 89, 100, 200, 100), sat(2, 0, 0, 0, 0, 0)],
    };
    const nps = assembleTotals('nps', quarter, f, null, assembleSeries('nps', quarter, f, null), null);
    // (10 − 90) ÷ 110 × 100, not the mean of +80 and −88.
    expect(nps[0]?.value).toBeCloseTo(((10 - 90) / 110) * 100, 10);
    const csat = assembleTotals('csat', quarter, f, null, assembleSeries('csat', quarter, f, null), null);
    expect(csat[0]?.value).toBeCloseTo(245 / 110, 10);
    expect(csat[0]?.satisfiedShare).toBeCloseTo(10 / 110, 10);
  });

  it('takes market share over the market size of the whole range', () => {
    const f: KpiFacts = {
      sales: [sale(0, 'x', 100), sale(1, 'x', 100), sale(2, 'x', 100)].map((s) => ({ ...s, key: null })),
      marketSizes: [{ start: '2026-01-01', end: '2026-12-31', amountMinor: 36_500 }],
    };
    const total = assembleTotals(
      'market_share',
      quarter,
      f,
      null,
      assembleSeries('market_share', quarter, f, null),
      null,
    );
    expect(total[0]?.value).toBeCloseTo(300 / ((36_500 * 90) / 365), 10);
  });

  it('reads distinct counts from the whole range, not from the sum of the periods', () => {
    // The same 50 customers bought in each month: 150 by the months, 50 over the quarter.
    const monthly: KpiFacts = { orders: [orders(0, 'a', 50), orders(1, 'a', 50), orders(2, 'a', 50)] };
    const series = assembleSeries('customers', quarter, monthly, null);
    expect(totalNeedsWholeRange('customers', quarter)).toBe(true);
    expect(() => assembleTotals('customers', quarter, monthly, null, series, null)).toThrow();
    const whole: KpiFacts = { orders: [{ ...orders(0, 'a', 150, 50), key: null }] };
    const total = assembleTotals('customers', quarter, monthly, null, series, whole);
    expect(total[0]?.value).toBe(50);
    // A one-bucket series is its own total.
    const one = planBuckets({ start: '2026-01-01', end: '2026-03-31' }, 'total', settings);
    expect(totalNeedsWholeRange('customers', one)).toBe(false);
    expect(
      assembleTotals('customers', one, whole, null, assembleSeries('customers', one, whole, null), null)[0]
        ?.value,
    ).toBe(50);
  });

  it('ratio and distinct totals need no extra facts for ratios and sums', () => {
    expect(totalNeedsWholeRange('aov', quarter)).toBe(false);
    expect(totalNeedsWholeRange('revenue', quarter)).toBe(false);
    expect(totalNeedsWholeRange('retention_rate', quarter)).toBe(true);
  });
});

describe('partial periods', () => {
  it('marks the buckets that cover only part of their period', () => {
    const buckets = planBuckets({ start: '2026-01-15', end: '2026-03-10' }, 'month', settings);
    expect(buckets.map(isPartial)).toEqual([true, false, true]);
    const series = assembleSeries('revenue', buckets, {}, null);
    expect(series.map((p) => p.partial ?? false)).toEqual([true, false, true]);
    expect(wholeRangeBucket(buckets)?.range).toEqual({ start: '2026-01-15', end: '2026-03-10' });
    expect(wholeRangeBucket([])).toBeNull();
  });

  it("spans last year's buckets from their earliest day when they overlap (ISO week 53)", () => {
    const buckets = planBuckets({ start: '2020-12-24', end: '2021-01-03' }, 'week', settings);
    const lastYear = comparisonBuckets(buckets, settings);
    expect(lastYear.map((b) => b.range)).toEqual([
      { start: '2019-12-26', end: '2019-12-29' },
      { start: '2019-12-23', end: '2019-12-29' },
    ]);
    expect(wholeRangeBucket(lastYear)?.range).toEqual({ start: '2019-12-23', end: '2019-12-29' });
  });
});

describe('one declaration of the metric kinds', () => {
  it('covers every metric, and goals and the glossary read it', () => {
    expect(Object.keys(KPI_AGGREGATION).sort()).toEqual([...KPI_METRICS].sort());
    for (const m of KPI_METRICS) expect(isAdditive(m)).toBe(isSummable(m));
    expect(KPI_AGGREGATION.aov).toBe('ratio');
    expect(KPI_AGGREGATION.retention_rate).toBe('distinct');
    const aov = glossaryIn('en').find((e) => e.metric === 'aov');
    expect(aov?.aggregation).toBe('ratio');
  });
});
