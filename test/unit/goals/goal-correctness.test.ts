import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/core/calendar/dates.ts';
import {
  assessAchievability,
  dataFreshness,
  type GoalDraft,
  type GoalHistory,
  gradeGoal,
  matchScope,
  type ScopeCatalog,
} from '../../../src/core/goals/index.ts';

/** Issue #10: levels are not totals, stale data is said, unknown scope is said, targets that contradict. */

const TODAY = '2026-12-03';
const RELEVANCE = { objectiveTitle: null, objectiveTitles: [], positioning: '' };

/** Monthly revenue around 1.2 M (≈ NT$40,000 a day) for `months` complete months ending with `last` (YYYY-MM). */
function monthly(last: string, months: number, level = 1_200_000): GoalHistory['monthly'] {
  let seed = 11;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: months }, (_, i) => ({
    period: addMonths(`${last}-01`, i - months + 1).slice(0, 7),
    value: level * (1 + 0.05 * (rand() * 2 - 1)),
  }));
}

/** A company whose data ended 11 months before today: the KPI engine reads the missing months as 0. */
function staleHistory(): GoalHistory {
  const withData = monthly('2025-12', 25);
  const empty = Array.from({ length: 11 }, (_, i) => ({
    period: addMonths('2026-01-01', i).slice(0, 7),
    value: 0,
  }));
  return {
    today: TODAY,
    monthly: [...withData, ...empty],
    samePeriodLastYear: null,
    recentDaily: 0,
    actualToDate: null,
    reps: null,
    revenuePerRepMonthly: null,
    som: null,
    freshness: dataFreshness({ first: '2023-12-01', last: '2025-12-31' }, TODAY),
  };
}

const PERIOD = { start: '2027-01-01', end: '2027-03-31' };

describe('data freshness', () => {
  it('current, stale, too old and none', () => {
    expect(dataFreshness({ first: '2024-01-01', last: '2026-12-02' }, TODAY)).toMatchObject({
      status: 'current',
      daysOld: 1,
      lastCompleteMonth: '2026-11',
      knownThrough: '2026-12-02',
    });
    expect(dataFreshness({ first: '2023-12-01', last: '2025-12-31' }, TODAY)).toMatchObject({
      status: 'stale',
      lastSaleDate: '2025-12-31',
      daysOld: 337,
      lastCompleteMonth: '2025-12',
      knownThrough: '2025-12-31',
    });
    // Ending mid-month: that month is not complete.
    expect(dataFreshness({ first: '2023-12-01', last: '2026-10-15' }, TODAY).lastCompleteMonth).toBe(
      '2026-09',
    );
    expect(dataFreshness({ first: '2020-01-01', last: '2023-06-30' }, TODAY).status).toBe('too_old');
    expect(dataFreshness({ first: null, last: null }, TODAY)).toMatchObject({
      status: 'none',
      daysOld: null,
    });
  });
});

describe('stale data: forecast from the last complete data, never zeros from missing months', () => {
  it('the demo of the issue: data ended 11 months ago', () => {
    const { achievability, findings } = assessAchievability({
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 3_600_000, per: null },
      period: PERIOD,
      history: staleHistory(),
      lang: 'zh-TW',
    });
    const f = achievability.forecast;
    expect(f).not.toBeNull();
    if (!f) return;
    // The point forecast sits inside its own band, and the band is not 0–0.
    expect(f.lo80).toBeLessThanOrEqual(f.mean);
    expect(f.mean).toBeLessThanOrEqual(f.hi80);
    expect(f.hi80).toBeGreaterThan(1_000_000);
    expect(f.mean).toBeGreaterThan(2_000_000);
    expect(f.mean).toBeLessThan(5_000_000);
    expect(achievability.recommended?.p70 ?? 0).toBeGreaterThan(1_000_000);
    const stale = findings.find((x) => x.code === 'STALE_DATA');
    expect(stale?.message).toContain('2025-12-31');
    expect(stale?.message).toContain('337');
  });

  it('data over two years old: unknown, with the reason, and no recommended target', () => {
    const h = staleHistory();
    const { achievability, findings } = assessAchievability({
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 3_600_000, per: null },
      period: PERIOD,
      history: { ...h, freshness: dataFreshness({ first: '2020-01-01', last: '2023-06-30' }, TODAY) },
      lang: 'en',
    });
    expect(achievability.verdict).toBe('unknown');
    expect(achievability.recommended).toBeNull();
    expect(findings.map((x) => x.code)).toEqual(['DATA_TOO_OLD']);
    expect(achievability.reason).toContain('2023-06-30');
  });

  it('the rewrite never proposes a target of 0 from missing data', () => {
    const g = gradeGoal(
      {
        metric: 'revenue',
        scope: {},
        target: { metric: 'revenue', kind: 'absolute', value: 90_000_000, per: null },
        period: PERIOD,
        objectiveId: null,
        strategies: [],
      },
      { today: TODAY, lang: 'zh-TW', history: staleHistory(), relevance: RELEVANCE, company: {} },
    );
    expect(g.rewrite).not.toMatch(/提升至0元|至0元/);
    expect(g.freshness?.status).toBe('stale');
    expect(g.achievability.recommended?.p70 ?? 0).toBeGreaterThan(0);
  });
});

