import { describe, expect, it } from 'vitest';
import { closedNoDataText } from '../../../src/core/plan/messages.ts';
import { childState, periodResult, tallyPeriods } from '../../../src/core/plan/period-state.ts';
import { replanRatio } from '../../../src/core/plan/replan.ts';

/**
 * A closed period of a level (AOV = revenue ÷ orders) that had no orders has no value: it is closed
 * with no data — not in progress, not 0 — and neither reached nor missed in any roll-up of the plan;
 * a re-plan leaves it as it is, weighs it nothing, and counts it neither short nor ahead.
 */

const TODAY = '2026-12-07';
const OCT = { start: '2026-10-01', end: '2026-10-31' };
const NOV = { start: '2026-11-01', end: '2026-11-30' };
const DEC = { start: '2026-12-01', end: '2026-12-31' };

describe('a closed period of a level without a value', () => {
  it('is closed with no data (a sum’s closed period always has a total)', () => {
    expect(childState(NOV, TODAY, null, false)).toBe('closed-no-data');
    expect(childState(NOV, TODAY, 3_400, false)).toBe('closed');
    expect(childState(NOV, TODAY, 0, false)).toBe('closed');
    expect(childState(NOV, TODAY, null, true)).toBe('closed');
    expect(childState(DEC, TODAY, null, false)).toBe('in-progress');
    expect(childState({ start: '2027-01-01', end: '2027-01-31' }, TODAY, null, false)).toBe('not-started');
  });

  it('is neither reached nor missed: the roll-up counts it apart', () => {
    const kind = { additive: false, lowerIsBetter: false };
    const kids = [
      { period: { start: '2026-09-01', end: '2026-09-30' }, target: 4_000, actual: 4_100 },
      { period: OCT, target: 4_000, actual: 3_500 },
      { period: NOV, target: 4_000, actual: null },
      { period: DEC, target: 4_000, actual: 2_000 },
    ];
    expect(kids.map((k) => periodResult(k, TODAY, kind))).toEqual(['reached', 'missed', 'no-data', null]);
    expect(tallyPeriods(kids, TODAY, kind)).toEqual({ closed: 3, reached: 1, missed: 1, noData: 1, open: 1 });
    // A ceiling (CAC): at or below the target is reached.
    expect(
      periodResult({ period: OCT, target: 500, actual: 450 }, TODAY, { ...kind, lowerIsBetter: true }),
    ).toBe('reached');
  });

  it('says what was missing and that the level cannot be computed, in both languages', () => {
    expect(closedNoDataText('aov')).toEqual({
      zhTW: '已結束,沒有訂單,無法計算客單價',
      en: 'Closed, no orders: no average order value to compute',
    });
    expect(closedNoDataText('conversion_rate').zhTW).toBe('已結束,沒有造訪,無法計算轉換率');
  });

  it('a re-plan keeps it, weighs it nothing and counts it neither short nor ahead', () => {
    const children = [
      { ...OCT, target: 4_000, locked: false, actual: 3_600, weight: 100 },
      // No orders in November: no AOV; last year's orders (120) must not weigh it.
      { ...NOV, target: 4_000, locked: false, actual: null, weight: 120 },
      { ...DEC, target: 4_000, locked: false, actual: null, weight: 100 },
    ];
    const r = replanRatio({ level: 4_000, children, today: TODAY, mode: 'spread' });
    expect(r.closed).toEqual([0]);
    expect(r.noData).toEqual([1]);
    expect(r.closedActual).toBe(3_600);
    expect(r.closedTarget).toBe(4_000);
    // October 400 short over 100 orders: December (100) needs 4,400 for the plan to imply 4,000.
    expect(r.requiredLevel).toBeCloseTo(4_400, 9);
    expect(r.targets).toEqual([3_600, 4_000, 4_400]);
    expect(r.impliedAfterSpread).toBeCloseTo(4_000, 9);
  });
});
