import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/core/calendar/periods.ts';
import { assessAchievability, type GoalHistory, gradeGoal } from '../../../src/core/goals/index.ts';
import { periodState } from '../../../src/core/plan/period-state.ts';
import { replan, replanRatio } from '../../../src/core/plan/replan.ts';

/**
 * A phase goal's period once it is over: its actual is final. It states its result and gets no advice
 * on its target (no recommended range, no "raise it to …"), which only the periods still open get;
 * a re-plan closes it at its actual and moves only the others.
 */

const TODAY = '2026-12-07';

/** 36 complete months before December 2026, about 1.2M a month (the demo shop's revenue). */
function history(actualToDate: number): GoalHistory {
  const monthly = Array.from({ length: 36 }, (_, i) => ({
    period: addMonths('2023-12-01', i).slice(0, 7),
    value: 1_200_000 * (1 + 0.05 * Math.sin(i)),
  }));
  return {
    today: TODAY,
    monthly,
    samePeriodLastYear: 1_150_000,
    recentDaily: 40_000,
    actualToDate,
    reps: 6,
    revenuePerRepMonthly: 200_000,
    som: null,
  };
}

const JANUARY = { start: '2026-01-01', end: '2026-01-31' };
const revenue = (value: number) => ({
  metric: 'revenue' as const,
  kind: 'absolute' as const,
  value,
  per: null,
});

describe('where a period stands on a day', () => {
  it('closed once over, in progress from its second day (an actual so far exists), else not started', () => {
    const december = { start: '2026-12-01', end: '2026-12-31' };
    expect(periodState({ start: '2026-11-01', end: '2026-11-30' }, TODAY)).toBe('closed');
    expect(periodState(december, TODAY)).toBe('in-progress');
    expect(periodState(december, '2026-12-31')).toBe('in-progress');
    expect(periodState(december, '2027-01-01')).toBe('closed');
    expect(periodState(december, '2026-12-01')).toBe('not-started');
    expect(periodState({ start: '2027-01-01', end: '2027-01-31' }, TODAY)).toBe('not-started');
  });
});

describe('a closed month’s achievability: its result, no advice on its target', () => {
  it('closed at its actual by a re-plan: reached, said with the actual; no "raise it" range', () => {
    const { achievability, findings } = assessAchievability({
      metric: 'revenue',
      target: revenue(1_221_664),
      period: JANUARY,
      history: history(1_221_664),
      lang: 'zh-TW',
      currencySymbol: 'NT$',
    });
    expect(achievability.verdict).toBe('achievable');
    expect(achievability.recommended).toBeNull();
    expect(achievability.forecast).toBeNull();
    expect(findings.map((f) => f.code)).toEqual(['PERIOD_REACHED']);
    expect(findings[0]?.message).toContain('NT$1,221,664');
    expect(findings[0]?.fix).toBe('');
    expect(achievability.reason).toContain('實績NT$1,221,664');
  });

  it('missed: unrealistic as before, with the actual against the target, and no range or caps to follow', () => {
    const { achievability, findings } = assessAchievability({
      metric: 'revenue',
      // Far above the team's capacity and past growth: a month still open would be told so.
      target: revenue(3_583_390),
      period: JANUARY,
      history: history(1_221_664),
      lang: 'en',
      currencySymbol: 'NT$',
    });
    expect(achievability.probability).toBe(0);
    expect(achievability.verdict).toBe('unrealistic');
    expect(achievability.recommended).toBeNull();
    expect(findings.map((f) => f.code)).toEqual(['PERIOD_MISSED']);
    expect(findings[0]?.message).toBe(
      'The period is over: the actual, NT$1,221,664, fell short of the target of NT$3,583,390.',
    );
    expect(findings.every((f) => f.fix === '')).toBe(true);
  });

  it('the goal’s grade has no rewrite of a closed month’s target; an open month is still advised', () => {
    const closed = gradeGoal(
      {
        name: '2026 營收 · 2026-01',
        statement: '',
        metric: 'revenue',
        scope: {},
        target: revenue(1_221_664),
        extraTargets: [],
        period: JANUARY,
        objectiveId: null,
        strategies: [],
      },
      {
        today: TODAY,
        lang: 'zh-TW',
        history: history(1_221_664),
        relevance: { objectiveTitle: null, objectiveTitles: [], positioning: '' },
        company: { baselineRevenuePerMonth: 1_200_000, currencySymbol: 'NT$' },
      },
    );
    const achievable = closed.findings.filter((f) => f.letter === 'achievable');
    expect(achievable.map((f) => f.code)).toEqual(['PERIOD_REACHED']);
    expect(achievable.map((f) => f.fix).join('')).not.toMatch(/建議區間|70%/);
    expect(closed.grades.achievable).toBe('pass');
    const open = assessAchievability({
      metric: 'revenue',
      target: revenue(1_221_664),
      period: { start: '2027-01-01', end: '2027-01-31' },
      history: history(0),
      lang: 'zh-TW',
    });
    expect(open.achievability.forecast).not.toBeNull();
    expect(open.achievability.recommended).not.toBeNull();
  });
});

describe('a re-plan on a day inside a period', () => {
  const months = [
    { start: '2026-10-01', end: '2026-10-31', target: 100, locked: false, actual: 80 },
    { start: '2026-11-01', end: '2026-11-30', target: 100, locked: false, actual: 90 },
    // In progress: what it has so far is not its result.
    { start: '2026-12-01', end: '2026-12-31', target: 100, locked: false, actual: 20 },
  ];

  it('closes only the months that are over; the month in progress is open and carries the rest', () => {
    const r = replan({
      total: 300,
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      children: months,
      today: TODAY,
      actualToDate: 190,
      mode: 'spread',
    });
    expect(r.closed).toEqual([0, 1]);
    expect(r.targets).toEqual([80, 90, 130]);
    const ratio = replanRatio({
      level: 100,
      children: months.map((m) => ({ ...m, weight: 1 })),
      today: TODAY,
      mode: 'spread',
    });
    expect(ratio.closed).toEqual([0, 1]);
    expect(ratio.targets[2]).toBeCloseTo(130, 9);
  });
});
