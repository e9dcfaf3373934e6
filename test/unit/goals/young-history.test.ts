import { describe, expect, it } from 'vitest';
import {
  assessAchievability,
  fairBaseline,
  firstMonthCoverage,
  type GoalHistory,
  gradeGoal,
  rangeCoverage,
} from '../../../src/core/goals/index.ts';

/**
 * A young shop (sales from 2026-09-08, today 2026-12-07): a goal for the whole of 2027 is forecast
 * from three months, and last year's same period is mostly before the first sale.
 */
const TODAY = '2026-12-07';
const FRESH = {
  firstSaleDate: '2026-09-08',
  lastSaleDate: '2026-12-06',
  daysOld: 1,
  lastCompleteMonth: '2026-11',
  status: 'current' as const,
  knownThrough: '2026-12-06',
};
const YEAR_2027 = { start: '2027-01-01', end: '2027-12-31' };

/** Months before 2026-12 with no sales (zeros, as the KPI engine reads them), then the shop's months. */
function young(values: Record<string, number>, recentDaily: number): GoalHistory {
  const monthly = Array.from({ length: 36 }, (_, i) => {
    const d = new Date(Date.UTC(2023, 11 + i, 1));
    const period = d.toISOString().slice(0, 7);
    return { period, value: values[period] ?? 0 };
  });
  return {
    today: TODAY,
    monthly,
    samePeriodLastYear: null,
    lastYearCoverage: rangeCoverage(
      { start: '2026-01-01', end: '2026-12-31' },
      { firstSaleDate: FRESH.firstSaleDate, knownThrough: FRESH.knownThrough },
    ),
    recentDaily,
    recentDays: 90,
    actualToDate: null,
    reps: 2,
    revenuePerRepMonthly: 65_000,
    som: null,
    freshness: FRESH,
  };
}

const revenue = (value: number) => ({
  metric: 'revenue' as const,
  kind: 'absolute' as const,
  value,
  per: null,
});

describe('a forecast reaching further ahead than the history goes back', () => {
  // September from the 8th (23 of 30 days), then October and November; November dipped.
  const history = young({ '2026-09': 89_420, '2026-10': 130_820, '2026-11': 70_000 }, 3_200);

  it('is at least the run rate over the period, says history is short, and recommends nothing', () => {
    for (const lang of ['zh-TW', 'en'] as const) {
      const { achievability: a, findings } = assessAchievability({
        metric: 'revenue',
        target: revenue(3_000_000),
        period: YEAR_2027,
        history,
        lang,
        currencySymbol: 'NT$',
      });
      const runRate = 3_200 * 365;
      expect(a.baseline.recentRunRate).toBeCloseTo(runRate, 6);
      // A flat guess from the last (low) month gave 12 × 70,000 = 840,000, well under the run rate.
      expect(a.forecast?.mean).toBeGreaterThanOrEqual(runRate * 0.999);
      const march = a.chart.find((p) => p.period === '2027-03');
      expect(march?.mean).toBeGreaterThanOrEqual(3_200 * 31 - 1e-6);
      expect(a.recommended).toBeNull();
      const short = findings.find((f) => f.code === 'SHORT_FOR_HORIZON');
      expect(short?.severity).toBe('warn');
      expect(short?.message).toContain(lang === 'zh-TW' ? '只有3個月的資料' : 'Only 3 months of data');
      expect(short?.message).toContain(lang === 'zh-TW' ? '12個月後' : '12 months ahead');
      // The verdict's own advice pointed at the recommended range: it is the short-history one now.
      const verdict = findings.find((f) =>
        ['TOO_EASY', 'ACHIEVABLE', 'STRETCH', 'UNREALISTIC'].includes(f.code),
      );
      expect(verdict?.fix).toBe('');
      expect(verdict?.severity).not.toBe('fail');
    }
  });

  it('grades Achievable as a warning: it neither confirms nor rules the target out', () => {
    const grading = gradeGoal(
      {
        name: '2027全年營收',
        statement: '2027年全年營收達到NT$3,000,000',
        metric: 'revenue',
        scope: {},
        target: revenue(3_000_000),
        period: YEAR_2027,
        objectiveId: null,
        strategies: [],
      },
      {
        today: TODAY,
        lang: 'zh-TW',
        history,
        relevance: { objectiveTitle: null, objectiveTitles: [], positioning: '' },
        company: { currencySymbol: 'NT$' },
      },
    );
    expect(grading.grades.achievable).toBe('warn');
    expect(grading.achievability.recommended).toBeNull();
    expect(grading.findings.map((f) => f.code)).toContain('SHORT_FOR_HORIZON');
  });

  it('keeps a range for a period no further ahead than the history goes back', () => {
    const { achievability: a, findings } = assessAchievability({
      metric: 'revenue',
      target: revenue(300_000),
      period: { start: '2026-12-01', end: '2027-02-28' },
      history: young({ '2026-09': 89_420, '2026-10': 130_820, '2026-11': 131_000 }, 4_100),
      lang: 'en',
    });
    expect(findings.map((f) => f.code)).not.toContain('SHORT_FOR_HORIZON');
    expect(a.recommended).not.toBeNull();
  });
});

