/** Pure helpers of the goal wizard: form values ⇄ the contract's GoalInput, target conversions. */
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { z } from 'zod';
import {
  type GoalInput,
  type GoalTarget,
  goalInputSchema,
  type LetterGrade,
  type ratePerSchema,
  SMART_LETTERS,
  type SmartLetter,
  type targetKindSchema,
} from '../../../contract/goals.ts';
import { isPercentMetric } from '../../../core/goals/metric-kinds.ts';
import {
  periodDays as corePeriodDays,
  periodTotalToRate,
  ratesInPeriod,
  targetShape,
} from '../../../core/goals/target-conversion.ts';
import { targetProblem } from '../../../core/goals/target-limits.ts';
import { DIMENSIONS, type Dimension, type KpiMetric } from '../../../core/kpi/types.ts';

export type RatePer = z.infer<typeof ratePerSchema>;
export type TargetKind = z.infer<typeof targetKindSchema>;
/** The target's "per" as a form choice: 'total' means over the whole period (per = null). */
export type PerChoice = RatePer | 'total';
export const PER_CHOICES: readonly PerChoice[] = ['total', 'day', 'week', 'month', 'quarter', 'year'];
export const TARGET_KINDS: readonly TargetKind[] = ['absolute', 'percent_change', 'absolute_change'];
export const GOAL_DIMENSIONS: readonly Dimension[] = DIMENSIONS;

export interface TargetFormValue {
  metric?: KpiMetric;
  kind?: TargetKind;
  value?: number | null;
  per?: PerChoice;
}

export interface GoalFormValues {
  name?: string;
  metric?: KpiMetric;
  target?: TargetFormValue;
  extraTargets?: TargetFormValue[];
  period?: [Dayjs, Dayjs] | null;
  scope?: Partial<Record<Dimension, string[]>>;
  ownerUserId?: string | null;
  objectiveId?: string | null;
  strategies?: string[];
  notes?: string;
}

const toTargetValue = (t: GoalTarget): TargetFormValue => ({
  metric: t.metric,
  kind: t.kind,
  value: t.value,
  per: t.per ?? 'total',
});

/** A (partial) goal as form values; fields the draft lacks are left out (or emptied when `clear`). */
export function toFormValues(draft: Partial<GoalInput>, clear = false): GoalFormValues {
  const v: GoalFormValues = {};
  const set = <K extends keyof GoalFormValues>(
    k: K,
    value: GoalFormValues[K] | undefined,
    empty: GoalFormValues[K],
  ) => {
    if (value !== undefined) v[k] = value;
    else if (clear) v[k] = empty;
  };
  set('name', draft.name, '');
  set('metric', draft.metric, undefined);
  set('target', draft.target ? toTargetValue(draft.target) : undefined, {
    kind: 'absolute',
    per: 'total',
    value: null,
  });
  set('extraTargets', draft.extraTargets?.map(toTargetValue), []);
  set('period', draft.period ? [dayjs(draft.period.start), dayjs(draft.period.end)] : undefined, null);
  const scope: Partial<Record<Dimension, string[]>> = {};
  for (const d of GOAL_DIMENSIONS) scope[d] = draft.scope?.[d] ?? [];
  set('scope', draft.scope ? scope : undefined, scope);
  set('ownerUserId', draft.ownerUserId, null);
  set('objectiveId', draft.objectiveId, null);
  set('strategies', draft.strategies, []);
  set('notes', draft.notes, '');
  return v;
}

/** Whether a target on this metric can be a rate (每月100單): only totals can; a level (AOV, a rate) cannot. */
export function hasRate(metric: KpiMetric | undefined): boolean {
  return metric === undefined || targetShape(metric) === 'total';
}

function toTarget(t: TargetFormValue | undefined, fallbackMetric: KpiMetric | undefined): GoalTarget | null {
  const metric = t?.metric ?? fallbackMetric;
  if (!t || !metric || typeof t.value !== 'number' || Number.isNaN(t.value)) return null;
  return {
    metric,
    kind: t.kind ?? 'absolute',
    value: t.value,
    // A level has no "per": 「客單價每月250」 is a level of 250, not 250 a month added up.
    per: !t.per || t.per === 'total' || !hasRate(metric) ? null : t.per,
  };
}

/**
 * Why a target as typed cannot be (a negative amount, a rate over 100 %, a fall of 100 % or more), in
 * the reader's language, from the one rule the API applies (core/goals/target-limits.ts); null when it
 * can. The form says it under the field instead of silently not grading.
 */
export function impossibleTargetMessage(
  metric: KpiMetric | undefined,
  kind: TargetKind | undefined,
  value: unknown,
  lang: 'zh-TW' | 'en',
): string | null {
  if (!metric || typeof value !== 'number' || !Number.isFinite(value)) return null;
  const problem = targetProblem({ metric, kind: kind ?? 'absolute', value, per: null }, lang);
  return problem ? problem.message : null;
}

