import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/core/calendar/periods.ts';
import {
  assessAchievability,
  convertTarget,
  type GoalHistory,
  gradeGoal,
  monthShares,
  pastYearOnYearChanges,
  positioningClash,
  ratesInPeriod,
} from '../../../src/core/goals/index.ts';

const TODAY = '2026-11-27';

/** 36 complete months before TODAY's month, growing `growth` a year, with a mild season and seeded noise. */
function history(growth: number, opts: { months?: number; noise?: number } = {}): GoalHistory {
  const months = opts.months ?? 36;
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const monthly = Array.from({ length: months }, (_, i) => {
    const period = addMonths('2026-11-01', i - months).slice(0, 7);
    const t = (i - months) / 12;
    const season = 1 + 0.1 * Math.sin((2 * Math.PI * Number(period.slice(5, 7))) / 12);
    const noise = 1 + (opts.noise ?? 0.02) * (rand() * 2 - 1);
    return { period, value: 100_000 * (1 + growth) ** t * season * noise };
  });
  const level = (ym: string) => {
    const t = (Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - (2026 * 12 + 11)) / 12;
    const season = 1 + 0.1 * Math.sin((2 * Math.PI * Number(ym.slice(5, 7))) / 12);
    return 100_000 * (1 + growth) ** t * season;
  };
  // Next quarter (Dec–Feb) last year.
  const ly = level('2025-12') + level('2026-01') + level('2026-02');
  return {
    today: TODAY,
    monthly,
    samePeriodLastYear: ly,
    recentDaily: (level('2026-08') + level('2026-09') + level('2026-10')) / 92,
    actualToDate: null,
    reps: 3,
    revenuePerRepMonthly: level('2026-06') / 3,
    som: null,
  };
}

const PERIOD = { start: '2026-12-01', end: '2027-02-28' };

