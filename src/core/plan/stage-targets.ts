/**
 * The target a company-stage plan proposes for one KPI of a phase (pure). The rules:
 * - the target is in the KPI's own unit: a `level` KPI gets an absolute value of its metric (money
 *   in currency units, rates as percent numbers, counts whole); a `growth` KPI (a growth rate) gets
 *   a change in % from the baseline; a `user` KPI gets no number (no metric measures it);
 * - a proposed target moves the phase's way from the company's own baseline for the period (the
 *   same period last year, else the recent run rate: the baseline the goal's page measures the
 *   change from): above it, or below it where lower is better (CAC);
 * - the data's recommended range is used when one of its points does that (the 70 % point first),
 *   else the baseline moved by 10 % (a rate halfway to 100 % at most), else (no data) a ±10 % change.
 */
import { addMonths } from '../calendar/dates.ts';
import { isLowerBetter, isMoneyMetric, isPercentMetric } from '../goals/metric-kinds.ts';
import { KPI_AGGREGATION } from '../kpi/aggregation.ts';
import { KPI_GLOSSARY } from '../kpi/glossary.ts';
import type { KpiMetric } from '../kpi/types.ts';
import type { StageTargetKind } from './stage-templates.ts';

export interface StageTargetInput {
  metric: KpiMetric;
  target: StageTargetKind;
  /** The baseline of the phase's period in the metric's units (rates as fractions); null: none. */
  baseline: number | null;
  /**
   * What the baseline is: the same period last year (only when the data fairly covers it: its first day and 90 % of its days) or the
   * run rate over the recent days the data covers; null: none. A growth target is a change from it.
   */
  basis?: StageBasis;
  /** The grading's recommended range, metric units; null: none. */
  recommended: { p50: number; p70: number; p90: number } | null;
}

export type StageBasis = 'same_period_last_year' | 'recent_run_rate' | null;

export type StageTargetSuggestion =
  | {
      kind: 'absolute' | 'percent_change';
      /** Goal units: currency units, percent numbers (25 = 25 %), whole counts; a change in %. */
      value: number;
      from: 'recommended' | 'baseline' | 'no_data';
      /** What a change (and the baseline moved) is measured from. */
      basis: StageBasis;
    }
  | { kind: null; value: null; from: 'user'; basis: null };

/**
 * A KPI counted over the whole period that grows with its length (customers, CLV, revenue per rep:
 * 'distinct', not a rate): only the same period last year is a baseline for it; a recent run rate
 * over another span (three months of data against a six-month phase) is not.
 */
export function needsSamePeriodBaseline(metric: KpiMetric): boolean {
  return KPI_AGGREGATION[metric] === 'distinct' && !isPercentMetric(metric);
}

/**
 * Whether new-channel revenue can be told from the rest as of `asOf` (the last day the baseline
 * reads): a channel is new when its first sale lies in the 12 months up to a period's end, so with
 * data that begins inside the 12 months before `asOf` every channel the company always had reads as
 * new, and the baseline (new-channel revenue = all revenue) says nothing.
 */
export function newChannelsKnowable(firstSaleDate: string | null, asOf: string): boolean {
  return firstSaleDate !== null && firstSaleDate <= addMonths(asOf, -12);
}

/** Decimals of a goal's value of the metric: money and counts whole, rates (percent numbers) and scores 0.1. */
export function goalDecimals(metric: KpiMetric): number {
  if (isPercentMetric(metric)) return 1;
  if (isMoneyMetric(metric) || KPI_GLOSSARY[metric].unit === 'count') return 0;
  return 1;
}

/** A value in the metric's units (fractions for rates) as goal units (percent numbers for rates). */
export function toGoalUnits(metric: KpiMetric, v: number): number {
  const scaled = isPercentMetric(metric) ? v * 100 : v;
  const f = 10 ** goalDecimals(metric);
  return Math.round(scaled * f) / f;
}

export function suggestStageTarget(input: StageTargetInput): StageTargetSuggestion {
  const { metric } = input;
  if (input.target === 'user') return { kind: null, value: null, from: 'user', basis: null };
  const basis = input.baseline !== null && input.baseline > 0 ? (input.basis ?? null) : null;
  const lower = isLowerBetter(metric);
  const f = 10 ** goalDecimals(metric);
  const step = 1 / f;
  const base =
    input.baseline !== null && Number.isFinite(input.baseline) && input.baseline > 0
      ? toGoalUnits(metric, input.baseline)
      : null;
  // Rounds in the phase's way (up, or down where lower is better), so rounding never undoes the move.
  const directed = (v: number): number => {
    const scaled = (isPercentMetric(metric) ? v * 100 : v) * f;
    return Math.round(lower ? Math.floor(scaled + 1e-9) : Math.ceil(scaled - 1e-9)) / f;
  };
  // A rate stays within 0–100 %.
  const valid = (g: number): boolean => Number.isFinite(g) && g > 0 && (!isPercentMetric(metric) || g <= 100);
  const beats = (g: number): boolean => valid(g) && (base === null || (lower ? g < base : g > base));
  let level: number | null = null;
  let from: 'recommended' | 'baseline' | 'no_data' = 'no_data';
  const rec = input.recommended;
  if (rec) {
    for (const point of [rec.p70, rec.p50, rec.p90]) {
      const g = directed(point);
      if (beats(g)) {
        level = g;
        from = 'recommended';
        break;
      }
    }
  }
  if (level === null && base !== null) {
    const b = input.baseline as number;
    let moved = lower ? b * 0.9 : b * 1.1;
    if (isPercentMetric(metric) && !lower) moved = Math.min(moved, b + (1 - b) / 2);
    let g = directed(moved);
    if (!beats(g)) g = Math.round((lower ? base - step : base + step) * f) / f;
    if (beats(g)) {
      level = g;
      from = 'baseline';
    }
  }
  if (level === null)
    return { kind: 'percent_change', value: lower ? -10 : 10, from: 'no_data', basis: null };
  if (input.target === 'growth') {
    if (base === null)
      return { kind: 'percent_change', value: lower ? -10 : 10, from: 'no_data', basis: null };
    const change = Math.round((level / base - 1) * 1000) / 10;
    return {
      kind: 'percent_change',
      value: lower ? Math.min(change, -0.1) : Math.max(change, 0.1),
      from,
      basis,
    };
  }
  return { kind: 'absolute', value: level, from, basis: from === 'no_data' ? null : basis };
}