/** The form as a goal the API accepts, or null while something it needs (metric, target, period) is missing. */
export function toGoalInput(values: GoalFormValues, statement: string): GoalInput | null {
  const metric = values.metric;
  const target = toTarget(values.target ? { ...values.target, metric } : undefined, metric);
  const period = values.period;
  if (!metric || !target || !period?.[0] || !period[1]) return null;
  const scope: Partial<Record<Dimension, string[]>> = {};
  for (const d of GOAL_DIMENSIONS) {
    const names = (values.scope?.[d] ?? []).map((n) => n.trim()).filter((n) => n !== '');
    if (names.length) scope[d] = names;
  }
  const parsed = goalInputSchema.safeParse({
    name: values.name?.trim() || statement.trim().slice(0, 200),
    statement: statement.trim().slice(0, 2000),
    metric,
    scope,
    target,
    extraTargets: (values.extraTargets ?? [])
      .map((t) => toTarget(t, metric))
      .filter((t): t is GoalTarget => t !== null),
    period: { start: period[0].format('YYYY-MM-DD'), end: period[1].format('YYYY-MM-DD') },
    ownerUserId: values.ownerUserId ?? null,
    objectiveId: values.objectiveId ?? null,
    strategies: (values.strategies ?? []).map((s) => s.trim()).filter((s) => s !== ''),
    notes: values.notes ?? '',
  });
  return parsed.success ? parsed.data : null;
}

/** Days in an inclusive 'YYYY-MM-DD' period. */
export function periodDays(start: string, end: string): number {
  return Math.max(1, corePeriodDays({ start, end }));
}

/** How many `per` units the period holds (core's one conversion: months by their share of days). */
export function unitsInPeriod(per: RatePer, start: string, end: string): number {
  return ratesInPeriod(per, { start, end });
}

/**
 * The target of a whole period as the chart's monthly grain: totals (money, counts) spread over the
 * period's months; levels (ratios, scores, averages) stay as they are.
 */
export function perMonthEquivalent(total: number, start: string, end: string, additive: boolean): number {
  return additive ? periodTotalToRate(total, 'month', { start, end }) : total;
}

/**
 * A recommended value of the grading (a period total, or a level: a ratio as a fraction) as the
 * form's main target. A total is kept in the target's own rate (per day…) when it is an absolute
 * rate, else a total over the period, rounded to whole units; a level stays a level, ratios written
 * as percent numbers (0.625 → 62.5) as goals write them.
 */
export function targetFromRecommended(
  recommended: number,
  metric: KpiMetric,
  current: TargetFormValue | undefined,
  start: string,
  end: string,
): TargetFormValue {
  if (targetShape(metric) === 'level') {
    const level = isPercentMetric(metric) ? recommended * 100 : recommended;
    return { ...current, kind: 'absolute', per: 'total', value: Math.round(level * 100) / 100 };
  }
  const per = current?.kind === 'absolute' && current.per && current.per !== 'total' ? current.per : 'total';
  const value = per !== 'total' ? periodTotalToRate(recommended, per, { start, end }) : recommended;
  return { ...current, kind: 'absolute', per, value: Math.round(value) };
}

export { type LetterGrade, SMART_LETTERS, type SmartLetter };
export const LETTER_SHORT: Record<SmartLetter, string> = {
  specific: 'S',
  measurable: 'M',
  achievable: 'A',
  relevant: 'R',
  time_bound: 'T',
};
export const GRADE_COLORS: Record<LetterGrade, string> = {
  pass: 'green',
  warn: 'gold',
  fail: 'red',
  unknown: 'default',
};

/** Moves a scope name the data does not hold to the name chosen instead (of any dimension). */
export function mapScopeName(
  scope: GoalFormValues['scope'],
  from: { dimension: Dimension; name: string },
  to: { dimension: Dimension; name: string },
): Partial<Record<Dimension, string[]>> {
  const next: Partial<Record<Dimension, string[]>> = { ...scope };
  next[from.dimension] = (next[from.dimension] ?? []).filter((n) => n !== from.name);
  const names = next[to.dimension] ?? [];
  next[to.dimension] = names.includes(to.name) ? names : [...names, to.name];
  return next;
}

/** Which of the goal's targets is meant: the main one, or one of the further targets (by index). */
export type TargetPick = 'main' | number;

/** The targets on the goal's own metric (those that can contradict each other), as the API reads them. */
export function sameMetricTargets(values: GoalFormValues): { pick: TargetPick; target: GoalTarget }[] {
  const metric = values.metric;
  if (!metric) return [];
  const out: { pick: TargetPick; target: GoalTarget }[] = [];
  const main = toTarget(values.target ? { ...values.target, metric } : undefined, metric);
  if (main) out.push({ pick: 'main', target: main });
  (values.extraTargets ?? []).forEach((t, i) => {
    const target = toTarget(t, metric);
    if (target && target.metric === metric) out.push({ pick: i, target });
  });
  return out;
}

/**
 * Keeps the one target meant among those on the goal's metric (「提升15%」 or 「每日1500元」): it
 * becomes the main target and the others on that metric go; targets on other metrics stay.
 */
export function keepTarget(
  values: GoalFormValues,
  pick: TargetPick,
): Pick<GoalFormValues, 'target' | 'extraTargets'> {
  const metric = values.metric;
  const extras = values.extraTargets ?? [];
  const chosen = pick === 'main' ? values.target : extras[pick];
  const others = extras.filter((t) => (t.metric ?? metric) !== metric);
  return {
    target: chosen ? { kind: chosen.kind, value: chosen.value, per: chosen.per ?? 'total' } : values.target,
    extraTargets: others,
  };
}

/** A version's changed value, short enough for the history timeline. */
export function describeChange(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 79)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}
