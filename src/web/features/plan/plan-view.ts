/**
 * Pure helpers of the plan editor: period labels, values in the metric's unit, the grid of a level
 * (periods across and members down, or the reverse) and its totals. Additive totals are summed in
 * integer hundredths so they match the server's exact split to the minor unit; ratio levels are
 * never summed.
 */
import type { Locale } from '../../../contract/common.ts';
import { addMonths, daysBetween } from '../../../core/calendar/dates.ts';
import { isLowerBetter } from '../../../core/goals/metric-kinds.ts';
import type { KpiMetric } from '../../../core/kpi/types.ts';
import { currencySymbol } from '../../../core/money/currency.ts';
import { closedNoDataText } from '../../../core/plan/messages.ts';
import {
  type ChildState,
  childState,
  type PeriodTally,
  periodState,
  tallyPeriods,
} from '../../../core/plan/period-state.ts';
import { impliedLevel } from '../../../core/plan/split.ts';
import { dimensionOf, type SplitDimension } from '../../../core/plan/types.ts';
import { formatLocalDate, formatMoney, formatNumber, type MoneyPrecision } from '../../i18n/format.ts';
import type { KpiUnit } from '../kpi/kpi-view.ts';
import type { PlanNode } from './plan-api.ts';

const intl = (lang: Locale) => (lang === 'zh-TW' ? 'zh-TW' : 'en-US');

