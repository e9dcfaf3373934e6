/**
 * The shapes of a structured goal and of its grading. The goal vocabulary (letters, grades, target
 * kinds, rates) is declared once in core/smart/types.ts; contract/goals.ts builds its schemas from it.
 */

import type { DataGap } from '../ingest/data-gaps.ts';
import type { Dimension, KpiMetric } from '../kpi/types.ts';
import type { Finding as SmartFinding } from '../smart/types.ts';
import type { DataFreshness, RangeCoverage } from './data-freshness.ts';

export type { Grades, Lang, LetterGrade, RatePer, SmartLetter, TargetKind } from '../smart/types.ts';

import type { Grades, RatePer, TargetKind } from '../smart/types.ts';

/** Money in currency units; percentages as percent numbers (3.5 = 3.5 %); `per` makes it a rate. */
export interface GoalTarget {
  metric: KpiMetric;
  kind: TargetKind;
  value: number;
  per: RatePer | null;
}

export type GoalScope = Partial<Record<Dimension, string[]>>;

/** Inclusive local dates, YYYY-MM-DD. */
export interface GoalPeriod {
  start: string;
  end: string;
}

export interface GoalSpec {
  name: string;
  statement: string;
  metric: KpiMetric;
  scope: GoalScope;
  target: GoalTarget;
  extraTargets: GoalTarget[];
  period: GoalPeriod;
  ownerUserId: string | null;
  objectiveId: string | null;
  strategies: string[];
  notes: string;
}

/** A goal being written: the parts the grading needs may still be missing. */
export interface GoalDraft {
  name?: string;
  statement?: string;
  metric: KpiMetric | null;
  scope: GoalScope;
  target: GoalTarget | null;
  extraTargets?: GoalTarget[];
  period: GoalPeriod | null;
  objectiveId: string | null;
  strategies: string[];
  notes?: string;
}

/** A finding of the five-letter grading: the reader's codes and the goal grading's own. */
export type Finding = SmartFinding<string>;

export type Verdict = 'too_easy' | 'achievable' | 'stretch' | 'unrealistic' | 'unknown';

export interface ChartPoint {
  period: string;
  actual: number | null;
  mean: number | null;
  lo80: number | null;
  hi80: number | null;
  lo95: number | null;
  hi95: number | null;
}

/** Values in the metric's own units (money in currency units, ratios as 0.25); probability in [0, 1]. */
export interface Achievability {
  verdict: Verdict;
  reason: string | null;
  /** 'total': targetValue is a total over the period (revenue, orders…); 'level': a level (AOV, a rate, CSAT), never a total. */
  shape: 'total' | 'level';
  /** How targetValue and the forecast read: money (currency units), percent (a fraction: 0.25 = 25 %), number. */
  unit: 'money' | 'percent' | 'number';
  targetValue: number | null;
  baseline: { samePeriodLastYear: number | null; recentRunRate: number | null };
  requiredUplift: number | null;
  historicalGrowth: {
    percentile: number;
    p10: number;
    p50: number;
    p90: number;
    samples: number;
    /** The length in months of the windows compared (the goal's own length, up to 12). */
    months: number;
  } | null;
  forecast: { mean: number; lo80: number; hi80: number; lo95: number; hi95: number } | null;
  probability: number | null;
  recommended: { p50: number; p70: number; p90: number } | null;
  /**
   * Team capacity: reps × revenue per rep a month (the average month of the last 12 the data covers)
   * × the period's months × the headroom a rep can stretch to; the target is checked against `capacity`.
   */
  capacity: {
    reps: number;
    revenuePerRep: number;
    months: number;
    headroom: number;
    capacity: number;
  } | null;
  /**
   * Revenue against the obtainable market, for the goal's own period: `som` is the market analysis's
   * SOM a year, `periodSom` its share for the period's days, `share` the target / periodSom.
   */
  market: { som: number; periodSom: number; share: number } | null;
  chart: ChartPoint[];
}

/** A scope name the company's data does not hold, with the closest names of any kind. */
export interface UnknownScopeName {
  dimension: Dimension;
  name: string;
  suggestions: { dimension: Dimension; name: string }[];
}

export interface Grading {
  grades: Grades;
  findings: Finding[];
  score: number;
  achievability: Achievability;
  rewrite: string;
  /** How old the company's data is (null when it was not read). */
  freshness: DataFreshness | null;
  /** Scope names not in the company's data: Achievable stays unknown until they are mapped. */
  unknownScope: UnknownScopeName[];
  /**
   * Facts the files behind the goal's history lacked that its metric depends on (one order per line
   * without order ids...), with the lines affected: the grade leans on them.
   */
  caveats: GoalDataCaveat[];
}

/** A fact some import in the graded history lacked, and on how many of its lines (app/kpi/data-caveats.ts). */
export interface GoalDataCaveat {
  gap: DataGap;
  lines: number;
}

/** One complete month of the metric for the goal's scope (null: undefined, e.g. a ratio over zero). */
export interface MonthValue {
  /** 'YYYY-MM' */
  period: string;
  value: number | null;
}

/**
 * What the company's data says about the goal's metric and scope, in the metric's units, as of
 * `today` (the app loads it through the KPI engine).
 */
export interface GoalHistory {
  today: string;
  /** Complete months before today's month, oldest first (up to 36). */
  monthly: MonthValue[];
  /**
   * The metric over the goal's period shifted back 12 months (a total for additive metrics, else the
   * level); null when the data does not cover every day of it (no data is not zero sales).
   */
  samePeriodLastYear: number | null;
  /** How much of the same period last year the data covers (absent: not known, taken as covered). */
  lastYearCoverage?: RangeCoverage;
  /**
   * Additive metrics: the average per day over the days of the last 90 the data covers; other
   * metrics: their level over those days. Null when the data covers none of them.
   */
  recentDaily: number | null;
  /** Days of the last 90 the data covers (what recentDaily averages over; absent: 90). */
  recentDays?: number;
  /**
   * Additive metrics: the actual from the period's start to yesterday, when the period has started;
   * other metrics (levels: AOV, rates): their level over the whole period once it is over (null when it
   * is not, or when the period has nothing to compute it from, such as no orders).
   */
  actualToDate: number | null;
  /**
   * Distinct reps with sales in the scope over the last 12 months, and revenue per rep per month: a
   * rep's revenue over the months of those 12 the data covers (partial months by their days), divided
   * by those months.
   */
  reps: number | null;
  revenuePerRepMonthly: number | null;
  /** Serviceable obtainable market per year, currency units (latest SOM of the market analysis). */
  som: number | null;
  /** How old the company's data is; absent: current (data through yesterday). */
  freshness?: DataFreshness;
}
