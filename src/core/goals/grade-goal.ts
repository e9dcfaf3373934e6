/**
 * Grades a structured goal on all five SMART letters. S, M and T follow core/smart's definitions
 * (Specific: metric + numeric target + scope or strategy → pass, one of target/scope → warn;
 * Measurable: a numeric target; Time-bound: a period, warned when over 18 months or already over);
 * Achievable comes from the company's data (achievability.ts) and Relevant from its objectives and
 * positioning (relevance.ts). Score: 20 per letter that passes, 10 per warning (0–100).
 */
import {
  type CompanyNumbers,
  gradeGoalStatement,
  type MetricKey,
  type ParsedGoal,
  rewriteSuggestion,
  type Target,
} from '../smart/index.ts';
import { type AchievabilityResult, assessAchievability } from './achievability.ts';
import { isAdditive } from './metric-kinds.ts';
import { gradeRelevance, type RelevanceContext } from './relevance.ts';
import { convertTarget } from './target-conversion.ts';
import type {
  Achievability,
  Finding,
  GoalDraft,
  GoalHistory,
  GoalTarget,
  Grades,
  Grading,
  Lang,
  LetterGrade,
} from './types.ts';

export interface GradeContext {
  today: string;
  lang: Lang;
  /** The scope's history; null with `historyProblem` when it could not be read (e.g. a scope the metric cannot filter). */
  history: GoalHistory | null;
  historyProblem?: Finding;
  relevance: RelevanceContext;
  /** Baseline revenue per month of the scope, top product and channel, currency symbol. */
  company: CompanyNumbers;
  /** The top product's own revenue per month (a vague goal is rewritten on it). */
  topProductRevenuePerMonth?: number;
  seed?: number;
}

const POINTS: Record<LetterGrade, number> = { pass: 20, warn: 10, fail: 0, unknown: 0 };

const smartMetric = (m: GoalDraft['metric']): MetricKey | null =>
  m === null ? null : m === 'new_channel_revenue' ? 'revenue' : m;

function smartTarget(t: GoalTarget): Target {
  return { metric: smartMetric(t.metric) ?? 'revenue', kind: t.kind, value: t.value, per: t.per, text: '' };
}

function periodText(draft: GoalDraft, lang: Lang): string | null {
  if (!draft.period) return null;
  return lang === 'zh-TW'
    ? `在${draft.period.start}至${draft.period.end}期間`
    : `between ${draft.period.start} and ${draft.period.end}`;
}

/** The structured goal as core/smart's parsed shape (scope names per kind; reps counted as scope). */
export function toParsedGoal(draft: GoalDraft, today: string, lang: Lang): ParsedGoal {
  const s = draft.scope;
  const targets = [draft.target, ...(draft.extraTargets ?? [])].filter((t): t is GoalTarget => t !== null);
  return {
    statement: draft.statement ?? '',
    lang,
    today,
    metric: smartMetric(draft.metric),
    targets: targets.map(smartTarget),
    period: draft.period,
    periodText: periodText(draft, lang),
    scope: {
      products: [...(s.product ?? []), ...(s.category ?? [])],
      channels: [...(s.channel ?? [])],
      segments: [
        ...(s.customer_type ?? []),
        ...(s.age_band ?? []),
        ...(s.member_tier ?? []),
        ...(s.rep ?? []),
      ],
      regions: [...(s.region ?? [])],
    },
    strategies: draft.strategies,
    baseline: null,
  };
}

function niceRound(v: number): number {
  if (!(Math.abs(v) > 0)) return 0;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.abs(v))) - 2);
  return Math.round(v / step) * step;
}

const UNKNOWN_REASON: Record<Lang, string> = {
  'zh-TW': '需要指標、數字目標與期間,才能依資料判斷可達成性。',
  en: 'A metric, a numeric target and a period are needed to judge achievability from the data.',
};

function unknownAchievability(reason: string): Achievability {
  return {
    verdict: 'unknown',
    reason,
    targetValue: null,
    baseline: { samePeriodLastYear: null, recentRunRate: null },
    requiredUplift: null,
    historicalGrowth: null,
    forecast: null,
    probability: null,
    recommended: null,
    capacity: null,
    market: null,
    chart: [],
  };
}

