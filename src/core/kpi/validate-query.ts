import { daysBetween, GRAINS, isLocalDate } from '../calendar/periods.ts';
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

export interface QueryProblem {
  path: string;
  message: string;
}

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
  if (!metricOk) problems.push({ path: 'metric', message: `unknown metric ${input.metric}` });
  const fromOk = isLocalDate(input.from);
  const toOk = isLocalDate(input.to);
  if (!fromOk) problems.push({ path: 'from', message: 'expected a date YYYY-MM-DD' });
  if (!toOk) problems.push({ path: 'to', message: 'expected a date YYYY-MM-DD' });
  if (fromOk && toOk) {
    if (input.to < input.from) problems.push({ path: 'to', message: 'ends before from' });
    else if (daysBetween(input.from, input.to) > MAX_RANGE_DAYS)
      problems.push({ path: 'to', message: `at most ${MAX_RANGE_DAYS} days` });
    else if (input.grain === 'day' && daysBetween(input.from, input.to) > MAX_PERIODS)
      problems.push({ path: 'grain', message: `at most ${MAX_PERIODS} days at the day grain` });
  }
  if (!(GRAINS as readonly string[]).includes(input.grain))
    problems.push({ path: 'grain', message: `one of ${GRAINS.join(', ')}` });
  const allowed: readonly Dimension[] = metricOk
    ? KPI_GLOSSARY[input.metric as KpiQuery['metric']].dimensions
    : DIMENSIONS;
  if (input.by != null && input.by !== '') {
    if (!isDimension(input.by)) problems.push({ path: 'by', message: `one of ${DIMENSIONS.join(', ')}` });
    else if (!allowed.includes(input.by))
      problems.push({
        path: 'by',
        message: `${input.metric} can be broken down by ${allowed.join(', ')} only`,
      });
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
    if (!isDimension(dim)) problems.push({ path: `where.${dim}`, message: 'unknown dimension' });
    else if (!allowed.includes(dim))
      problems.push({
        path: `where.${dim}`,
        message: `${input.metric} can be filtered by ${allowed.join(', ')} only`,
      });
    else if (names.length === 0) problems.push({ path: `where.${dim}`, message: 'name at least one member' });
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
      return { ok: false, problem: { path: 'where', message: `expected key=value, got "${part}"` } };
    const list = Object.hasOwn(where, key) ? where[key] : undefined;
    if (list) list.push(value);
    else where[key] = [value];
  }
  return { ok: true, where: { ...where } };
}
