/** Pure helpers of the KPI explorer: period presets, the `where` query string, value formats. */
import type { Locale } from '../../../contract/common.ts';
import { addDays, addMonths, startOfMonth } from '../../../core/calendar/dates.ts';
import { periodOf, previousPeriod } from '../../../core/calendar/periods.ts';
import type { KpiMetric } from '../../../core/kpi/types.ts';
import { formatCompact, formatMoney, formatNumber, formatPercent } from '../../i18n/format.ts';

export const PERIOD_PRESETS = [
  'last12m',
  'thisYear',
  'lastYear',
  'thisQuarter',
  'lastQuarter',
  'thisMonth',
  'lastMonth',
  'last90d',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const KPI_GRAINS = ['day', 'week', 'month', 'quarter', 'fiscal_year'] as const;
export type KpiGrainChoice = (typeof KPI_GRAINS)[number];

export type KpiUnit = 'money' | 'count' | 'ratio' | 'score';

const CALENDAR_YEAR = { fiscalYearStartMonth: 1 };

/**
 * The first and last day of a preset, relative to `today` ('YYYY-MM-DD'), from the one calendar
 * (core/calendar); ranges end today when current. 'last12m' is the twelve complete months before
 * this month and this month so far (2025-12-01 … 2026-12-07): the explorer marks the current month
 * partial, so a year of whole months stays on the chart beside it.
 */
export function presetRange(preset: PeriodPreset, today: string): { from: string; to: string } {
  const span = (p: { start: string; end: string }) => ({ from: p.start, to: p.end });
  const sinceStartOf = (grain: 'month' | 'quarter' | 'year') => ({
    from: periodOf(today, grain, CALENDAR_YEAR).start,
    to: today,
  });
  const previous = (grain: 'month' | 'quarter' | 'year') =>
    span(previousPeriod(periodOf(today, grain, CALENDAR_YEAR), CALENDAR_YEAR));
  switch (preset) {
    case 'last12m':
      return { from: addMonths(startOfMonth(today), -12), to: today };
    case 'thisYear':
      return sinceStartOf('year');
    case 'lastYear':
      return previous('year');
    case 'thisQuarter':
      return sinceStartOf('quarter');
    case 'lastQuarter':
      return previous('quarter');
    case 'thisMonth':
      return sinceStartOf('month');
    case 'lastMonth':
      return previous('month');
    case 'last90d':
      return { from: addDays(today, -89), to: today };
  }
}

/**
 * The range a view asks about: its own dates, or its preset as of `today`, the company's today (in
 * its time zone, as the server says it: data-freshness `today`), never the browser's clock, whose day
 * may be another. Null while that day is not known yet.
 */
export function viewRange(
  view: { period: PeriodPreset | 'custom'; from?: string | null | undefined; to?: string | null | undefined },
  today: string | undefined,
): { from: string; to: string } | null {
  if (view.period === 'custom' && view.from && view.to) return { from: view.from, to: view.to };
  if (!today) return null;
  return presetRange(view.period === 'custom' ? 'last12m' : view.period, today);
}

/** `channel=門市,channel=線上商店`: a repeated key means either member. */
export function whereString(dimension: string | null, values: readonly string[]): string | undefined {
  if (!dimension || values.length === 0) return undefined;
  return values.map((v) => `${dimension}=${v}`).join(',');
}

/**
 * Money and counts add up across members; ratios and scores do not. Only a guess from the unit (AOV
 * is money and does not add up): the KPI explorer reads each metric's `aggregation` instead.
 */
export function isAdditive(unit: KpiUnit): boolean {
  return unit === 'money' || unit === 'count';
}

/**
 * A KPI value for tables and tooltips. `column`: one of a column of figures, where rates and scores
 * keep a fixed number of decimals so that they line up (56.0% under 63.4%, not 56%).
 */
export function formatKpi(
  value: number | null | undefined,
  unit: KpiUnit,
  currency: string,
  lang: Locale,
  column = false,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'money':
      return formatMoney(Math.round(value * 100) / 100, currency, lang);
    case 'ratio':
      return formatPercent(value, lang, 1, column ? 1 : 0);
    case 'score':
      return formatNumber(value, lang, 2, column ? 2 : 0);
    default:
      return formatNumber(value, lang);
  }
}

/** A KPI value on a chart axis (short). */
export function formatAxis(value: number, unit: KpiUnit, lang: Locale): string {
  return unit === 'ratio' ? formatPercent(value, lang, 0) : formatCompact(value, lang);
}

/** Change against last year as a ratio, or null when last year has nothing to compare with. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/**
 * A change against last year in the measure that fits the unit: rates in percentage points
 * (64.6 % against 69.4 % is −4.8 pt, not −6.9 %), scores (CSAT, NPS) in points, money and counts
 * in percent. Null when either side is missing (or last year is zero, for percent).
 */
export type KpiChange = { kind: 'percent' | 'points' | 'score'; value: number };

export function changeOf(unit: KpiUnit, current: number | null, previous: number | null): KpiChange | null {
  if (current === null || previous === null) return null;
  if (unit === 'ratio') return { kind: 'points', value: (current - previous) * 100 };
  if (unit === 'score') return { kind: 'score', value: current - previous };
  const c = change(current, previous);
  return c === null ? null : { kind: 'percent', value: c };
}

