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
import type { Actor } from '../../app/access.ts';
import { getProfile } from '../../app/company/profile.ts';
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
import { dimensionWord } from '../../core/goals/grade-goal.ts';
import {
  formatMetricValue,
  type GoalSpec,
  type GoalTarget,
  type Grading,
  isPercentMetric,
  type Lang,
} from '../../core/goals/index.ts';
import { dataGapMessage } from '../../core/ingest/data-gaps.ts';
import { KPI_GLOSSARY } from '../../core/kpi/glossary.ts';
import type { KpiMetric } from '../../core/kpi/types.ts';
import { currencySymbol } from '../../core/money/currency.ts';
import type { Runtime } from '../../db/runtime.ts';
import { cliLang, say, settleLang } from '../language.ts';
import { fail, output, withDatabaseOption, withRuntime } from '../options.ts';
import { resolveOwner } from '../resolve-company.ts';

interface GoalOptions {
  company?: string;
  data?: string;
  json?: boolean;
}

const MARK = { pass: '✓', warn: '!', fail: '✗', unknown: '?' } as const;
const LETTERS = [
  ['S', 'specific'],
  ['M', 'measurable'],
  ['A', 'achievable'],
  ['R', 'relevant'],
  ['T', 'time_bound'],
] as const;

/** Words of the grading, in each language (the web app says the same). */
const WORDS = {
  en: {
    verdict: {
      too_easy: 'too easy',
      achievable: 'achievable',
      stretch: 'a stretch',
      unrealistic: 'unrealistic',
      unknown: 'cannot tell',
    },
    letter: {
      specific: 'Specific',
      measurable: 'Measurable',
      achievable: 'Achievable',
      relevant: 'Relevant',
      time_bound: 'Time-bound',
    },
    severity: { fail: 'fails', warn: 'check', info: 'note' },
    status: { active: 'active', archived: 'archived' },
    kind: { absolute: 'reach', percent_change: 'change by %', absolute_change: 'change by' },
    per: { day: 'a day', week: 'a week', month: 'a month', quarter: 'a quarter', year: 'a year' },
  },
  'zh-TW': {
    verdict: {
      too_easy: '太容易',
      achievable: '可達成',
      stretch: '具挑戰性',
      unrealistic: '不切實際',
      unknown: '無法判斷',
    },
    letter: {
      specific: '具體',
      measurable: '可衡量',
      achievable: '可達成',
      relevant: '相關',
      time_bound: '有時限',
    },
    severity: { fail: '未通過', warn: '需注意', info: '說明' },
    status: { active: '進行中', archived: '已封存' },
    kind: { absolute: '達到', percent_change: '成長百分比', absolute_change: '增加' },
    per: { day: '每日', week: '每週', month: '每月', quarter: '每季', year: '每年' },
  },
} as const;

/** The language of a goal's own sentence (zh-TW when it has Chinese characters). */
const textLang = (text: string): Lang => (/[\u3400-\u9fff]/.test(text) ? 'zh-TW' : 'en');

const ownerOf = (rt: Runtime, opts: { company?: string | undefined }) => resolveOwner(rt, opts.company);

/** The company's currency symbol (NT$, HK$), for money figures. */
async function moneySymbol(rt: Runtime, actor: Actor, companyId: string): Promise<string> {
  return currencySymbol((await getProfile(rt.ctx, actor, companyId)).currency);
}

