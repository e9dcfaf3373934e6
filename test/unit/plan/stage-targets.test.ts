/**
 * The company-stage templates and the targets they propose, over every stage × phase × KPI: the
 * target is in the KPI's own unit, no blank of the guide (X %, Y %) reaches a user, targets move the
 * phase's way from the company's own baseline, counts are whole, and the stage is named as in the
 * company profile.
 */
import { describe, expect, it } from 'vitest';
import { formatMetricValue } from '../../../src/core/goals/achievability.ts';
import { isLowerBetter, isMoneyMetric, isPercentMetric } from '../../../src/core/goals/metric-kinds.ts';
import { KPI_GLOSSARY } from '../../../src/core/kpi/glossary.ts';
import { goalDecimals, suggestStageTarget, toGoalUnits } from '../../../src/core/plan/stage-targets.ts';
import { COMPANY_STAGES, STAGE_TEMPLATES } from '../../../src/core/plan/stage-templates.ts';
import en from '../../../src/web/i18n/en.json' with { type: 'json' };
import zh from '../../../src/web/i18n/zh-TW.json' with { type: 'json' };

const everyGoal = COMPANY_STAGES.flatMap((stage) =>
  STAGE_TEMPLATES[stage].phases.flatMap((phase, i) => phase.goals.map((goal) => ({ stage, i, phase, goal }))),
);

/** A small seeded PRNG (mulberry32): the same cases every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible value of the metric in its own units (rates as fractions). */
function sample(metric: (typeof everyGoal)[number]['goal']['metric'], r: () => number): number {
  if (isPercentMetric(metric)) return 0.001 + r() * 0.998;
  if (metric === 'csat') return 1 + r() * 4;
  if (metric === 'nps') return -50 + r() * 130;
  if (isMoneyMetric(metric)) return 1 + r() * 5_000_000;
  return 1 + r() * 2000;
}

describe('company-stage templates', () => {
  it('name each stage as the company profile does, in both languages', () => {
    const profileStage = { startup: 'startup', growth: 'fast_growth', mature: 'mature' } as const;
    for (const stage of COMPANY_STAGES) {
      expect(STAGE_TEMPLATES[stage].titleZh).toBe(zh.stages[profileStage[stage]].label);
      expect(STAGE_TEMPLATES[stage].titleEn).toBe(en.stages[profileStage[stage]].label);
    }
  });

  it('show no blank of the guide (X %, Y %) in any text', () => {
    const blank = /(?<![A-Za-z])[XYZN](?![A-Za-z])/;
    for (const stage of COMPANY_STAGES) {
      const t = STAGE_TEMPLATES[stage];
      const texts = [
        t.titleZh,
        t.titleEn,
        ...t.phases.flatMap((p) => [
          p.nameZh,
          p.nameEn,
          p.goalZh,
          p.goalEn,
          ...p.goals.flatMap((g) => [g.kpiZh, g.kpiEn]),
        ]),
      ];
      for (const text of texts) expect(text, `${stage}: ${text}`).not.toMatch(blank);
    }
  });

  it('give each KPI a target in its own unit: a rate is a percent or a growth in %', () => {
    for (const { stage, i, goal } of everyGoal) {
      const where = `${stage} phase ${i + 1} ${goal.kpiZh}`;
      const saysRate = /(增長|成長|留存|佔有|覆蓋|回購|轉換|轉化|流失|滲透)率/.test(goal.kpiZh);
      const isRate = isPercentMetric(goal.metric) || goal.target === 'growth';
      expect(saysRate, where).toBe(isRate);
      if (goal.target === 'growth') expect(goal.kpiZh, where).toMatch(/增長率|成長率/);
    }
  });

  it('never put the whole revenue on a KPI about new products: the user sets it', () => {
    for (const { stage, i, goal } of everyGoal)
      if (/新產品/.test(goal.kpiZh) && goal.metric === 'revenue')
        expect(goal.target, `${stage} phase ${i + 1} ${goal.kpiZh}`).toBe('user');
    for (const { goal } of everyGoal.filter((x) => x.goal.target === 'user'))
      expect(
        suggestStageTarget({ metric: goal.metric, target: 'user', baseline: 100, recommended: null }),
      ).toEqual({ kind: null, value: null, from: 'user', basis: null });
  });
});