/** The decimals a change is shown with: 12.5 %, 4.8 pt, 0.50 pts. */
const CHANGE_DIGITS: Record<KpiChange['kind'], number> = { percent: 1, points: 1, score: 2 };

/**
 * Which way a change goes as shown (−1, 0 or +1): a change that rounds to nothing at the shown
 * decimals (−0.04 pt) is no change, so it is neither signed nor coloured as a fall or a rise.
 */
export function changeDirection(c: KpiChange): -1 | 0 | 1 {
  const scale = 10 ** CHANGE_DIGITS[c.kind] * (c.kind === 'percent' ? 100 : 1);
  const shown = Math.round(Math.abs(c.value) * scale);
  return shown === 0 ? 0 : c.value > 0 ? 1 : -1;
}

/**
 * A change with its sign, with fixed decimals so that a column of them lines up: "+12.5%", "+20.0%",
 * "−4.8 pt", "−4.0 pt", "±0.0 pt" (the unit words come from the caller's translations).
 */
export function formatChange(
  c: KpiChange,
  lang: Locale,
  words: { points: (n: string) => string; score: (n: string) => string },
): string {
  const direction = changeDirection(c);
  const sign = direction > 0 ? '+' : direction < 0 ? '−' : '±';
  const abs = direction === 0 ? 0 : Math.abs(c.value);
  const digits = CHANGE_DIGITS[c.kind];
  if (c.kind === 'percent') return `${sign}${formatPercent(abs, lang, digits, digits)}`;
  const n = `${sign}${formatNumber(abs, lang, digits, digits)}`;
  return c.kind === 'points' ? words.points(n) : words.score(n);
}

/** The index of the last point that covers its whole period (the month so far is not compared). */
export function lastCompleteIndex(points: readonly { partial?: boolean }[]): number {
  for (let i = points.length - 1; i >= 0; i--) if (!points[i]?.partial) return i;
  return -1;
}

/**
 * The partial points of a series, told apart: `running`, periods not over by `today` (the month so
 * far), and `cut`, periods that are over but only partly inside the range (it starts or ends within
 * them): "not over yet" would be untrue of those.
 */
export function partialPoints<P extends { partial?: boolean; end: string }>(
  points: readonly P[],
  today: string,
): { running: P[]; cut: P[] } {
  const partial = points.filter((p) => p.partial);
  return { running: partial.filter((p) => p.end >= today), cut: partial.filter((p) => p.end < today) };
}

/**
 * Whether a KPI has data but no value: CLV (revenue per customer over the churn rate) is undefined
 * while no customer has left (churn 0) or there is no earlier period to tell; its customers are
 * there (the points' denominators), so the fix is not an import.
 */
export function undefinedWithData(
  metric: string,
  points: readonly { value: number | null; denominator?: number }[],
): boolean {
  return metric === 'clv' && points.some((p) => p.value === null && (p.denominator ?? 0) > 0);
}

/** Whether a series holds nothing to show (every value missing or zero). */
export function isEmptySeries(points: readonly { value: number | null }[]): boolean {
  return points.every((p) => p.value === null || p.value === 0);
}

export type KpiSource = 'sales' | 'customers' | 'reps' | 'marketing' | 'satisfaction' | 'marketSize';

/** The data a KPI is computed from, and so the import that fills it. */
export const KPI_SOURCE: Readonly<Record<KpiMetric, KpiSource>> = {
  revenue: 'sales',
  units: 'sales',
  orders: 'sales',
  aov: 'sales',
  new_channel_revenue: 'sales',
  new_customers: 'customers',
  customers: 'customers',
  retention_rate: 'customers',
  churn_rate: 'customers',
  repeat_purchase_rate: 'customers',
  clv: 'customers',
  revenue_per_rep: 'reps',
  conversion_rate: 'marketing',
  cac: 'marketing',
  roas: 'marketing',
  leads: 'marketing',
  csat: 'satisfaction',
  nps: 'satisfaction',
  market_share: 'marketSize',
};

const IMPORT_KIND: Record<KpiSource, 'sales' | 'marketing' | 'satisfaction' | null> = {
  sales: 'sales',
  customers: 'sales',
  reps: 'sales',
  marketing: 'marketing',
  satisfaction: 'satisfaction',
  marketSize: null,
};

/** The kind of import that fills a KPI (null: no import does, e.g. market share needs market sizes). */
export function fillingImport(metric: KpiMetric): 'sales' | 'marketing' | 'satisfaction' | null {
  return IMPORT_KIND[KPI_SOURCE[metric]];
}

/**
 * What the whole-range figure of a KPI counted over the range is (the i18n key of its note), or null
 * for sums and ratios of sums (their whole range is the periods' numbers added up): customers counted
 * once over the whole range, not the periods' average; retention and churn compare the range with the
 * span of the same length just before it, so they can lie above (or below) every period's.
 */
export function wholeRangeNote(result: {
  metric: KpiMetric;
  aggregation: 'sum' | 'ratio' | 'distinct';
}): 'kpi.summary.wholeRangeRetention' | 'kpi.summary.wholeRangeDistinct' | null {
  if (result.aggregation !== 'distinct') return null;
  return result.metric === 'retention_rate' || result.metric === 'churn_rate'
    ? 'kpi.summary.wholeRangeRetention'
    : 'kpi.summary.wholeRangeDistinct';
}