describe('a first month the data covers only in part', () => {
  it('is the share of the month from the first sale', () => {
    expect(firstMonthCoverage('2026-09', '2026-09-08')).toBeCloseTo(23 / 30, 10);
    expect(firstMonthCoverage('2026-09', '2026-09-01')).toBe(1);
    expect(firstMonthCoverage('2026-10', '2026-09-08')).toBe(1);
    expect(firstMonthCoverage('2026-09', null)).toBe(1);
  });

  it('is read at its full-month pace: no trend drawn from a short first month', () => {
    // Sales from 2026-07-23 (9 of 31 days), then four months of about 120,000.
    const h = young(
      { '2026-07': 35_000, '2026-08': 120_000, '2026-09': 121_000, '2026-10': 119_000, '2026-11': 120_000 },
      4_000,
    );
    h.freshness = { ...FRESH, firstSaleDate: '2026-07-23' };
    const { achievability: a } = assessAchievability({
      metric: 'revenue',
      target: revenue(360_000),
      period: { start: '2026-12-01', end: '2027-02-28' },
      history: h,
      lang: 'en',
    });
    // With the short July as a month of sales, a drift of +21,000 a month made the quarter ≈ 490,000.
    expect(a.forecast?.mean).toBeGreaterThan(330_000);
    expect(a.forecast?.mean).toBeLessThan(400_000);
  });

  it('is left out of past year-on-year growth (full windows only)', () => {
    // Sales from 2025-08-29 (3 of 31 days), then a flat 100,000 a month for 15 months.
    const values: Record<string, number> = { '2025-08': 10_000 };
    for (let i = 0; i < 15; i++)
      values[new Date(Date.UTC(2025, 8 + i, 1)).toISOString().slice(0, 7)] = 100_000;
    const h = young(values, 100_000 / 30);
    h.freshness = { ...FRESH, firstSaleDate: '2025-08-29' };
    h.lastYearCoverage = undefined;
    h.samePeriodLastYear = 100_000;
    const { achievability: a } = assessAchievability({
      metric: 'revenue',
      target: revenue(100_000),
      period: { start: '2026-12-01', end: '2026-12-31' },
      history: h,
      lang: 'en',
    });
    // Against the short August the next August looked like +900 %.
    expect(a.historicalGrowth?.p90).toBeCloseTo(0, 6);
  });
});

