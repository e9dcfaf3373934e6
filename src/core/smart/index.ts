/** The SMART goal-statement reader and grader: pure functions, data in, data out. */

export { addDays, addMonths, formatIsoDate, parseIsoDate, startOfIsoWeek } from './calendar.ts';
export { type GradeOptions, gradeGoalStatement } from './grade-goal.ts';
export { type HolidayKey, lunarFestivalDate, resolveHoliday } from './holidays.ts';
export { FINDING_TEXT } from './messages.ts';
export { parseChineseNumeral, parseNumberToken } from './numerals.ts';
export { MAX_STATEMENT_LENGTH, parseGoalStatement } from './parse-goal-statement.ts';
export { type CompanyNumbers, rewriteSuggestion } from './rewrite-suggestion.ts';
export type {
  Finding,
  FindingCode,
  FindingSeverity,
  GoalGrading,
  Grades,
  Lang,
  LetterGrade,
  MetricKey,
  ParsedGoal,
  ParseOptions,
  Period,
  RatePer,
  Scope,
  SmartLetter,
  Target,
  TargetKind,
} from './types.ts';
