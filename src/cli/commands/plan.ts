/**
 * `pacer plan`: phase goals from the command line (amounts in currency units).
 *
 *   pacer plan split <goalId> --into quarter|month|week|day [--by product|category|channel|rep|region|segment]
 *                    [--method equal|last-year|seasonal|ramp] [--ramp PCT] [--dry-run] [--json]
 *   pacer plan show <goalId> [--today YYYY-MM-DD] [--json]
 *   pacer plan stage startup|growth|mature [--start YYYY-MM-DD] [--dry-run] [--json]
 *   pacer plan replan <goalId> --today YYYY-MM-DD --spread|--keep --reason "…" [--json]
 *
 * Each takes [--company <id|name>] [--data <dir>] [--lang zh-TW|en]; acts as the company's owner
 * (the CLI runs on the server with direct database access).
 */
import type { Command } from 'commander';
import { getPlanTree, type PlanNodeView } from '../../app/plan/plan-tree.ts';
import { replanGoal } from '../../app/plan/replan-goal.ts';
import { splitGoal } from '../../app/plan/split-goal.ts';
import { createStagePlan } from '../../app/plan/stage-plan.ts';
import { isLocalDate } from '../../core/calendar/dates.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import { PERCENT_METRICS } from '../../core/goals/metric-kinds.ts';
import type { Lang } from '../../core/goals/types.ts';
import { COMPANY_STAGES, type CompanyStage } from '../../core/plan/stage-templates.ts';
import {
  SPLIT_DIMENSIONS,
  SPLIT_GRAINS,
  type SplitDimension,
  type SplitGrain,
  type SplitMethod,
} from '../../core/plan/types.ts';
import type { Runtime } from '../../db/runtime.ts';
import { fail, failureLine, output, withDatabaseOption, withRuntime } from '../options.ts';
import { resolveOwner } from '../resolve-company.ts';

interface PlanOptions {
  company?: string;
  data?: string;
  json?: boolean;
  lang?: string;
}

const METHODS = ['equal', 'last-year', 'seasonal', 'ramp'] as const;

const langOf = (opts: PlanOptions): Lang => (opts.lang === 'en' ? 'en' : 'zh-TW');

const ownerOf = (rt: Runtime, opts: { company?: string | undefined }) => resolveOwner(rt, opts.company);

async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e)) fail(`${e.code}: ${failureLine(e)}`);
    throw e;
  }
}

function checkDate(option: string, value: string | undefined): void {
  if (value !== undefined && !isLocalDate(value))
    fail(`${option}: expected YYYY-MM-DD / 日期格式應為 YYYY-MM-DD`);
}

function oneOf<T extends string>(
  option: string,
  allowed: readonly T[],
  value: string | undefined,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    fail(`${option}: one of ${allowed.join(', ')} / 請選擇 ${allowed.join('、')}`);
  return value as T;
}

const money = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 2 });
/** A target or actual in its metric's unit: rates as percents (goals write 25 for 25 %), else amounts. */
const amount = (metric: string, n: number) =>
  (PERCENT_METRICS as readonly string[]).includes(metric) ? `${money(n)}%` : money(n);

function treeLines(n: PlanNodeView, depth: number, out: string[]): void {
  const lock = n.locked ? ' 🔒' : '';
  const v = (x: number) => amount(n.metric, x);
  const actual = n.actual === null ? '' : `  actual ${v(n.actual)}`;
  const gap =
    n.mismatch !== null && n.mismatch !== 0
      ? `  ⚠ children ${v(n.childrenTotal ?? 0)} (${n.mismatch > 0 ? '+' : ''}${v(n.mismatch)})`
      : '';
  const implied = n.implied !== null ? `  implied ${v(n.implied)}` : '';
  out.push(
    `${'  '.repeat(depth)}${n.periodId ?? n.period.start}${n.member ? ` · ${n.member}` : ''}  ${v(n.target)}${lock}${actual}${gap}${implied}  [${n.id}]`,
  );
  for (const c of n.children) treeLines(c, depth + 1, out);
}

