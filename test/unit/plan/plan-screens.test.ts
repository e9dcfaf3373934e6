import { describe, expect, it } from 'vitest';
import { dimensionName } from '../../../src/core/kpi/dimension-names.ts';
import { dimensionOf, SPLIT_DIMENSIONS } from '../../../src/core/plan/types.ts';
import type { PlanNode } from '../../../src/web/features/plan/plan-api.ts';
import { planChartOption } from '../../../src/web/features/plan/plan-chart-options.ts';
import {
  actualCurve,
  closedChildren,
  dimensionKey,
  levelTally,
  noDataText,
  nodeState,
  PERIOD_STATE_KEY,
  replanGap,
} from '../../../src/web/features/plan/plan-view.ts';
import en from '../../../src/web/i18n/en.json' with { type: 'json' };
import zhTW from '../../../src/web/i18n/zh-TW.json' with { type: 'json' };

type Messages = { [key: string]: string | Messages };
const text = (messages: Messages, key: string): string => {
  const v = key
    .split('.')
    .reduce<string | Messages | undefined>((m, k) => (typeof m === 'object' ? m[k] : undefined), messages);
  if (typeof v !== 'string') throw new Error(`no message ${key}`);
  return v;
};
const fill = (s: string, amount: string) => s.replace('{{amount}}', amount);

describe('the re-plan preview', () => {
  it('names each period’s state on its own: closed, closed with no data, in progress, not started (never "running / ahead")', () => {
    const zh = Object.values(PERIOD_STATE_KEY).map((k) => text(zhTW, k));
    const eng = Object.values(PERIOD_STATE_KEY).map((k) => text(en, k));
    expect(zh).toEqual(['已結束', '已結束,無資料', '進行中', '未開始']);
    expect(eng).toEqual(['Closed', 'Closed, no data', 'In progress', 'Not started']);
    for (const s of [...zh, ...eng]) expect(s).not.toContain('/');
  });

  it('says a ratio’s gap as a direction and an amount, never a signed amount after 相差', () => {
    const below = replanGap(-13, false, false);
    expect(below).toEqual({ key: 'plan.replan.ratioBelow', amount: 13, tone: 'warning' });
    expect(fill(text(zhTW, below.key), 'NT$13')).toBe('已結束的期間平均低於規劃水準 NT$13。');
    expect(fill(text(en, below.key), 'NT$13')).toBe(
      'The closed periods averaged NT$13 below their planned level.',
    );
    const above = replanGap(13, false, false);
    expect(above).toEqual({ key: 'plan.replan.ratioAbove', amount: 13, tone: 'info' });
    expect(fill(text(zhTW, above.key), 'NT$13')).toContain('高於規劃水準 NT$13');
    expect(fill(text(en, above.key), 'NT$13')).toContain('NT$13 above');
    // A ceiling (CAC, churn): above the plan is the bad news.
    expect(replanGap(2, false, true).tone).toBe('warning');
    expect(replanGap(-2, false, true).tone).toBe('info');
    // Sums keep their words; the amount is unsigned; on plan is success.
    expect(replanGap(-500, true, false)).toEqual({ key: 'plan.replan.short', amount: 500, tone: 'warning' });
    expect(replanGap(500, true, false)).toEqual({ key: 'plan.replan.long', amount: 500, tone: 'info' });
    expect(replanGap(0, false, false)).toMatchObject({ key: 'plan.replan.onTrack', tone: 'success' });
    for (const m of [zhTW, en] as Messages[]) expect(() => text(m, 'plan.replan.ratioGap')).toThrow();
  });
});

describe('split dimensions on the plan screens', () => {
  it('are named as the KPI pages and both exports name them (類別, 業務人員, 客戶類型)', () => {
    for (const by of SPLIT_DIMENSIONS) {
      const dim = dimensionOf(by);
      expect(dimensionKey(by)).toBe(`kpi.dimensions.${dim}`);
      expect(text(zhTW, dimensionKey(by))).toBe(dimensionName(dim, 'zh-TW'));
      expect(text(en, dimensionKey(by))).toBe(dimensionName(dim, 'en'));
    }
    expect(text(zhTW, dimensionKey('category'))).toBe('類別');
  });
});