/** '2027-Q1' → 2027 第1季 / Q1 2027; '2027-03' → 2027年3月 / Mar 2027; ISO weeks; days. */
export function periodLabel(id: string | null, lang: Locale): string {
  if (!id) return '';
  let m = /^(FY)?(\d{4})-Q(\d)$/.exec(id);
  if (m) {
    const fy = m[1] ? (lang === 'zh-TW' ? '會計年度 ' : 'FY') : '';
    return lang === 'zh-TW' ? `${fy}${m[2]} 第${m[3]}季` : `Q${m[3]} ${fy}${m[2]}`;
  }
  m = /^(\d{4})-W(\d{2})$/.exec(id);
  if (m) return lang === 'zh-TW' ? `${m[1]} 第${Number(m[2])}週` : `W${m[2]} ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(id);
  if (m)
    return new Intl.DateTimeFormat(intl(lang), { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)),
    );
  if (/^\d{4}-\d{2}-\d{2}$/.test(id)) return formatLocalDate(id, lang);
  return id;
}

/**
 * A value in goal units: money in currency units, rates as percents (25 = 25 %), counts. Money in
 * whole currency units (targets and totals, as everywhere else), or `exact` to the cent where a
 * small gap must not read as zero.
 */
export function formatValue(
  value: number | null | undefined,
  unit: KpiUnit,
  currency: string,
  lang: Locale,
  precision: MoneyPrecision = 'whole',
) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === 'money')
    return formatMoney(
      precision === 'whole' ? value : Math.round(value * 100) / 100,
      currency,
      lang,
      precision,
    );
  if (unit === 'ratio') return `${formatNumber(value, lang, 2)}%`;
  return formatNumber(value, lang, unit === 'score' ? 1 : 2);
}

/**
 * The i18n key of a split dimension's name: the KPI pages' own (`kpi.dimensions`, the names of
 * core/kpi/dimension-names.ts that the KPI and plan exports use), so a split by segment reads as the
 * customer type it splits by, everywhere.
 */
export function dimensionKey(by: SplitDimension): string {
  return `kpi.dimensions.${dimensionOf(by)}`;
}

/**
 * The i18n key of the plan page's help: a sum's children share its total (editing one re-balances
 * the others); a ratio's children each keep a level (editing one changes that level only).
 */
export function planHelpKey(additive: boolean): string {
  return additive ? 'plan.help' : 'plan.helpRatio';
}

/** The i18n key of a split method's help: how a sum is shared; for a ratio, that every child keeps a level. */
export function methodHelpKey(method: string, additive: boolean): string {
  if (additive) return `plan.methodHelp.${method}`;
  return method === 'manual' ? 'plan.methodHelpRatio.manual' : 'plan.methodHelpRatio.level';
}

/**
 * The i18n key of a stage plan's change: from the same period last year only when the data covers it
 * whole; else from the recent run rate (said so); without a baseline, the change alone.
 */
export function stageChangeKey(basis: 'same_period_last_year' | 'recent_run_rate' | null): string {
  if (basis === 'same_period_last_year') return 'plan.stage.change';
  return basis === 'recent_run_rate' ? 'plan.stage.changeRunRate' : 'plan.stage.changeNoBase';
}

/**
 * How a manual target is typed: money in whole units with the currency's symbol before it and
 * thousands grouped (NT$344,444, as the preview shows it), rates as percents with their unit
 * (12.5 %), counts whole.
 */
export function manualInputFormat(
  unit: KpiUnit,
  currency: string,
): {
  precision: number | undefined;
  prefix: string | undefined;
  suffix: string | undefined;
  step: number;
  formatter: (value: number | string | undefined) => string;
  parser: (text: string | undefined) => number;
} {
  const group = (v: number | string | undefined): string => {
    if (v === undefined || v === '') return '';
    const [int = '', frac] = String(v).split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return frac === undefined ? grouped : `${grouped}.${frac}`;
  };
  const parser = (text: string | undefined): number => Number((text ?? '').replace(/[^\d.-]/g, ''));
  if (unit === 'money')
    return {
      precision: 0,
      prefix: currencySymbol(currency),
      suffix: undefined,
      step: 100,
      formatter: group,
      parser,
    };
  if (unit === 'ratio')
    return { precision: 1, prefix: undefined, suffix: '%', step: 1, formatter: group, parser };
  return {
    precision: unit === 'count' ? 0 : undefined,
    prefix: undefined,
    suffix: undefined,
    step: 1,
    formatter: group,
    parser,
  };
}

export function formatShare(share: number | null | undefined, lang: Locale): string {
  if (share === null || share === undefined) return '';
  return `${formatNumber(share * 100, lang, 1)}%`;
}

/** Exact sum of goal-unit values (to the hundredth, the minor unit of money). */
export function exactSum(values: readonly number[]): number {
  return values.reduce((s, v) => s + Math.round(v * 100), 0) / 100;
}

export interface GridLine {
  key: string;
  /** Period id or member name (null: the one row of a split by period only). */
  id: string | null;
  label: string;
}

export interface LevelGrid {
  rows: GridLine[];
  cols: GridLine[];
  /** cells[r][c]: the child node, or null when the level has no such cell. */
  cells: (PlanNode | null)[][];
  /** Rows are members (periods across) unless transposed. */
  transposed: boolean;
  byMember: boolean;
}

/** The children of a node as a grid: periods across and members down, or the reverse. */
export function levelGrid(
  children: readonly PlanNode[],
  transposed: boolean,
  lang: Locale,
  allLabel: string,
): LevelGrid {
  const periods: GridLine[] = [];
  const members: GridLine[] = [];
  const seenP = new Set<string>();
  const seenM = new Set<string>();
  for (const c of children) {
    const p = c.periodId ?? c.period.start;
    if (!seenP.has(p)) {
      seenP.add(p);
      periods.push({ key: `p:${p}`, id: p, label: periodLabel(p, lang) });
    }
    const m = c.member ?? '';
    if (!seenM.has(m)) {
      seenM.add(m);
      members.push({ key: `m:${m}`, id: c.member, label: c.member ?? allLabel });
    }
  }
  const at = (p: string, m: string | null) =>
    children.find((c) => (c.periodId ?? c.period.start) === p && (c.member ?? null) === m) ?? null;
  const rows = transposed ? periods : members;
  const cols = transposed ? members : periods;
  const cells = rows.map((r) => cols.map((c) => (transposed ? at(r.id ?? '', c.id) : at(c.id ?? '', r.id))));
  return { rows, cols, cells, transposed, byMember: members.some((m) => m.id !== null) };
}

/** Row and column totals of an additive level (null cells skipped); the grand total. */
export function gridTotals(grid: LevelGrid): { rows: number[]; cols: number[]; all: number } {
  const v = (n: PlanNode | null) => (n ? n.target : 0);
  const rows = grid.cells.map((r) => exactSum(r.map(v)));
  const cols = grid.cols.map((_, c) => exactSum(grid.cells.map((r) => v(r[c] ?? null))));
  return { rows, cols, all: exactSum(rows) };
}

/** The node with this id in a tree, and the path from the root down to it. */
export function findPath(root: PlanNode, id: string): PlanNode[] | null {
  if (root.id === id) return [root];
  for (const c of root.children) {
    const p = findPath(c, id);
    if (p) return [root, ...p];
  }
  return null;
}

/** A node's short name inside its parent: its period and member. */
export function nodeLabel(n: PlanNode, lang: Locale): string {
  if (!n.periodId && !n.member) return n.name;
  return [n.periodId ? periodLabel(n.periodId, lang) : null, n.member].filter(Boolean).join(' · ');
}

/**
 * Closed children (period over before today) with a known actual: what a re-plan acts on. A closed
 * level without a value (a month with no orders has no AOV) is not one: nothing to close it at.
 */
export function closedChildren(node: PlanNode, today: string, additive: boolean): PlanNode[] {
  return node.children.filter(
    (c) => c.periodId !== null && childState(c.period, today, c.actual, additive) === 'closed',
  );
}

/** A child's state on `today`: closed, closed with no data (a level without a value), in progress, not started. */
export function nodeState(n: PlanNode, today: string, additive: boolean): ChildState {
  return childState(n.period, today, n.actual, additive);
}

/** The i18n key of a period's state in the re-plan preview (closed, closed with no data, in progress, not started). */
export const PERIOD_STATE_KEY: Record<ChildState, string> = {
  closed: 'plan.replan.closed',
  'closed-no-data': 'plan.replan.closedNoData',
  'in-progress': 'plan.replan.inProgress',
  'not-started': 'plan.replan.notStarted',
};

/** What a closed period without a value says, for the metric ("已結束,沒有訂單,無法計算客單價"). */
export function noDataText(metric: string, lang: Locale): string {
  const t = closedNoDataText(metric as KpiMetric);
  return lang === 'en' ? t.en : t.zhTW;
}

/**
 * How a level's period children stand on `today`: the closed ones reached, missed or with no data
 * (neither: a level without a value), the rest open. Children by member are counted one by one.
 */
export function levelTally(node: PlanNode, today: string, additive: boolean): PeriodTally {
  return tallyPeriods(
    node.children.filter((c) => c.periodId !== null),
    today,
    { additive, lowerIsBetter: isLowerBetter(node.metric as KpiMetric) },
  );
}

/**
 * The re-plan's sentence about the closed periods: the gap without a sign, its direction in words
 * (short / ahead for a sum; below / above the planned level for a ratio), and whether it is bad
 * news (a ceiling such as CAC or churn is bad when above).
 */
export function replanGap(
  difference: number,
  additive: boolean,
  lowerIsBetter: boolean,
): { key: string; amount: number; tone: 'success' | 'warning' | 'info' } {
  const amount = Math.abs(difference);
  if (difference === 0) return { key: 'plan.replan.onTrack', amount, tone: 'success' };
  const below = difference < 0;
  const tone = below !== lowerIsBetter ? 'warning' : 'info';
  if (additive) return { key: below ? 'plan.replan.short' : 'plan.replan.long', amount, tone };
  return { key: below ? 'plan.replan.ratioBelow' : 'plan.replan.ratioAbove', amount, tone };
}

/**
 * The first split of a goal not split yet: the next grain below its own length (a year into quarters,
 * a quarter into months, a month into weeks), so the first preview has several columns, not one.
 */
export function grainFor(period: { start: string; end: string }): 'quarter' | 'month' | 'week' | 'day' {
  const days = daysBetween(period.start, period.end);
  if (days > 185) return 'quarter';
  if (days > 45) return 'month';
  if (days > 14) return 'week';
  return 'day';
}

/**
 * A level's plan against its actuals by period, for the plan chart: additive targets and actuals
 * summed over the period's members (to the cent); a ratio's level never summed: one child's as it
 * is, a period's members' weighted as the tree weighs them (`weight`: their denominators), never the
 * first member's. A count over the period split by members (customers by channel) has no figure of
 * the period its members make (they overlap): no chart. A period not over on `today` is partial: its
 * actual holds only the days so far.
 */
export function actualCurve(
  children: readonly PlanNode[],
  additive: boolean,
  today: string,
): { period: string; plan: number; lastYear: number | null; partial: boolean }[] {
  const byPeriod = new Map<string, { kids: PlanNode[]; partial: boolean }>();
  for (const c of children) {
    const k = c.periodId ?? c.period.start;
    const e = byPeriod.get(k) ?? { kids: [], partial: periodState(c.period, today) === 'in-progress' };
    e.kids.push(c);
    byPeriod.set(k, e);
  }
  const periods = [...byPeriod.entries()];
  if (!additive && periods.some(([, e]) => e.kids.length > 1 && e.kids.some((c) => c.weight === null)))
    return [];
  const level = (kids: readonly PlanNode[], of: (c: PlanNode) => number | null): number | null => {
    const known = kids.filter((c) => of(c) !== null);
    if (known.length <= 1) return known[0] ? of(known[0]) : null;
    const w = impliedLevel(
      known.map((c) => of(c) ?? 0),
      known.map((c) => c.weight ?? 0),
    );
    return w ?? of(known[0] as PlanNode);
  };
  return periods.map(([period, e]) => {
    const actuals = e.kids.flatMap((c) => (c.actual === null ? [] : [c.actual]));
    return {
      period,
      plan: additive ? exactSum(e.kids.map((c) => c.target)) : (level(e.kids, (c) => c.target) ?? 0),
      lastYear: actuals.length === 0 ? null : additive ? exactSum(actuals) : level(e.kids, (c) => c.actual),
      partial: e.partial,
    };
  });
}

/**
 * The stage plan's default start: the first day of the month after the company's today (the
 * server's, from the data-freshness answer; never the browser's date, a day off around midnight
 * elsewhere than in the company's time zone).
 */
export const defaultStageStart = (today: string): string => addMonths(`${today.slice(0, 7)}-01`, 1);
