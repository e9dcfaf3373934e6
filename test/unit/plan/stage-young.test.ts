import { describe, expect, it } from 'vitest';
import {
  needsSamePeriodBaseline,
  newChannelsKnowable,
  suggestStageTarget,
} from '../../../src/core/plan/stage-targets.ts';
import { stageChangeKey } from '../../../src/web/features/plan/plan-view.ts';

/** Stage plans on little history: what a change is measured from, and no new-channel number without a year of data. */
describe('stage targets with little history', () => {
  it('a growth target says what it is measured from: last year only when that is the baseline', () => {
    const runRate = suggestStageTarget({
      metric: 'revenue',
      target: 'growth',
      baseline: 1_000_000,
      basis: 'recent_run_rate',
      recommended: null,
    });
    expect(runRate).toMatchObject({ kind: 'percent_change', value: 10, basis: 'recent_run_rate' });
    expect(stageChangeKey(runRate.basis)).toBe('plan.stage.changeRunRate');
    const lastYear = suggestStageTarget({
      metric: 'revenue',
      target: 'growth',
      baseline: 1_000_000,
      basis: 'same_period_last_year',
      recommended: null,
    });
    expect(stageChangeKey(lastYear.basis)).toBe('plan.stage.change');
    const none = suggestStageTarget({
      metric: 'revenue',
      target: 'growth',
      baseline: null,
      recommended: null,
    });
    expect(none).toMatchObject({ from: 'no_data', basis: null });
    expect(stageChangeKey(none.basis)).toBe('plan.stage.changeNoBase');
  });

  it('new-channel revenue is knowable only with a year of data before the baseline’s last day', () => {
    // A shop selling since 2026-09-08: every channel it has reads as new on 2026-12-06.
    expect(newChannelsKnowable('2026-09-08', '2026-12-06')).toBe(false);
    expect(newChannelsKnowable(null, '2026-12-06')).toBe(false);
    expect(newChannelsKnowable('2025-12-06', '2026-12-06')).toBe(true);
  });
});

describe('whole-period KPIs', () => {
  it('revenue per rep, customers and CLV need the same period last year; rates and sums do not', () => {
    expect(needsSamePeriodBaseline('revenue_per_rep')).toBe(true);
    expect(needsSamePeriodBaseline('customers')).toBe(true);
    expect(needsSamePeriodBaseline('clv')).toBe(true);
    expect(needsSamePeriodBaseline('retention_rate')).toBe(false);
    expect(needsSamePeriodBaseline('revenue')).toBe(false);
    expect(needsSamePeriodBaseline('aov')).toBe(false);
  });
});
