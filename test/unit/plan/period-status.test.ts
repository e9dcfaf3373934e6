import { describe, expect, it } from 'vitest';
import { periodStatusText } from '../../../src/core/plan/messages.ts';
import { periodResult, periodStatus, tallyPeriods } from '../../../src/core/plan/period-state.ts';

const q = (start: string, end: string, target: number, actual: number | null) => ({
  period: { start, end },
  target,
  actual,
});
const sum = { additive: true, lowerIsBetter: false };
const level = { additive: false, lowerIsBetter: false };

describe('a period’s status (the plan tree, its roll-ups and its export)', () => {
  it('closed by its result, open in progress or not started; a level without a value closed with no data', () => {
    const today = '2025-08-15';
    expect(periodStatus(q('2025-01-01', '2025-03-31', 100, 90), today, sum)).toBe('missed');
    expect(periodStatus(q('2025-04-01', '2025-06-30', 100, 100), today, sum)).toBe('reached');
    expect(
      periodStatus(q('2025-04-01', '2025-06-30', 100, 120), today, { ...sum, lowerIsBetter: true }),
    ).toBe('missed');
    expect(periodStatus(q('2025-07-01', '2025-09-30', 100, 50), today, sum)).toBe('in-progress');
    expect(periodStatus(q('2025-10-01', '2025-12-31', 100, null), today, sum)).toBe('not-started');
    expect(periodStatus(q('2025-02-01', '2025-02-28', 900, null), today, level)).toBe('closed-no-data');
    // A closed sum without a read actual is a sum of nothing: 0, missed.
    expect(periodStatus(q('2025-02-01', '2025-02-28', 900, null), today, sum)).toBe('missed');
  });

  it('is what the results and the tally count', () => {
    const today = '2025-08-15';
    const children = [
      q('2025-01-01', '2025-03-31', 100, 90),
      q('2025-04-01', '2025-06-30', 100, 100),
      q('2025-07-01', '2025-09-30', 100, 50),
    ];
    expect(children.map((c) => periodResult(c, today, sum))).toEqual(['missed', 'reached', null]);
    expect(tallyPeriods(children, today, sum)).toEqual({
      closed: 2,
      reached: 1,
      missed: 1,
      noData: 0,
      open: 1,
    });
  });

  it('is worded in both languages; closed with no data as the plan page says it for the metric', () => {
    expect(periodStatusText('reached', 'revenue')).toEqual({ en: 'Reached', zhTW: '已達成' });
    expect(periodStatusText('not-started', 'revenue')).toEqual({ en: 'Not started', zhTW: '未開始' });
    expect(periodStatusText('closed-no-data', 'aov').zhTW).toBe('已結束,沒有訂單,無法計算客單價');
  });
});