describe('achievability from generated histories with known growth', () => {
  it('a +5 % target on a history growing 8 % a year is achievable (or too easy)', () => {
    const { achievability } = assessAchievability({
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'percent_change', value: 5, per: null },
      period: PERIOD,
      history: history(0.08),
      lang: 'en',
    });
    expect(['achievable', 'too_easy']).toContain(achievability.verdict);
    expect(achievability.probability).toBeGreaterThan(0.5);
    expect(achievability.requiredUplift).toBeCloseTo(0.05, 5);
    expect(achievability.historicalGrowth?.p50).toBeGreaterThan(0.04);
    expect(achievability.historicalGrowth?.p50).toBeLessThan(0.12);
    // Compared as runs of three months (the goal's own length) against the same months a year before.
    expect(achievability.historicalGrowth?.months).toBe(3);
    const f = achievability.forecast;
    expect(f).not.toBeNull();
    if (f) {
      expect(f.lo95).toBeLessThanOrEqual(f.lo80);
      expect(f.lo80).toBeLessThanOrEqual(f.mean);
      expect(f.mean).toBeLessThanOrEqual(f.hi80);
      expect(f.hi80).toBeLessThanOrEqual(f.hi95);
    }
    const r = achievability.recommended;
    expect(r && r.p90 <= r.p70 && r.p70 <= r.p50).toBe(true);
  });

  it('a +80 % target on the same history is unrealistic', () => {
    const { achievability, findings } = assessAchievability({
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'percent_change', value: 80, per: null },
      period: PERIOD,
      history: history(0.08),
      lang: 'zh-TW',
    });
    expect(achievability.verdict).toBe('unrealistic');
    expect(achievability.probability).toBeLessThan(0.1);
    expect(achievability.historicalGrowth?.percentile).toBe(1);
    expect(findings.some((f) => f.code === 'UNREALISTIC' && f.severity === 'fail')).toBe(true);
  });

  it('a target at last year’s level on a history growing 30 % a year is too easy', () => {
    const { achievability } = assessAchievability({
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'percent_change', value: 0, per: null },
      period: PERIOD,
      history: history(0.3),
      lang: 'en',
    });
    expect(achievability.verdict).toBe('too_easy');
  });

  it('no history → unknown with what data would decide it', () => {
    const empty: GoalHistory = { ...history(0.08), monthly: [], samePeriodLastYear: null, recentDaily: null };
    const { achievability } = assessAchievability({
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 1500, per: 'day' },
      period: PERIOD,
      history: empty,
      lang: 'en',
    });
    expect(achievability.verdict).toBe('unknown');
    expect(achievability.reason).toMatch(/12 months/);
    expect(achievability.targetValue).toBe(1500 * 90);
  });

  it('a revenue target above the SOM is unrealistic', () => {
    const { achievability } = assessAchievability({
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'percent_change', value: 5, per: null },
      period: PERIOD,
      history: { ...history(0.08), som: 500_000 },
      lang: 'en',
    });
    expect(achievability.market?.share).toBeGreaterThan(1);
    expect(achievability.verdict).toBe('unrealistic');
  });

  it('never recommends a target the market (SOM) cannot hold', () => {
    const { achievability } = assessAchievability({
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'percent_change', value: 5, per: null },
      period: PERIOD,
      history: { ...history(0.08), som: 500_000 },
      lang: 'en',
    });
    // market.share = annualised target ÷ SOM, so a value's annualised size is value × share × SOM ÷ target.
    const share = achievability.market?.share ?? 0;
    const target = achievability.targetValue ?? 1;
    const recommended = achievability.recommended;
    expect(recommended).not.toBeNull();
    for (const v of [recommended?.p50 ?? 0, recommended?.p70 ?? 0, recommended?.p90 ?? 0]) {
      expect((v * share * 500_000) / target).toBeLessThanOrEqual(500_000 * (1 + 1e-9));
    }
  });

  it('team capacity caps an otherwise likely target at stretch', () => {
    const { achievability, findings } = assessAchievability({
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'percent_change', value: 5, per: null },
      period: PERIOD,
      history: { ...history(0.08), reps: 1, revenuePerRepMonthly: 50_000 },
      lang: 'en',
      currencySymbol: 'NT$',
    });
    expect(achievability.capacity?.capacity).toBeCloseTo(1 * 50_000 * 3 * 1.25, 3);
    expect(achievability.verdict).toBe('stretch');
    expect(findings.some((f) => f.code === 'CAPACITY_EXCEEDED')).toBe(true);
    // Every factor of the capacity is said: their product is the figure shown.
    const cap = achievability.capacity;
    expect(cap).toMatchObject({ reps: 1, revenuePerRep: 50_000, months: 3, headroom: 1.25 });
    if (cap) expect(cap.reps * cap.revenuePerRep * cap.months * cap.headroom).toBeCloseTo(cap.capacity, 6);
    const said = findings.find((f) => f.code === 'CAPACITY_EXCEEDED')?.message ?? '';
    expect(said).toContain('about NT$50,000 a month each × 3 months × 1.25');
  });
});