export function registerPlanCommand(program: Command): void {
  const plan = program
    .command('plan')
    .description('Phase goals: split a goal by period and dimension, stage plans, re-planning / 階段目標');

  withDatabaseOption(plan.command('split'))
    .description('Split a goal into phase goals (previewed with --dry-run) / 拆解目標')
    .argument('<goalId>')
    .requiredOption('--into <grain>', SPLIT_GRAINS.join(' | '))
    .option('--by <dimension>', SPLIT_DIMENSIONS.join(' | '))
    .option('--method <method>', METHODS.join(' | '), 'equal')
    .option('--ramp <pct>', 'growth per period in percent (ramp), e.g. 5')
    .option('--dry-run', 'preview only, save nothing / 僅預覽')
    .option('--today <date>', 'today, YYYY-MM-DD (default: today in the company time zone)')
    .option('--company <idOrName>', 'company (required when the database holds several)')
    .option('--lang <lang>', 'zh-TW | en')
    .option('--json', 'print JSON')
    .action(
      async (
        goalId: string,
        opts: PlanOptions & {
          into: string;
          by?: string;
          method: string;
          ramp?: string;
          dryRun?: boolean;
          today?: string;
        },
      ) => {
        const into = oneOf<SplitGrain>('--into', SPLIT_GRAINS, opts.into) as SplitGrain;
        const by = oneOf<SplitDimension>('--by', SPLIT_DIMENSIONS, opts.by) ?? null;
        const method = oneOf<Exclude<SplitMethod, 'manual'>>('--method', METHODS, opts.method) ?? 'equal';
        const rampPct = opts.ramp === undefined ? null : Number(opts.ramp);
        if (rampPct !== null && !(Number.isFinite(rampPct) && rampPct > -100 && rampPct <= 1000))
          fail('--ramp: a percentage above -100, e.g. 5 / 成長率須為大於 -100 的百分比');
        if (method === 'ramp' && rampPct === null)
          fail('--method ramp needs --ramp PCT / 請以 --ramp 指定成長率');
        checkDate('--today', opts.today);
        await withRuntime(opts, async (rt) => {
          const { companyId, actor } = await ownerOf(rt, opts);
          const v = await run(() =>
            splitGoal(
              rt.ctx,
              actor,
              companyId,
              goalId,
              {
                into,
                by,
                method,
                rampPct,
                dryRun: opts.dryRun ?? false,
                ...(opts.today ? { today: opts.today } : {}),
              },
              langOf(opts),
            ),
          );
          const json = {
            goalId: v.goalId,
            method: v.method,
            into: v.into,
            by: v.by,
            metric: v.metric,
            total: v.total,
            children: v.children.map((c) => ({
              id: c.id,
              period: c.period,
              scope: c.scope,
              target: c.target,
              share: c.share,
            })),
            notes: v.notes,
            saved: v.saved,
          };
          const en = langOf(opts) === 'en';
          const text = [
            `${v.saved ? (en ? 'Saved' : '已儲存') : en ? 'Preview' : '預覽'}: ${v.method}, ${v.into}${v.by ? ` × ${v.by}` : ''}, total ${amount(v.metric, v.total)}`,
            ...v.children.map(
              (c) =>
                `  ${c.periodId}${c.member ? ` · ${c.member}` : ''}\t${c.period.start}→${c.period.end}\t${amount(v.metric, c.target)}${c.share === null ? '' : `\t${(c.share * 100).toFixed(2)}%`}${c.id ? `\t${c.id}` : ''}`,
            ),
            ...v.notes.map((n) => `  · ${en ? n.en : n.zhTW}`),
          ].join('\n');
          output(opts.json, json, text);
        });
      },
    );

  withDatabaseOption(plan.command('show'))
    .description('Show a goal’s plan tree with actuals / 顯示目標樹')
    .argument('<goalId>')
    .option('--today <date>', 'actuals up to the day before, YYYY-MM-DD')
    .option('--company <idOrName>', 'company (required when the database holds several)')
    .option('--json', 'print JSON')
    .action(async (goalId: string, opts: PlanOptions & { today?: string }) => {
      checkDate('--today', opts.today);
      await withRuntime(opts, async (rt) => {
        const { companyId, actor } = await ownerOf(rt, opts);
        const tree = await run(() => getPlanTree(rt.ctx, actor, companyId, goalId, opts.today));
        const lines: string[] = [`${tree.goal.name}  ${amount(tree.goal.metric, tree.goal.target)}`];
        for (const c of tree.children) treeLines(c, 1, lines);
        output(opts.json, { goal: tree.goal, children: tree.children }, lines.join('\n'));
      });
    });

  withDatabaseOption(plan.command('stage'))
    .description(
      'Create the three-phase plan of a company stage (the guide’s table) / 依企業階段建立階段計畫',
    )
    .argument('[stage]', COMPANY_STAGES.join(' | '))
    .option('--start <date>', 'first day, YYYY-MM-DD (default: today)')
    .option('--dry-run', 'preview only, save nothing / 僅預覽')
    .option('--company <idOrName>', 'company (required when the database holds several)')
    .option('--lang <lang>', 'zh-TW | en')
    .option('--json', 'print JSON')
    .action(
      async (stageArg: string | undefined, opts: PlanOptions & { start?: string; dryRun?: boolean }) => {
        const stage = oneOf<CompanyStage>('stage', COMPANY_STAGES, stageArg) ?? null;
        checkDate('--start', opts.start);
        await withRuntime(opts, async (rt) => {
          const { companyId, actor } = await ownerOf(rt, opts);
          const v = await run(() =>
            createStagePlan(
              rt.ctx,
              actor,
              companyId,
              { stage, start: opts.start ?? null, dryRun: opts.dryRun ?? false },
              langOf(opts),
            ),
          );
          const lines = [`${v.title} (${v.start})${v.saved ? '' : ' — preview / 預覽'}`];
          for (const p of v.phases) {
            lines.push(`${p.name}  ${p.period.start} → ${p.period.end}`, `  ${p.goal}`);
            for (const g of p.goals)
              lines.push(
                g.target === null
                  ? `  - ${g.kpi}: — (${g.suggestedFrom}: set it yourself / 由您設定)`
                  : `  - ${g.kpi}: ${g.targetKind === 'percent_change' ? `${g.target > 0 ? '+' : ''}${g.target}%` : amount(g.metric, g.target)}  (${g.suggestedFrom}, score ${g.score})${g.id ? `  [${g.id}]` : ''}`,
              );
          }
          output(
            opts.json,
            {
              stage: v.stage,
              start: v.start,
              saved: v.saved,
              phases: v.phases.map((p) => ({
                name: p.name,
                period: p.period,
                goal: p.goal,
                goals: p.goals.map((g) => ({
                  id: g.id,
                  metric: g.metric,
                  name: g.name,
                  target: g.target,
                  targetKind: g.targetKind,
                  suggestedFrom: g.suggestedFrom,
                  recommended: g.recommended,
                  grades: g.grades,
                  score: g.score,
                })),
              })),
            },
            lines.join('\n'),
          );
        });
      },
    );

  withDatabaseOption(plan.command('replan'))
    .description('Re-plan after a period closed short or long (recorded with the reason) / 重新規劃')
    .argument('<goalId>')
    .requiredOption('--today <date>', 'YYYY-MM-DD: periods ending before it are closed')
    .option('--spread', 'spread the difference over the remaining periods / 將差額分攤到剩餘期間')
    .option('--keep', 'keep the targets and show the run rate now needed / 維持目標並顯示所需速度')
    .requiredOption('--reason <why>', 'why (kept in the goal history) / 原因')
    .option('--company <idOrName>', 'company (required when the database holds several)')
    .option('--json', 'print JSON')
    .action(
      async (
        goalId: string,
        opts: PlanOptions & { today: string; spread?: boolean; keep?: boolean; reason: string },
      ) => {
        checkDate('--today', opts.today);
        if (Boolean(opts.spread) === Boolean(opts.keep))
          fail('choose one of --spread or --keep / 請擇一:--spread 或 --keep');
        if (opts.reason.trim() === '') fail('--reason: say why / 請說明原因');
        await withRuntime(opts, async (rt) => {
          const { companyId, actor } = await ownerOf(rt, opts);
          const v = await run(() =>
            replanGoal(rt.ctx, actor, companyId, goalId, {
              today: opts.today,
              mode: opts.spread ? 'spread' : 'keep',
              reason: opts.reason.trim(),
            }),
          );
          const level = (x: number | null) => (x === null ? '—' : String(x));
          const lines = [
            v.additive
              ? `${v.mode}: difference ${money(v.difference)}, actual to date ${money(v.actualToDate)} of ${money(v.total)}`
              : `${v.mode}: target level ${level(v.total)}, level so far ${level(v.currentLevel)}, closed periods ${v.difference >= 0 ? '+' : ''}${v.difference} against plan (weighted by ${v.weighting === 'last-year' ? "each period's denominator: closed periods' own, last year's for the open ones" : 'days'})`,
            v.additive
              ? `  run rate needed ${v.requiredRunRate === null ? '—' : money(v.requiredRunRate)} / day (so far ${v.currentRunRate === null ? '—' : money(v.currentRunRate)} / day), ${v.remainingDays} days left`
              : `  level the open periods now need ${level(v.requiredLevel)}; after a spread the plan implies ${level(v.impliedAfter)}`,
            ...v.children.map(
              (c) =>
                `  ${c.periodId ?? c.period.start}${c.closed ? ' (closed)' : ''}\t${money(c.target)} → ${money(c.newTarget)}${c.actual === null ? '' : `\tactual ${money(c.actual)}`}`,
            ),
          ];
          output(opts.json, v, lines.join('\n'));
        });
      },
    );
}