describe('rate and ratio targets are levels, with their unit', () => {
  const history = (): GoalHistory => ({
    today: TODAY,
    monthly: monthly('2026-11', 24, 250),
    samePeriodLastYear: 240,
    recentDaily: 250,
    actualToDate: null,
    reps: null,
    revenuePerRepMonthly: null,
    som: null,
  });

  it('an AOV target “per month” stays a level of 250, never 250 × months', () => {
    const { achievability } = assessAchievability({
      metric: 'aov',
      target: { metric: 'aov', kind: 'absolute', value: 250, per: 'month' },
      period: PERIOD,
      history: history(),
      lang: 'zh-TW',
    });
    expect(achievability.targetValue).toBe(250);
    expect(achievability).toMatchObject({ shape: 'level', unit: 'money' });
  });

  it('retention 60 % is the level 0.6 in percent, and its rewrite keeps the %', () => {
    const draft: GoalDraft = {
      metric: 'retention_rate',
      scope: {},
      target: { metric: 'retention_rate', kind: 'absolute', value: 60, per: null },
      period: PERIOD,
      objectiveId: null,
      strategies: [],
    };
    const g = gradeGoal(draft, {
      today: TODAY,
      lang: 'zh-TW',
      history: null,
      relevance: RELEVANCE,
      company: {},
    });
    expect(g.achievability).toMatchObject({ shape: 'level', unit: 'percent', targetValue: 0.6 });
    expect(g.rewrite).toContain('提升至60%');
  });

  it('revenue against the SOM is for the goal’s own period, not annualised', () => {
    const { achievability, findings } = assessAchievability({
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 20_000_000, per: null },
      period: PERIOD,
      history: { ...history(), monthly: monthly('2026-11', 24), som: 50_000_000 },
      lang: 'zh-TW',
    });
    const days = 90;
    expect(achievability.market?.periodSom).toBeCloseTo((50_000_000 * days) / 365, 3);
    expect(achievability.market?.share).toBeCloseTo(20_000_000 / ((50_000_000 * days) / 365), 6);
    const over = findings.find((f) => f.code === 'MARKET_SOM_EXCEEDED');
    expect(over?.message).toContain('90天');
    expect(over?.message).toContain('12,328,767');
    expect(over?.message).not.toMatch(/全年/);
  });
});

