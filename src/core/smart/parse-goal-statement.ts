/**
 * The goal-statement reader: a sentence in zh-TW, zh-CN or English in, a structured goal out.
 * It never throws; a statement it cannot read is a goal with nothing filled in, which grading
 * turns into findings.
 */
import { isLocalDate } from '../calendar/index.ts';
import { readScope } from './extract-scope.ts';
import { readMeans, strategyTexts } from './extract-strategies.ts';
import { readTargets } from './extract-targets.ts';
import { findMetricMentions, pickMainMetric } from './metrics-lexicon.ts';
import { detectChinese, normalizeText } from './normalize-text.ts';
import { readPeriod } from './periods.ts';
import { AGE_SEGMENT_RE } from './scope-lexicon.ts';
import { maskSpans, type TextSpan } from './text-spans.ts';
import type { Lang, ParsedGoal, ParseOptions } from './types.ts';

/** Longer statements are read up to this many characters. */
export const MAX_STATEMENT_LENGTH = 1000;

function emptyGoal(statement: string, today: string, lang: Lang): ParsedGoal {
  return {
    statement,
    lang,
    today,
    metric: null,
    targets: [],
    period: null,
    periodText: null,
    scope: { products: [], channels: [], segments: [], regions: [] },
    strategies: [],
    baseline: null,
  };
}

export function parseGoalStatement(text: string, options: ParseOptions): ParsedGoal {
  const statement = typeof text === 'string' ? text : '';
  const lang: Lang = options.lang ?? (detectChinese(statement) ? 'zh-TW' : 'en');
  const today = options.today;
  const fy = options.fiscalYearStartMonth;
  const fiscalYearStartMonth = fy !== undefined && Number.isInteger(fy) && fy >= 1 && fy <= 12 ? fy : 1;
  const goal = emptyGoal(statement, options.today, lang);
  if (typeof today !== 'string' || !isLocalDate(today)) return goal;
  const original = statement.slice(0, MAX_STATEMENT_LENGTH);
  const norm = normalizeText(original);

  const periodReading = readPeriod(norm, { today, fiscalYearStartMonth });
  const timeMasked = maskSpans(norm, periodReading.timeSpans);
  const ages: TextSpan[] = [];
  AGE_SEGMENT_RE.lastIndex = 0;
  for (const m of timeMasked.matchAll(AGE_SEGMENT_RE))
    ages.push({ index: m.index ?? 0, length: m[0].length });

  const means = readMeans(timeMasked, original);
  const scope = readScope(timeMasked, original, means.channels);
  // 「拜訪30家客戶」, "Visit 30 clients": a word only hinting at a metric inside an action names none.
  const mentions = findMetricMentions(timeMasked).filter(
    (m) =>
      m.strength === 2 ||
      !means.actionClauses.some((a) => m.index >= a.index && m.index < a.index + a.length),
  );
  const metric = pickMainMetric(mentions);
  const targetText = maskSpans(timeMasked, [...ages, ...means.actionClauses]);
  const { targets, baseline } = readTargets(targetText, original, metric);

  const match = periodReading.match;
  return {
    ...goal,
    metric: mentions.some((m) => m.strength === 2) ? metric : (targets[0]?.metric ?? metric),
    targets,
    period: periodReading.period,
    periodText: match ? original.slice(match.index, match.index + match.length) : null,
    scope: scope.scope,
    strategies: strategyTexts(means.strategies),
    baseline,
  };
}
