/**
 * A goal's plan tree as rows for the one CSV/XLSX writer (ingest/export-table.ts): one row per node,
 * parents before their children, the level and an indented name showing the tree; targets, shares
 * and actuals stay numbers. Additive parents carry what their children add up to and the gap;
 * ratio parents the level their children imply (never a sum).
 */
import type { Lang } from '../../core/goals/types.ts';
import type { Actor } from '../access.ts';
import type { AppContext } from '../ports.ts';
import { getPlanTree, type PlanNodeView } from './plan-tree.ts';

export interface PlanExport {
  /** File name without the extension. */
  name: string;
  sheet: string;
  rows: (string | number | boolean | null)[][];
}

const DIMENSIONS: Record<string, [string, string]> = {
  product: ['品項', 'Product'],
  category: ['品類', 'Category'],
  channel: ['通路', 'Channel'],
  rep: ['業務', 'Rep'],
  region: ['地區', 'Region'],
  customer_type: ['客群', 'Customer segment'],
  segment: ['客群', 'Customer segment'],
};

export async function exportPlan(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  goalId: string,
  lang: Lang,
  today?: string,
): Promise<PlanExport> {
  const tree = await getPlanTree(ctx, actor, companyId, goalId, today);
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
        '下層合計',
        '差額(目標−下層合計)',
        '下層隱含水準',
        '目標編號',
      ];
  const rows: PlanExport['rows'] = [header];
  const walk = (n: Omit<PlanNodeView, 'children'>, children: readonly PlanNodeView[], depth: number) => {
    const dim = n.dimension ? (DIMENSIONS[n.dimension]?.[en ? 1 : 0] ?? n.dimension) : null;
    rows.push([
      depth,
      `${'  '.repeat(depth)}${n.name}`,
      n.periodId,
      n.period.start,
      n.period.end,
      dim,
      n.member,
      n.target,
      n.share,
      n.locked,
      n.actual,
      n.childrenTotal,
      n.mismatch,
      n.implied,
      n.id,
    ]);
    for (const c of children) walk(c, c.children, depth + 1);
  };
  walk(tree.goal, tree.children, 0);
  const sheet = en ? 'Plan' : '目標拆解';
  return { name: `${sheet}-${tree.goal.name}`, sheet, rows };
}
