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
import { isLowerBetter, isMoneyMetric, isPercentMetric } from '../goals/metric-kinds.ts';
import { KPI_GLOSSARY } from '../kpi/glossary.ts';
import type { KpiMetric } from '../kpi/types.ts';
import type { StageTargetKind } from './stage-templates.ts';

export interface StageTargetInput {
  metric: KpiMetric;
  target: StageTargetKind;
  /** The baseline of the phase's period in the metric's units (rates as fractions); null: none. */
  baseline: number | null;
  /** The grading's recommended range, metric units; null: none. */
  recommended: { p50: number; p70: number; p90: number } | null;
}

export type StageTargetSuggestion =
  | {
      kind: 'absolute' | 'percent_change';
      /** Goal units: currency units, percent numbers (25 = 25 %), whole counts; a change in %. */
      value: number;
      from: 'recommended' | 'baseline' | 'no_data';
    }
  | { kind: null; value: null; from: 'user' };

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
  if (input.target === 'user') return { kind: null, value: null, from: 'user' };
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
  if (level === null) return { kind: 'percent_change', value: lower ? -10 : 10, from: 'no_data' };
  if (input.target === 'growth') {
    if (base === null) return { kind: 'percent_change', value: lower ? -10 : 10, from: 'no_data' };
    const change = Math.round((level / base - 1) * 1000) / 10;
    return { kind: 'percent_change', value: lower ? Math.min(change, -0.1) : Math.max(change, 0.1), from };
  }
  return { kind: 'absolute', value: level, from };
}
