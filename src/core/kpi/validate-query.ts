import { daysBetween, GRAINS, isLocalDate } from '../calendar/periods.ts';
import { type FieldError, fieldProblem as say } from '../errors/app-error.ts';
import { KPI_GLOSSARY } from './glossary.ts';
import { DIMENSIONS, type Dimension, isKpiMetric, type KpiQuery } from './types.ts';

/** A loose KPI question as it arrives (CLI flags, query string) before it is checked. */
export interface KpiQueryInput {
  metric: string;
  from: string;
  to: string;
  grain: string;
  by?: string | null | undefined;
  /** Filters: by dimension, or as written in a query string or on the command line (see {@link parseWhere}). */
  where?: string | Readonly<Record<string, readonly string[]>> | undefined;
}

/** A problem of a KPI question: the field, in English and Chinese. */
export type QueryProblem = FieldError;

/** The longest range a query may span (ten years), and the most periods it may return. */
export const MAX_RANGE_DAYS = 3660;
export const MAX_PERIODS = 1200;

const isDimension = (d: string): d is Dimension => (DIMENSIONS as readonly string[]).includes(d);

/**
 * Checks a KPI question: a known metric, valid dates in order, a grain, and only the dimensions the
 * metric can honour. Returns the query, or every problem found (a question that cannot be answered is
 * data, not an exception).
 */
export function validateKpiQuery(
  input: KpiQueryInput,
): { ok: true; query: KpiQuery } | { ok: false; problems: QueryProblem[] } {
  const problems: QueryProblem[] = [];
  const metricOk = isKpiMetric(input.metric);
  if (!metricOk)
    problems.push(say('metric', `unknown metric ${input.metric}`, `沒有這個指標:${input.metric}`));
  const fromOk = isLocalDate(input.from);
  const toOk = isLocalDate(input.to);
  if (!fromOk)
    problems.push(
      say(
        'from',
        'expected a date YYYY-MM-DD that is a real calendar day',
        '請輸入存在的日期,格式 YYYY-MM-DD',
      ),
    );
  if (!toOk)
    problems.push(
      say('to', 'expected a date YYYY-MM-DD that is a real calendar day', '請輸入存在的日期,格式 YYYY-MM-DD'),
    );
  if (fromOk && toOk) {
    if (input.to < input.from) problems.push(say('to', 'ends before from', '結束日早於開始日'));
    else if (daysBetween(input.from, input.to) > MAX_RANGE_DAYS)
      problems.push(say('to', `at most ${MAX_RANGE_DAYS} days`, `期間最多 ${MAX_RANGE_DAYS} 天`));
    else if (input.grain === 'day' && daysBetween(input.from, input.to) > MAX_PERIODS)
      problems.push(
        say('grain', `at most ${MAX_PERIODS} days at the day grain`, `以日為單位時最多 ${MAX_PERIODS} 天`),
      );
  }
  if (!(GRAINS as readonly string[]).includes(input.grain))
    problems.push(say('grain', `one of ${GRAINS.join(', ')}`, `請選擇:${GRAINS.join('、')}`));
  const allowed: readonly Dimension[] = metricOk
    ? KPI_GLOSSARY[input.metric as KpiQuery['metric']].dimensions
    : DIMENSIONS;
  if (input.by != null && input.by !== '') {
    if (!isDimension(input.by))
      problems.push(say('by', `one of ${DIMENSIONS.join(', ')}`, `請選擇:${DIMENSIONS.join('、')}`));
    else if (!allowed.includes(input.by))
      problems.push(
        say(
          'by',
          `${input.metric} can be broken down by ${allowed.join(', ')} only`,
          `${input.metric} 只能依 ${allowed.join('、')} 細分`,
        ),
      );
  }
  let filters: Readonly<Record<string, readonly string[]>> = {};
  if (typeof input.where === 'string') {
    const parsed = parseWhere(input.where);
    if (parsed.ok) filters = parsed.where;
    else problems.push(parsed.problem);
  } else if (input.where) {
    filters = input.where;
  }
  for (const [dim, names] of Object.entries(filters)) {
    if (!isDimension(dim)) problems.push(say(`where.${dim}`, 'unknown dimension', '沒有這個維度'));
    else if (!allowed.includes(dim))
      problems.push(
        say(
          `where.${dim}`,
          `${input.metric} can be filtered by ${allowed.join(', ')} only`,
          `${input.metric} 只能依 ${allowed.join('、')} 篩選`,
        ),
      );
    else if (names.length === 0)
      problems.push(say(`where.${dim}`, 'name at least one member', '請至少列出一個成員'));
  }
  if (problems.length > 0) return { ok: false, problems };
  const where: Partial<Record<Dimension, readonly string[]>> = {};
  for (const [dim, names] of Object.entries(filters)) if (isDimension(dim)) where[dim] = [...names];
  const query = {
    metric: input.metric,
    from: input.from,
    to: input.to,
    grain: input.grain,
    ...(input.by ? { by: input.by } : {}),
    ...(Object.keys(where).length > 0 ? { where } : {}),
  } as KpiQuery;
  return { ok: true, query };
}

/**
 * Reads filters written as `key=value[,key=value...]` (a key repeated means either member):
 * "channel=門市,channel=線上商店,category=咖啡". Returns the filters or the problem.
 */
export function parseWhere(
  text: string | undefined,
): { ok: true; where: Record<string, string[]> } | { ok: false; problem: QueryProblem } {
  const where: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  if (!text || text.trim() === '') return { ok: true, where };
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? '' : part.slice(0, eq).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!key || !value)
      return {
        ok: false,
        problem: say('where', `expected key=value, got "${part}"`, `應為 鍵=值,收到「${part}」`),
      };
    const list = Object.hasOwn(where, key) ? where[key] : undefined;
    if (list) list.push(value);
    else where[key] = [value];
  }
  return { ok: true, where: { ...where } };
}
