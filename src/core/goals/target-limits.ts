/**
 * The targets no business can reach, whatever its data: a negative amount or count, a rate outside
 * 0–100 %, a fall of 100 % or more. One rule for the API's contract (a 400 that names the field), the
 * use cases (the CLI saves through them) and the grading of a sentence (a finding, never a target of
 * −50 %): `targetProblem` for a target as written, `convertedTargetProblem` for one a change has
 * converted (a fall of NT$900,000 from NT$500,000).
 */
import { KPI_GLOSSARY } from '../kpi/glossary.ts';
import type { KpiMetric } from '../kpi/types.ts';
import { goalFinding } from './messages.ts';
import { isMoneyMetric, isPercentMetric } from './metric-kinds.ts';
import type { Finding, GoalTarget, Lang } from './types.ts';

/**
 * The API contract's field messages for these targets (contract/common.ts FIELD_MESSAGES): one per
 * problem, without figures (the field's path names the target); the grading's findings say the figures.
 */
export const TARGET_FIELD_MESSAGES = {
  target_negative: {
    en: 'an amount or a count is never negative: the target must be 0 or more',
    'zh-TW': '金額或數量不會是負數:目標必須是0以上',
  },
  target_out_of_range: {
    en: 'outside what the metric can be (a rate is 0–100%, CSAT 1–5, NPS −100 to 100)',
    'zh-TW': '超出這個指標可能的範圍(比率為0–100%、CSAT為1–5、NPS為−100到100)',
  },
  target_fall_of_100: {
    en: 'a fall must be under 100% (a fall of 100% is zero, and nothing is less)',
    'zh-TW': '降幅必須小於100%(下降100%就是歸零,不會更少)',
  },
  target_change_out_of_range: {
    en: 'a change wider than the whole scale of the metric (a rate moves by at most 100 points)',
    'zh-TW': '變化超過這個指標的整個範圍(比率最多變化100個百分點)',
  },
} as const;
export type TargetFieldMessageCode = keyof typeof TARGET_FIELD_MESSAGES;

const FIELD_CODE: Readonly<Record<string, TargetFieldMessageCode>> = {
  TARGET_NEGATIVE: 'target_negative',
  TARGET_OUT_OF_RANGE: 'target_out_of_range',
  TARGET_FALL_OF_100: 'target_fall_of_100',
  TARGET_CHANGE_OUT_OF_RANGE: 'target_change_out_of_range',
};

/** The contract's field message code of a target as written that cannot be reached, or null. */
export function targetFieldProblem(target: GoalTarget): TargetFieldMessageCode | null {
  const f = targetProblem(target, 'en');
  return f ? (FIELD_CODE[f.code] ?? null) : null;
}

/** Where a metric's level lies, in goal units (percent numbers for rates: 0–100). */
export interface MetricLimits {
  min: number;
  max: number;
}

/** CSAT is the mean of 1–5 answers; NPS runs from −100 to 100. */
const SCORE_LIMITS: Partial<Record<KpiMetric, MetricLimits>> = {
  csat: { min: 1, max: 5 },
  nps: { min: -100, max: 100 },
};

/** The values a metric can take, in goal units: rates 0–100 %, scores on their scale, the rest ≥ 0. */
export function metricLimits(metric: KpiMetric): MetricLimits {
  if (isPercentMetric(metric)) return { min: 0, max: 100 };
  return SCORE_LIMITS[metric] ?? { min: 0, max: Number.POSITIVE_INFINITY };
}

/** A value in goal units as a message says it (NT$500,000, 250%, 3.5). */
function say(metric: KpiMetric, value: number, currencySymbol: string, percentWord = false): string {
  const n = Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: 2 });
  const sign = value < 0 ? '-' : '';
  if (percentWord || isPercentMetric(metric)) return `${sign}${n}%`;
  return isMoneyMetric(metric) ? `${sign}${currencySymbol}${n}` : `${sign}${n}`;
}

function outOfRange(metric: KpiMetric, value: number, lang: Lang, currencySymbol: string): Finding | null {
  const { min, max } = metricLimits(metric);
  if (value >= min && value <= max) return null;
  const params = {
    target: say(metric, value, currencySymbol),
    metric: KPI_GLOSSARY[metric].name[lang],
    min: say(metric, min, currencySymbol),
    max: say(metric, max, currencySymbol),
  };
  return max === Number.POSITIVE_INFINITY
    ? goalFinding('measurable', 'TARGET_NEGATIVE', 'fail', lang, params)
    : goalFinding('measurable', 'TARGET_OUT_OF_RANGE', 'fail', lang, params);
}

/**
 * Why a target as written cannot be reached (a finding of the Measurable letter, severity fail), or
 * null: a level or amount outside the metric's limits, a fall of 100 % or more, a change of a bounded
 * metric wider than its whole scale.
 */
export function targetProblem(target: GoalTarget, lang: Lang, currencySymbol = ''): Finding | null {
  const metric = target.metric;
  const name = KPI_GLOSSARY[metric].name[lang];
  if (!Number.isFinite(target.value)) return null;
  switch (target.kind) {
    case 'absolute':
      return outOfRange(metric, target.value, lang, currencySymbol);
    case 'percent_change':
      return target.value <= -100
        ? goalFinding('measurable', 'TARGET_FALL_OF_100', 'fail', lang, {
            metric: name,
            fall: say(metric, -target.value, currencySymbol, true),
          })
        : null;
    case 'absolute_change': {
      const { min, max } = metricLimits(metric);
      if (max === Number.POSITIVE_INFINITY || Math.abs(target.value) <= max - min) return null;
      return goalFinding('measurable', 'TARGET_CHANGE_OUT_OF_RANGE', 'fail', lang, {
        metric: name,
        change: `${target.value > 0 ? '+' : ''}${say(metric, target.value, currencySymbol)}`,
        min: say(metric, min, currencySymbol),
        max: say(metric, max, currencySymbol),
      });
    }
  }
}

/**
 * Why a target converted to the metric's own units (rates as fractions: 0.25) cannot be reached, or
 * null: a change that takes revenue below zero or a rate above 100 %.
 */
export function convertedTargetProblem(
  metric: KpiMetric,
  value: number,
  lang: Lang,
  currencySymbol = '',
): Finding | null {
  // A rounding hair past a limit (a rate of 100.0000001 %) is the limit.
  const goalUnits = isPercentMetric(metric) ? value * 100 : value;
  const { min, max } = metricLimits(metric);
  const slack = 1e-9 * Math.max(1, Math.abs(goalUnits));
  const clamped =
    goalUnits < min && goalUnits > min - slack
      ? min
      : goalUnits > max && goalUnits < max + slack
        ? max
        : goalUnits;
  return outOfRange(metric, clamped, lang, currencySymbol);
}
