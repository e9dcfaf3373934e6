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
import { isAdditive, isLowerBetter, isMoneyMetric, PERCENT_METRICS } from '../../core/goals/metric-kinds.ts';
import type { Lang } from '../../core/goals/types.ts';
import type { KpiMetric } from '../../core/kpi/types.ts';
import { closedNoDataText } from '../../core/plan/messages.ts';
import { childState, tallyPeriods } from '../../core/plan/period-state.ts';
import { COMPANY_STAGES, type CompanyStage } from '../../core/plan/stage-templates.ts';
import {
  SPLIT_DIMENSIONS,
  SPLIT_GRAINS,
  type SplitDimension,
  type SplitGrain,
  type SplitMethod,
} from '../../core/plan/types.ts';
import type { Runtime } from '../../db/runtime.ts';
import { cliLang, say } from '../language.ts';
import { fail, output, withDatabaseOption, withRuntime } from '../options.ts';
import { resolveOwner } from '../resolve-company.ts';

interface PlanOptions {
  company?: string;
  data?: string;
  json?: boolean;
}

const METHODS = ['equal', 'last-year', 'seasonal', 'ramp'] as const;

/** The words of a split, in each language. */
const WORDS = {
  en: {
    method: {
      equal: 'equal by days',
      'last-year': 'in proportion to last year',
      seasonal: 'seasonal profile',
      ramp: 'growth ramp',
      manual: 'manual',
    },
    grain: { quarter: 'quarters', month: 'months', week: 'weeks', day: 'days' },
    by: {
      product: 'product',
      category: 'category',
      channel: 'channel',
      rep: 'rep',
      region: 'region',
      segment: 'customer segment',
    },
  },
  'zh-TW': {
    method: {
      equal: '依天數平均',
      'last-year': '依去年比例',
      seasonal: '依季節性',
      ramp: '逐期成長',
      manual: '手動',
    },
    grain: { quarter: '季', month: '月', week: '週', day: '日' },
    by: {
      product: '產品',
      category: '類別',
      channel: '通路',
      rep: '業務',
      region: '地區',
      segment: '客群',
    },
  },
} as const;

const ownerOf = (rt: Runtime, opts: { company?: string | undefined }) => resolveOwner(rt, opts.company);

function checkDate(option: string, value: string | undefined): void {
  if (value !== undefined && !isLocalDate(value))
    fail(`${option}: expected a date YYYY-MM-DD`, `${option}:日期格式應為 YYYY-MM-DD`);
}

function oneOf<T extends string>(
  option: string,
  allowed: readonly T[],
  value: string | undefined,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    fail(`${option}: one of ${allowed.join(', ')}`, `${option}:請選擇 ${allowed.join('、')}`);
  return value as T;
}

const money = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 2 });
/**
 * A target or actual in its metric's unit, as the web shows it: rates as percents (goals write 25 for
 * 25 %) to a tenth, money in whole units (NT$739,726, not 739,726.03), other levels to two places.
 */
const amount = (metric: string, n: number) =>
  (PERCENT_METRICS as readonly string[]).includes(metric)
    ? `${n.toLocaleString('en', { maximumFractionDigits: 1 })}%`
    : isMoneyMetric(metric as KpiMetric)
      ? n.toLocaleString('en', { maximumFractionDigits: 0 })
      : money(n);

/** A closed level without a value (no orders: no AOV), in the CLI's language. */
const noData = (metric: string) => {
  const t = closedNoDataText(metric as KpiMetric);
  return say(t.en, t.zhTW);
};