describe('achievability of levels, ceilings and periods under way', () => {
  const flat = (value: number, months = 30): GoalHistory => ({
    ...history(0),
    monthly: Array.from({ length: months }, (_, i) => ({
      period: addMonths('2026-11-01', i - months).slice(0, 7),
      value: value * (1 + 0.02 * Math.sin(i * 1.7)),
    })),
    samePeriodLastYear: value,
    recentDaily: value,
    reps: null,
    revenuePerRepMonthly: null,
  });

  it('judges a level metric (AOV) on the period average, not a sum', () => {
    const near = assessAchievability({
      metric: 'aov',
      target: { metric: 'aov', kind: 'absolute', value: 300, per: null },
      period: PERIOD,
      history: flat(300),
      lang: 'en',
    }).achievability;
    expect(near.targetValue).toBe(300);
    expect(near.forecast?.mean).toBeGreaterThan(280);
    expect(near.forecast?.mean).toBeLessThan(320);
    expect(['achievable', 'stretch']).toContain(near.verdict);
    const far = assessAchievability({
      metric: 'aov',
      target: { metric: 'aov', kind: 'percent_change', value: 50, per: null },
      period: PERIOD,
      history: flat(300),
      lang: 'en',
    }).achievability;
    expect(far.verdict).toBe('unrealistic');
  });

  it('treats churn as a ceiling: lower is better', () => {
    const easy = assessAchievability({
      metric: 'churn_rate',
      target: { metric: 'churn_rate', kind: 'absolute', value: 20, per: null },
      period: PERIOD,
      history: flat(0.1),
      lang: 'en',
    }).achievability;
    expect(easy.targetValue).toBeCloseTo(0.2, 9);
    expect(easy.verdict).toBe('too_easy');
    const hard = assessAchievability({
      metric: 'churn_rate',
      target: { metric: 'churn_rate', kind: 'absolute', value: 2, per: null },
      period: PERIOD,
      history: flat(0.1),
      lang: 'en',
    }).achievability;
    expect(hard.verdict).toBe('unrealistic');
    const r = hard.recommended;
    expect(r && r.p50 <= r.p70 && r.p70 <= r.p90).toBe(true);
  });

  it('a ceiling beyond every past fall says the fall it needs against the lowest past change, not “at most” the highest', () => {
    // Churn rose 10 % a year, every year: a ceiling of 2 % needs a steeper fall than any past change.
    const grading = (lang: 'en' | 'zh-TW') =>
      assessAchievability({
        metric: 'churn_rate',
        target: { metric: 'churn_rate', kind: 'absolute', value: 2, per: null },
        period: PERIOD,
        history: history(0.1),
        lang,
      }).findings.find((f) => f.code.startsWith('BEYOND_PAST'));
    const en = grading('en');
    expect(en?.code).toBe('BEYOND_PAST_DECLINE');
    expect(en?.message).toMatch(/steeper fall .*\(the lowest about \+\d/);
    expect(grading('zh-TW')?.message).toContain('過去最低約+');
  });

  it('counts what was booked since the period started, and decides a finished period from actuals', () => {
    const started = assessAchievability({
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 250_000, per: null },
      period: { start: '2026-11-01', end: '2027-01-31' },
      history: { ...history(0.08), actualToDate: 240_000 },
      lang: 'en',
    }).achievability;
    expect(started.forecast?.lo95).toBeGreaterThan(240_000);
    expect(started.verdict).toBe('too_easy');
    const done = assessAchievability({
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 250_000, per: null },
      period: { start: '2026-08-01', end: '2026-10-31' },
      history: { ...history(0.08), actualToDate: 200_000 },
      lang: 'en',
    }).achievability;
    expect(done.probability).toBe(0);
    expect(done.verdict).toBe('unrealistic');
  });
});

