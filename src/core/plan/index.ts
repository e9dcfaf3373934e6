/** Phase goals: splitting targets over periods and members, seasonal profiles, re-planning, stage plans (pure). */
export { type AllocationCell, allocateWithLocks, distribute } from './allocate.ts';
export { childPeriods, fiscalQuarterOf } from './child-periods.ts';
export { taiwanHolidayYear } from './holiday-windows.ts';
export { closedNoDataText, planNote } from './messages.ts';
export {
  CHILD_STATES,
  type ChildState,
  childState,
  type PeriodResult,
  type PeriodState,
  type PeriodTally,
  periodResult,
  periodState,
  tallyPeriods,
} from './period-state.ts';
export { type ReplanChild, type ReplanInput, type ReplanResult, replan } from './replan.ts';
export {
  type DailyHistory,
  type HolidayCalendar,
  type HolidayWindow,
  type HolidayYear,
  historyWindow,
  MEMBER_HISTORY_MONTHS,
  type ProfileLevel,
  type SeasonalProfile,
  type SeasonalWindow,
  seasonalProfile,
  seasonalWindow,
} from './seasonal.ts';
export {
  additiveMismatch,
  cellKey,
  curveTotals,
  impliedLevel,
  rebalance,
  type SplitCell,
  type SplitInput,
  type SplitResult,
  splitTarget,
} from './split.ts';
export {
  COMPANY_STAGES,
  type CompanyStage,
  phasePeriod,
  STAGE_TEMPLATES,
  type StageGoalTemplate,
  type StagePhaseTemplate,
  type StageTemplate,
  stageFromProfile,
} from './stage-templates.ts';
export type * from './types.ts';
export { dimensionOf, SPLIT_DIMENSIONS, SPLIT_GRAINS, SPLIT_METHODS } from './types.ts';
