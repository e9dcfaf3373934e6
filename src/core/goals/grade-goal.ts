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
  parseGoalStatement,
  rewriteSuggestion,
  type Target,
} from '../smart/index.ts';
import {
  type AchievabilityResult,
  assessAchievability,
  formatMetricValue,
  targetReading,
} from './achievability.ts';
import type { DataFreshness } from './data-freshness.ts';
import { goalFinding } from './messages.ts';
import { isAdditive, isPercentMetric } from './metric-kinds.ts';
import { gradeRelevance, type RelevanceContext } from './relevance.ts';
import { type ConversionBaseline, convertTarget } from './target-conversion.ts';
import { targetProblem } from './target-limits.ts';
import type {
  Achievability,
  Finding,
  GoalDataCaveat,
  GoalDraft,
  GoalHistory,
  GoalTarget,
  Grades,
  Grading,
  Lang,
  LetterGrade,
  UnknownScopeName,
} from './types.ts';

export interface GradeContext {
  today: string;
  lang: Lang;
  /** The scope's history; null with `historyProblem` when it could not be read (e.g. a scope the metric cannot filter). */
  history: GoalHistory | null;
  historyProblem?: Finding;
  relevance: RelevanceContext;
  /** Baseline revenue per month of the scope, currency symbol. */
  company: CompanyNumbers;
  /** How old the company's data is (also in history.freshness when the history was read). */
  freshness?: DataFreshness | null;
  /**
   * Scope names the company's data does not hold: Specific counts them (the statement named a
   * scope), Achievable stays unknown until they are mapped (never graded on the whole company).
   */
  unknownScope?: readonly UnknownScopeName[];
  /** What the files behind the history lacked that the metric depends on. */
  caveats?: readonly GoalDataCaveat[];
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
export function toParsedGoal(
  draft: GoalDraft,
  today: string,
  lang: Lang,
  unknownScope: readonly UnknownScopeName[] = [],
): ParsedGoal {
  const s: GoalDraft['scope'] = { ...draft.scope };
  for (const u of unknownScope) {
    const list = s[u.dimension] ?? [];
    if (!list.includes(u.name)) s[u.dimension] = [...list, u.name];
  }
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

function unknownAchievability(reason: string, metric: GoalDraft['metric']): Achievability {
  return {
    verdict: 'unknown',
    reason,
    ...targetReading(metric ?? 'revenue'),
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

const TARGET_KIND_WORDS: Record<Lang, Record<GoalTarget['kind'], string>> = {
  'zh-TW': { absolute: '達到', percent_change: '變化', absolute_change: '增減' },
  en: { absolute: 'reach', percent_change: 'change by', absolute_change: 'change by' },
};
const PER_WORDS: Record<Lang, Record<NonNullable<GoalTarget['per']>, string>> = {
  'zh-TW': { day: '每日', week: '每週', month: '每月', quarter: '每季', year: '每年' },
  en: { day: ' a day', week: ' a week', month: ' a month', quarter: ' a quarter', year: ' a year' },
};

function describeTarget(t: GoalTarget, lang: Lang): string {
  const unit = t.kind === 'percent_change' || isPercentMetric(t.metric) ? '%' : '';
  const value = `${t.value > 0 && t.kind !== 'absolute' ? '+' : ''}${t.value.toLocaleString('en-US')}${unit}`;
  const per = t.per ? PER_WORDS[lang][t.per] : '';
  return lang === 'zh-TW'
    ? `「${TARGET_KIND_WORDS[lang][t.kind]}${per}${value}」`
    : `“${TARGET_KIND_WORDS[lang][t.kind]} ${value}${per}”`;
}

/** Two targets on the goal's metric this far apart (ratio of their period values) contradict each other. */
export const TARGETS_DISAGREE_RATIO = 1.25;

/**
 * Targets on the goal's own metric that ask for different things (「提升15%」 and 「每日1500元」 when
 * the shop sells about NT$40,000 a day): a finding that asks which one is meant.
 */
function targetsDisagree(
  draft: GoalDraft,
  baseline: ConversionBaseline | null,
  lang: Lang,
  currencySymbol: string,
): Finding | null {
  if (!draft.metric || !draft.target || !draft.period) return null;
  const metric = draft.metric;
  const period = draft.period;
  const all = [draft.target, ...(draft.extraTargets ?? [])].filter((t) => t.metric === metric);
  const none = { samePeriodLastYear: null, recentRunRate: null };
  const valued = all
    .map((t) => ({ t, v: convertTarget({ ...t, metric }, period, baseline ?? none).value }))
    .filter((x): x is { t: GoalTarget; v: number } => x.v !== null && x.v > 0);
  for (let i = 0; i < valued.length; i++)
    for (let j = i + 1; j < valued.length; j++) {
      const a = valued[i];
      const b = valued[j];
      if (!a || !b) continue;
      if (Math.max(a.v, b.v) / Math.min(a.v, b.v) < TARGETS_DISAGREE_RATIO) continue;
      return goalFinding('measurable', 'TARGETS_DISAGREE', 'warn', lang, {
        first: describeTarget(a.t, lang),
        firstValue: formatMetricValue(metric, a.v, currencySymbol),
        second: describeTarget(b.t, lang),
        secondValue: formatMetricValue(metric, b.v, currencySymbol),
      });
    }
  return null;
}

/** Words that say a goal raises its metric, or lowers it (the number is then checked against the data). */
const RAISE_WORDS = /提升|提高|增加|成長|增長|拉高|衝高|\b(?:grow|increase|raise|boost|improve)/i;
const LOWER_WORDS = /降低|減少|下降|壓低|降至|\b(?:reduce|decrease|lower|cut)\b/i;

/**
 * A target level or total on the wrong side of where the metric stands: 「把客單價提升到180元」 while
 * orders average NT$314. The statement's own word (raise or lower) against the same period last year
 * (or the recent run rate); one word of either kind, and an absolute target, or nothing is said.
 */
function againstDirection(
  draft: GoalDraft,
  a: Achievability,
  lang: Lang,
  currencySymbol: string,
): Finding | null {
  const metric = draft.metric;
  if (!metric || draft.target?.kind !== 'absolute' || a.targetValue === null) return null;
  const text = `${draft.name ?? ''} ${draft.statement ?? ''}`;
  const raise = RAISE_WORDS.exec(text);
  const lower = LOWER_WORDS.exec(text);
  if ((raise === null) === (lower === null)) return null;
  const lastYear = a.baseline.samePeriodLastYear;
  const current = lastYear ?? a.baseline.recentRunRate;
  if (current === null || !(current > 0)) return null;
  // What "current" is: last year's same period when the data covers it, else the recent run rate.
  const basis = {
    'zh-TW': lastYear !== null ? '去年同期' : '近期趨勢',
    en: lastYear !== null ? 'the same period last year' : 'the recent run rate',
  }[lang];
  const change = a.targetValue / current - 1;
  const wrong = raise ? change < -0.01 : change > 0.01;
  if (!wrong) return null;
  const word = (raise ?? lower)?.[0] ?? '';
  const below = change < 0;
  const side = {
    'zh-TW': below ? '低於' : '高於',
    en: below ? 'below' : 'above',
  }[lang];
  const fixSide = { 'zh-TW': below ? '高於' : '低於', en: below ? 'above' : 'below' }[lang];
  // A rate (NT$1,500 a day) is said as written, the current figure at the same rate.
  const per = draft.target.per;
  const rate = per !== null && a.targetValue > 0 ? draft.target.value / a.targetValue : 1;
  const say = (v: number) => {
    const value = formatMetricValue(metric, v * rate, currencySymbol);
    if (per === null) return value;
    return lang === 'zh-TW' ? `${PER_WORDS[lang][per]}${value}` : `${value}${PER_WORDS[lang][per]}`;
  };
  return goalFinding('measurable', 'TARGET_AGAINST_DIRECTION', 'warn', lang, {
    word,
    target: say(a.targetValue),
    side,
    current: say(current),
    change: `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`,
    basis,
    fixSide,
  });
}

function scopeUnknownFinding(unknown: readonly UnknownScopeName[], lang: Lang): Finding {
  const quote = (n: string) => (lang === 'zh-TW' ? `「${n}」` : `“${n}”`);
  const kindName = DIMENSION_WORDS[lang];
  const names = unknown.map((u) => quote(u.name)).join(lang === 'zh-TW' ? '、' : ', ');
  const offered = unknown.flatMap((u) => u.suggestions).slice(0, 5);
  const suggestions =
    offered.length === 0
      ? ''
      : lang === 'zh-TW'
        ? `,例如${offered.map((o) => `${kindName[o.dimension]}${quote(o.name)}`).join('、')}`
        : ` such as ${offered.map((o) => `the ${kindName[o.dimension]} ${quote(o.name)}`).join(', ')}`;
  return goalFinding('achievable', 'SCOPE_UNKNOWN', 'warn', lang, { names, suggestions });
}

const DIMENSION_WORDS: Record<Lang, Record<UnknownScopeName['dimension'], string>> = {
  'zh-TW': {
    product: '產品',
    category: '類別',
    channel: '通路',
    rep: '業務',
    region: '地區',
    customer_type: '客戶類型',
    age_band: '年齡層',
    member_tier: '會員等級',
  },
  en: {
    product: 'product',
    category: 'category',
    channel: 'channel',
    rep: 'rep',
    region: 'region',
    customer_type: 'customer type',
    age_band: 'age band',
    member_tier: 'member tier',
  },
};

/** A dimension's word in the reader's language (「產品」, "member tier"). */
export const dimensionWord = (d: UnknownScopeName['dimension'], lang: Lang): string =>
  DIMENSION_WORDS[lang][d];

export function gradeGoal(draft: GoalDraft, ctx: GradeContext): Grading {
  const { lang, today } = ctx;
  const unknownScope = ctx.unknownScope ?? [];
  // Money in findings after the company's currency symbol (NT$899,333).
  const currencySymbol = ctx.company.currencySymbol ?? '';
  const symbol = currencySymbol ? { currencySymbol } : {};
  const parsed = toParsedGoal(draft, today, lang, unknownScope);
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

  // Targets no business can reach (revenue −500,000, a fall of 150 %, a rate of 250 %): Measurable
  // fails, and the main one is not graded on the data at all.
  // (In the order of toParsedGoal's targets, which the rewrite leaves them out of.)
  const impossible = [draft.target, ...(draft.extraTargets ?? [])]
    .filter((t): t is GoalTarget => t !== null)
    .map((t) => targetProblem(t, lang, currencySymbol));
  for (const f of impossible) if (f) findings.push(f);
  const mainImpossible = draft.target ? (impossible[0] ?? null) : null;

  let result: AchievabilityResult;
  if (mainImpossible && draft.metric) {
    result = {
      achievability: unknownAchievability(`${mainImpossible.message} ${mainImpossible.fix}`, draft.metric),
      findings: [],
    };
  } else if (!draft.metric || !draft.target || !draft.period) {
    result = { achievability: unknownAchievability(UNKNOWN_REASON[lang], draft.metric), findings: [] };
  } else if (unknownScope.length > 0 || !ctx.history) {
    const problem = unknownScope.length > 0 ? scopeUnknownFinding(unknownScope, lang) : ctx.historyProblem;
    const none = { samePeriodLastYear: null, recentRunRate: null };
    result = {
      achievability: {
        ...unknownAchievability(
          problem ? `${problem.message} ${problem.fix}` : UNKNOWN_REASON[lang],
          draft.metric,
        ),
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
      ...symbol,
      ...(ctx.seed !== undefined ? { seed: ctx.seed } : {}),
    });
  }
  grades.achievable = ACHIEVABLE_GRADE[result.achievability.verdict];
  // A forecast reaching further ahead than the history goes back confirms nothing, nor rules it out.
  if (result.findings.some((f) => f.code === 'SHORT_FOR_HORIZON') && grades.achievable !== 'unknown')
    grades.achievable = 'warn';
  findings.push(...result.findings);
  if (findings.some((f) => f.letter === 'measurable' && f.severity === 'fail')) grades.measurable = 'fail';
  const unreachable = findings.some((f) => f.letter === 'measurable' && f.severity === 'fail');
  const clash = unreachable
    ? null
    : targetsDisagree(
        draft,
        ctx.history && unknownScope.length === 0 ? result.achievability.baseline : null,
        lang,
        currencySymbol,
      );
  const backwards =
    clash || unreachable ? null : againstDirection(draft, result.achievability, lang, currencySymbol);
  for (const f of [clash, backwards]) {
    if (!f) continue;
    findings.push(f);
    if (grades.measurable === 'pass') grades.measurable = 'warn';
  }

  const text = [draft.name ?? '', draft.statement ?? '', draft.notes ?? '', ...draft.strategies].join(' ');
  const relevance = gradeRelevance(ctx.relevance, text, lang);
  grades.relevant = relevance.grade;
  findings.push(...relevance.findings);

  const score = Object.values(grades).reduce((sum, g) => sum + POINTS[g], 0);

  // The rewrite: the goal as a SMART sentence; a target far from the data is replaced by the 70 % one.
  const a = result.achievability;
  let rewriteInput = impossible.some((f) => f !== null)
    ? { ...parsed, targets: parsed.targets.filter((_, i) => !impossible[i]) }
    : parsed;
  if (
    draft.metric &&
    isAdditive(draft.metric) &&
    a.recommended &&
    a.recommended.p70 > 0 &&
    (a.verdict === 'unrealistic' || a.verdict === 'too_easy')
  ) {
    const metric = smartMetric(draft.metric) ?? 'revenue';
    rewriteInput = {
      ...parsed,
      targets: [{ metric, kind: 'absolute', value: niceRound(a.recommended.p70), per: null, text: '' }],
    };
  }
  // The rewrite names only what the goal names (no product or channel is added); a goal without a
  // target gets one from its own scope's baseline, unless that scope is unknown to the data.
  const { baselineRevenuePerMonth, ...rest } = ctx.company;
  const company: CompanyNumbers = { ...rest };
  if (rewriteInput.targets.length === 0 && unknownScope.length === 0 && baselineRevenuePerMonth !== undefined)
    company.baselineRevenuePerMonth = baselineRevenuePerMonth;
  let rewrite = rewriteSuggestion(rewriteInput, company, lang);
  // A goal without a target: the target its rewrite proposes is the one the data gives a 70 % chance
  // over the rewrite's own period (read back from the sentence, as it would be if adopted), not a
  // guess from the baseline month (which ignored the season: 「每月146萬元」 graded at 0 % right after).
  if (
    rewriteInput.targets.length === 0 &&
    draft.metric &&
    isAdditive(draft.metric) &&
    ctx.history &&
    unknownScope.length === 0
  ) {
    const period = parseGoalStatement(rewrite, { today, lang }).period;
    const probe = period
      ? assessAchievability({
          metric: draft.metric,
          target: { metric: draft.metric, kind: 'absolute', value: 1, per: null },
          period,
          history: ctx.history,
          lang,
          ...symbol,
          ...(ctx.seed !== undefined ? { seed: ctx.seed } : {}),
        }).achievability.recommended
      : null;
    if (probe && probe.p70 > 0)
      rewrite = rewriteSuggestion(
        {
          ...rewriteInput,
          targets: [
            {
              metric: smartMetric(draft.metric) ?? 'revenue',
              kind: 'absolute',
              value: niceRound(probe.p70),
              per: null,
              text: '',
            },
          ],
        },
        { ...rest },
        lang,
      );
  }
  return {
    grades,
    findings,
    score,
    achievability: a,
    rewrite,
    freshness: ctx.freshness ?? ctx.history?.freshness ?? null,
    unknownScope: [...unknownScope],
    caveats: [...(ctx.caveats ?? [])],
  };
}