describe('target conversion', () => {
  const q = { start: '2026-12-01', end: '2027-02-28' };
  const none = { samePeriodLastYear: null, recentRunRate: null };
  it('rates become totals over the period', () => {
    expect(
      convertTarget({ metric: 'revenue', kind: 'absolute', value: 1500, per: 'day' }, q, none).value,
    ).toBe(1500 * 90);
    expect(
      convertTarget({ metric: 'orders', kind: 'absolute', value: 100, per: 'month' }, q, none).value,
    ).toBeCloseTo(300, 9);
    expect(
      convertTarget({ metric: 'orders', kind: 'absolute', value: 700, per: 'week' }, q, none).value,
    ).toBeCloseTo(9000, 9);
    expect(ratesInPeriod('quarter', q)).toBeCloseTo(1, 9);
    expect(ratesInPeriod('year', { start: '2026-01-01', end: '2026-12-31' })).toBeCloseTo(1, 9);
  });
  it('changes apply to the same period last year, else the run rate', () => {
    const b = { samePeriodLastYear: 200_000, recentRunRate: 250_000 };
    expect(
      convertTarget({ metric: 'revenue', kind: 'percent_change', value: 15, per: null }, q, b),
    ).toMatchObject({
      basis: 'same_period_last_year',
    });
    expect(
      convertTarget({ metric: 'revenue', kind: 'percent_change', value: 15, per: null }, q, b).value,
    ).toBeCloseTo(230_000, 6);
    expect(
      convertTarget({ metric: 'revenue', kind: 'absolute_change', value: 100, per: 'day' }, q, {
        samePeriodLastYear: null,
        recentRunRate: 90_000,
      }),
    ).toMatchObject({ value: 99_000, basis: 'recent_run_rate' });
    expect(
      convertTarget({ metric: 'revenue', kind: 'percent_change', value: 15, per: null }, q, none).value,
    ).toBeNull();
  });
  it('percent metrics are fractions; levels are not multiplied by the period', () => {
    expect(
      convertTarget({ metric: 'conversion_rate', kind: 'absolute', value: 3.5, per: null }, q, none).value,
    ).toBeCloseTo(0.035, 9);
    expect(
      convertTarget({ metric: 'conversion_rate', kind: 'absolute_change', value: 5, per: null }, q, {
        samePeriodLastYear: 0.02,
        recentRunRate: null,
      }).value,
    ).toBeCloseTo(0.07, 9);
    expect(convertTarget({ metric: 'aov', kind: 'absolute', value: 450, per: 'month' }, q, none).value).toBe(
      450,
    );
  });
  it('month shares cover a period that starts and ends mid-month', () => {
    const shares = monthShares({ start: '2026-11-27', end: '2027-02-26' });
    expect(shares.map((s) => s.period)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(shares[0]?.days).toBe(4);
    expect(shares.reduce((s, m) => s + m.days, 0)).toBe(92);
  });
  it('past year-on-year changes of rolling windows', () => {
    const values = Array.from({ length: 24 }, (_, i) => (i < 12 ? 100 : 110));
    expect(pastYearOnYearChanges(values, 3, true)).toEqual(Array(10).fill(0.10000000000000009));
  });
});

describe('relevance and the five letters', () => {
  it('flags a discount-driven goal for a high-end positioning', () => {
    expect(positioningClash('高端精品咖啡', '透過全面8折促銷提升銷售額')).toBe(true);
    expect(positioningClash('high-end specialty coffee', 'grow revenue through discounts')).toBe(true);
    expect(positioningClash('平價咖啡', '透過折扣提升銷售額')).toBe(false);
  });
  it('grades all five letters with a score and a rewrite from the company numbers', () => {
    const g = gradeGoal(
      {
        metric: 'revenue',
        scope: { product: ['拿鐵'] },
        target: { metric: 'revenue', kind: 'percent_change', value: 5, per: null },
        period: PERIOD,
        objectiveId: 'o1',
        strategies: ['社群媒體行銷'],
      },
      {
        today: TODAY,
        lang: 'zh-TW',
        history: history(0.08),
        relevance: { objectiveTitle: '擴大市占', objectiveTitles: ['擴大市占'], positioning: '社區咖啡' },
        company: { baselineRevenuePerMonth: 100_000 },
      },
    );
    expect(g.grades.specific).toBe('pass');
    expect(g.grades.measurable).toBe('pass');
    expect(g.grades.time_bound).toBe('pass');
    expect(g.grades.relevant).toBe('pass');
    expect(['pass', 'warn']).toContain(g.grades.achievable);
    expect(g.score).toBeGreaterThanOrEqual(90);
    expect(g.rewrite).toContain('拿鐵');
  });
  it('warns on a period over 18 months and on a missing objective', () => {
    const g = gradeGoal(
      {
        metric: 'revenue',
        scope: {},
        target: null,
        period: { start: '2027-01-01', end: '2028-12-31' },
        objectiveId: null,
        strategies: [],
      },
      {
        today: TODAY,
        lang: 'en',
        history: null,
        relevance: { objectiveTitle: null, objectiveTitles: ['Premium focus'], positioning: '' },
        company: { baselineRevenuePerMonth: 120_000 },
      },
    );
    expect(g.grades.time_bound).toBe('warn');
    expect(g.grades.measurable).toBe('fail');
    expect(g.grades.relevant).toBe('warn');
    expect(g.grades.achievable).toBe('unknown');
    expect(g.findings.find((f) => f.code === 'NO_OBJECTIVE')?.fix).toContain('Premium focus');
    // A vague goal is rewritten on its own scope's baseline (120,000 × 1.15), naming no product.
    expect(g.rewrite).not.toMatch(/Latte| of /);
    expect(g.rewrite).toContain('138,000');
  });
});

describe('periods a forecast cannot judge', () => {
  it('answers unknown beyond five years, and for a level metric whose period is over', () => {
    const far = assessAchievability({
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'percent_change', value: 5, per: null },
      period: { start: '2032-01-01', end: '2032-12-31' },
      history: history(0.08),
      lang: 'en',
    });
    expect(far.achievability.verdict).toBe('unknown');
    expect(far.findings[0]?.code).toBe('TOO_FAR');
    const over = assessAchievability({
      metric: 'aov',
      target: { metric: 'aov', kind: 'absolute', value: 300, per: null },
      period: { start: '2026-01-01', end: '2026-03-31' },
      history: history(0.08),
      lang: 'zh-TW',
    });
    // Over, and nothing to compute the AOV from (no orders: no level over the period).
    expect(over.achievability.verdict).toBe('unknown');
    expect(over.findings[0]?.code).toBe('PERIOD_NO_DATA');
    expect(over.findings[0]?.message).toBe(
      '期間已經結束,但這段期間沒有可計算客單價的資料(例如沒有訂單),無法判斷是否達成。',
    );
  });

  it('decides a level whose period is over by its level over the period (a ceiling at or below)', () => {
    const closed = (metric: 'aov' | 'cac', value: number, actual: number) =>
      assessAchievability({
        metric,
        target: { metric, kind: 'absolute', value, per: null },
        period: { start: '2026-01-01', end: '2026-03-31' },
        history: { ...history(0.08), actualToDate: actual },
        lang: 'en',
        currencySymbol: 'NT$',
      });
    const reached = closed('aov', 300, 320);
    expect(reached.achievability.verdict).toBe('achievable');
    expect(reached.achievability.probability).toBe(1);
    expect(reached.achievability.recommended).toBeNull();
    expect(reached.findings.map((f) => f.code)).toEqual(['PERIOD_REACHED']);
    expect(reached.findings[0]?.message).toBe(
      'The period is over: the actual, NT$320, reached the target of NT$300.',
    );
    const missed = closed('aov', 300, 280);
    expect(missed.achievability.verdict).toBe('unrealistic');
    expect(missed.findings.map((f) => f.code)).toEqual(['PERIOD_MISSED']);
    // CAC is a ceiling: NT$400 against a target of NT$500 is reached, NT$600 is not.
    expect(closed('cac', 500, 400).findings[0]?.code).toBe('PERIOD_REACHED');
    expect(closed('cac', 500, 600).findings[0]?.code).toBe('PERIOD_MISSED');
  });
});

