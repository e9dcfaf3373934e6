/**
 * `pacer smart`: reads a goal statement and grades it on SMART.
 *
 *   pacer smart --json [--today YYYY-MM-DD] [--lang zh-TW|en] "<statement>"
 *   pacer smart --json --batch FILE      (JSONL {"id","statement","today"} in, JSON array out)
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isLocalDate } from '../../core/calendar/index.ts';
import { todayIn } from '../../core/calendar/time-zones.ts';
import { targetProblem } from '../../core/goals/target-limits.ts';
import {
  type Finding,
  type GoalGrading,
  gradeGoalStatement,
  gradeScore,
  type Lang,
  type ParsedGoal,
  parseGoalStatement,
  rewriteSuggestion,
} from '../../core/smart/index.ts';
import { chosenLang, say, withLanguageOption } from '../language.ts';

interface SmartOptions {
  json?: boolean;
  today?: string;
  batch?: string;
  fiscalYearStart?: string;
}

export interface SmartReading {
  id?: string;
  statement: string;
  parsed: {
    metric: ParsedGoal['metric'];
    targets: Array<{ metric: string; kind: string; value: number; per: string | null }>;
    period: ParsedGoal['period'];
    scope: ParsedGoal['scope'];
    strategies: string[];
  };
  grades: GoalGrading['grades'];
  /** The reader's findings, and the goals' own for a target no business can reach (TARGET_FALL_OF_100…). */
  findings: Array<Finding<string>>;
  score: number;
  rewrite: string;
}

/** Today's date in Asia/Taipei, the default time zone of a company. */
function todayInTaipei(): string {
  return todayIn('Asia/Taipei', new Date());
}

function readLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  if (value === 'zh-TW' || value === 'zh' || value === 'zh-Hant') return 'zh-TW';
  if (value === 'en') return 'en';
  throw new Error(`--lang must be zh-TW or en, not ${value}`);
}

export function readStatement(
  statement: string,
  today: string,
  lang: Lang | undefined,
  fiscalYearStartMonth: number | undefined,
  id?: string,
): SmartReading {
  const parsed = parseGoalStatement(statement, { today, lang, fiscalYearStartMonth });
  const grading = gradeGoalStatement(parsed);
  // A target no business can reach (a fall of 150 %, revenue of −NT$500,000, a rate of 250 %) is not a
  // measurable target: the one rule of the goals (core/goals/target-limits.ts), as the API grades it.
  const impossible = parsed.targets
    .map((t) => targetProblem({ metric: t.metric, kind: t.kind, value: t.value, per: t.per }, parsed.lang))
    .filter((f): f is NonNullable<typeof f> => f !== null);
  const grades = impossible.length > 0 ? { ...grading.grades, measurable: 'fail' as const } : grading.grades;
  return {
    ...(id !== undefined ? { id } : {}),
    statement,
    parsed: {
      metric: parsed.metric,
      targets: parsed.targets.map((t) => ({ metric: t.metric, kind: t.kind, value: t.value, per: t.per })),
      period: parsed.period,
      scope: parsed.scope,
      strategies: parsed.strategies,
    },
    grades,
    findings: [...grading.findings, ...impossible],
    score: gradeScore(grades),
    rewrite: rewriteSuggestion(parsed),
  };
}

const GRADE_MARK = { pass: '✔', warn: '!', fail: '✘', unknown: '?' } as const;

