import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KpiResultBody } from '../../../src/contract/kpi.ts';
import { countsCustomers, membersWithoutCustomers } from '../../../src/core/goals/metric-kinds.ts';
import { KPI_AGGREGATION } from '../../../src/core/kpi/aggregation.ts';
import { KPI_METRICS } from '../../../src/core/kpi/types.ts';
import { breakdownOption, trendOption } from '../../../src/web/features/kpi/kpi-chart-options.ts';
import { breakdownKind } from '../../../src/web/features/kpi/kpi-charts.tsx';
import {
  DEFAULT_KPI_VIEW,
  grainForRange,
  importedKpiHref,
  kpiViewHref,
  kpiViewSearch,
  parseKpiView,
} from '../../../src/web/features/kpi/kpi-url.ts';
import {
  changeDirection,
  changeOf,
  fillingImport,
  formatChange,
  isEmptySeries,
  lastCompleteIndex,
  partialPoints,
  undefinedWithData,
  viewRange,
  wholeRangeNote,
} from '../../../src/web/features/kpi/kpi-view.ts';

type Point = KpiResultBody['series'][number];
const MONTHS = ['2026-01', '2026-02', '2026-03'];

/** A breakdown result over three months for two channels (the last month partial). */
function result(metric: 'revenue' | 'aov', aggregation: 'sum' | 'ratio', months = MONTHS): KpiResultBody {
  const series: Point[] = months.flatMap((m, i) =>
    ['門市', '線上商店'].map((key, k) => ({
      period: m,
      label: m,
      start: `${m}-01`,
      end: `${m}-28`,
      key,
      value: 100 + i * 10 + k,
      ...(aggregation === 'ratio' ? { numerator: 1000, denominator: 10 } : {}),
      ...(i === months.length - 1 && months.length > 1 ? { partial: true } : {}),
    })),
  );
  const total = ['門市', '線上商店'].map((key) => ({
    period: 'x',
    label: 'x',
    start: '2026-01-01',
    end: '2026-03-10',
    key,
    value: 123,
    denominator: 30,
  }));
  return {
    metric,
    unit: 'money',
    currency: 'TWD',
    grain: 'month',
    from: '2026-01-01',
    to: '2026-03-10',
    by: 'channel',
    series,
    comparison: series.map((p) => ({ ...p, value: 90 })),
    aggregation,
    total,
    comparisonTotal: total,
    today: '2026-03-10',
  };
}

const labels = { none: '(none)', others: 'Others', partial: 'Partial' };

describe('the chart follows the metric kind', () => {
  it('stacks the members of an additive KPI', () => {
    const option = breakdownOption(result('revenue', 'sum'), 'en', labels);
    expect(breakdownKind(option)).toBe('stacked');
    const [band, ...series] = option.series as { type: string; stack?: string; markArea?: unknown }[];
    expect(band?.markArea).toBeDefined();
    expect(series).toHaveLength(2);
    expect(series.every((s) => s.type === 'bar' && s.stack === 'total')).toBe(true);
  });

  it('never stacks a ratio (AOV by channel): one line per member, side by side', () => {
    const option = breakdownOption(result('aov', 'ratio'), 'en', labels);
    expect(breakdownKind(option)).toBe('lines');
    const all = option.series as {
      type: string;
      stack?: string;
      data: (number | null)[];
      markArea?: unknown;
    }[];
    // The first series only carries the partial month's shaded column.
    expect(all[0]?.markArea).toBeDefined();
    expect(all[0]?.data).toEqual([]);
    const series = all.slice(1);
    expect(series.every((s) => s.type === 'line')).toBe(true);
    expect(series.some((s) => s.stack)).toBe(false);
    // Each member keeps its own values (no summing); the partial month is a marker apart from the line.
    expect(series[0]?.data).toEqual([100, 110, null]);
    expect(series[1]?.data).toEqual([null, null, 120]);
    expect((option.legend as { data: string[] }).data).toEqual(['門市', '線上商店']);
  });

  it('draws one bar per member from the server totals for a single period', () => {
    const option = breakdownOption(result('aov', 'ratio', ['2026-01']), 'en', labels);
    expect(breakdownKind(option)).toBe('bars');
    expect((option.series as { data: number[] }[])[0]?.data).toEqual([123, 123]);
  });

  it('shades the partial period and draws it as a marker apart from the complete line', () => {
    const r = result('revenue', 'sum');
    const trend = {
      ...r,
      by: null,
      series: r.series.filter((p) => p.key === '門市').map(({ key: _k, ...p }) => p),
    };
    trend.comparison = trend.series.map((p) => ({ ...p, value: 90 }));
    const option = trendOption(trend, 'en', { current: 'This', lastYear: 'Last', partial: 'Partial' });
    const [band, ...series] = option.series as {
      data: (number | null)[];
      lineStyle?: unknown;
      markArea?: { data: unknown[] };
    }[];
    // The shaded column of the partial month, with its note.
    expect(band?.markArea?.data).toEqual([[{ xAxis: 1.5 }, { xAxis: 2.5 }]]);
    expect(series[0]?.data).toEqual([100, 110, null]);
    // The partial month: a marker with no line to it (no cliff), for this year and last year alike.
    expect(series[1]?.data).toEqual([null, null, 120]);
    expect(series[1]?.lineStyle).toEqual({ opacity: 0 });
    expect(series[2]?.data).toEqual([90, 90, null]);
    expect(series[3]?.data).toEqual([null, null, 90]);
  });
});

