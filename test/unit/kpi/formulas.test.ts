import { describe, expect, it } from 'vitest';
import {
  assembleSeries,
  assembleTotals,
  keysOf,
  planBuckets,
  previousRanges,
} from '../../../src/core/kpi/assemble.ts';
import { kpiResultInCurrencyUnits } from '../../../src/core/kpi/currency-units.ts';
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
  marketSizeOver,
  newChannelsAt,
} from '../../../src/core/kpi/formulas.ts';
import { glossaryIn, KPI_GLOSSARY } from '../../../src/core/kpi/glossary.ts';
import { KPI_METRICS, type KpiMetric } from '../../../src/core/kpi/types.ts';
import { parseWhere, validateKpiQuery } from '../../../src/core/kpi/validate-query.ts';
import { METRIC_UNITS } from '../../../src/core/smart/metrics-lexicon.ts';

describe('KPI formulas', () => {
  it('additive KPIs are their sums', () => {
    expect(computeRevenue(150050).value).toBe(150050);
    expect(computeUnits(3.5).value).toBe(3.5);
    expect(computeOrders(7).value).toBe(7);
    expect(computeLeads(12).value).toBe(12);
    expect(computeNewCustomers(4).value).toBe(4);
    expect(computeCustomers(9).value).toBe(9);
    expect(computeNewChannelRevenue(100).value).toBe(100);
  });

  it('ratios keep numerator and denominator, and are null over zero', () => {
    expect(computeAov(1000, 4)).toEqual({ value: 250, numerator: 1000, denominator: 4 });
    expect(computeAov(1000, 0).value).toBeNull();
    expect(computeConversionRate(5, 200).value).toBe(0.025);
    expect(computeCac(30000, 3).value).toBe(10000);
    expect(computeRoas(50000, 10000).value).toBe(5);
    expect(computeRetentionRate(3, 4).value).toBe(0.75);
    expect(computeChurnRate(3, 4)).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
    expect(computeChurnRate(0, 0).value).toBeNull();
    expect(computeRepeatPurchaseRate(2, 8).value).toBe(0.25);
    expect(computeMarketShare(100, 400).value).toBe(0.25);
    expect(computeRevenuePerRep(900, 3).value).toBe(300);
  });

  it('CLV = AOV × frequency × 1/churn, where the orders cancel', () => {
    // 4 customers, 8 orders, 8000 revenue: AOV 1000, frequency 2, churn 0.25 → lifetime 4 periods;
    // with 5 orders (AOV 1600, frequency 1.25) the same.
    expect(computeClv(8000, 4, 0.25).value).toBeCloseTo(1000 * 2 * 4, 9);
    expect(computeClv(8000, 4, 0.25).value).toBeCloseTo(1600 * 1.25 * 4, 9);
    expect(computeClv(8000, 4, 0).value).toBeNull();
    expect(computeClv(8000, 4, null).value).toBeNull();
    expect(computeClv(0, 0, 0.5).value).toBeNull();
  });

  it('CSAT mean and satisfied share; NPS from promoters and detractors', () => {
    expect(computeCsat(4 + 5 + 2 + 3, 4, 2)).toMatchObject({ value: 3.5, satisfiedShare: 0.5 });
    expect(computeCsat(0, 0, 0)).toMatchObject({ value: null, satisfiedShare: null });
    // 10 responses: 5 promoters, 2 detractors → 30.
    expect(computeNps(5, 2, 10).value).toBeCloseTo(30, 9);
    expect(computeNps(0, 0, 0).value).toBeNull();
  });

  it('pro-rates market size by days of overlap', () => {
    const rows = [{ start: '2026-01-01', end: '2026-12-31', amountMinor: 365_000 }];
    expect(marketSizeOver({ start: '2026-01-01', end: '2026-01-31' }, rows)).toBeCloseTo(31_000, 6);
    expect(marketSizeOver({ start: '2025-12-01', end: '2026-01-10' }, rows)).toBeCloseTo(10_000, 6);
    expect(marketSizeOver({ start: '2027-01-01', end: '2027-01-31' }, rows)).toBe(0);
  });

  it('new channels: first sale within the 12 months to the period end', () => {
    const first = [
      { channelId: 1, firstDate: '2023-01-01' },
      { channelId: 2, firstDate: '2025-06-01' },
      { channelId: 3, firstDate: '2026-07-01' },
    ];
    expect([...newChannelsAt('2026-05-31', first)]).toEqual([2]);
    expect([...newChannelsAt('2026-07-01', first)]).toEqual([3]);
    expect([...newChannelsAt('2026-06-01', first)]).toEqual([]);
  });
});