/** A figure by its metric's kind (money rounded, percent metrics as %, counts…), as the grading says it. */
function figure(metric: KpiMetric | null, a: Grading['achievability'], v: number, symbol: string): string {
  if (metric) return formatMetricValue(metric, v, symbol);
  if (a.unit === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (a.unit === 'money' || a.shape === 'total') return Math.round(v).toLocaleString('en-US');
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function gradingText(g: Grading, metric: KpiMetric | null, lang: Lang, symbol: string): string[] {
  const w = WORDS[lang];
  const en = lang === 'en';
  const a = g.achievability;
  const f = (v: number | null) => (v === null ? '—' : figure(metric, a, v, symbol));
  const probability = a.probability === null ? null : Math.round(a.probability * 100);
  const lines = [
    `${en ? 'Score' : '分數'} ${g.score}/100  ${LETTERS.map(([l, k]) => `${l}${MARK[g.grades[k]]}`).join(' ')}`,
    en
      ? `Achievability: ${w.verdict[a.verdict]}${probability === null ? '' : ` (P = ${probability}%)`}`
      : `可達成性:${w.verdict[a.verdict]}${probability === null ? '' : `(達成機率 ${probability}%)`}`,
  ];
  const fresh = g.freshness;
  if (fresh && fresh.status !== 'current')
    lines.push(
      fresh.lastSaleDate
        ? en
          ? `  data ends ${fresh.lastSaleDate} (${fresh.daysOld} days ago; last complete month ${fresh.lastCompleteMonth ?? '—'})`
          : `  資料只到 ${fresh.lastSaleDate}(${fresh.daysOld} 天前;最後一個完整月份 ${fresh.lastCompleteMonth ?? '—'})`
        : en
          ? '  no sales data yet'
          : '  尚無銷售資料',
    );
  if (a.targetValue !== null)
    lines.push(
      a.shape === 'total'
        ? `  ${en ? 'target over the period (total)' : '期間目標(合計)'}: ${f(a.targetValue)}`
        : `  ${en ? 'target level' : '目標水準'}: ${f(a.targetValue)}`,
    );
  // A baseline the data does not cover (before the first sale, or only in part) is no data, not 0.
  const base = (v: number | null) => (v === null ? (en ? 'no data' : '無資料') : f(v));
  if (a.baseline.samePeriodLastYear !== null || a.baseline.recentRunRate !== null)
    lines.push(
      en
        ? `  baseline: same period last year ${base(a.baseline.samePeriodLastYear)}, recent run rate ${base(a.baseline.recentRunRate)}`
        : `  基準:去年同期 ${base(a.baseline.samePeriodLastYear)},近期趨勢推估 ${base(a.baseline.recentRunRate)}`,
    );
  if (a.forecast)
    lines.push(
      en
        ? `  forecast ${f(a.forecast.mean)} (80%: ${f(a.forecast.lo80)}–${f(a.forecast.hi80)}, 95%: ${f(a.forecast.lo95)}–${f(a.forecast.hi95)})`
        : `  本期預測 ${f(a.forecast.mean)}(80% 區間 ${f(a.forecast.lo80)}–${f(a.forecast.hi80)},95% 區間 ${f(a.forecast.lo95)}–${f(a.forecast.hi95)})`,
    );
  if (a.recommended)
    lines.push(
      en
        ? `  recommended: ${f(a.recommended.p90)} (90%) · ${f(a.recommended.p70)} (70%) · ${f(a.recommended.p50)} (50%)`
        : `  建議目標:${f(a.recommended.p90)}(90% 機率)· ${f(a.recommended.p70)}(70%)· ${f(a.recommended.p50)}(50%)`,
    );
  for (const u of g.unknownScope) {
    const closest = u.suggestions.map((x) =>
      en
        ? `${dimensionWord(x.dimension, lang)} “${x.name}”`
        : `${dimensionWord(x.dimension, lang)}「${x.name}」`,
    );
    lines.push(
      en
        ? `  no ${dimensionWord(u.dimension, lang)} “${u.name}” in your data${closest.length ? ` — closest: ${closest.join(', ')}` : ''}`
        : `  資料中沒有${dimensionWord(u.dimension, lang)}「${u.name}」${closest.length ? `— 最接近的名稱:${closest.join('、')}` : ''}`,
    );
  }
  for (const c of g.caveats) lines.push(`  ${dataGapMessage(c.gap, c.lines, lang)}`);
  if (a.reason) lines.push(`  ${a.reason}`);
  for (const x of g.findings)
    lines.push(
      `- [${w.letter[x.letter]}${en ? ': ' : '·'}${w.severity[x.severity]}] ${x.message}${x.fix ? ` → ${x.fix}` : ''}`,
    );
  lines.push(`${en ? 'Rewrite' : '建議寫法'}: ${g.rewrite}`);
  return lines;
}

/** A target in words ("Revenue reach 1,500 a day"); goals write rates as percent numbers (25 for 25 %). */
function targetText(metric: KpiMetric, t: GoalTarget, lang: Lang, symbol: string): string {
  const w = WORDS[lang];
  const value =
    t.kind === 'percent_change'
      ? `${t.value}%`
      : formatMetricValue(metric, isPercentMetric(metric) ? t.value / 100 : t.value, symbol);
  return `${KPI_GLOSSARY[metric].name[lang]} ${w.kind[t.kind]} ${value}${t.per ? ` ${w.per[t.per]}` : ''}`;
}

/** `symbol`: the company's currency symbol (NT$), money figures carry it. */
function goalText(goal: GoalWithGrading, lang: Lang, symbol: string): string {
  const w = WORDS[lang];
  const status = goal.status === 'active' || goal.status === 'archived' ? w.status[goal.status] : goal.status;
  return [
    `${goal.id}  ${goal.name}  [${status}, v${goal.version}]`,
    `  ${targetText(goal.metric, goal.target, lang, symbol)}, ${goal.period.start} → ${goal.period.end}`,
    ...gradingText(goal.grading, goal.metric, lang, symbol),
  ].join('\n');
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
    .option('--json', 'print JSON')
    .action(async (opts: GoalOptions & { statement: string; today?: string }) => {
      // Without --lang or PACER_LANG, the goal is read and graded in its sentence's language.
      const lang = settleLang(textLang(opts.statement));
      if (opts.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today))
        fail('--today: expected a date YYYY-MM-DD', '--today:日期格式應為 YYYY-MM-DD');
      await withRuntime(opts, async (rt) => {
        const { companyId, actor } = await ownerOf(rt, opts);
        const parsed = await parseGoalDraft(rt.ctx, actor, companyId, opts.statement, opts.today, lang);
        const d = parsed.draft;
        if (!d.metric || !d.target || !d.period) {
          const missing = (
            [
              [!d.metric, 'metric', '指標'],
              [!d.target, 'target', '目標值'],
              [!d.period, 'period', '期間'],
            ] as const
          ).filter(([gone]) => gone);
          const grading = gradingText(
            parsed.grading,
            d.metric ?? null,
            lang,
            await moneySymbol(rt, actor, companyId),
          ).join('\n');
          // With --json the reading goes beside the error: {"saved": false, "missing", …, "error"}.
          fail(
            `Cannot save: the sentence names no ${missing.map(([, en]) => en).join(', ')}.\n${grading}`,
            `無法儲存:句子缺少${missing.map(([, , zh]) => zh).join('、')}。\n${grading}`,
            'GOAL_INCOMPLETE',
            { saved: false, missing: missing.map(([, en]) => en), ...parsed },
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
        // Saved with the grading as of the day the sentence was read (--today).
        const saved = await createGoal(rt.ctx, actor, companyId, spec, lang, opts.today);
        const unknown = Object.entries(parsed.unknownNames).map(([k, v]) =>
          say(
            `  not in your data (${dimensionName(k, lang)}): ${v.join(', ')}`,
            `  資料中沒有的${dimensionName(k, lang)}:${v.join('、')}`,
          ),
        );
        output(
          opts.json,
          { ...saved, unknownNames: parsed.unknownNames },
          [goalText(saved, lang, await moneySymbol(rt, actor, companyId)), ...unknown].join('\n'),
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
      const lang = cliLang();
      const w = WORDS[lang];
      await withRuntime(opts, async (rt) => {
        const { companyId, companyName, actor } = await ownerOf(rt, opts);
        const goals = await listGoals(rt.ctx, actor, companyId, { status });
        const lines = goals.map(
          (g) =>
            `${g.id}\t${g.status === 'active' || g.status === 'archived' ? w.status[g.status] : g.status}\t${g.score ?? '—'}\t${KPI_GLOSSARY[g.metric].name[lang]}\t${g.period.start}→${g.period.end}\t${g.name}`,
        );
        const count = say(
          `${goals.length} ${goals.length === 1 ? 'goal' : 'goals'}`,
          `${goals.length} 個目標`,
        );
        output(opts.json, goals, [`${companyName}: ${count}`, ...lines].join('\n'));
      });
    });

  withDatabaseOption(goal.command('grade'))
    .description('Grade a goal on the five SMART letters from the company data / 評分目標')
    .argument('<goalId>')
    .option('--company <idOrName>', 'company (required when the database holds several)')
    .option('--json', 'print JSON')
    .action(async (goalId: string, opts: GoalOptions) => {
      await withRuntime(opts, async (rt) => {
        const { companyId, actor } = await ownerOf(rt, opts);
        const probe = await listGoals(rt.ctx, actor, companyId, { status: 'all' });
        const found = probe.find((g) => g.id === goalId);
        // Without --lang or PACER_LANG, a goal is graded in its own sentence's language.
        const lang = found ? settleLang(textLang(`${found.statement}${found.name}`)) : cliLang();
        const g = await getGoal(rt.ctx, actor, companyId, goalId, lang);
        output(opts.json, g, goalText(g, lang, await moneySymbol(rt, actor, companyId)));
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
          const g = await act(rt.ctx, actor, companyId, goalId);
          output(
            opts.json,
            g,
            name === 'archive'
              ? say(`Archived: ${g.name}`, `已封存:${g.name}`)
              : say(`Restored: ${g.name}`, `已還原:${g.name}`),
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
        for (const [option, value] of [
          ['--from', opts.from],
          ['--to', opts.to],
        ] as const)
          if (value !== undefined && !date.test(value))
            fail(`${option}: expected a date YYYY-MM-DD`, `${option}:日期格式應為 YYYY-MM-DD`);
        const value = opts.target === undefined ? undefined : Number(opts.target);
        if (value !== undefined && !Number.isFinite(value))
          fail('--target: expected a number', '--target:目標值須為數字');
        const version = opts.version === undefined ? undefined : Number(opts.version);
        if (version !== undefined && !Number.isInteger(version))
          fail('--version: expected a whole number', '--version:版本須為整數');
        await withRuntime(opts, async (rt) => {
          const { companyId, actor } = await ownerOf(rt, opts);
          const lang = cliLang();
          const g = await getGoal(rt.ctx, actor, companyId, goalId, lang);
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
          if (spec.period.start > spec.period.end)
            fail('--to is before --from', '--to 的結束日早於 --from 的開始日');
          const saved = await updateGoal(
            rt.ctx,
            actor,
            companyId,
            goalId,
            spec,
            version ?? g.version,
            opts.reason,
            lang,
          );
          output(opts.json, saved, goalText(saved, lang, await moneySymbol(rt, actor, companyId)));
        });
      },
    );
}

/** The word of a key of `unknownNames` (product, channel, region, segment); another key as it is. */
function dimensionName(key: string, lang: Lang): string {
  const words: Record<string, string> =
    lang === 'en'
      ? { product: 'product', channel: 'channel', region: 'region', segment: 'customer segment' }
      : { product: '產品', channel: '通路', region: '地區', segment: '客群' };
  return words[key] ?? key;
}