describe('changes against last year', () => {
  it('gives rates in percentage points and additive values in percent', () => {
    const retention = changeOf('ratio', 0.646, 0.694);
    expect(retention?.kind).toBe('points');
    expect(retention?.value).toBeCloseTo(-4.8, 10);
    const words = { points: (n: string) => `${n} pt`, score: (n: string) => `${n} pts` };
    expect(formatChange(retention ?? { kind: 'points', value: 0 }, 'en', words)).toBe('−4.8 pt');
    const revenue = changeOf('money', 120, 100);
    expect(revenue).toEqual({ kind: 'percent', value: 0.2 });
    expect(formatChange(revenue ?? { kind: 'percent', value: 0 }, 'en', words)).toBe('+20.0%');
    // Fixed decimals, so that a column of changes lines up.
    expect(formatChange({ kind: 'points', value: -4 }, 'en', words)).toBe('−4.0 pt');
    expect(formatChange({ kind: 'score', value: 0.5 }, 'en', words)).toBe('+0.50 pts');
    expect(changeOf('score', 42, 30)).toEqual({ kind: 'score', value: 12 });
    expect(changeOf('ratio', null, 0.5)).toBeNull();
    expect(changeOf('count', 5, 0)).toBeNull();
  });

  it('shows a change that rounds to nothing as no change: not −0.0 pt in red, nor +0.0 in green', () => {
    const words = { points: (n: string) => `${n} pt`, score: (n: string) => `${n} pts` };
    // a conversion rate of 2.81 % against 2.83 % last year: −0.02 pt, shown with one decimal
    const tiny = changeOf('ratio', 0.0281, 0.0283);
    expect(tiny && formatChange(tiny, 'en', words)).toBe('±0.0 pt');
    expect(tiny && changeDirection(tiny)).toBe(0);
    expect(changeDirection({ kind: 'points', value: 0.04 })).toBe(0);
    expect(changeDirection({ kind: 'points', value: 0.05 })).toBe(1);
    expect(changeDirection({ kind: 'percent', value: -0.0004 })).toBe(0);
    expect(formatChange({ kind: 'percent', value: -0.0004 }, 'en', words)).toBe('±0.0%');
    expect(changeDirection({ kind: 'percent', value: -0.0006 })).toBe(-1);
    expect(formatChange({ kind: 'score', value: -0.004 }, 'en', words)).toBe('±0.00 pts');
    expect(changeDirection({ kind: 'score', value: 0.006 })).toBe(1);
  });

  it('compares the last complete period, not the one still running', () => {
    expect(lastCompleteIndex([{}, {}, { partial: true }])).toBe(1);
    expect(lastCompleteIndex([{ partial: true }])).toBe(-1);
  });

  it('CLV with customers but no churn is undefined, not missing data', () => {
    expect(undefinedWithData('clv', [{ value: null, denominator: 12 }])).toBe(true);
    expect(undefinedWithData('clv', [{ value: null, denominator: 0 }])).toBe(false);
    expect(undefinedWithData('aov', [{ value: null, denominator: 3 }])).toBe(false);
  });

  it('tells a period still running from one the range cuts', () => {
    // A week view from 2026-09-01 (a Tuesday) to today, 2026-12-07: W36 is cut by the range's start
    // (it ended on 6 September), W50 is still running.
    const points = [
      { label: 'W36', end: '2026-09-06', partial: true },
      { label: 'W37', end: '2026-09-13' },
      { label: 'W50', end: '2026-12-07', partial: true },
    ];
    const { running, cut } = partialPoints(points, '2026-12-07');
    expect(running.map((p) => p.label)).toEqual(['W50']);
    expect(cut.map((p) => p.label)).toEqual(['W36']);
    expect(isEmptySeries([{ value: 0 }, { value: null }])).toBe(true);
  });
});

describe('the explorer’s today is the company’s, not the browser’s', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a preset is as of the company’s today, whatever the computer’s clock says', () => {
    // 31 March, 20:00 UTC: still March on a computer in London or New York, 1 April in Taipei.
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-31T20:00:00Z'));
    const companyToday = '2026-04-01';
    expect(viewRange({ period: 'thisMonth' }, companyToday)).toEqual({
      from: '2026-04-01',
      to: '2026-04-01',
    });
    expect(viewRange({ period: 'lastMonth' }, companyToday)).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(viewRange({ period: 'thisQuarter' }, companyToday)).toEqual({
      from: '2026-04-01',
      to: '2026-04-01',
    });
    // Not known yet: no range (the page waits for the server) rather than the browser's guess.
    expect(viewRange({ period: 'thisMonth' }, undefined)).toBeNull();
    // A range of the user's own needs no today.
    expect(viewRange({ period: 'custom', from: '2026-01-01', to: '2026-01-31' }, undefined)).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
  });

  it('the summary tells running periods from cut ones by the answer’s today', () => {
    // The answer is as of 2026-03-10 (the server's company today): March is still running.
    const r = result('revenue', 'sum');
    const { running, cut } = partialPoints(r.series, r.today);
    expect(running.map((p) => p.period)).toEqual(['2026-03', '2026-03']);
    expect(cut).toEqual([]);
  });
});