describe('scope names are matched against the catalog', () => {
  const catalog: ScopeCatalog = {
    product: ['拿鐵', '美式咖啡', '耶加雪菲咖啡豆 200g'],
    category: ['咖啡', '咖啡豆', '茶飲'],
    channel: ['門市', '線上商店'],
    region: ['台北市'],
  };
  const words = ['晨光咖啡', '咖啡餐飲'];

  it('「咖啡豆類別」 is the category 咖啡豆 (matched across kinds)', () => {
    const m = matchScope({ product: ['咖啡豆類別'] }, catalog, { acrossKinds: true, companyWords: words });
    expect(m.scope).toEqual({ category: ['咖啡豆'] });
    expect(m.unknown).toEqual([]);
  });

  it('「產品A」 is unknown, with the closest names offered; 「咖啡店」 is the business, not a scope', () => {
    const m = matchScope({ product: ['產品A', '咖啡店'], channel: ['線上'] }, catalog, {
      acrossKinds: true,
      companyWords: words,
    });
    expect(m.businessWords).toEqual(['咖啡店']);
    expect(m.unknown.map((u) => u.name)).toEqual(['產品A', '線上']);
    expect(m.unknown[1]?.suggestions[0]).toEqual({ dimension: 'channel', name: '線上商店' });
  });

  it('a structured goal naming a category as a product is unknown, with the category offered', () => {
    const m = matchScope({ product: ['咖啡豆'] }, catalog, { acrossKinds: false, companyWords: words });
    expect(m.scope).toEqual({});
    expect(m.unknown).toEqual([
      { dimension: 'product', name: '咖啡豆', suggestions: [{ dimension: 'category', name: '咖啡豆' }] },
    ]);
  });

  it('a goal on an unknown scope is graded unknown on A, never on the whole company; S counts the scope', () => {
    const g = gradeGoal(
      {
        metric: 'revenue',
        scope: {},
        target: { metric: 'revenue', kind: 'percent_change', value: 20, per: null },
        period: PERIOD,
        objectiveId: null,
        strategies: ['線上廣告'],
      },
      {
        today: TODAY,
        lang: 'zh-TW',
        history: {
          today: TODAY,
          monthly: monthly('2026-11', 24),
          samePeriodLastYear: 3_500_000,
          recentDaily: 40_000,
          actualToDate: null,
          reps: null,
          revenuePerRepMonthly: null,
          som: null,
        },
        relevance: RELEVANCE,
        company: { baselineRevenuePerMonth: 1_200_000 },
        unknownScope: [
          { dimension: 'product', name: '產品A', suggestions: [{ dimension: 'product', name: '拿鐵' }] },
        ],
      },
    );
    expect(g.grades.specific).toBe('pass');
    expect(g.grades.achievable).toBe('unknown');
    expect(g.achievability.forecast).toBeNull();
    const f = g.findings.find((x) => x.code === 'SCOPE_UNKNOWN');
    expect(f?.message).toContain('「產品A」');
    expect(f?.fix).toContain('產品「拿鐵」');
    expect(g.unknownScope.map((u) => u.name)).toEqual(['產品A']);
    expect(g.rewrite).toContain('產品A');
  });
});

describe('targets that contradict each other', () => {
  const history: GoalHistory = {
    today: TODAY,
    monthly: monthly('2026-11', 36),
    samePeriodLastYear: 3_600_000,
    recentDaily: 40_000,
    actualToDate: null,
    reps: null,
    revenuePerRepMonthly: null,
    som: null,
  };
  const draft: GoalDraft = {
    metric: 'revenue',
    scope: {},
    target: { metric: 'revenue', kind: 'absolute', value: 1500, per: 'day' },
    extraTargets: [{ metric: 'revenue', kind: 'percent_change', value: 15, per: null }],
    period: PERIOD,
    objectiveId: null,
    strategies: ['推出季節限定飲品'],
  };

  it('+15 % and 每日1500元 for a shop selling ≈ NT$40,000 a day: said, and asked which one (zh-TW and English)', () => {
    for (const lang of ['zh-TW', 'en'] as const) {
      const g = gradeGoal(draft, { today: TODAY, lang, history, relevance: RELEVANCE, company: {} });
      const f = g.findings.find((x) => x.code === 'TARGETS_DISAGREE');
      expect(f?.letter).toBe('measurable');
      expect(g.grades.measurable).toBe('warn');
      expect(f?.message).toContain('135,000');
      expect(f?.message).toContain('4,140,000');
      expect(f?.fix).toMatch(lang === 'zh-TW' ? /哪一個/ : /Which one/);
    }
  });

  it('two targets that agree raise nothing', () => {
    const agree = { ...draft, target: { ...draft.target, value: 46_000 } } as GoalDraft;
    const g = gradeGoal(agree, { today: TODAY, lang: 'en', history, relevance: RELEVANCE, company: {} });
    expect(g.findings.some((x) => x.code === 'TARGETS_DISAGREE')).toBe(false);
  });
});

describe('the rewrite of a goal without a target', () => {
  it('proposes the target its own reading grades as achievable (the 70 % one), not the baseline + 15 %', async () => {
    const { parseGoalStatement } = await import('../../../src/core/smart/index.ts');
    // Three years of a shop whose winter months sell less than the rest of the year.
    const history: GoalHistory = {
      today: TODAY,
      monthly: monthly('2026-11', 36).map((m) => ({
        ...m,
        value: (m.value ?? 0) * (['12', '01', '02'].includes(m.period.slice(5)) ? 0.8 : 1.1),
      })),
      samePeriodLastYear: null,
      recentDaily: 40_000,
      actualToDate: null,
      reps: null,
      revenuePerRepMonthly: null,
      som: null,
      freshness: dataFreshness({ first: '2023-12-01', last: '2026-12-02' }, TODAY),
    };
    const vague: GoalDraft = {
      statement: '提升銷售額',
      metric: 'revenue',
      scope: {},
      target: null,
      period: null,
      objectiveId: null,
      strategies: [],
    };
    const ctx = {
      today: TODAY,
      lang: 'zh-TW' as const,
      history,
      relevance: RELEVANCE,
      company: { baselineRevenuePerMonth: 1_300_000 },
      seed: 7,
    };
    const g = gradeGoal(vague, ctx);
    const read = parseGoalStatement(g.rewrite, { today: TODAY, lang: 'zh-TW' });
    const target = read.targets[0];
    expect(target?.kind).toBe('absolute');
    expect(read.period).not.toBeNull();
    if (!target || !read.period) return;
    // Adopted, the rewrite is graded on the same data: achievable, at about the 70 % it was chosen for.
    const adopted = gradeGoal(
      {
        ...vague,
        statement: g.rewrite,
        target: { metric: 'revenue', kind: target.kind, value: target.value, per: target.per },
        period: read.period,
      },
      ctx,
    );
    expect(adopted.achievability.verdict).toBe('achievable');
    expect(adopted.achievability.probability ?? 0).toBeGreaterThan(0.6);
    expect(adopted.achievability.probability ?? 1).toBeLessThan(0.8);
  });
});

