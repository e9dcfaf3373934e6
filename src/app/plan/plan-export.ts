/**
 * A goal's plan tree as rows for the one CSV/XLSX writer (ingest/export-table.ts): one row per node,
 * parents before their children, the level and an indented name showing the tree; targets, shares
 * and actuals stay numbers. Additive parents carry what their children add up to and the gap;
 * ratio parents the level their children imply (never a sum). Each column says what it holds: goal
 * values in the goal's unit (money in the company's currency, whole units as the plan page shows
 * them, the gap to the cent; percent goals as fractions under a percent format), shares as percents,
 * dates as dates. Each node's status on the tree's day is the plan's own (core/plan/period-state.ts
 * periodStatus: reached, missed, closed with no data, in progress, not started), in the file's language.
 */
import { isAdditive, isLowerBetter, isMoneyMetric, isPercentMetric } from '../../core/goals/metric-kinds.ts';
import type { Lang } from '../../core/goals/types.ts';
import { dimensionName } from '../../core/kpi/dimension-names.ts';
import { DIMENSIONS, type Dimension, type KpiMetric } from '../../core/kpi/types.ts';
import { periodStatusText } from '../../core/plan/messages.ts';
import { periodStatus } from '../../core/plan/period-state.ts';
import type { Actor } from '../access.ts';
import type { ExportColumn } from '../export-columns.ts';
import type { AppContext } from '../ports.ts';
import { getPlanTree, type PlanNodeView } from './plan-tree.ts';

export interface PlanExport {
  /** File name without the extension. */
  name: string;
  sheet: string;
  rows: (string | number | boolean | null)[][];
  columns: ExportColumn[];
}

/**
 * The column of a goal's values (goal units: currency units, percent numbers such as 25 for 25 %),
 * and the factor that turns a value into what the column holds (percents into fractions).
 */
function goalValueColumn(
  metric: KpiMetric,
  currency: string,
  precision: 'whole' | 'minor',
): { column: ExportColumn; factor: number } {
  if (isMoneyMetric(metric)) return { column: { kind: 'money', currency, precision }, factor: 1 };
  if (isPercentMetric(metric)) return { column: { kind: 'percent', decimals: 2 }, factor: 0.01 };
  if (isAdditive(metric)) return { column: { kind: 'count' }, factor: 1 };
  return { column: { kind: 'decimal', decimals: 2 }, factor: 1 };
}

/** A node's split dimension by the one name the KPI pages and the KPI export give it. */
function dimensionLabel(dimension: string | null, lang: Lang): string | null {
  if (dimension === null) return null;
  return (DIMENSIONS as readonly string[]).includes(dimension)
    ? dimensionName(dimension as Dimension, lang)
    : dimension;
}

export async function exportPlan(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  goalId: string,
  lang: Lang,
  today?: string,
): Promise<PlanExport> {
  const tree = await getPlanTree(ctx, actor, companyId, goalId, today);
  const profile = await ctx.repos.profiles.get(companyId);
  const currency = profile?.currency ?? 'TWD';
  const metric = tree.goal.metric as KpiMetric;
  const value = goalValueColumn(metric, currency, 'whole');
  const gap = goalValueColumn(metric, currency, 'minor');
  const f = value.factor;
  const scaled = (v: number | null): number | null => (v === null || f === 1 ? v : v * f);
  const en = lang === 'en';
  const header = en
    ? [
        'Level',
        'Goal',
        'Period',
        'From',
        'To',
        'Dimension',
        'Member',
        'Target',
        'Share of parent',
        'Locked',
        'Actual to date',
        'Status',
        'Children total',
        'Difference (target − children)',
        'Level implied by children',
        'Goal ID',
      ]
    : [
        '層級',
        '目標',
        '期間',
        '起',
        '迄',
        '維度',
        '項目',
        '目標值',
        '占上層比例',
        '鎖定',
        '目前實績',
        '狀態',
        '下層合計',
        '差額(目標−下層合計)',
        '下層隱含水準',
        '目標編號',
      ];
  const rows: PlanExport['rows'] = [header];
  const status = (n: Omit<PlanNodeView, 'children'>): string => {
    const m = n.metric as KpiMetric;
    const kind = { additive: isAdditive(m), lowerIsBetter: isLowerBetter(m) };
    const text = periodStatusText(periodStatus(n, tree.today, kind), m);
    return en ? text.en : text.zhTW;
  };
  const walk = (n: Omit<PlanNodeView, 'children'>, children: readonly PlanNodeView[], depth: number) => {
    rows.push([
      depth,
      `${'  '.repeat(depth)}${n.name}`,
      n.periodId,
      n.period.start,
      n.period.end,
      dimensionLabel(n.dimension, lang),
      n.member,
      scaled(n.target),
      n.share,
      n.locked,
      scaled(n.actual),
      status(n),
      scaled(n.childrenTotal),
      scaled(n.mismatch),
      scaled(n.implied),
      n.id,
    ]);
    for (const c of children) walk(c, c.children, depth + 1);
  };
  walk(tree.goal, tree.children, 0);
  const sheet = en ? 'Plan' : '目標拆解';
  const text: ExportColumn = { kind: 'text' };
  const columns: ExportColumn[] = [
    { kind: 'count' },
    text,
    text,
    { kind: 'date' },
    { kind: 'date' },
    text,
    text,
    value.column,
    { kind: 'percent', decimals: 1 },
    text,
    value.column,
    text,
    value.column,
    gap.column,
    value.column,
    text,
  ];
  return { name: `${sheet}-${tree.goal.name}`, sheet, rows, columns };
}
