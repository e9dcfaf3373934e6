/**
 * `pacer goal`: SMART goals from the command line.
 *
 *   pacer goal create --statement "<sentence>" [--today YYYY-MM-DD] [--company <id|name>] [--json]
 *   pacer goal list [--status active|archived|all] [--company <id|name>] [--json]
 *   pacer goal grade <goalId> [--company <id|name>] [--json]
 *   pacer goal archive|restore <goalId> [--company <id|name>] [--json]
 *   pacer goal edit <goalId> --reason "<why>" [--name] [--target <n>] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
 *                  [--version <n>] [--company <id|name>] [--json]
 *
 * Acts as the company's owner (the CLI runs on the server with direct database access).
 */

import type { Command } from 'commander';
import {
  archiveGoal,
  createGoal,
  type GoalWithGrading,
  getGoal,
  listGoals,
  parseGoalDraft,
  restoreGoal,
  updateGoal,
} from '../../app/goals/goal-use-cases.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import type { GoalSpec, Grading, Lang } from '../../core/goals/index.ts';
import { dataGapMessage } from '../../core/ingest/data-gaps.ts';
import type { Runtime } from '../../db/runtime.ts';
import { fail, fieldLines, output, withDatabaseOption, withRuntime } from '../options.ts';
import { resolveOwner } from '../resolve-company.ts';

interface GoalOptions {
  company?: string;
  data?: string;
  json?: boolean;
  lang?: string;
}

const MARK = { pass: '✓', warn: '!', fail: '✗', unknown: '?' } as const;
const LETTERS = [
  ['S', 'specific'],
  ['M', 'measurable'],
  ['A', 'achievable'],
  ['R', 'relevant'],
  ['T', 'time_bound'],
] as const;

function langOf(opts: GoalOptions, text = ''): Lang {
  if (opts.lang === 'en' || opts.lang === 'zh-TW') return opts.lang;
  return /[\u3400-\u9fff]/.test(text) ? 'zh-TW' : 'en';
}

const ownerOf = (rt: Runtime, opts: { company?: string | undefined }) => resolveOwner(rt, opts.company);

/** A figure in its unit: percent metrics as %, money and counts rounded, other levels to 2 decimals. */
function figure(a: Grading['achievability'], v: number): string {
  if (a.unit === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (a.unit === 'money' || a.shape === 'total') return Math.round(v).toLocaleString('en-US');
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function gradingText(g: Grading): string[] {
  const a = g.achievability;
  const f = (v: number) => figure(a, v);
  const lines = [
    `Score ${g.score}/100  ${LETTERS.map(([l, k]) => `${l}${MARK[g.grades[k]]}`).join(' ')}`,
    `Achievability: ${a.verdict}${a.probability === null ? '' : ` (P = ${Math.round(a.probability * 100)}%)`}`,
  ];
  const fresh = g.freshness;
  if (fresh && fresh.status !== 'current')
    lines.push(
      fresh.lastSaleDate
        ? `  data ends ${fresh.lastSaleDate} (${fresh.daysOld} days ago; last complete month ${fresh.lastCompleteMonth ?? '—'}) / 資料只到${fresh.lastSaleDate}`
        : '  no sales data yet / 尚無銷售資料',
    );
  if (a.targetValue !== null)
    lines.push(
      `  ${a.shape === 'total' ? 'target over the period (total)' : 'target level'}: ${f(a.targetValue)}`,
    );
  if (a.baseline.samePeriodLastYear !== null || a.baseline.recentRunRate !== null)
    lines.push(
      `  baseline: same period last year ${a.baseline.samePeriodLastYear === null ? '—' : f(a.baseline.samePeriodLastYear)}, recent run rate ${a.baseline.recentRunRate === null ? '—' : f(a.baseline.recentRunRate)}`,
    );
  if (a.forecast)
    lines.push(
      `  forecast ${f(a.forecast.mean)} (80%: ${f(a.forecast.lo80)}–${f(a.forecast.hi80)}, 95%: ${f(a.forecast.lo95)}–${f(a.forecast.hi95)})`,
    );
  if (a.recommended)
    lines.push(
      `  recommended: ${f(a.recommended.p90)} (90%) · ${f(a.recommended.p70)} (70%) · ${f(a.recommended.p50)} (50%)`,
    );
  for (const u of g.unknownScope)
    lines.push(
      `  unknown ${u.dimension} “${u.name}”${u.suggestions.length ? ` — closest: ${u.suggestions.map((x) => `${x.dimension} “${x.name}”`).join(', ')}` : ''}`,
    );
  for (const c of g.caveats)
    lines.push(`  ${dataGapMessage(c.gap, c.lines, 'en')} / ${dataGapMessage(c.gap, c.lines, 'zh-TW')}`);
  if (a.reason) lines.push(`  ${a.reason}`);
  for (const f of g.findings)
    lines.push(`- [${f.letter}/${f.severity}] ${f.message}${f.fix ? ` → ${f.fix}` : ''}`);
  lines.push(`Rewrite: ${g.rewrite}`);
  return lines;
}

function goalText(goal: GoalWithGrading): string {
  return [
    `${goal.id}  ${goal.name}  [${goal.status}, v${goal.version}]`,
    `  ${goal.metric} ${goal.target.kind} ${goal.target.value}${goal.target.per ? ` per ${goal.target.per}` : ''}, ${goal.period.start} → ${goal.period.end}`,
    ...gradingText(goal.grading),
  ].join('\n');
}

async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e)) {
      const fields = fieldLines(e.fieldErrors ?? []).join('\n');
      fail(`${e.code}${fields ? `\n${fields}` : ''}`);
    }
    throw e;
  }
}