describe('a target on the wrong side of where the metric stands', () => {
  const aovHistory: GoalHistory = {
    today: TODAY,
    monthly: monthly('2026-11', 36, 314),
    samePeriodLastYear: 314,
    recentDaily: 310,
    actualToDate: null,
    reps: null,
    revenuePerRepMonthly: null,
    som: null,
    freshness: dataFreshness({ first: '2023-12-01', last: '2026-12-02' }, TODAY),
  };
  const grade = (statement: string, value: number, lang: 'zh-TW' | 'en' = 'zh-TW') =>
    gradeGoal(
      {
        statement,
        metric: 'aov',
        scope: {},
        target: { metric: 'aov', kind: 'absolute', value, per: null },
        period: { start: '2027-01-01', end: '2027-06-30' },
        objectiveId: null,
        strategies: ['加購烘焙點心'],
      },
      {
        today: TODAY,
        lang,
        history: aovHistory,
        relevance: RELEVANCE,
        company: { currencySymbol: 'NT$' },
        seed: 3,
      },
    );

  it('「提升」 to a level below the current one is said, and Measurable warns', () => {
    const g = grade('未來六個月,以加購烘焙點心,把客單價提升到180元。', 180);
    const f = g.findings.find((x) => x.code === 'TARGET_AGAINST_DIRECTION');
    expect(f?.message).toContain('「提升」');
    // Money with the company's currency, as everywhere on screen.
    expect(f?.message).toContain('NT$180');
    expect(f?.message).toMatch(/低於目前的NT\$3\d\d/);
    expect(g.grades.measurable).toBe('warn');
    const en = grade('Raise the average order value to 180 in the first half of next year.', 180, 'en');
    expect(en.findings.find((x) => x.code === 'TARGET_AGAINST_DIRECTION')?.message).toMatch(
      /“Raise”, yet NT\$180 is below the current NT\$3\d\d/,
    );
  });

  it('a target on the side its word says, or a statement without a direction word, is not', () => {
    for (const [statement, value] of [
      ['未來六個月,以加購烘焙點心,把客單價提升到340元。', 340],
      ['未來六個月客單價維持在300元。', 300],
      ['未來六個月,把客單價降到290元。', 290],
    ] as const)
      expect(grade(statement, value).findings.map((x) => x.code)).not.toContain('TARGET_AGAINST_DIRECTION');
    expect(grade('未來六個月,把客單價降低到400元。', 400).findings.map((x) => x.code)).toContain(
      'TARGET_AGAINST_DIRECTION',
    );
  });

  it('a rate is said as written, the current figure at the same rate', () => {
    const g = gradeGoal(
      {
        statement: '在未來三個月內,將平均每日銷售額提升到每日1500元',
        metric: 'revenue',
        scope: {},
        target: { metric: 'revenue', kind: 'absolute', value: 1500, per: 'day' },
        period: PERIOD,
        objectiveId: null,
        strategies: ['推出季節限定飲品'],
      },
      {
        today: TODAY,
        lang: 'zh-TW',
        history: { ...aovHistory, monthly: monthly('2026-11', 36), samePeriodLastYear: 3_600_000 },
        relevance: RELEVANCE,
        company: { currencySymbol: 'NT$' },
        seed: 3,
      },
    );
    const f = g.findings.find((x) => x.code === 'TARGET_AGAINST_DIRECTION');
    // NT$3,600,000 over the 90 days of the period: NT$40,000 a day.
    expect(f?.message).toContain('但每日NT$1,500低於目前的每日NT$40,000');
  });
});
