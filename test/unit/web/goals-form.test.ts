import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  describeChange,
  hasRate,
  impossibleTargetMessage,
  keepTarget,
  mapScopeName,
  periodDays,
  perMonthEquivalent,
  sameMetricTargets,
  targetFromRecommended,
  toFormValues,
  toGoalInput,
  unitsInPeriod,
} from '../../../src/web/features/goals/goal-form.ts';

const coffeeDraft = {
  name: '提升平均每日銷售額',
  statement: '在接下來的3個月內,…,達到每日銷售額1500元。',
  metric: 'revenue' as const,
  scope: {},
  target: { metric: 'revenue' as const, kind: 'absolute' as const, value: 1500, per: 'day' as const },
  extraTargets: [{ metric: 'revenue' as const, kind: 'percent_change' as const, value: 15, per: null }],
  period: { start: '2026-11-28', end: '2027-02-27' },
  strategies: ['推出季節限定飲品', '提升顧客忠誠度計劃'],
};

describe('goal wizard form', () => {
  it('a parsed draft fills the form and comes back as the same goal', () => {
    const values = toFormValues(coffeeDraft, true);
    expect(values.target).toEqual({ metric: 'revenue', kind: 'absolute', value: 1500, per: 'day' });
    expect(values.extraTargets?.[0]?.per).toBe('total');
    expect(values.period?.[0].format('YYYY-MM-DD')).toBe('2026-11-28');
    const input = toGoalInput(values, coffeeDraft.statement);
    expect(input).not.toBeNull();
    expect(input?.target).toEqual(coffeeDraft.target);
    expect(input?.extraTargets).toEqual(coffeeDraft.extraTargets);
    expect(input?.period).toEqual(coffeeDraft.period);
    expect(input?.scope).toEqual({});
    expect(input?.strategies).toEqual(coffeeDraft.strategies);
  });

  it('a partial draft leaves other fields alone unless asked to clear them', () => {
    expect(toFormValues({ metric: 'orders' })).toEqual({ metric: 'orders' });
    const cleared = toFormValues({ metric: 'orders' }, true);
    expect(cleared.strategies).toEqual([]);
    expect(cleared.period).toBeNull();
  });

  it('is not a goal while the metric, target value or period is missing', () => {
    expect(toGoalInput({ metric: 'revenue' }, 'x')).toBeNull();
    expect(
      toGoalInput(
        { metric: 'revenue', target: { kind: 'absolute', value: null, per: 'total' }, period: null },
        'x',
      ),
    ).toBeNull();
    const ok = toGoalInput(
      {
        metric: 'revenue',
        target: { kind: 'absolute', value: 100, per: 'total' },
        period: [dayjs('2026-01-01'), dayjs('2026-03-31')],
        scope: { product: [' 拿鐵 ', ''], channel: [] },
      },
      '  a sentence  ',
    );
    expect(ok?.name).toBe('a sentence');
    expect(ok?.scope).toEqual({ product: ['拿鐵'] });
    expect(ok?.target.per).toBeNull();
  });

  it('converts period totals to rates and to the chart’s months', () => {
    expect(periodDays('2026-01-01', '2026-03-31')).toBe(90);
    expect(unitsInPeriod('day', '2026-01-01', '2026-01-31')).toBe(31);
    expect(perMonthEquivalent(365.25, '2026-01-01', '2026-12-31', true)).toBeCloseTo(30.4, 0);
    expect(perMonthEquivalent(0.25, '2026-01-01', '2026-12-31', false)).toBe(0.25);
    // the 70 % total of a per-day goal stays per day
    const perDay = targetFromRecommended(
      92_000,
      'revenue',
      { kind: 'absolute', value: 1500, per: 'day' },
      '2026-11-28',
      '2027-02-27',
    );
    expect(perDay).toMatchObject({ kind: 'absolute', per: 'day', value: 1000 });
    // a % change becomes the absolute total
    const total = targetFromRecommended(
      123_456.4,
      'orders',
      { kind: 'percent_change', value: 15, per: 'total' },
      '2026-01-01',
      '2026-03-31',
    );
    expect(total).toMatchObject({ kind: 'absolute', per: 'total', value: 123_456 });
  });

  it('keeps levels as levels: AOV and rates are never totals or rates (#10)', () => {
    // a recommended AOV of NT$262.4 is a level of NT$262.4, whatever the period or the old "per"
    expect(
      targetFromRecommended(
        262.4,
        'aov',
        { kind: 'absolute', value: 250, per: 'month' },
        '2026-01-01',
        '2026-03-31',
      ),
    ).toMatchObject({ kind: 'absolute', per: 'total', value: 262.4 });
    // a recommended retention of 0.625 (a fraction, as the grading gives ratios) is written 62.5 (%)
    expect(
      targetFromRecommended(
        0.625,
        'retention_rate',
        { kind: 'absolute', value: 60, per: 'total' },
        '2026-01-01',
        '2026-12-31',
      ),
    ).toMatchObject({ per: 'total', value: 62.5 });
    expect(hasRate('orders')).toBe(true);
    expect(hasRate('aov')).toBe(false);
    expect(hasRate('retention_rate')).toBe(false);
    // a level saved with a "per" (「每月客單價250」) goes out as a level
    const aov = toGoalInput(
      {
        metric: 'aov',
        target: { kind: 'absolute', value: 250, per: 'month' },
        extraTargets: [{ metric: 'orders', kind: 'absolute', value: 100, per: 'month' }],
        period: [dayjs('2026-01-01'), dayjs('2026-03-31')],
      },
      '客單價每月250元,每月100單',
    );
    expect(aov?.target.per).toBeNull();
    // a secondary rate target on an additive metric keeps its rate
    expect(aov?.extraTargets).toEqual([{ metric: 'orders', kind: 'absolute', value: 100, per: 'month' }]);
  });

  it('maps an unknown scope name to the closest name chosen, of any dimension (#10)', () => {
    // 「咖啡豆類別」 is a category, not a product
    expect(
      mapScopeName(
        { product: ['產品A', '拿鐵'], category: [] },
        { dimension: 'product', name: '產品A' },
        { dimension: 'category', name: '咖啡豆類別' },
      ),
    ).toEqual({ product: ['拿鐵'], category: ['咖啡豆類別'] });
    expect(
      mapScopeName(
        { product: ['產品A'] },
        { dimension: 'product', name: '產品A' },
        { dimension: 'product', name: '拿鐵' },
      ),
    ).toEqual({ product: ['拿鐵'] });
  });

  it('asks which of two contradicting targets is meant and keeps that one (#10)', () => {
    const values = toFormValues(coffeeDraft, true);
    values.extraTargets = [
      ...(values.extraTargets ?? []),
      { metric: 'orders', kind: 'absolute', value: 100, per: 'month' },
    ];
    const candidates = sameMetricTargets(values);
    expect(candidates.map((c) => c.pick)).toEqual(['main', 0]);
    expect(candidates[1]?.target).toEqual({
      metric: 'revenue',
      kind: 'percent_change',
      value: 15,
      per: null,
    });
    // +15 % meant: it becomes the main target; 1,500 a day goes; 100 orders a month stays
    expect(keepTarget(values, 0)).toEqual({
      target: { kind: 'percent_change', value: 15, per: 'total' },
      extraTargets: [{ metric: 'orders', kind: 'absolute', value: 100, per: 'month' }],
    });
    // 1,500 a day meant: the +15 % goes
    expect(keepTarget(values, 'main')).toEqual({
      target: { kind: 'absolute', value: 1500, per: 'day' },
      extraTargets: [{ metric: 'orders', kind: 'absolute', value: 100, per: 'month' }],
    });
  });

  it('shortens changed values', () => {
    expect(describeChange(null)).toBe('—');
    expect(describeChange(1500)).toBe('1500');
    expect(describeChange({ start: '2026-01-01' })).toBe('{"start":"2026-01-01"}');
    expect(describeChange('x'.repeat(100)).length).toBe(80);
  });
});

describe('a target that cannot be', () => {
  it('is said under the field, in the reader’s language, by the API’s own rule', () => {
    expect(impossibleTargetMessage('revenue', 'absolute', -500_000, 'zh-TW')).toContain('負');
    expect(impossibleTargetMessage('revenue', 'percent_change', -150, 'en')).toMatch(/100/);
    expect(impossibleTargetMessage('conversion_rate', 'absolute', 250, 'en')).toMatch(/100/);
    expect(impossibleTargetMessage('revenue', 'percent_change', -20, 'en')).toBeNull();
    expect(impossibleTargetMessage('aov', 'absolute', 340, 'zh-TW')).toBeNull();
    expect(impossibleTargetMessage(undefined, 'absolute', -1, 'en')).toBeNull();
  });
});
