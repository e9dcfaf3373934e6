/** Goals: target conversion, achievability from the company's data, relevance, five-letter grading (pure). */
export {
  type AchievabilityInput,
  type AchievabilityResult,
  assessAchievability,
  CAPACITY_HEADROOM,
  firstMonthCoverage,
  formatMetricValue,
  pastYearOnYearChanges,
  quantile,
  targetReading,
  VERDICT_THRESHOLDS,
} from './achievability.ts';
export {
  type DataFreshness,
  dataFreshness,
  fairBaseline,
  type RangeCoverage,
  rangeCoverage,
  TOO_OLD_MONTHS,
} from './data-freshness.ts';
export { type GradeContext, gradeGoal, TARGETS_DISAGREE_RATIO, toParsedGoal } from './grade-goal.ts';
export { type GoalFindingCode, goalFinding } from './messages.ts';
export { isAdditive, isLowerBetter, isMoneyMetric, isPercentMetric } from './metric-kinds.ts';
export { gradeRelevance, positioningClash, type RelevanceContext } from './relevance.ts';
export {
  closestNames,
  isBusinessWord,
  matchFilterNames,
  matchScope,
  nameSimilarity,
  type ScopeCatalog,
  type ScopeMatch,
} from './scope-match.ts';
export {
  type ConvertedTarget,
  changeBaseline,
  convertTarget,
  historyBaseline,
  isValidPeriod,
  type MonthShare,
  monthShares,
  periodDays,
  periodTotalToRate,
  ratesInPeriod,
  rateToPeriodTotal,
  targetShape,
} from './target-conversion.ts';
export {
  convertedTargetProblem,
  type MetricLimits,
  metricLimits,
  targetProblem,
} from './target-limits.ts';
export type * from './types.ts';
