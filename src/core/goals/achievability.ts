/**
 * Achievability from the company's own data (pure). The method and thresholds:
 *
 * 1. The target is converted to a period total (additive metrics) or level (others): see
 *    target-conversion.ts. Changes are applied to the same period last year, else the recent run rate.
 * 2. The monthly history (complete months, leading empty months dropped; at least 3 needed) is
 *    forecast with the forecasting engine (seasonal when ≥ 24 months) from today's month to the
 *    period's last month; each month counts by the share of its days inside the part of the period
 *    still to come, plus the actual booked since the period started. Sample paths give the period's
 *    distribution: mean, 80 % (10–90th percentiles) and 95 % (2.5–97.5th) intervals, the probability
 *    of reaching the target and the targets reached with 50 / 70 / 90 % probability (recommended).
 * 3. Verdict by that probability P: P ≥ 0.9 too_easy; 0.5 ≤ P < 0.9 achievable; 0.1 ≤ P < 0.5
 *    stretch; P < 0.1 unrealistic. Then caps: an uplift beyond every past year-on-year change of the
 *    same length (≥ 6 samples) or a revenue target above team capacity (reps × revenue per rep per
 *    month × months × 1.25) is at least a stretch; a revenue target whose annualised value exceeds
 *    the SOM is unrealistic.
 * 4. Past year-on-year changes: rolling windows as long as the period (in whole months) compared
 *    with the same window 12 months earlier; the required uplift's percentile among them.
 * 5. A young history: a first month the data covers only in part is read at its full-month pace by
 *    the forecast and left out of past growth. When the forecast reaches further ahead (months past
 *    the current one) than the history goes back, it is a rough guess from the recent level: an
 *    additive forecast is at least the run rate month by month, no recommended range is given, and a
 *    finding says so (the Achievable letter then warns).
 */

import { addDays, addMonths, daysBetween, daysInMonth, parseLocalDate } from '../calendar/dates.ts';
import { rangeLastYear } from '../calendar/periods.ts';
import { findTargetsAtProbabilities, forecastSeries, probabilityOfReaching } from '../forecast/index.ts';
import { KPI_AGGREGATION } from '../kpi/aggregation.ts';
import { KPI_GLOSSARY } from '../kpi/glossary.ts';
import type { KpiMetric } from '../kpi/types.ts';
import { type DataFreshness, fairBaseline } from './data-freshness.ts';
import { goalFinding } from './messages.ts';
import { isAdditive, isLowerBetter, isMoneyMetric, isPercentMetric } from './metric-kinds.ts';
import {
  changeBaseline,
  convertTarget,
  historyBaseline,
  monthShares,
  monthsText,
  periodDays,
  targetShape,
} from './target-conversion.ts';
import { convertedTargetProblem } from './target-limits.ts';
import type {
  Achievability,
  ChartPoint,
  Finding,
  GoalHistory,
  GoalPeriod,
  GoalTarget,
  Lang,
  Verdict,
} from './types.ts';

export const VERDICT_THRESHOLDS = { tooEasy: 0.9, achievable: 0.5, stretch: 0.1 } as const;
/** A rep can stretch to this multiple of the average month of the last 12. */
export const CAPACITY_HEADROOM = 1.25;
const MIN_MONTHS = 3;
/** Beyond five years a forecast says nothing useful about a target. */
const MAX_FORECAST_MONTHS = 60;
const CHART_HISTORY_MONTHS = 24;
const SEVERITY: Record<Verdict, number> = {
  too_easy: 0,
  achievable: 1,
  stretch: 2,
  unrealistic: 3,
  unknown: -1,
};

export interface AchievabilityInput {
  metric: KpiMetric;
  target: GoalTarget;
  period: GoalPeriod;
  history: GoalHistory;
  lang: Lang;
  /** The company's currency symbol before money in messages ('NT$'); none when not given. */
  currencySymbol?: string;
  /** Seed of the forecast's sample paths (same input, same answer). */
  seed?: number;
}

