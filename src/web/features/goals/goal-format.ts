/** How goals read on screen: targets in their own terms, and the values of the change history. */
import type { TFunction } from 'i18next';
import type { Locale } from '../../../contract/common.ts';
import { type GoalTarget, goalPeriodSchema, goalTargetSchema } from '../../../contract/goals.ts';
import { formatLocalDate, formatMoney, formatNumber } from '../../i18n/format.ts';
import { formatKpi, type KpiUnit } from '../kpi/kpi-view.ts';
import { describeChange, hasRate } from './goal-form.ts';

/** "NT$1,500 / 每日", "+15%", "+NT$200,000": a target in the goal's own terms. */
export function formatTarget(
  target: GoalTarget,
  unit: KpiUnit,
  currency: string,
  lang: Locale,
  t: TFunction,
): string {
  const sign = target.value >= 0 ? '+' : '';
  let text: string;
  if (target.kind === 'percent_change') text = `${sign}${formatNumber(target.value, lang, 1)}%`;
  else if (unit === 'ratio')
    text = `${target.kind === 'absolute_change' ? sign : ''}${formatNumber(target.value, lang, 2)}%`;
  else {
    // Money in whole currency units, as every target and total is shown (the stored value keeps its cents).
    const v =
      unit === 'money'
        ? formatMoney(target.value, currency, lang, 'whole')
        : formatKpi(target.value, unit, currency, lang);
    text = target.kind === 'absolute_change' && target.value >= 0 ? `+${v}` : v;
  }
  // A level (AOV, a rate) has no rate, even when one was saved with it.
  return target.per && hasRate(target.metric) ? `${text} ${t(`goals.perShort.${target.per}`)}` : text;
}

export interface HistoryContext {
  unitOf: (metric: string) => KpiUnit;
  metricName: (metric: string) => string;
  memberName: (userId: string) => string | undefined;
  objectiveTitle: (id: string) => string | undefined;
  currency: string;
  lang: Locale;
  t: TFunction;
}

/** One changed field's value in the version history, in words where we know the field. */
export function describeVersionValue(field: string, value: unknown, ctx: HistoryContext): string {
  const target = (v: unknown) => {
    const p = goalTargetSchema.safeParse(v);
    return p.success
      ? `${ctx.metricName(p.data.metric)} ${formatTarget(p.data, ctx.unitOf(p.data.metric), ctx.currency, ctx.lang, ctx.t)}`
      : null;
  };
  if (value === null || value === undefined) return '—';
  switch (field) {
    case 'target':
      return target(value) ?? describeChange(value);
    case 'extraTargets':
      if (Array.isArray(value))
        return value.length ? value.map((v) => target(v) ?? describeChange(v)).join('; ') : '—';
      break;
    case 'period': {
      const p = goalPeriodSchema.safeParse(value);
      if (p.success)
        return `${formatLocalDate(p.data.start, ctx.lang)} – ${formatLocalDate(p.data.end, ctx.lang)}`;
      break;
    }
    case 'metric':
      if (typeof value === 'string') return ctx.metricName(value);
      break;
    case 'ownerUserId':
      if (typeof value === 'string') return ctx.memberName(value) ?? describeChange(value);
      break;
    case 'objectiveId':
      if (typeof value === 'string') return ctx.objectiveTitle(value) ?? describeChange(value);
      break;
    case 'strategies':
      if (Array.isArray(value)) return value.length ? value.map(String).join('、') : '—';
      break;
    case 'scope':
      if (typeof value === 'object') {
        const parts = Object.entries(value as Record<string, unknown>)
          .filter(([, names]) => Array.isArray(names) && names.length > 0)
          .map(
            ([d, names]) =>
              `${ctx.t(`kpi.dimensions.${d}`, { defaultValue: d })}: ${(names as unknown[]).map(String).join('、')}`,
          );
        return parts.length ? parts.join('; ') : ctx.t('goals.form.scopeAll');
      }
      break;
  }
  return describeChange(value);
}

/** A value of a goal's metric in its own terms: money in whole units, a rate in percent. */
function metricValue(value: number, metric: string | undefined, ctx: HistoryContext): string {
  const unit = ctx.unitOf(metric ?? '');
  if (unit === 'money') return formatMoney(value, ctx.currency, ctx.lang, 'whole');
  if (unit === 'ratio') return `${formatNumber(value, ctx.lang, 2)}%`;
  return formatKpi(value, unit, ctx.currency, ctx.lang);
}

/** A recorded re-plan in words: what was chosen and the gap, then each period's old → new target. */
export interface ReplanText {
  summary: string;
  periods: string[];
}

/**
 * The `replan` note of a goal's history ({ mode, today, difference, requiredRunRate | requiredLevel,
 * periods: [{ start, end, from, to }] }) as words in the reader's language; null when it is not one.
 */
export function describeReplan(
  value: unknown,
  metric: string | undefined,
  ctx: HistoryContext,
): ReplanText | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.mode !== 'spread' && v.mode !== 'keep') return null;
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  const parts = [ctx.t(`goals.replanNote.${v.mode}`)];
  if (typeof v.today === 'string')
    parts.push(ctx.t('goals.replanNote.asOf', { date: formatLocalDate(v.today, ctx.lang) }));
  const difference = num(v.difference);
  if (difference !== null) {
    const amount = metricValue(Math.abs(difference), metric, ctx);
    if (difference < 0) parts.push(ctx.t('goals.replanNote.short', { amount }));
    else if (difference > 0) parts.push(ctx.t('goals.replanNote.ahead', { amount }));
    else parts.push(ctx.t('goals.replanNote.onTrack'));
  }
  const perDay = num(v.requiredRunRate);
  const level = num(v.requiredLevel);
  if (perDay !== null)
    parts.push(ctx.t('goals.replanNote.perDay', { amount: metricValue(perDay, metric, ctx) }));
  else if (level !== null)
    parts.push(ctx.t('goals.replanNote.level', { amount: metricValue(level, metric, ctx) }));
  const periods = (Array.isArray(v.periods) ? v.periods : []).flatMap((p: unknown) => {
    if (!p || typeof p !== 'object') return [];
    const r = p as Record<string, unknown>;
    const from = num(r.from);
    const to = num(r.to);
    if (typeof r.start !== 'string' || typeof r.end !== 'string' || from === null || to === null) return [];
    return [
      `${formatLocalDate(r.start, ctx.lang)} – ${formatLocalDate(r.end, ctx.lang)}: ${metricValue(from, metric, ctx)} → ${metricValue(to, metric, ctx)}`,
    ];
  });
  return { summary: parts.join(ctx.t('goals.replanNote.separator')), periods };
}
