/** The SMART goal-statement reader and grader: pure functions, data in, data out. */

export { type GradeOptions, gradeGoalStatement, gradeScore } from './grade-statement.ts';
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
export {
  FINDING_SEVERITIES,
  LETTER_GRADES,
  RATE_PERS,
  SMART_LETTERS,
  TARGET_KINDS,
} from './types.ts';