describe('last year’s same period the data does not cover whole', () => {
  it('is no baseline: the growth is measured against the run rate, and both are said', () => {
    const h = young({ '2026-09': 89_420, '2026-10': 130_820, '2026-11': 131_000 }, 5_544.28);
    for (const lang of ['zh-TW', 'en'] as const) {
      const { achievability: a, findings } = assessAchievability({
        metric: 'revenue',
        target: revenue(3_000_000),
        period: YEAR_2027,
        history: h,
        lang,
        currencySymbol: 'NT$',
      });
      expect(a.baseline.samePeriodLastYear).toBeNull();
      expect(a.requiredUplift).toBeCloseTo(3_000_000 / (5_544.28 * 365) - 1, 6);
      const uncovered = findings.find((f) => f.code === 'LAST_YEAR_NOT_COVERED');
      expect(uncovered?.message).toContain('2026-01-01');
      expect(uncovered?.message).toContain(lang === 'zh-TW' ? '只有90天有資料' : 'only 90 of the 365 days');
      const basis = findings.find((f) => f.code === 'BASELINE_RUN_RATE');
      expect(basis?.message).toContain('NT$2,023,662');
      expect(basis?.message).toContain('90');
    }
  });

  it('a fair baseline reaches back to its first day and covers 90 % of it', () => {
    const young = { firstSaleDate: '2026-09-08', knownThrough: '2026-12-06' };
    const old = { firstSaleDate: '2023-01-01', knownThrough: '2026-12-06' };
    const y2026 = { start: '2026-01-01', end: '2026-12-31' };
    // A shop that opened in September has no 2026 to compare 2027 with.
    expect(fairBaseline(rangeCoverage(y2026, young))).toBe(false);
    // A shop with years of sales, setting 2027's goal on 7 December: 2026 less its last weeks is 2026.
    expect(fairBaseline(rangeCoverage(y2026, old))).toBe(true);
    // Six days of a year that has hardly begun are no year.
    expect(fairBaseline(rangeCoverage({ start: '2026-12-01', end: '2027-11-30' }, old))).toBe(false);
    // A month the data covers whole.
    expect(fairBaseline(rangeCoverage({ start: '2026-10-01', end: '2026-10-31' }, young))).toBe(true);
  });

  it('coverage: from the first sale to the last known day', () => {
    const data = { firstSaleDate: '2026-09-08', knownThrough: '2026-12-06' };
    expect(rangeCoverage({ start: '2026-01-01', end: '2026-12-31' }, data)).toMatchObject({
      days: 365,
      coveredDays: 90,
    });
    // Before the first sale: nothing covered (no data is not zero sales).
    expect(rangeCoverage({ start: '2025-06-01', end: '2025-08-31' }, data).coveredDays).toBe(0);
    expect(rangeCoverage({ start: '2026-10-01', end: '2026-10-31' }, data)).toMatchObject({
      days: 31,
      coveredDays: 31,
      coveredMonths: 1,
    });
    // The last 12 months of a shop with sales from 2026-09-08: 23/30 + 2 + 6/31 months.
    const year = rangeCoverage({ start: '2025-12-07', end: '2026-12-06' }, data);
    expect(year.coveredMonths).toBeCloseTo(23 / 30 + 2 + 6 / 31, 10);
    expect(
      rangeCoverage({ start: '2026-01-01', end: '2026-12-31' }, { firstSaleDate: null, knownThrough: null }),
    ).toMatchObject({ coveredDays: 0, coveredMonths: 0 });
  });
});

describe('a target against its own direction word, for a shop without last year', () => {
  it('names the recent run rate as the current figure, not last year', () => {
    const h = young({ '2026-09': 310, '2026-10': 305, '2026-11': 300 }, 300);
    const draft = {
      statement: '2027年上半年把客單價提升到180元',
      metric: 'aov' as const,
      scope: {},
      target: { metric: 'aov' as const, kind: 'absolute' as const, value: 180, per: null },
      period: { start: '2027-01-01', end: '2027-06-30' },
      objectiveId: null,
      strategies: [],
    };
    const ctx = {
      today: TODAY,
      history: h,
      relevance: { objectiveTitle: null, objectiveTitles: [], positioning: '' },
      company: { currencySymbol: 'NT$' },
    };
    const zh = gradeGoal(draft, { ...ctx, lang: 'zh-TW' }).findings.find(
      (f) => f.code === 'TARGET_AGAINST_DIRECTION',
    );
    expect(zh?.message).toContain('低於目前的NT$300(近期趨勢)');
    const en = gradeGoal(draft, { ...ctx, lang: 'en' }).findings.find(
      (f) => f.code === 'TARGET_AGAINST_DIRECTION',
    );
    expect(en?.message).toContain('the current NT$300 (the recent run rate)');
  });
});