export interface AchievabilityResult {
  achievability: Achievability;
  findings: Finding[];
}

export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = Math.min(1, Math.max(0, p)) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (pos - lo);
}

/**
 * Value formatting for messages: money rounded, after the company's currency symbol (NT$899,333),
 * percent metrics as %, distinct counts (customers) whole, others to 2 decimals.
 */
export function formatMetricValue(metric: KpiMetric, value: number, currencySymbol = ''): string {
  if (isPercentMetric(metric)) return `${(value * 100).toFixed(1)}%`;
  if (isMoneyMetric(metric)) return `${currencySymbol}${Math.round(value).toLocaleString('en-US')}`;
  // A distinct count (customers over the period) is whole: a forecast of 645.36 customers reads 645.
  // Additive counts keep their decimals: they may be said as a rate (3.5 orders a day).
  if (KPI_GLOSSARY[metric].unit === 'count' && !isAdditive(metric))
    return Math.round(value).toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

/**
 * The share of a month (`YYYY-MM`) the data covers when the data starts inside it (sales from the 8th
 * of a 30-day month: 23/30); 1 for a month the data starts before, or when the first sale is unknown.
 */
export function firstMonthCoverage(
  month: string | undefined,
  firstSaleDate: string | null | undefined,
): number {
  if (!month || !firstSaleDate || firstSaleDate.slice(0, 7) !== month) return 1;
  const d = parseLocalDate(firstSaleDate);
  const days = daysInMonth(d.year, d.month);
  return daysBetween(firstSaleDate, `${month}-${String(days).padStart(2, '0')}`) / days;
}

/** Year-on-year changes of rolling `length`-month windows (sum or mean) against 12 months earlier. */
export function pastYearOnYearChanges(
  values: readonly (number | null)[],
  length: number,
  additive: boolean,
): number[] {
  const window = (end: number): number | null => {
    let sum = 0;
    let count = 0;
    for (let i = end - length + 1; i <= end; i++) {
      const v = values[i];
      if (v === null || v === undefined) return null;
      sum += v;
      count++;
    }
    return additive ? sum : sum / count;
  };
  const out: number[] = [];
  for (let end = length - 1 + 12; end < values.length; end++) {
    const cur = window(end);
    const prev = window(end - 12);
    if (cur !== null && prev !== null && prev > 0) out.push(cur / prev - 1);
  }
  return out;
}

/** How a metric's target reads: a total or a level, in money, percent (as a fraction) or a plain number. */
export function targetReading(metric: KpiMetric): Pick<Achievability, 'shape' | 'unit'> {
  return {
    shape: targetShape(metric),
    unit: isMoneyMetric(metric) ? 'money' : isPercentMetric(metric) ? 'percent' : 'number',
  };
}

function emptyResult(
  metric: KpiMetric,
  baseline: Achievability['baseline'],
  targetValue: number | null,
  reason: string,
  chart: ChartPoint[] = [],
): Achievability {
  return {
    verdict: 'unknown',
    reason,
    ...targetReading(metric),
    targetValue,
    baseline,
    requiredUplift: null,
    historicalGrowth: null,
    forecast: null,
    probability: null,
    recommended: null,
    capacity: null,
    market: null,
    chart,
  };
}

/**
 * A KPI counted over the whole period (customers, retention, CLV: KPI_AGGREGATION 'distinct') is not
 * the average of its months: a quarter's customers outnumber any one month's (those of several months
 * count once). The forecast, made of months, is scaled by how the same period last year compared with
 * the average of its own months (986 customers in a quarter whose months had about 670); 1 where last
 * year says nothing, and for every other metric.
 */
function wholePeriodScale(metric: KpiMetric, period: GoalPeriod, history: GoalHistory): number {
  if (KPI_AGGREGATION[metric] !== 'distinct' || history.samePeriodLastYear === null) return 1;
  const byMonth = new Map(history.monthly.map((m) => [m.period, m.value]));
  let weighted = 0;
  let days = 0;
  for (const share of monthShares(rangeLastYear(period))) {
    const v = byMonth.get(share.period);
    if (v === null || v === undefined) return 1;
    weighted += v * share.days;
    days += share.days;
  }
  const average = days > 0 ? weighted / days : 0;
  return average > 0 && history.samePeriodLastYear > 0 ? history.samePeriodLastYear / average : 1;
}

function freshnessParams(f: DataFreshness, lang: Lang): Record<string, string> {
  return {
    lastSale: f.lastSaleDate ?? '—',
    days: String(f.daysOld ?? '—'),
    month: f.lastCompleteMonth ?? (lang === 'zh-TW' ? '(無)' : '(none)'),
  };
}

export function assessAchievability(input: AchievabilityInput): AchievabilityResult {
  const { metric, period, history, lang } = input;
  const additive = isAdditive(metric);
  const lower = isLowerBetter(metric);
  const days = periodDays(period);
  const baseline = historyBaseline(metric, period, history);
  const converted = convertTarget({ ...input.target, metric }, period, baseline);
  const targetValue = converted.value;
  const findings: Finding[] = [];

  // A change that takes the metric where it cannot go (revenue below zero, a rate above 100 %).
  const impossible =
    targetValue === null ? null : convertedTargetProblem(metric, targetValue, lang, input.currencySymbol);
  if (impossible)
    return {
      achievability: emptyResult(metric, baseline, targetValue, `${impossible.message} ${impossible.fix}`),
      findings: [impossible],
    };

  // Data that ends long ago says nothing about the period: say so instead of forecasting zeros.
  const fresh = history.freshness;
  if (fresh?.status === 'too_old') {
    const f = goalFinding('achievable', 'DATA_TOO_OLD', 'warn', lang, freshnessParams(fresh, lang));
    return {
      achievability: emptyResult(metric, baseline, targetValue, `${f.message} ${f.fix}`),
      findings: [f],
    };
  }
  // The history: drop the months before the scope had any data and after the data ends.
  const lastMonth = fresh?.lastCompleteMonth ?? null;
  const all = lastMonth ? history.monthly.filter((m) => m.period <= lastMonth) : history.monthly;
  let first = all.findIndex((m) => m.value !== null && (!additive || m.value !== 0));
  if (first < 0) first = all.length;
  const months = all.slice(first);
  const values = months.map((m) => m.value);
  const known = values.filter((v) => v !== null).length;
  // A sum's first month the data covers only in part (sales from the 8th) is no month of sales: the
  // forecast reads it at its full-month pace, and past growth (full windows only) leaves it out.
  const firstShare = additive ? firstMonthCoverage(months[0]?.period, fresh?.firstSaleDate) : 1;
  const paced = firstShare < 1 ? values.map((v, i) => (i === 0 && v !== null ? v / firstShare : v)) : values;
  const whole = firstShare < 1 ? values.map((v, i) => (i === 0 ? null : v)) : values;
  const historyChart: ChartPoint[] = months.slice(-CHART_HISTORY_MONTHS).map((m) => ({
    period: m.period,
    actual: m.value,
    mean: null,
    lo80: null,
    hi80: null,
    lo95: null,
    hi95: null,
  }));
  if (known === 0) {
    const f = goalFinding('achievable', 'NO_HISTORY', 'info', lang);
    return { achievability: emptyResult(metric, baseline, targetValue, f.fix), findings: [f] };
  }
  if (known < MIN_MONTHS) {
    const f = goalFinding('achievable', 'SHORT_HISTORY', 'info', lang, { months: String(known) });
    return {
      achievability: emptyResult(metric, baseline, targetValue, `${f.message} ${f.fix}`, historyChart),
      findings: [f],
    };
  }
  if (targetValue === null) {
    const f = goalFinding('achievable', 'NO_BASELINE_FOR_CHANGE', 'info', lang);
    return { achievability: emptyResult(metric, baseline, null, f.fix, historyChart), findings: [f] };
  }

  // Forecast from the month after the last known day (today's month when the data is current) to the
  // period's last month.
  const knownThrough = fresh?.knownThrough ?? addDays(history.today, -1);
  const firstUnknown = addDays(knownThrough, 1);
  const todayMonth = `${firstUnknown.slice(0, 7)}-01`;
  const futureStart = period.start > firstUnknown ? period.start : firstUnknown;
  const remaining = futureStart <= period.end ? monthShares({ start: futureStart, end: period.end }) : [];
  const monthIndex = (ym: string): number => {
    const [y, m] = ym.split('-').map(Number);
    const [ty, tm] = todayMonth.split('-').map(Number);
    return ((y ?? 0) - (ty ?? 0)) * 12 + ((m ?? 0) - (tm ?? 0));
  };
  const h = remaining.length > 0 ? monthIndex(remaining[remaining.length - 1]?.period ?? '') + 1 : 0;
  // A level (AOV, a rate) whose period the data covers: its level over the period decides it; with
  // nothing to compute it from (no orders), nothing does.
  if (!additive && remaining.length === 0 && h <= MAX_FORECAST_MONTHS && targetValue !== null) {
    if (history.actualToDate !== null)
      return finishedPeriod(input, baseline, targetValue, null, historyChart);
    const f = goalFinding('achievable', 'PERIOD_NO_DATA', 'warn', lang, {
      metric: KPI_GLOSSARY[metric].name[lang],
    });
    return {
      achievability: emptyResult(metric, baseline, targetValue, `${f.message} ${f.fix}`, historyChart),
      findings: [f],
    };
  }
  if (h > MAX_FORECAST_MONTHS || (!additive && remaining.length === 0)) {
    const f = goalFinding('achievable', h > MAX_FORECAST_MONTHS ? 'TOO_FAR' : 'PERIOD_OVER', 'info', lang);
    return {
      achievability: emptyResult(metric, baseline, targetValue, `${f.message} ${f.fix}`, historyChart),
      findings: [f],
    };
  }
  // The forecast reaches further ahead (whole months past the current one) than the history goes
  // back: no model learns a year from a quarter, so it is read as a rough guess from the level.
  const monthsAhead = Math.max(0, h - 1);
  const shortHistory = monthsAhead > known;
  const fc = levelFloor(
    forecastSeries(paced, {
      h,
      frequency: values.length >= 24 ? 12 : 1,
      seed: input.seed ?? 1,
      pathCount: h > 0 ? 1000 : 0,
    }),
    shortHistory && additive ? history.recentDaily : null,
    todayMonth,
  );
  const actualToDate = additive ? (history.actualToDate ?? 0) : 0;
  const remainingDays = remaining.reduce((s, m) => s + m.days, 0);
  const overPeriod = wholePeriodScale(metric, period, history);
  const periodValue = (monthly: readonly number[]): number => {
    let acc = 0;
    for (const share of remaining) {
      const v = monthly[monthIndex(share.period)] ?? 0;
      acc += additive ? v * share.fraction : v * share.days;
    }
    return additive ? actualToDate + acc : remainingDays > 0 ? (acc / remainingDays) * overPeriod : 0;
  };
  const totals = fc.paths.length > 0 ? fc.paths.map(periodValue) : [periodValue(fc.mean)];
  const sorted = [...totals].sort((a, b) => a - b);
  const single = totals.map((t) => [t]);
  const reach = lower
    ? totals.filter((t) => t <= targetValue).length / totals.length
    : probabilityOfReaching({ actualToDate: 0, remainingForecastPaths: single, target: targetValue });
  if (additive && remaining.length === 0)
    return finishedPeriod(input, baseline, targetValue, reach, historyChart);
  // The point forecast is the sample paths' median (with paths): always inside its own bands.
  const forecast = {
    mean: fc.paths.length > 0 ? quantile(sorted, 0.5) : periodValue(fc.mean),
    lo80: quantile(sorted, 0.1),
    hi80: quantile(sorted, 0.9),
    lo95: quantile(sorted, 0.025),
    hi95: quantile(sorted, 0.975),
  };
  const uncapped = lower
    ? { p50: quantile(sorted, 0.5), p70: quantile(sorted, 0.7), p90: quantile(sorted, 0.9) }
    : (() => {
        const [a, b, c] = findTargetsAtProbabilities(0, single, [0.5, 0.7, 0.9]);
        return {
          p50: a?.target ?? forecast.mean,
          p70: b?.target ?? forecast.mean,
          p90: c?.target ?? forecast.mean,
        };
      })();
  // The recommended range never asks for more than the market allows: revenue over the period is
  // capped at the SOM's share of the period (the same cap that makes a target unrealistic below).
  const somCap =
    metric === 'revenue' && history.som !== null && history.som > 0
      ? (history.som * days) / 365
      : Number.POSITIVE_INFINITY;
  // A recommended total of zero (or less) is no target: none is offered; nor is a range from a
  // history too short for the forecast's reach (a precise-looking number from next to nothing).
  const recommended =
    shortHistory || (additive && !(uncapped.p90 > 0))
      ? null
      : {
          p50: Math.min(uncapped.p50, somCap),
          p70: Math.min(uncapped.p70, somCap),
          p90: Math.min(uncapped.p90, somCap),
        };

  // Past growth.
  const base =
    converted.baseline ??
    (baseline.samePeriodLastYear && baseline.samePeriodLastYear > 0
      ? baseline.samePeriodLastYear
      : baseline.recentRunRate);
  const requiredUplift = base !== null && base > 0 ? targetValue / base - 1 : null;
  const windowMonths = Math.max(1, Math.round(monthShares(period).reduce((s, m) => s + m.fraction, 0)));
  const growthMonths = Math.min(windowMonths, 12);
  const changes = pastYearOnYearChanges(whole, growthMonths, additive).sort((a, b) => a - b);
  const historicalGrowth =
    changes.length > 0 && requiredUplift !== null
      ? {
          percentile: lower
            ? changes.filter((c) => c > requiredUplift).length / changes.length
            : changes.filter((c) => c < requiredUplift).length / changes.length,
          p10: quantile(changes, 0.1),
          p50: quantile(changes, 0.5),
          p90: quantile(changes, 0.9),
          samples: changes.length,
          months: growthMonths,
        }
      : null;

  // Verdict by probability, then the caps.
  let verdict: Verdict =
    reach >= VERDICT_THRESHOLDS.tooEasy
      ? 'too_easy'
      : reach >= VERDICT_THRESHOLDS.achievable
        ? 'achievable'
        : reach >= VERDICT_THRESHOLDS.stretch
          ? 'stretch'
          : 'unrealistic';
  const atLeast = (v: Verdict) => {
    if (SEVERITY[v] > SEVERITY[verdict]) verdict = v;
  };
  const fmt = (v: number) => formatMetricValue(metric, v, input.currencySymbol);
  const extra: Finding[] = [];
  if (shortHistory)
    extra.push(
      goalFinding('achievable', 'SHORT_FOR_HORIZON', 'warn', lang, {
        months: String(known),
        ahead: String(monthsAhead),
      }),
    );
  // The baseline the required growth is measured against, when it is not the same period last year.
  const lyCoverage = history.lastYearCoverage;
  if (lyCoverage && !fairBaseline(lyCoverage))
    extra.push(
      goalFinding('achievable', 'LAST_YEAR_NOT_COVERED', 'info', lang, {
        start: lyCoverage.start,
        end: lyCoverage.end,
        days: String(lyCoverage.days),
        covered: String(lyCoverage.coveredDays),
      }),
    );
  if (requiredUplift !== null && base !== null && changeBaseline(baseline).basis === 'recent_run_rate')
    extra.push(
      goalFinding('achievable', additive ? 'BASELINE_RUN_RATE' : 'BASELINE_RECENT_LEVEL', 'info', lang, {
        days: String(history.recentDays ?? 90),
        periodDays: String(days),
        runRate: fmt(base),
      }),
    );
  if (
    historicalGrowth &&
    historicalGrowth.samples >= 6 &&
    historicalGrowth.percentile >= 1 &&
    requiredUplift !== null
  ) {
    atLeast('stretch');
    // Where lower is better the bound passed is the lowest past change (the best fall), said so.
    extra.push(
      lower
        ? goalFinding('achievable', 'BEYOND_PAST_DECLINE', 'warn', lang, {
            uplift: pct(requiredUplift),
            min: pct(changes[0] ?? 0),
          })
        : goalFinding('achievable', 'BEYOND_PAST_GROWTH', 'warn', lang, {
            uplift: pct(requiredUplift),
            max: pct(changes[changes.length - 1] ?? 0),
          }),
    );
  }
  let capacity: Achievability['capacity'] = null;
  if (metric === 'revenue' && history.reps && history.reps > 0 && history.revenuePerRepMonthly !== null) {
    const monthsInPeriod = monthShares(period).reduce((s, m) => s + m.fraction, 0);
    const cap = history.reps * history.revenuePerRepMonthly * monthsInPeriod * CAPACITY_HEADROOM;
    capacity = {
      reps: history.reps,
      revenuePerRep: history.revenuePerRepMonthly,
      months: monthsInPeriod,
      headroom: CAPACITY_HEADROOM,
      capacity: cap,
    };
    if (targetValue > cap) {
      atLeast('stretch');
      extra.push(
        goalFinding('achievable', 'CAPACITY_EXCEEDED', 'warn', lang, {
          reps: String(history.reps),
          perRep: fmt(history.revenuePerRepMonthly),
          months: monthsText(monthsInPeriod),
          headroom: String(CAPACITY_HEADROOM),
          capacity: fmt(cap),
        }),
      );
    }
  }
  // The market: the target against the SOM's share of the goal's own period (no annualising).
  let market: Achievability['market'] = null;
  if (metric === 'revenue' && history.som !== null && history.som > 0) {
    const periodSom = (history.som * days) / 365;
    market = { som: history.som, periodSom, share: targetValue / periodSom };
    if (market.share > 1) {
      atLeast('unrealistic');
      extra.push(
        goalFinding('achievable', 'MARKET_SOM_EXCEEDED', 'fail', lang, {
          target: fmt(targetValue),
          days: String(days),
          periodSom: fmt(periodSom),
          som: fmt(history.som),
        }),
      );
    }
  }
  if (fresh?.status === 'stale')
    extra.unshift(goalFinding('achievable', 'STALE_DATA', 'warn', lang, freshnessParams(fresh, lang)));
  const none = lang === 'zh-TW' ? '(無)' : '(none)';
  const params = {
    p: String(Math.round(reach * 100)),
    uplift: requiredUplift === null ? '—' : pct(requiredUplift),
    p50: recommended ? fmt(recommended.p50) : none,
    p70: recommended ? fmt(recommended.p70) : none,
    p90: recommended ? fmt(recommended.p90) : none,
  };
  const code = (
    {
      too_easy: 'TOO_EASY',
      achievable: 'ACHIEVABLE',
      stretch: 'STRETCH',
      unrealistic: 'UNREALISTIC',
    } as const
  )[verdict as Exclude<Verdict, 'unknown'>];
  const severity = verdict === 'achievable' ? 'info' : verdict === 'unrealistic' ? 'fail' : 'warn';
  const said = goalFinding('achievable', code, severity, lang, params);
  // A short history neither confirms nor rules out (no fail), and without a recommended range the
  // advice is the short-history finding's.
  findings.push(
    shortHistory ? { ...said, severity: said.severity === 'fail' ? 'warn' : said.severity, fix: '' } : said,
    ...extra,
  );

  // The chart: history, then the forecast by month.
  const chart: ChartPoint[] = [...historyChart];
  for (let j = 0; j < h; j++) {
    chart.push({
      period: addMonths(todayMonth, j).slice(0, 7),
      actual: null,
      mean: fc.mean[j] ?? null,
      lo80: fc.lo80[j] ?? null,
      hi80: fc.hi80[j] ?? null,
      lo95: fc.lo95[j] ?? null,
      hi95: fc.hi95[j] ?? null,
    });
  }
  return {
    achievability: {
      verdict,
      reason: null,
      ...targetReading(metric),
      targetValue,
      baseline,
      requiredUplift,
      historicalGrowth,
      forecast,
      probability: reach,
      recommended,
      capacity,
      market,
      chart,
    },
    findings,
  };
}

/**
 * A period the data already covers: its actual is final and decides it (reached: achievable, missed:
 * unrealistic). A sum by the probability of its actual (`reach`, 0 or 1 once nothing is left); a level
 * (AOV, a rate: `reach` null) by its level over the whole period against the target, at or below it for
 * a ceiling (CAC, churn). The finding states the result; nothing is forecast, and no target is advised
 * (no recommended range, no caps): the period cannot be changed any more.
 */
function finishedPeriod(
  input: AchievabilityInput,
  baseline: Achievability['baseline'],
  targetValue: number,
  sumReach: number | null,
  chart: ChartPoint[],
): AchievabilityResult {
  const actual = input.history.actualToDate ?? 0;
  const reached =
    sumReach !== null
      ? sumReach >= VERDICT_THRESHOLDS.tooEasy
      : isLowerBetter(input.metric)
        ? actual <= targetValue
        : actual >= targetValue;
  const reach = sumReach ?? (reached ? 1 : 0);
  const fmt = (v: number) => formatMetricValue(input.metric, v, input.currencySymbol);
  const f = goalFinding(
    'achievable',
    reached ? 'PERIOD_REACHED' : 'PERIOD_MISSED',
    reached ? 'info' : 'fail',
    input.lang,
    {
      actual: fmt(actual),
      target: fmt(targetValue),
    },
  );
  return {
    achievability: {
      ...emptyResult(input.metric, baseline, targetValue, f.message, chart),
      verdict: reached ? 'achievable' : 'unrealistic',
      probability: reach,
    },
    findings: [f],
  };
}

/**
 * A forecast of a sum raised, month by month, to the run rate (`daily` × the month's days) where it
 * falls below it: the mean, the bands and every sample path move up together. A young history's
 * forecast is a level and no less than the pace the data shows now (a flat guess from the last month,
 * or a trend drawn through three, must not forecast a year as a few months). `daily` null: unchanged.
 */
function levelFloor<F extends ReturnType<typeof forecastSeries>>(
  fc: F,
  daily: number | null,
  firstMonth: string,
): F {
  if (daily === null || !(daily > 0)) return fc;
  const lift = fc.mean.map((m, j) => {
    const d = parseLocalDate(addMonths(firstMonth, j));
    return Math.max(0, daily * daysInMonth(d.year, d.month) - m);
  });
  if (lift.every((x) => x === 0)) return fc;
  const up = (a: readonly number[]) => a.map((v, j) => v + (lift[j] ?? 0));
  return {
    ...fc,
    mean: up(fc.mean),
    lo80: up(fc.lo80),
    hi80: up(fc.hi80),
    lo95: up(fc.lo95),
    hi95: up(fc.hi95),
    paths: fc.paths.map(up),
  };
}
