/** The shapes of a parsed goal statement and its SMART grading. */

export type Lang = 'zh-TW' | 'en';

export type MetricKey =
  | 'revenue'
  | 'units'
  | 'orders'
  | 'aov'
  | 'conversion_rate'
  | 'cac'
  | 'roas'
  | 'leads'
  | 'new_customers'
  | 'customers'
  | 'retention_rate'
  | 'churn_rate'
  | 'repeat_purchase_rate'
  | 'clv'
  | 'csat'
  | 'nps'
  | 'market_share'
  | 'revenue_per_rep';

export const TARGET_KINDS = ['absolute', 'percent_change', 'absolute_change'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const RATE_PERS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type RatePer = (typeof RATE_PERS)[number];

export interface Target {
  metric: MetricKey;
  kind: TargetKind;
  /** Plain units: money in whole currency units, percentages as percent numbers, ratios as numbers. */
  value: number;
  per: RatePer | null;
  /** The words the target was read from, as written. */
  text: string;
}

/** Inclusive ISO dates (YYYY-MM-DD). */
export interface Period {
  start: string;
  end: string;
}

export interface Scope {
  products: string[];
  channels: string[];
  segments: string[];
  regions: string[];
}

export interface ParsedGoal {
  statement: string;
  lang: Lang;
  today: string;
  metric: MetricKey | null;
  targets: Target[];
  period: Period | null;
  /** The words the period was read from, as written, or null. */
  periodText: string | null;
  scope: Scope;
  strategies: string[];
  /** A baseline value named in the statement (「從2%提升到3.5%」 → 2), or null. */
  baseline: number | null;
}

export interface ParseOptions {
  /** Today's date in the company's time zone, YYYY-MM-DD. */
  today: string;
  lang?: Lang;
  /** 1–12; the month the company's fiscal year starts (default 1, the calendar year). */
  fiscalYearStartMonth?: number;
}

/** The one goal vocabulary: the contract's schemas are built from these lists (contract/goals.ts). */
export const LETTER_GRADES = ['pass', 'warn', 'fail', 'unknown'] as const;
export type LetterGrade = (typeof LETTER_GRADES)[number];

export const SMART_LETTERS = ['specific', 'measurable', 'achievable', 'relevant', 'time_bound'] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];

export type Grades = Record<SmartLetter, LetterGrade>;

export const FINDING_SEVERITIES = ['fail', 'warn', 'info'] as const;

export type FindingCode =
  | 'NO_METRIC'
  | 'NO_TARGET'
  | 'NO_SCOPE'
  | 'NO_PERIOD'
  | 'PERIOD_IN_PAST'
  | 'PERIOD_TOO_LONG'
  | 'NO_HISTORY'
  | 'NO_OBJECTIVE';

export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** A finding of the grading; the reader's codes are FindingCode, the goal grading adds its own (core/goals/messages.ts). */
export interface Finding<Code extends string = FindingCode> {
  letter: SmartLetter;
  code: Code;
  severity: FindingSeverity;
  message: string;
  /** A concrete fix, in the same language as the message. */
  fix: string;
}

export interface GoalGrading {
  grades: Grades;
  findings: Finding[];
  /** 0–100: 20 per letter that passes, 10 per warning. */
  score: number;
}