describe('suggestStageTarget over every stage × phase × KPI', () => {
  const r = rng(20261207);
  const cases = everyGoal.filter((x) => x.goal.target !== 'user');

  it('moves the phase’s way from the baseline, in the KPI’s unit, counts whole', () => {
    for (const { stage, i, goal } of cases)
      for (let k = 0; k < 300; k++) {
        const baseline = k % 10 === 0 ? null : sample(goal.metric, r);
        // The recommended range may sit anywhere: below the baseline (a falling forecast) too.
        const p70 = k % 7 === 0 ? null : sample(goal.metric, r);
        const recommended =
          p70 === null ? null : { p90: p70 * (0.8 + r() * 0.2), p70, p50: p70 * (1 + r() * 0.2) };
        const s = suggestStageTarget({
          metric: goal.metric,
          target: goal.target ?? 'level',
          baseline,
          recommended,
        });
        const where = `${stage} phase ${i + 1} ${goal.kpiZh}: baseline ${baseline}, p70 ${p70} → ${JSON.stringify(s)}`;
        if (s.kind === null) throw new Error(where);
        const lower = isLowerBetter(goal.metric);
        if (goal.target === 'growth' || s.kind === 'percent_change') {
          expect(s.kind, where).toBe('percent_change');
          expect(lower ? s.value < 0 : s.value > 0, where).toBe(true);
          continue;
        }
        expect(s.kind, where).toBe('absolute');
        const decimals = goalDecimals(goal.metric);
        expect(Math.round(s.value * 10 ** decimals) / 10 ** decimals, where).toBe(s.value);
        if (KPI_GLOSSARY[goal.metric].unit === 'count') expect(Number.isInteger(s.value), where).toBe(true);
        if (isPercentMetric(goal.metric)) expect(s.value <= 100 && s.value > 0, where).toBe(true);
        if (baseline !== null) {
          const b = toGoalUnits(goal.metric, baseline);
          expect(lower ? s.value < b : s.value > b, where).toBe(true);
        }
      }
  });

  it('a growth-rate KPI gets its change in % from the baseline the recommended level implies', () => {
    const s = suggestStageTarget({
      metric: 'revenue',
      target: 'growth',
      baseline: 3_000_000,
      recommended: { p90: 3_200_000, p70: 3_300_000, p50: 3_400_000 },
    });
    expect(s).toEqual({ kind: 'percent_change', value: 10, from: 'recommended', basis: null });
  });

  it('a falling forecast of customers (p70 670 under last year’s 986) still proposes growth, whole', () => {
    const s = suggestStageTarget({
      metric: 'customers',
      target: 'level',
      baseline: 986,
      recommended: { p90: 645.36, p70: 670.2, p50: 684.9 },
    });
    expect(s).toEqual({ kind: 'absolute', value: 1085, from: 'baseline', basis: null });
  });
});

describe('how a distinct count of customers is said', () => {
  it('a forecast of customers reads whole; an additive count keeps its decimals (it may be a rate)', () => {
    expect(formatMetricValue('customers', 645.36)).toBe('645');
    expect(formatMetricValue('customers', 684.9)).toBe('685');
    expect(formatMetricValue('orders', 3.25)).toBe('3.25');
  });

  it('a level target is not called an average or a ratio: customers over a period is neither', () => {
    expect(zh.goals.ach.targetLevel).not.toMatch(/平均|比率/);
    expect(en.goals.ach.targetLevel).not.toMatch(/average|rate/i);
  });
});
