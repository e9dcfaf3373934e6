import { describe, expect, it } from 'vitest';
import { goalInputSchema } from '../../../src/contract/goals.ts';
import {
  assessAchievability,
  convertedTargetProblem,
  type GoalDraft,
  type GoalHistory,
  type GoalTarget,
  gradeGoal,
  metricLimits,
  targetProblem,
} from '../../../src/core/goals/index.ts';

const t = (metric: GoalTarget['metric'], kind: GoalTarget['kind'], value: number): GoalTarget => ({
  metric,
  kind,
  value,
  per: null,
});

describe('targets no business can reach', () => {
  it('refuses negative amounts and counts, rates outside 0–100 %, falls of 100 % or more', () => {
    const refused: [GoalTarget, string][] = [
      [t('revenue', 'absolute', -500_000), 'TARGET_NEGATIVE'],
      [{ ...t('orders', 'absolute', -1), per: 'month' }, 'TARGET_NEGATIVE'],
      [t('aov', 'absolute', -3), 'TARGET_NEGATIVE'],
      [t('roas', 'absolute', -0.5), 'TARGET_NEGATIVE'],
      [t('conversion_rate', 'absolute', 250), 'TARGET_OUT_OF_RANGE'],
      [t('churn_rate', 'absolute', -5), 'TARGET_OUT_OF_RANGE'],
      [t('csat', 'absolute', 6), 'TARGET_OUT_OF_RANGE'],
      [t('nps', 'absolute', -120), 'TARGET_OUT_OF_RANGE'],
      [t('revenue', 'percent_change', -150), 'TARGET_FALL_OF_100'],
      [t('revenue', 'percent_change', -100), 'TARGET_FALL_OF_100'],
      [t('churn_rate', 'percent_change', -100), 'TARGET_FALL_OF_100'],
      [t('conversion_rate', 'absolute_change', 150), 'TARGET_CHANGE_OUT_OF_RANGE'],
    ];
    for (const [target, code] of refused) {
      const en = targetProblem(target, 'en');
      const zh = targetProblem(target, 'zh-TW');
      expect(en?.code, JSON.stringify(target)).toBe(code);
      expect(zh?.code).toBe(code);
      expect(en?.letter).toBe('measurable');
      expect(en?.severity).toBe('fail');
      expect(zh?.message).toMatch(/[\u3400-\u9fff]/);
    }
    expect(targetProblem(t('revenue', 'absolute', -500_000), 'zh-TW', 'NT$')?.message).toBe(
      '目標-NT$500,000不可能達成:營收不會是負數。',
    );
    expect(targetProblem(t('revenue', 'percent_change', -150), 'en')?.message).toContain('A fall of 150%');
    expect(targetProblem(t('conversion_rate', 'absolute', 250), 'en')?.message).toContain(
      'between 0% and 100%',
    );
  });

  it('accepts what can happen', () => {
    for (const target of [
      t('revenue', 'absolute', 0),
      t('revenue', 'percent_change', -99.5),
      t('revenue', 'percent_change', 300),
      t('revenue', 'absolute_change', -500_000),
      t('conversion_rate', 'absolute', 100),
      t('conversion_rate', 'absolute_change', -3),
      t('churn_rate', 'absolute', 0),
      t('nps', 'absolute', -20),
      t('csat', 'absolute', 4.5),
    ])
      expect(targetProblem(target, 'en'), JSON.stringify(target)).toBeNull();
    expect(metricLimits('retention_rate')).toEqual({ min: 0, max: 100 });
  });

  it('refuses a change that converts to the impossible (rates as fractions)', () => {
    expect(convertedTargetProblem('revenue', -400_000, 'en')?.code).toBe('TARGET_NEGATIVE');
    expect(convertedTargetProblem('conversion_rate', 1.2, 'en')?.code).toBe('TARGET_OUT_OF_RANGE');
    expect(convertedTargetProblem('conversion_rate', 1 + 1e-12, 'en')).toBeNull();
    expect(convertedTargetProblem('conversion_rate', 0.6, 'en')).toBeNull();
  });

  it('the contract refuses them with the field path and a code the server words in either language', () => {
    const body = {
      name: 'x',
      metric: 'revenue',
      target: t('revenue', 'percent_change', -150),
      extraTargets: [t('revenue', 'absolute', 100), t('revenue', 'absolute', -1)],
      period: { start: '2027-01-01', end: '2027-12-31' },
    };
    const parsed = goalInputSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['target.value', 'target_fall_of_100'],
      ['extraTargets.1.value', 'target_negative'],
    ]);
    expect(
      goalInputSchema.safeParse({ ...body, target: t('revenue', 'percent_change', -50), extraTargets: [] })
        .success,
    ).toBe(true);
  });
});

describe('grading a sentence with an impossible target', () => {
  const history: GoalHistory = {
    today: '2026-12-07',
    monthly: Array.from({ length: 24 }, (_, i) => ({
      period: new Date(Date.UTC(2024, 11 + i, 1)).toISOString().slice(0, 7),
      value: 100_000,
    })),
    samePeriodLastYear: 1_200_000,
    recentDaily: 100_000 / 30,
    actualToDate: null,
    reps: null,
    revenuePerRepMonthly: null,
    som: null,
  };
  const grade = (target: GoalTarget, statement: string) => {
    const draft: GoalDraft = {
      name: statement,
      statement,
      metric: target.metric,
      scope: {},
      target,
      period: { start: '2027-01-01', end: '2027-12-31' },
      objectiveId: null,
      strategies: [],
    };
    return gradeGoal(draft, {
      today: '2026-12-07',
      lang: 'zh-TW',
      history,
      relevance: { objectiveTitle: null, objectiveTitles: [], positioning: '' },
      company: { currencySymbol: 'NT$' },
    });
  };

  it('「營收下降150%」: a finding and Measurable fails, not a target of −50 % graded too easy', () => {
    const g = grade(t('revenue', 'percent_change', -150), '2027年營收下降150%');
    expect(g.grades.measurable).toBe('fail');
    expect(g.findings.find((f) => f.code === 'TARGET_FALL_OF_100')?.message).toContain('營收下降150%');
    expect(g.achievability.verdict).toBe('unknown');
    expect(g.achievability.targetValue).toBeNull();
    expect(g.findings.map((f) => f.code)).not.toContain('TOO_EASY');
    expect(g.rewrite).not.toContain('150');
  });

  it('a change that takes revenue below zero is refused after conversion', () => {
    const { achievability, findings } = assessAchievability({
      metric: 'revenue',
      target: t('revenue', 'absolute_change', -2_000_000),
      period: { start: '2027-01-01', end: '2027-12-31' },
      history,
      lang: 'en',
    });
    expect(achievability.verdict).toBe('unknown');
    expect(findings.map((f) => f.code)).toEqual(['TARGET_NEGATIVE']);
    expect(grade(t('revenue', 'absolute_change', -2_000_000), '營收減少200萬').grades.measurable).toBe(
      'fail',
    );
  });
});