describe('the plan chart marks the period in progress as the KPI charts do', () => {
  const node = (periodId: string, start: string, end: string, target: number, actual: number | null) =>
    ({ periodId, period: { start, end }, target, actual, member: null }) as unknown as PlanNode;
  const children = [
    node('2026-10', '2026-10-01', '2026-10-31', 1_000_000, 1_168_866),
    node('2026-11', '2026-11-01', '2026-11-30', 1_000_000, 1_161_985),
    node('2026-12', '2026-12-01', '2026-12-31', 1_000_000, 300_125),
  ];

  it('the month in progress is partial; its actual is apart from the line, its column shaded', () => {
    const curve = actualCurve(children, true, '2026-12-07');
    expect(curve.map((c) => c.partial)).toEqual([false, false, true]);
    expect(curve[2]?.lastYear).toBe(300_125);
    const option = planChartOption(curve, 'money', 'TWD', 'zh-TW', {
      plan: '計畫',
      line: '目前實績',
      partial: '未完整',
    });
    const series = option.series as { name?: string; type: string; data: unknown[]; markArea?: unknown }[];
    const lines = series.filter((s) => s.name === '目前實績');
    // The line stops at November; December is a marker of its own, not joined to it.
    expect(lines[0]?.data).toEqual([1_168_866, 1_161_985, null]);
    expect(lines[1]?.data).toEqual([null, null, 300_125]);
    const band = series.find((s) => s.markArea) as
      | { markArea: { data: { xAxis: number }[][]; label: { formatter: string } } }
      | undefined;
    expect(band?.markArea.data).toEqual([[{ xAxis: 1.5 }, { xAxis: 2.5 }]]);
    expect(band?.markArea.label.formatter).toBe('未完整');
    expect(series.find((s) => s.name === '計畫')?.data).toEqual([1_000_000, 1_000_000, 1_000_000]);
  });

  it('a ratio split by members charts each period’s level as the tree weighs it, never the first member’s', () => {
    const cell = (
      periodId: string,
      start: string,
      end: string,
      member: string,
      target: number,
      actual: number | null,
      weight: number | null,
    ) => ({ periodId, period: { start, end }, member, target, actual, weight }) as unknown as PlanNode;
    // AOV by channel: the store's 12 orders at NT$120, online's 6 at NT$600 → (120·12 + 600·6) ÷ 18 = 280.
    const aov = [
      cell('2026-Q1', '2026-01-01', '2026-03-31', '門市', 120, 100, 12),
      cell('2026-Q1', '2026-01-01', '2026-03-31', '線上', 600, 500, 6),
      cell('2026-Q2', '2026-04-01', '2026-06-30', '門市', 130, null, 12),
      cell('2026-Q2', '2026-04-01', '2026-06-30', '線上', 610, null, 6),
    ];
    const curve = actualCurve(aov, false, '2026-04-01');
    expect(curve.map((c) => c.period)).toEqual(['2026-Q1', '2026-Q2']);
    expect(curve[0]?.plan).toBeCloseTo(280, 9);
    expect(curve[0]?.lastYear).toBeCloseTo((100 * 12 + 500 * 6) / 18, 9);
    expect(curve[1]?.plan).toBeCloseTo((130 * 12 + 610 * 6) / 18, 9);
    expect(curve[1]?.lastYear).toBeNull();
    // Customers by channel overlap: a period has no figure its members make, so no chart.
    const customers = aov.map((c) => ({ ...c, weight: null }));
    expect(actualCurve(customers, false, '2026-04-01')).toEqual([]);
    // Split by period alone, a count charts each period's own target and actual.
    expect(actualCurve([customers[0] as PlanNode], false, '2026-04-01')).toEqual([
      { period: '2026-Q1', plan: 120, lastYear: 100, partial: false },
    ]);
  });

  it('a plan whose periods are all over (or not begun) has no band and one line', () => {
    const curve = actualCurve(children, true, '2027-01-01');
    expect(curve.every((c) => !c.partial)).toBe(true);
    const option = planChartOption(curve, 'money', 'TWD', 'en', {
      plan: 'Plan',
      line: 'Actual',
      partial: 'Partial',
    });
    const series = option.series as { name?: string; markArea?: unknown }[];
    expect(series.filter((s) => s.markArea)).toHaveLength(0);
    expect(series.filter((s) => s.name === 'Actual')).toHaveLength(1);
  });
});

describe('a closed month of a level with no orders on the plan page', () => {
  const node = (periodId: string, start: string, end: string, actual: number | null) =>
    ({
      periodId,
      period: { start, end },
      target: 4_000,
      actual,
      member: null,
      metric: 'aov',
    }) as unknown as PlanNode;
  const aov = {
    metric: 'aov',
    children: [
      node('2026-10', '2026-10-01', '2026-10-31', 3_600),
      node('2026-11', '2026-11-01', '2026-11-30', null),
      node('2026-12', '2026-12-01', '2026-12-31', null),
    ],
  } as unknown as PlanNode;
  const TODAY = '2026-12-07';

  it('reads as closed with no data, in words, not as in progress or 0; a re-plan has only October to act on', () => {
    expect(aov.children.map((c) => nodeState(c, TODAY, false))).toEqual([
      'closed',
      'closed-no-data',
      'in-progress',
    ]);
    expect(noDataText('aov', 'zh-TW')).toBe('已結束,沒有訂單,無法計算客單價');
    expect(noDataText('aov', 'en')).toBe('Closed, no orders: no average order value to compute');
    expect(closedChildren(aov, TODAY, false).map((c) => c.periodId)).toEqual(['2026-10']);
    // No closed month with orders: nothing to re-plan from (the button stays hidden).
    expect(closedChildren({ ...aov, children: aov.children.slice(1) }, TODAY, false)).toEqual([]);
  });

  it('is counted neither reached nor missed, and the summary says so in both languages', () => {
    const tally = levelTally(aov, TODAY, false);
    expect(tally).toEqual({ closed: 2, reached: 0, missed: 1, noData: 1, open: 1 });
    const say = (m: Messages) =>
      text(m, 'plan.results')
        .replace('{{closed}}', String(tally.closed))
        .replace('{{reached}}', String(tally.reached))
        .replace('{{missed}}', String(tally.missed)) +
      text(m, 'plan.resultsNoData').replace('{{count}}', '1');
    expect(say(zhTW as Messages)).toBe('已結束 2 期(達成 0 期、未達成 1 期);1 期沒有資料,不計入達成或未達成');
    expect(say(en as Messages)).toBe(
      'Closed periods: 2 (0 reached, 1 missed); 1 with no data, counted as neither',
    );
    for (const m of [zhTW, en] as Messages[])
      expect(text(m, 'plan.replan.noClosedData').length).toBeGreaterThan(0);
  });
});