describe('the explorer state in the address', () => {
  it('round-trips every part of the view', () => {
    const view = {
      metric: 'aov' as const,
      period: 'custom' as const,
      from: '2026-10-01',
      to: '2026-10-24',
      grain: 'week' as const,
      by: 'channel' as const,
      filter: 'product' as const,
      values: ['拿鐵', '可頌'],
    };
    expect(parseKpiView(new URLSearchParams(kpiViewSearch(view)))).toEqual(view);
    expect(parseKpiView(new URLSearchParams(''))).toEqual(DEFAULT_KPI_VIEW);
  });

  it('falls back to the defaults for unknown or broken values', () => {
    const v = parseKpiView(
      new URLSearchParams('metric=nope&period=custom&from=2026-02-30&to=x&grain=hour&by=shoe'),
    );
    expect(v).toEqual(DEFAULT_KPI_VIEW);
    expect(parseKpiView(new URLSearchParams('period=lastYear&value=x')).values).toEqual([]);
  });

  it('keeps a custom range only of real calendar days', () => {
    const view = parseKpiView(new URLSearchParams('period=custom&from=2026-02-30&to=2026-03-10'));
    expect(view.period).toBe('last12m');
    expect(view.from).toBeUndefined();
    expect(parseKpiView(new URLSearchParams('period=custom&from=2024-02-29&to=2024-03-10'))).toMatchObject({
      period: 'custom',
      from: '2024-02-29',
      to: '2024-03-10',
    });
  });
  it('opens an import on its own dates, at a grain that fits them', () => {
    expect(importedKpiHref('sales', '2026-10-01', '2026-10-24')).toBe(
      '/kpi?metric=revenue&period=custom&from=2026-10-01&to=2026-10-24&grain=day',
    );
    expect(importedKpiHref('satisfaction', null, null)).toBe(kpiViewHref({ metric: 'csat' }));
    expect(grainForRange('2026-01-01', '2026-05-31')).toBe('week');
    expect(grainForRange('2025-01-01', '2026-05-31')).toBe('month');
  });
});

describe('empty KPIs name the import that fills them', () => {
  it('maps every metric to its data', () => {
    expect(fillingImport('cac')).toBe('marketing');
    expect(fillingImport('conversion_rate')).toBe('marketing');
    expect(fillingImport('roas')).toBe('marketing');
    expect(fillingImport('csat')).toBe('satisfaction');
    expect(fillingImport('nps')).toBe('satisfaction');
    expect(fillingImport('retention_rate')).toBe('sales');
    expect(fillingImport('market_share')).toBeNull();
    for (const m of KPI_METRICS) expect(() => fillingImport(m)).not.toThrow();
  });
});

describe('members without identified customers', () => {
  it('are the members the customers KPI does not count, for the KPIs that count customers only', () => {
    const all = ['門市', '線上商店', '外送平台', '批發'];
    const customers = [
      { key: '門市', value: 575 },
      { key: '線上商店', value: 284 },
      // Counted zero, or no value: no identified customer there either.
      { key: '批發', value: 0 },
      { key: null, value: 12 },
    ];
    expect(membersWithoutCustomers(all, customers)).toEqual(['外送平台', '批發']);
    expect(membersWithoutCustomers(all, [])).toEqual(all);
    expect([...KPI_METRICS].filter(countsCustomers).sort()).toEqual([
      'cac',
      'churn_rate',
      'clv',
      'customers',
      'new_customers',
      'repeat_purchase_rate',
      'retention_rate',
    ]);
    expect(countsCustomers('revenue')).toBe(false);
    expect(countsCustomers('aov')).toBe(false);
  });
});

describe('the whole-range figure says what it is', () => {
  it('sums and ratios of sums need no note; customer counts and retention say how they count', () => {
    expect(wholeRangeNote({ metric: 'revenue', aggregation: 'sum' })).toBeNull();
    expect(wholeRangeNote({ metric: 'aov', aggregation: 'ratio' })).toBeNull();
    expect(wholeRangeNote({ metric: 'customers', aggregation: 'distinct' })).toBe(
      'kpi.summary.wholeRangeDistinct',
    );
    expect(wholeRangeNote({ metric: 'clv', aggregation: 'distinct' })).toBe('kpi.summary.wholeRangeDistinct');
    for (const metric of ['retention_rate', 'churn_rate'] as const)
      expect(wholeRangeNote({ metric, aggregation: 'distinct' })).toBe('kpi.summary.wholeRangeRetention');
    // Every metric counted over the range has its note.
    for (const metric of KPI_METRICS)
      if (KPI_AGGREGATION[metric] === 'distinct')
        expect(wholeRangeNote({ metric, aggregation: 'distinct' })).not.toBeNull();
  });
});