function treeLines(n: PlanNodeView, depth: number, out: string[], today: string): void {
  const lock = n.locked ? ' 🔒' : '';
  const v = (x: number) => amount(n.metric, x);
  const additive = isAdditive(n.metric as KpiMetric);
  const actual =
    n.actual !== null
      ? `  ${say('actual', '實際')} ${v(n.actual)}`
      : childState(n.period, today, n.actual, additive) === 'closed-no-data'
        ? `  (${noData(n.metric)})`
        : '';
  const gap =
    n.mismatch !== null && n.mismatch !== 0
      ? `  ⚠ ${say('children', '子目標合計')} ${v(n.childrenTotal ?? 0)} (${n.mismatch > 0 ? '+' : ''}${v(n.mismatch)})`
      : '';
  const implied = n.implied !== null ? `  ${say('implied', '隱含水準')} ${v(n.implied)}` : '';
  out.push(
    `${'  '.repeat(depth)}${n.periodId ?? n.period.start}${n.member ? ` · ${n.member}` : ''}  ${v(n.target)}${lock}${actual}${gap}${implied}  [${n.id}]`,
  );
  for (const c of n.children) treeLines(c, depth + 1, out, today);
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
          fail(
            '--ramp: a percentage above -100 and up to 1000, e.g. 5',
            '--ramp:成長率須為大於 -100、不超過 1000 的百分比,例如 5',
          );
        if (method === 'ramp' && rampPct === null)
          fail(
            '--method ramp needs the growth per period: --ramp PCT',
            '逐期成長法請以 --ramp 指定每期成長率',
          );
        checkDate('--today', opts.today);
        const lang: Lang = cliLang();
        await withRuntime(opts, async (rt) => {
          const { companyId, actor } = await ownerOf(rt, opts);
          const v = await splitGoal(
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
            lang,
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
          const en = lang === 'en';
          const w = WORDS[lang];
          const text = [
            en
              ? `${v.saved ? 'Saved' : 'Preview'}: ${w.method[v.method]}, ${w.grain[v.into]}${v.by ? ` × ${w.by[v.by]}` : ''}, ${v.additive ? 'total' : 'level'} ${amount(v.metric, v.total)}`
              : `${v.saved ? '已儲存' : '預覽'}:${w.method[v.method]},按${w.grain[v.into]}${v.by ? ` × ${w.by[v.by]}` : ''},${v.additive ? '合計' : '水準'} ${amount(v.metric, v.total)}`,
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
        const tree = await getPlanTree(rt.ctx, actor, companyId, goalId, opts.today);
        const lines: string[] = [`${tree.goal.name}  ${amount(tree.goal.metric, tree.goal.target)}`];
        for (const c of tree.children) treeLines(c, 1, lines, tree.today);
        // The closed periods' results: one with no data (no orders: no AOV) is neither reached nor missed.
        const metric = tree.goal.metric as KpiMetric;
        const tally = tallyPeriods(
          tree.children.filter((c) => c.periodId !== null),
          tree.today,
          { additive: isAdditive(metric), lowerIsBetter: isLowerBetter(metric) },
        );
        if (tally.closed > 0)
          lines.push(
            say(
              `Closed periods: ${tally.closed} (${tally.reached} reached, ${tally.missed} missed)${tally.noData > 0 ? `; ${tally.noData} with no data, counted as neither` : ''}`,
              `已結束 ${tally.closed} 期(達成 ${tally.reached} 期、未達成 ${tally.missed} 期)${tally.noData > 0 ? `;${tally.noData} 期沒有資料,不計入達成或未達成` : ''}`,
            ),
          );
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
    .option('--json', 'print JSON')
    .action(
      async (stageArg: string | undefined, opts: PlanOptions & { start?: string; dryRun?: boolean }) => {
        const stage = oneOf<CompanyStage>('stage', COMPANY_STAGES, stageArg) ?? null;
        checkDate('--start', opts.start);
        const lang: Lang = cliLang();
        const from = {
          recommended: say("the forecast's recommended range", '依預測的建議範圍'),
          baseline: say('past actual, about 10 % better', '依過去實績改善約 10%'),
          no_data: say('no data yet', '尚無資料'),
          user: say('set it yourself', '由您設定'),
        } as const;
        await withRuntime(opts, async (rt) => {
          const { companyId, actor } = await ownerOf(rt, opts);
          const v = await createStagePlan(
            rt.ctx,
            actor,
            companyId,
            { stage, start: opts.start ?? null, dryRun: opts.dryRun ?? false },
            lang,
          );
          const lines = [`${v.title} (${v.start})${v.saved ? '' : say(' — preview', ' — 預覽')}`];
          for (const p of v.phases) {
            lines.push(`${p.name}  ${p.period.start} → ${p.period.end}`, `  ${p.goal}`);
            for (const g of p.goals)
              lines.push(
                g.target === null
                  ? `  - ${g.kpi}: — (${g.reason ?? from[g.suggestedFrom]})`
                  : `  - ${g.kpi}: ${g.targetKind === 'percent_change' ? `${g.target > 0 ? '+' : ''}${g.target}%` : amount(g.metric, g.target)}  (${from[g.suggestedFrom]}${say(', score', ',分數')} ${g.score})${g.id ? `  [${g.id}]` : ''}`,
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
                  basis: g.basis,
                  reason: g.reason,
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
          fail('choose one of --spread or --keep', '請擇一:--spread 或 --keep');
        if (opts.reason.trim() === '') fail('--reason: say why', '--reason:請說明原因');
        await withRuntime(opts, async (rt) => {
          const { companyId, actor } = await ownerOf(rt, opts);
          const v = await replanGoal(rt.ctx, actor, companyId, goalId, {
            today: opts.today,
            mode: opts.spread ? 'spread' : 'keep',
            reason: opts.reason.trim(),
          });
          const level = (x: number | null) => (x === null ? '—' : String(x));
          const rate = (x: number | null) => (x === null ? '—' : money(x));
          const mode = v.mode === 'spread' ? say('spread', '分攤差額') : say('keep', '維持目標');
          const signed = `${v.difference >= 0 ? '+' : ''}${v.difference}`;
          const weighting =
            v.weighting === 'last-year'
              ? say(
                  "each period's denominator: closed periods' own, last year's for the open ones",
                  '各期間的分母:已結束期間用實際的,未結束期間用去年的',
                )
              : say('days', '天數');
          const lines = [
            v.additive
              ? say(
                  `${mode}: difference ${money(v.difference)}, actual to date ${money(v.actualToDate)} of ${money(v.total)}`,
                  `${mode}:差額 ${money(v.difference)},至今實際 ${money(v.actualToDate)} / 目標 ${money(v.total)}`,
                )
              : say(
                  `${mode}: target level ${level(v.total)}, level so far ${level(v.currentLevel)}, closed periods ${signed} against plan (weighted by ${weighting})`,
                  `${mode}:目標水準 ${level(v.total)},至今水準 ${level(v.currentLevel)},已結束期間與計畫相差 ${signed}(加權依${weighting})`,
                ),
            v.additive
              ? say(
                  `  run rate needed ${rate(v.requiredRunRate)} / day (so far ${rate(v.currentRunRate)} / day), ${v.remainingDays} days left`,
                  `  所需速度每日 ${rate(v.requiredRunRate)}(至今每日 ${rate(v.currentRunRate)}),剩 ${v.remainingDays} 天`,
                )
              : say(
                  `  level the open periods now need ${level(v.requiredLevel)}; after a spread the plan implies ${level(v.impliedAfter)}`,
                  `  未結束期間現在需要的水準 ${level(v.requiredLevel)};分攤後計畫隱含的水準 ${level(v.impliedAfter)}`,
                ),
            ...v.children.map(
              (c) =>
                `  ${c.periodId ?? c.period.start}${c.closed ? say(' (closed)', '(已結束)') : c.state === 'closed-no-data' ? ` (${noData(v.metric)})` : ''}\t${money(c.target)} → ${money(c.newTarget)}${c.actual === null ? '' : `\t${say('actual', '實際')} ${money(c.actual)}`}`,
            ),
          ];
          output(opts.json, v, lines.join('\n'));
        });
      },
    );
}
