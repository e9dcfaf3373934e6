/**
 * Grades a parsed goal on the letters of SMART that the statement alone can decide (Specific,
 * Measurable, Time-bound); Achievable and Relevant stay `unknown` until company data is given.
 */
import { diffDays, isLocalDate } from '../calendar/index.ts';
import { FINDING_TEXT } from './messages.ts';
import type {
  Finding,
  FindingCode,
  FindingSeverity,
  GoalGrading,
  Grades,
  Lang,
  ParsedGoal,
  SmartLetter,
} from './types.ts';

export interface GradeOptions {
  lang?: Lang;
}

function finding(letter: SmartLetter, code: FindingCode, severity: FindingSeverity, lang: Lang): Finding {
  const text = FINDING_TEXT[code][lang];
  return { letter, code, severity, message: text.message, fix: text.fix };
}

function hasScope(parsed: ParsedGoal): boolean {
  const s = parsed.scope;
  return (
    s.products.length + s.channels.length + s.segments.length + s.regions.length + parsed.strategies.length >
    0
  );
}

const LETTER_POINTS: Record<Grades[SmartLetter], number> = { pass: 20, warn: 10, fail: 0, unknown: 0 };

/** 0–100: 20 per letter that passes, 10 per warning. */
export function gradeScore(grades: Grades): number {
  return Object.values(grades).reduce((sum, g) => sum + LETTER_POINTS[g], 0);
}

/** Grades S, M and T from the statement; A and R are `unknown` with what would decide them. */
export function gradeGoalStatement(parsed: ParsedGoal, options: GradeOptions = {}): GoalGrading {
  const lang = options.lang ?? parsed.lang;
  const findings: Finding[] = [];
  const hasMetric = parsed.metric !== null;
  const hasTarget = parsed.targets.length > 0;
  const scoped = hasScope(parsed);

  let specific: Grades['specific'];
  if (hasMetric && hasTarget && scoped) specific = 'pass';
  else if (hasMetric && (hasTarget || scoped)) specific = 'warn';
  else specific = 'fail';
  if (!hasMetric) findings.push(finding('specific', 'NO_METRIC', 'fail', lang));
  if (!scoped) findings.push(finding('specific', 'NO_SCOPE', specific === 'fail' ? 'fail' : 'warn', lang));

  const measurable: Grades['measurable'] = hasTarget ? 'pass' : 'fail';
  if (!hasTarget) findings.push(finding('measurable', 'NO_TARGET', 'fail', lang));

  const time_bound: Grades['time_bound'] = parsed.period ? 'pass' : 'fail';
  if (!parsed.period) findings.push(finding('time_bound', 'NO_PERIOD', 'fail', lang));
  else {
    const { start, end } = parsed.period;
    if (isLocalDate(start) && isLocalDate(end)) {
      if (isLocalDate(parsed.today) && diffDays(parsed.today, end) < 0)
        findings.push(finding('time_bound', 'PERIOD_IN_PAST', 'warn', lang));
      if (diffDays(start, end) > 548) findings.push(finding('time_bound', 'PERIOD_TOO_LONG', 'warn', lang));
    }
  }

  findings.push(finding('achievable', 'NO_HISTORY', 'info', lang));
  findings.push(finding('relevant', 'NO_OBJECTIVE', 'info', lang));

  const grades: Grades = { specific, measurable, achievable: 'unknown', relevant: 'unknown', time_bound };
  return { grades, findings, score: gradeScore(grades) };
}
