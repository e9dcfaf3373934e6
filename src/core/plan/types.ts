/** The shapes of phase-goal planning (pure; the contract mirrors them in currency units). */
import type { Dimension } from '../kpi/types.ts';

export const SPLIT_GRAINS = ['quarter', 'month', 'week', 'day'] as const;
export type SplitGrain = (typeof SPLIT_GRAINS)[number];

export const SPLIT_METHODS = ['equal', 'last-year', 'seasonal', 'ramp', 'manual'] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];

/** What a split can be broken down by (`segment` is the customer type). */
export const SPLIT_DIMENSIONS = ['product', 'category', 'channel', 'rep', 'region', 'segment'] as const;
export type SplitDimension = (typeof SPLIT_DIMENSIONS)[number];

export function dimensionOf(by: SplitDimension): Dimension {
  return by === 'segment' ? 'customer_type' : by;
}

/** A child period: a stable id, inclusive local dates, and whether the parent's range cuts it. */
export interface ChildPeriod {
  id: string;
  start: string;
  end: string;
  days: number;
  /** True when the period is cut by the parent's range (a partial month, week or quarter). */
  partial: boolean;
}

/** How a node's children were made (kept on the parent). */
export interface SplitRecipe {
  into: SplitGrain | null;
  by: SplitDimension | null;
  method: SplitMethod;
  /** Growth per period in percent, for the ramp. */
  rampPct: number | null;
}

/** Why a method gave way or what it rested on; each has a message in both languages. */
export type PlanNoteCode =
  | 'NO_HISTORY_EQUAL'
  | 'SHORT_HISTORY_WEEKDAY_ONLY'
  | 'ONE_YEAR_SHRUNK'
  | 'SEASONAL_LEARNED'
  | 'SEASONAL_DATA_ENDS'
  | 'LAST_YEAR_EMPTY_EQUAL'
  | 'LAST_YEAR_PARTLY_EMPTY'
  | 'LAST_YEAR_PARTLY_ESTIMATED'
  | 'LAST_YEAR_TOO_LITTLE_EQUAL'
  | 'LAST_YEAR_DAY_SHAPE'
  | 'LAST_YEAR_MEMBER_NONE'
  | 'RATIO_LEVEL_CARRIED'
  | 'COUNT_FROM_LAST_YEAR'
  | 'MEMBERS_FROM_HISTORY'
  | 'MEMBERS_DATA_ENDS'
  | 'MEMBERS_EQUAL'
  | 'PARTIAL_PERIODS'
  | 'MANUAL_REST_BY_DAYS'
  | 'MANUAL_REST_LEVEL'
  | 'MANUAL_MISMATCH';

export interface PlanNote {
  code: PlanNoteCode;
  en: string;
  zhTW: string;
}