export function registerGoalCommand(program: Command): void {
  const goal = program
    .command('goal')
    .description('SMART goals: create from a sentence, list, grade / 銷售目標');

  withDatabaseOption(goal.command('create'))
    .description('Read a goal sentence, grade it and save it / 讀取目標句子並儲存')
    .requiredOption('--statement <sentence>', 'the goal as written, zh-TW, zh-CN or English')
    .option('--today <date>', 'today, YYYY-MM-DD (default: today in the company time zone)')
    .option('--company <idOrName>', 'company (required when the database holds several)')
    .option('--lang <lang>', 'zh-TW | en (default: the statement’s language)')
    .option('--json', 'print JSON')
    .action(async (opts: GoalOptions & { statement: string; today?: string }) => {
      if (opts.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today))
        fail('--today: expected YYYY-MM-DD');
      const lang = langOf(opts, opts.statement);
      await withRuntime(opts, async (rt) => {
        const { companyId, actor } = await ownerOf(rt, opts);
        const parsed = await run(() =>
          parseGoalDraft(rt.ctx, actor, companyId, opts.statement, opts.today, lang),
        );
        const d = parsed.draft;
        if (!d.metric || !d.target || !d.period) {
          const missing = [!d.metric && 'metric', !d.target && 'target', !d.period && 'period'].filter(
            Boolean,
          );
          if (opts.json) output(true, { saved: false, missing, ...parsed }, '');
          fail(
            [
              `Cannot save: the sentence names no ${missing.join(', ')}. / 句子缺少:${missing.join('、')}`,
              ...gradingText(parsed.grading),
            ].join('\n'),
          );
        }
        const spec: GoalSpec = {
          name: d.name ?? opts.statement.slice(0, 60),
          statement: opts.statement,
          metric: d.metric,
          scope: d.scope ?? {},
          target: d.target,
          extraTargets: d.extraTargets ?? [],
          period: d.period,
          ownerUserId: actor.userId,
          objectiveId: null,
          strategies: d.strategies ?? [],
          notes: '',
        };
        const saved = await run(() => createGoal(rt.ctx, actor, companyId, spec, lang));
        const unknown = Object.entries(parsed.unknownNames).map(
          ([k, v]) => `  not in your data (${k}): ${v.join(', ')}`,
        );
        output(
          opts.json,
          { ...saved, unknownNames: parsed.unknownNames },
          [goalText(saved), ...unknown].join('\n'),
        );
      });
    });

  withDatabaseOption(goal.command('list'))
    .description('List goals with their grades / 列出目標')
    .option('--status <status>', 'active | archived | all', 'active')
    .option('--company <idOrName>', 'company (required when the database holds several)')
    .option('--json', 'print JSON')
    .action(async (opts: GoalOptions & { status: string }) => {
      const status = opts.status === 'archived' || opts.status === 'all' ? opts.status : 'active';
      await withRuntime(opts, async (rt) => {
        const { companyId, companyName, actor } = await ownerOf(rt, opts);
        const goals = await run(() => listGoals(rt.ctx, actor, companyId, { status }));
        const lines = goals.map(
          (g) =>
            `${g.id}\t${g.status}\t${g.score ?? '—'}\t${g.metric}\t${g.period.start}→${g.period.end}\t${g.name}`,
        );
        output(opts.json, goals, [`${companyName}: ${goals.length} goal(s)`, ...lines].join('\n'));
      });
    });

  withDatabaseOption(goal.command('grade'))
    .description('Grade a goal on the five SMART letters from the company data / 評分目標')
    .argument('<goalId>')
    .option('--company <idOrName>', 'company (required when the database holds several)')
    .option('--lang <lang>', 'zh-TW | en (default: the goal’s language)')
    .option('--json', 'print JSON')
    .action(async (goalId: string, opts: GoalOptions) => {
      await withRuntime(opts, async (rt) => {
        const { companyId, actor } = await ownerOf(rt, opts);
        const probe = await run(() => listGoals(rt.ctx, actor, companyId, { status: 'all' }));
        const found = probe.find((g) => g.id === goalId);
        const lang = langOf(opts, found ? `${found.statement}${found.name}` : '');
        const g = await run(() => getGoal(rt.ctx, actor, companyId, goalId, lang));
        output(opts.json, g, goalText(g));
      });
    });

  for (const [name, act, words] of [
    ['archive', archiveGoal, 'Archive a goal (kept, out of the active list) / 封存目標'],
    ['restore', restoreGoal, 'Bring an archived goal back / 還原目標'],
  ] as const) {
    withDatabaseOption(goal.command(name))
      .description(words)
      .argument('<goalId>')
      .option('--company <idOrName>', 'company (required when the database holds several)')
      .option('--json', 'print JSON')
      .action(async (goalId: string, opts: GoalOptions) => {
        await withRuntime(opts, async (rt) => {
          const { companyId, actor } = await ownerOf(rt, opts);
          const g = await run(() => act(rt.ctx, actor, companyId, goalId));
          output(
            opts.json,
            g,
            `${name === 'archive' ? 'Archived / 已封存' : 'Restored / 已還原'}: ${g.name}`,
          );
        });
      });
  }

  withDatabaseOption(goal.command('edit'))
    .description('Revise a goal (a new version with the reason) / 修訂目標')
    .argument('<goalId>')
    .requiredOption('--reason <why>', 'why it changes (kept in the history) / 修訂原因')
    .option('--name <name>', 'new name')
    .option('--target <value>', 'new value of the main target (same kind and unit)')
    .option('--from <date>', 'new start, YYYY-MM-DD')
    .option('--to <date>', 'new end, YYYY-MM-DD')
    .option('--version <n>', 'the version you read (refuses if someone saved since)')
    .option('--company <idOrName>', 'company (required when the database holds several)')
    .option('--lang <lang>', 'zh-TW | en')
    .option('--json', 'print JSON')
    .action(
      async (
        goalId: string,
        opts: GoalOptions & {
          reason: string;
          name?: string;
          target?: string;
          from?: string;
          to?: string;
          version?: string;
        },
      ) => {
        const date = /^\d{4}-\d{2}-\d{2}$/;
        if (opts.from !== undefined && !date.test(opts.from)) fail('--from: expected YYYY-MM-DD');
        if (opts.to !== undefined && !date.test(opts.to)) fail('--to: expected YYYY-MM-DD');
        const value = opts.target === undefined ? undefined : Number(opts.target);
        if (value !== undefined && !Number.isFinite(value))
          fail('--target: expected a number / 目標值須為數字');
        await withRuntime(opts, async (rt) => {
          const { companyId, actor } = await ownerOf(rt, opts);
          const lang = langOf(opts, '');
          const g = await run(() => getGoal(rt.ctx, actor, companyId, goalId, lang));
          const spec: GoalSpec = {
            name: opts.name ?? g.name,
            statement: g.statement,
            metric: g.metric,
            scope: g.scope,
            target: value === undefined ? g.target : { ...g.target, value },
            extraTargets: g.extraTargets,
            period: { start: opts.from ?? g.period.start, end: opts.to ?? g.period.end },
            ownerUserId: g.ownerUserId,
            objectiveId: g.objectiveId,
            strategies: g.strategies,
            notes: g.notes,
          };
          if (spec.period.start > spec.period.end) fail('--to is before --from / 結束日早於開始日');
          const version = opts.version === undefined ? g.version : Number(opts.version);
          const saved = await run(() =>
            updateGoal(rt.ctx, actor, companyId, goalId, spec, version, opts.reason, lang),
          );
          output(opts.json, saved, goalText(saved));
        });
      },
    );
}