const ACHIEVABLE_GRADE: Record<Achievability['verdict'], LetterGrade> = {
  too_easy: 'warn',
  achievable: 'pass',
  stretch: 'warn',
  unrealistic: 'fail',
  unknown: 'unknown',
};

export function gradeGoal(draft: GoalDraft, ctx: GradeContext): Grading {
  const { lang, today } = ctx;
  const parsed = toParsedGoal(draft, today, lang);
  const smt = gradeGoalStatement(parsed, { lang });
  const findings: Finding[] = smt.findings.filter(
    (f) => f.letter !== 'achievable' && f.letter !== 'relevant',
  );
  const timeWarn = findings.some((f) => f.letter === 'time_bound' && f.severity === 'warn');
  const grades: Grades = {
    specific: smt.grades.specific,
    measurable: smt.grades.measurable,
    achievable: 'unknown',
    relevant: 'unknown',
    time_bound: smt.grades.time_bound === 'pass' && timeWarn ? 'warn' : smt.grades.time_bound,
  };

  let result: AchievabilityResult;
  if (!draft.metric || !draft.target || !draft.period) {
    result = { achievability: unknownAchievability(UNKNOWN_REASON[lang]), findings: [] };
  } else if (!ctx.history) {
    const problem = ctx.historyProblem;
    const none = { samePeriodLastYear: null, recentRunRate: null };
    result = {
      achievability: {
        ...unknownAchievability(problem ? `${problem.message} ${problem.fix}` : UNKNOWN_REASON[lang]),
        targetValue: convertTarget({ ...draft.target, metric: draft.metric }, draft.period, none).value,
      },
      findings: problem ? [problem] : [],
    };
  } else {
    result = assessAchievability({
      metric: draft.metric,
      target: draft.target,
      period: draft.period,
      history: ctx.history,
      lang,
      ...(ctx.seed !== undefined ? { seed: ctx.seed } : {}),
    });
  }
  grades.achievable = ACHIEVABLE_GRADE[result.achievability.verdict];
  findings.push(...result.findings);

  const text = [draft.name ?? '', draft.statement ?? '', draft.notes ?? '', ...draft.strategies].join(' ');
  const relevance = gradeRelevance(ctx.relevance, text, lang);
  grades.relevant = relevance.grade;
  findings.push(...relevance.findings);

  const score = Object.values(grades).reduce((sum, g) => sum + POINTS[g], 0);

  // The rewrite: the goal as a SMART sentence; a target far from the data is replaced by the 70 % one.
  const a = result.achievability;
  let rewriteInput = parsed;
  if (
    draft.metric &&
    isAdditive(draft.metric) &&
    a.recommended &&
    (a.verdict === 'unrealistic' || a.verdict === 'too_easy')
  ) {
    const metric = smartMetric(draft.metric) ?? 'revenue';
    rewriteInput = {
      ...parsed,
      targets: [{ metric, kind: 'absolute', value: niceRound(a.recommended.p70), per: null, text: '' }],
    };
  }
  // The company's top product only names a goal that has no target yet, with that product's own
  // baseline; a concrete target over a wider scope is never attributed to one product.
  const { topProduct, baselineRevenuePerMonth, ...rest } = ctx.company;
  const company: CompanyNumbers = { ...rest };
  const hasProduct = parsed.scope.products.length > 0;
  if (rewriteInput.targets.length === 0) {
    if (hasProduct && baselineRevenuePerMonth !== undefined)
      company.baselineRevenuePerMonth = baselineRevenuePerMonth;
    else if (!hasProduct && topProduct && ctx.topProductRevenuePerMonth) {
      company.topProduct = topProduct;
      company.baselineRevenuePerMonth = ctx.topProductRevenuePerMonth;
    } else if (!hasProduct && baselineRevenuePerMonth !== undefined)
      company.baselineRevenuePerMonth = baselineRevenuePerMonth;
  }
  const rewrite = rewriteSuggestion(rewriteInput, company, lang);
  return { grades, findings, score, achievability: a, rewrite };
}
