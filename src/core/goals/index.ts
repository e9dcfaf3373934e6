/** Goals: target conversion, achievability from the company's data, relevance, five-letter grading (pure). */
export {
  type AchievabilityInput,
  type AchievabilityResult,
  assessAchievability,
  CAPACITY_HEADROOM,
  formatMetricValue,
  pastYearOnYearChanges,
  quantile,
  VERDICT_THRESHOLDS,
} from './achievability.ts';
export { type GradeContext, gradeGoal, toParsedGoal } from './grade-goal.ts';
export { type GoalFindingCode, goalFinding } from './messages.ts';
export { isAdditive, isLowerBetter, isMoneyMetric, isPercentMetric } from './metric-kinds.ts';
export { gradeRelevance, positioningClash, type RelevanceContext } from './relevance.ts';
export {
  type ConvertedTarget,
  changeBaseline,
  convertTarget,
  isValidPeriod,
  type MonthShare,
  monthShares,
  periodDays,
  periodTotalToRate,
  ratesInPeriod,
  rateToPeriodTotal,
  targetShape,
} from './target-conversion.ts';
export type * from './types.ts';