describe('KPI glossary and queries', () => {
  it('has one entry per metric in both languages, covering the goal reader’s metric names', () => {
    for (const m of KPI_METRICS) {
      const d = KPI_GLOSSARY[m];
      expect(d.metric).toBe(m);
      for (const locale of ['zh-TW', 'en'] as const) {
        expect(d.name[locale].length).toBeGreaterThan(0);
        expect(d.definition[locale].length).toBeGreaterThan(0);
        expect(d.formula[locale].length).toBeGreaterThan(0);
      }
    }
    for (const m of Object.keys(METRIC_UNITS)) expect(KPI_METRICS as readonly string[]).toContain(m);
    expect(glossaryIn('en').find((e) => e.metric === 'aov')).toMatchObject({
      name: 'Average order value',
      otherName: '客單價',
    });
  });

  it('validates questions, reporting every problem by path', () => {
    expect(
      validateKpiQuery({
        metric: 'revenue',
        from: '2026-01-01',
        to: '2026-03-31',
        grain: 'month',
        by: 'product',
      }).ok,
    ).toBe(true);
    const bad = validateKpiQuery({
      metric: 'leads',
      from: '2026-02-30',
      to: '2026-01-01',
      grain: 'decade',
      by: 'product',
      where: { customer_type: ['member'], colour: ['red'] },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => p.path).sort()).toEqual([
        'by',
        'from',
        'grain',
        'where.colour',
        'where.customer_type',
      ]);
    expect(parseWhere('channel=門市,channel=線上商店,category=咖啡')).toEqual({
      ok: true,
      where: { channel: ['門市', '線上商店'], category: ['咖啡'] },
    });
    expect(parseWhere('__proto__=x')).toEqual({ ok: true, where: { ['__proto__']: ['x'] } });
    expect(parseWhere('channel').ok).toBe(false);
  });

  it('assembles series with zero-filled periods and per-key ratios (never summed)', () => {
    const buckets = planBuckets({ start: '2026-01-01', end: '2026-03-31' }, 'month', {
      fiscalYearStartMonth: 1,
    });
    const facts = {
      sales: [
        { bucket: 0, key: 'A', revenueMinor: 1000, units: 2, lines: 2, campaignRevenueMinor: 0 },
        { bucket: 0, key: 'B', revenueMinor: 3000, units: 1, lines: 1, campaignRevenueMinor: 0 },
        { bucket: 2, key: 'A', revenueMinor: 500, units: 1, lines: 1, campaignRevenueMinor: 0 },
      ],
      orders: [
        {
          bucket: 0,
          key: 'A',
          orders: 2,
          customers: 1,
          repeatCustomers: 1,
          customerOrders: 2,
          customerRevenueMinor: 1000,
        },
        {
          bucket: 0,
          key: 'B',
          orders: 1,
          customers: 1,
          repeatCustomers: 0,
          customerOrders: 1,
          customerRevenueMinor: 3000,
        },
      ],
    };
    const keys = keysOf(facts);
    expect(keys).toEqual(['A', 'B']);
    const revenue = assembleSeries('revenue', buckets, facts, keys);
    expect(revenue.map((p) => [p.period, p.key, p.value])).toEqual([
      ['2026-01', 'A', 1000],
      ['2026-01', 'B', 3000],
      ['2026-02', 'A', 0],
      ['2026-02', 'B', 0],
      ['2026-03', 'A', 500],
      ['2026-03', 'B', 0],
    ]);
    const aov = assembleSeries('aov', buckets, facts, keys);
    expect(aov[0]).toMatchObject({ value: 500, numerator: 1000, denominator: 2 });
    expect(aov[4]).toMatchObject({ value: null, numerator: 500, denominator: 0 });
    const money = kpiResultInCurrencyUnits({
      metric: 'aov',
      unit: 'money',
      currency: 'TWD',
      grain: 'month',
      from: '2026-01-01',
      to: '2026-03-31',
      by: 'product',
      series: aov,
      comparison: [],
      aggregation: 'ratio',
      total: assembleTotals('aov', buckets, facts, keys, aov, null),
      comparisonTotal: [],
    });
    expect(money.series[0]).toMatchObject({ value: 5, numerator: 10, denominator: 2 });
    expect(money.total[0]).toMatchObject({ key: 'A', value: 7.5, numerator: 15, denominator: 2 });
  });

  it('uses the whole previous period as the retention cohort', () => {
    const settings = { fiscalYearStartMonth: 1 };
    const buckets = planBuckets({ start: '2026-01-15', end: '2026-02-28' }, 'month', settings);
    expect(previousRanges(buckets, settings)).toEqual([
      { start: '2025-12-01', end: '2025-12-31' },
      { start: '2026-01-01', end: '2026-01-31' },
    ]);
    const total = planBuckets({ start: '2026-01-01', end: '2026-01-10' }, 'total', settings);
    expect(previousRanges(total, settings)).toEqual([{ start: '2025-12-22', end: '2025-12-31' }]);
  });

  it('every metric assembles from empty facts without throwing', () => {
    const buckets = planBuckets({ start: '2026-01-01', end: '2026-01-31' }, 'week', {
      fiscalYearStartMonth: 1,
    });
    for (const m of KPI_METRICS as readonly KpiMetric[]) {
      const points = assembleSeries(m, buckets, {}, null);
      expect(points).toHaveLength(buckets.length);
    }
  });
});