describe('a KPI counted over the whole period (customers)', () => {
  // About 670 customers a month, steady, and 986 distinct over last year's same quarter (customers of
  // several months count once there).
  const steady: GoalHistory = {
    today: '2026-12-03',
    monthly: Array.from({ length: 36 }, (_, i) => ({
      period: addMonths('2023-12-01', i).slice(0, 7),
      value: 670 * (1 + 0.02 * Math.sin(i * 1.3)),
    })),
    samePeriodLastYear: 986,
    recentDaily: null,
    actualToDate: null,
    reps: null,
    revenuePerRepMonthly: null,
    som: null,
  };
  const assess = (value: number) =>
    assessAchievability({
      metric: 'customers',
      target: { metric: 'customers', kind: 'absolute', value, per: null },
      period: { start: '2027-01-01', end: '2027-03-31' },
      history: steady,
      lang: 'en',
    }).achievability;

  it('forecasts the quarter’s customers, not the average month’s', () => {
    const a = assess(986);
    // A steady shop: the quarter's forecast is about last year's quarter, not about 670.
    expect(a.forecast?.mean ?? 0).toBeGreaterThan(900);
    expect(a.forecast?.mean ?? 0).toBeLessThan(1_080);
    expect(a.recommended?.p50 ?? 0).toBeGreaterThan(900);
    // 900 customers in the quarter is likely for this shop (it was hopeless measured against 670 a
    // month); 1,200 is not.
    expect(assess(900).probability ?? 0).toBeGreaterThan(0.8);
    expect(assess(1_200).probability ?? 1).toBeLessThan(0.2);
  });
});