function formatReport(r: SmartReading, lang: Lang): string {
  const zh = lang === 'zh-TW';
  const p = r.parsed;
  const lines = [
    r.statement,
    '',
    `${zh ? '指標' : 'Metric'}: ${p.metric ?? '-'}`,
    `${zh ? '目標' : 'Targets'}: ${
      p.targets.map((t) => `${t.metric} ${t.kind} ${t.value}${t.per ? ` / ${t.per}` : ''}`).join('; ') || '-'
    }`,
    `${zh ? '期間' : 'Period'}: ${p.period ? `${p.period.start} … ${p.period.end}` : '-'}`,
    `${zh ? '產品' : 'Products'}: ${p.scope.products.join(', ') || '-'}`,
    `${zh ? '通路' : 'Channels'}: ${p.scope.channels.join(', ') || '-'}`,
    `${zh ? '客群' : 'Segments'}: ${p.scope.segments.join(', ') || '-'}`,
    `${zh ? '地區' : 'Regions'}: ${p.scope.regions.join(', ') || '-'}`,
    `${zh ? '策略' : 'Strategies'}: ${p.strategies.join(', ') || '-'}`,
    '',
    `S ${GRADE_MARK[r.grades.specific]}  M ${GRADE_MARK[r.grades.measurable]}  A ${GRADE_MARK[r.grades.achievable]}  R ${GRADE_MARK[r.grades.relevant]}  T ${GRADE_MARK[r.grades.time_bound]}   ${zh ? '分數' : 'score'} ${r.score}/100`,
  ];
  for (const f of r.findings) lines.push(`  [${f.letter}] ${f.message}\n      → ${f.fix}`);
  lines.push('', `${zh ? '建議改寫' : 'Suggested rewrite'}: ${r.rewrite}`);
  return lines.join('\n');
}

interface BatchLine {
  id?: unknown;
  statement?: unknown;
  today?: unknown;
  lang?: unknown;
}

function readBatch(
  file: string,
  defaults: { today: string; lang: Lang | undefined; fy: number | undefined },
) {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0);
  return lines.map((line) => {
    let item: BatchLine = {};
    try {
      item = JSON.parse(line) as BatchLine;
    } catch {
      item = { statement: '' };
    }
    const statement = typeof item.statement === 'string' ? item.statement : '';
    const today = typeof item.today === 'string' && isLocalDate(item.today) ? item.today : defaults.today;
    const lang = typeof item.lang === 'string' ? readLang(item.lang) : defaults.lang;
    const id = typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : undefined;
    return readStatement(statement, today, lang, defaults.fy, id);
  });
}

export function registerSmartCommand(program: Command): void {
  // The bench registers this command on a program of its own: it takes --lang there too.
  withLanguageOption(program)
    .command('smart')
    .description('Read a goal statement and grade it on SMART (讀取目標敘述並以SMART原則評分)')
    .argument('[statement]', 'the goal, e.g. 「在未來三個月內,透過線上廣告提升產品A銷售額20%」')
    .option('--json', 'print the reading as JSON')
    .option('--today <date>', 'resolve periods against this date (YYYY-MM-DD; default: today in Asia/Taipei)')
    .option('--fiscal-year-start <month>', 'month the fiscal year starts (1-12)', '1')
    .option('--batch <file>', 'read JSONL lines {"id","statement","today"} and print a JSON array')
    .action((statement: string | undefined, opts: SmartOptions) => {
      const today = opts.today ?? todayInTaipei();
      if (!isLocalDate(today)) {
        process.stderr.write(
          `${say(`--today must be a date YYYY-MM-DD, not ${today}`, `--today 須為 YYYY-MM-DD 格式的日期,不是 ${today}`)}\n`,
        );
        process.exitCode = 2;
        return;
      }
      // --lang or PACER_LANG; without them each statement is read in its own language.
      const lang: Lang | undefined = chosenLang();
      const fyNumber = Number(opts.fiscalYearStart ?? '1');
      const fy = Number.isInteger(fyNumber) && fyNumber >= 1 && fyNumber <= 12 ? fyNumber : undefined;
      if (opts.batch) {
        const readings = readBatch(opts.batch, { today, lang, fy });
        if (opts.json) process.stdout.write(`${JSON.stringify(readings)}\n`);
        else for (const r of readings) process.stdout.write(`${formatReport(r, lang ?? 'zh-TW')}\n\n`);
        return;
      }
      if (statement === undefined || statement.trim() === '') {
        process.stderr.write(
          `${say('Give a goal statement, or --batch FILE.', '請提供目標敘述,或 --batch 檔案。')}\n`,
        );
        process.exitCode = 2;
        return;
      }
      const reading = readStatement(statement, today, lang, fy);
      if (opts.json) process.stdout.write(`${JSON.stringify(reading, null, 2)}\n`);
      else
        process.stdout.write(
          `${formatReport(reading, lang ?? (/[\u4e00-\u9fff]/.test(statement) ? 'zh-TW' : 'en'))}\n`,
        );
    });
}
