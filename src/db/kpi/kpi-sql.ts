import { type RawBuilder, sql } from 'kysely';
import type { KpiScope } from '../../app/kpi/ports.ts';
import { addDays, type DateRange, daysBetween, diffDays, startOfIsoWeek } from '../../core/calendar/index.ts';
import { type Dimension, SEGMENT_DIMENSIONS } from '../../core/kpi/types.ts';

/**
 * A sale line of `alias` (sales_lines), in SQL: not a return line (core/ingest isReturnLine: a negative
 * quantity or amount). Returns net in every sum; the distinct counts (orders, customers, first
 * purchases, the roll-ups' line counts) see sale lines only, so an order of returns alone is no
 * order and its customer no buying customer.
 */
export const saleLine = (alias = 's'): RawBuilder<boolean> =>
  alias === ''
    ? sql<boolean>`(quantity >= 0 AND amount_minor >= 0)`
    : sql<boolean>`(${sql.ref(`${alias}.quantity`)} >= 0 AND ${sql.ref(`${alias}.amount_minor`)} >= 0)`;

/** 1 for a sale line of `alias`, else 0 (a count of sale lines is its SUM). */
export const saleOne = (alias = 's'): RawBuilder<number> =>
  sql<number>`CASE WHEN ${saleLine(alias)} THEN 1 ELSE 0 END`;

/**
 * Where sales facts come from: the additive roll-ups, the customer-month activity (customer
 * segments, whole months), or the raw lines.
 */
export type SalesSource =
  | 'daily'
  | 'monthly'
  | 'weekly'
  | 'customerMonthly'
  | 'customerWeekly'
  | 'customerDaily'
  | 'lines';

export const TABLES: Record<SalesSource, string> = {
  daily: 'kpi_sales_daily',
  monthly: 'kpi_sales_monthly',
  weekly: 'kpi_sales_weekly',
  customerMonthly: 'kpi_customer_monthly',
  customerWeekly: 'kpi_customer_weekly',
  customerDaily: 'kpi_customer_daily',
  lines: 'sales_lines',
};
/**
 * The period each row of a period table stands for (its DATE_COLUMN holds the period's start). The
 * customer cells per day too: their rows are grouped by day and summed into buckets as the others'.
 */
export const PERIOD_UNIT: Partial<Record<SalesSource, CellUnit>> = {
  monthly: 'month',
  weekly: 'week',
  customerMonthly: 'month',
  customerWeekly: 'week',
  customerDaily: 'day',
};
/** The customer cell tables among the sources (a segment's sales sums come from cellSums). */
export const CUSTOMER_CELL_SOURCES: ReadonlySet<SalesSource> = new Set([
  'customerMonthly',
  'customerWeekly',
  'customerDaily',
]);
export const DATE_COLUMN: Record<SalesSource, string> = {
  daily: 'sale_date',
  monthly: 'month_start',
  weekly: 'week_start',
  customerMonthly: 'month_start',
  customerWeekly: 'week_start',
  customerDaily: 'sale_date',
  lines: 'sale_date',
};

/** A date range that belongs to bucket `bucket`. */
export interface Piece extends DateRange {
  bucket: number;
}

export const piecesOf = (buckets: readonly DateRange[]): Piece[] =>
  buckets.map((b, bucket) => ({ ...b, bucket }));

export function dimensionsOf(scope: KpiScope): Set<Dimension> {
  const dims = new Set<Dimension>(Object.keys(scope.where) as Dimension[]);
  if (scope.by) dims.add(scope.by);
  return dims;
}

export const involvesSegments = (scope: KpiScope): boolean =>
  [...dimensionsOf(scope)].some((d) => SEGMENT_DIMENSIONS.includes(d));

/** Pieces a CASE tests one after the other; more are split in halves by their start dates. */
const LINEAR_PIECES = 8;

/** What a CASE gives for a piece (its bucket, or another literal) and outside every piece. */
interface CaseValues {
  of: (p: Piece) => RawBuilder<unknown>;
  otherwise: RawBuilder<unknown>;
}
const BUCKETS: CaseValues = { of: (p) => sql.lit(p.bucket), otherwise: sql`-1` };

/** A flat CASE over `pieces`: the first that holds the date gives its value. */
function linearCase<T>(
  column: RawBuilder<unknown>,
  pieces: readonly Piece[],
  values: CaseValues,
): RawBuilder<T> {
  const whens = pieces.map((p) => sql`WHEN ${column} BETWEEN ${p.start} AND ${p.end} THEN ${values.of(p)}`);
  return sql<T>`CASE ${sql.join(whens, sql` `)} ELSE ${values.otherwise} END`;
}

/** Pieces sorted by start date, none overlapping the next: `null` when some overlap. */
function disjointSorted(pieces: readonly Piece[]): Piece[] | null {
  const sorted = [...pieces].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (let i = 1; i < sorted.length; i++)
    if ((sorted[i] as Piece).start <= (sorted[i - 1] as Piece).end) return null;
  return sorted;
}

/** Halves `sorted` (disjoint) by the start date of its middle piece until a flat CASE is short. */
function searchCase<T>(
  column: RawBuilder<unknown>,
  sorted: readonly Piece[],
  values: CaseValues,
): RawBuilder<T> {
  if (sorted.length <= LINEAR_PIECES) return linearCase(column, sorted, values);
  const mid = sorted.length >> 1;
  const left = searchCase(column, sorted.slice(0, mid), values);
  const right = searchCase(column, sorted.slice(mid), values);
  return sql<T>`CASE WHEN ${column} < ${(sorted[mid] as Piece).start} THEN ${left} ELSE ${right} END`;
}

/**
 * The rows of a query grouped by a bucket CASE (`b`) that lie in a bucket: rows outside every bucket
 * (b = −1, days an arm's span covers between its pieces) are left out here, not by `WHERE b >= 0` over
 * a union of arms: both databases push that filter down into each arm, where it evaluates the CASE a
 * second time on every row (new customers by product by week at 1M lines: 25–30 % of the statement on
 * PostgreSQL, 12–15 % on SQLite). Only where the arms' buckets are the question's own, next to each
 * other: buckets far apart (the unsure ones read again) would group every row between them.
 */
export function inBuckets<T extends { b: unknown }>(rows: readonly T[]): T[] {
  return rows.filter((r) => Number(r.b) >= 0);
}

/**
 * CASE expression mapping a date column to its bucket index (−1 outside every piece). Many
 * disjoint pieces (a year by day: 365) are searched by halves, a handful of comparisons a row rather
 * than one per piece; overlapping pieces keep the flat CASE (the first piece that holds wins).
 */
export function bucketCase(column: RawBuilder<unknown>, pieces: readonly Piece[]): RawBuilder<number> {
  if (pieces.length === 0) return sql<number>`-1`;
  if (pieces.length <= LINEAR_PIECES) return linearCase(column, pieces, BUCKETS);
  const sorted = disjointSorted(pieces);
  return sorted === null ? linearCase(column, pieces, BUCKETS) : searchCase(column, sorted, BUCKETS);
}

/**
 * The Monday of a date column's ISO week ('YYYY-MM-DD'), for dates in the weeks `span` touches
 * (NULL outside them): a search over those weeks, the same SQL on SQLite and PostgreSQL.
 */
export function weekStartCase(column: RawBuilder<unknown>, span: DateRange): RawBuilder<string> {
  const weeks: Piece[] = [];
  for (let monday = startOfIsoWeek(span.start); monday <= span.end; monday = addDays(monday, 7))
    weeks.push({ bucket: weeks.length, start: monday, end: addDays(monday, 6) });
  return searchCase(column, weeks, { of: (p) => sql`${p.start}`, otherwise: sql`NULL` });
}

export function spanOf(pieces: readonly Piece[]): DateRange {
  let start = pieces[0]?.start ?? '9999-12-31';
  let end = pieces[0]?.end ?? '0000-01-01';
  for (const p of pieces) {
    if (p.start < start) start = p.start;
    if (p.end > end) end = p.end;
  }
  return { start, end };
}

/**
 * Splits buckets into whole months (read from the monthly roll-up, keyed by 'YYYY-MM-01') and the
 * leftover days (read from the daily roll-up).
 */
export function splitByMonth(buckets: readonly DateRange[]): { months: Piece[]; days: Piece[] } {
  const months: Piece[] = [];
  const days: Piece[] = [];
  buckets.forEach((b, bucket) => {
    const firstFull = b.start.endsWith('-01')
      ? b.start
      : `${addDays(`${b.start.slice(0, 7)}-28`, 7).slice(0, 7)}-01`;
    const nextMonth = `${addDays(`${b.end.slice(0, 7)}-28`, 7).slice(0, 7)}-01`;
    const endsMonth = addDays(b.end, 1) === nextMonth;
    const lastFullStart = endsMonth
      ? `${b.end.slice(0, 7)}-01`
      : `${addDays(`${b.end.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
    if (firstFull > lastFullStart) {
      days.push({ bucket, ...b });
      return;
    }
    months.push({ bucket, start: firstFull, end: lastFullStart });
    if (b.start < firstFull) days.push({ bucket, start: b.start, end: addDays(firstFull, -1) });
    const afterLastFull = `${addDays(`${lastFullStart.slice(0, 7)}-28`, 7).slice(0, 7)}-01`;
    if (afterLastFull <= b.end) days.push({ bucket, start: afterLastFull, end: b.end });
  });
  return { months, days };
}

/**
 * Splits buckets into whole ISO weeks (pieces of Mondays: start and end are the first and last
 * whole week's Monday) and the leftover days.
 */
export function splitByWeek(buckets: readonly DateRange[]): { weeks: Piece[]; days: Piece[] } {
  const weeks: Piece[] = [];
  const days: Piece[] = [];
  buckets.forEach((b, bucket) => {
    const monday = startOfIsoWeek(b.start);
    const firstFull = monday === b.start ? monday : addDays(monday, 7);
    const lastFull = addDays(startOfIsoWeek(addDays(b.end, 1)), -7);
    if (firstFull > lastFull) {
      days.push({ bucket, ...b });
      return;
    }
    weeks.push({ bucket, start: firstFull, end: lastFull });
    if (b.start < firstFull) days.push({ bucket, start: b.start, end: addDays(firstFull, -1) });
    if (addDays(lastFull, 7) <= b.end) days.push({ bucket, start: addDays(lastFull, 7), end: b.end });
  });
  return { weeks, days };
}

/**
 * What reading a period costs, relative: a month of monthly customer cells, an ISO week of weekly
 * cells, a day of lines (rows per period at 1M and 10M lines: a month holds about two weeks' cells,
 * a day about a week's, and a line, not covered by its date index, costs about three cells).
 */
const READ_COST = { month: 2, week: 1, day: 3 } as const;

/**
 * Each bucket covered by whole calendar months, whole ISO weeks and single days at the least
 * READ_COST: a bucket of whole months is its months; a range starting or ending inside a month reads
 * the whole weeks around its edge even where they cross into the next or previous month (2024-11-02 …
 * 2025-11-01: weeks from 4 November to 29 December, then months, four days of lines instead of
 * eight). Pieces of months and weeks have period starts for start and end (a run of each), days
 * their dates; every day of a bucket lies in exactly one piece.
 */
export function splitCheapest(buckets: readonly DateRange[]): {
  months: Piece[];
  weeks: Piece[];
  days: Piece[];
} {
  const months: Piece[] = [];
  const weeks: Piece[] = [];
  const days: Piece[] = [];
  buckets.forEach((b, bucket) => {
    const n = diffDays(b.start, b.end) + 1;
    if (n <= 0) return;
    // cost[i]: the least cost of the days before day i; how[i]: the step that reached i (its length, kind).
    const cost = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
    const step = new Int32Array(n + 1);
    const kind = new Uint8Array(n + 1);
    cost[0] = 0;
    const relax = (from: number, length: number, k: number, c: number) => {
      const to = from + length;
      if (to > n) return;
      const total = (cost[from] as number) + c;
      if (total < (cost[to] as number)) {
        cost[to] = total;
        step[to] = length;
        kind[to] = k;
      }
    };
    for (let i = 0; i < n; i++) {
      const date = addDays(b.start, i);
      relax(i, 1, 0, READ_COST.day);
      if (startOfIsoWeek(date) === date) relax(i, 7, 1, READ_COST.week);
      if (date.endsWith('-01'))
        relax(i, daysBetween(date, nextPeriod('month', date)) - 1, 2, READ_COST.month);
    }
    // The steps back from the end, then forwards as runs of one kind.
    const path: { at: number; length: number; kind: number }[] = [];
    for (let at = n; at > 0; at -= step[at] as number)
      path.push({ at: at - (step[at] as number), length: step[at] as number, kind: kind[at] as number });
    path.reverse();
    for (let i = 0; i < path.length; ) {
      let j = i;
      while (j + 1 < path.length && path[j + 1]?.kind === path[i]?.kind) j++;
      const from = addDays(b.start, path[i]?.at as number);
      const last = path[j] as { at: number; length: number };
      const lastStart = addDays(b.start, last.at);
      const k = path[i]?.kind;
      if (k === 2) months.push({ bucket, start: from, end: lastStart });
      else if (k === 1) weeks.push({ bucket, start: from, end: lastStart });
      else days.push({ bucket, start: from, end: addDays(lastStart, last.length - 1) });
      i = j + 1;
    }
  });
  return { months, weeks, days };
}

/** The periods of the customer cells: months, ISO weeks and days (kpi_customer_monthly, _weekly, _daily). */
export type CellUnit = 'month' | 'week' | 'day';

/** Whole periods of one unit (months or ISO weeks: their first days, as pieces) and the days left. */
export interface PeriodSplit {
  unit: 'month' | 'week';
  periods: Piece[];
  days: Piece[];
}

const dayCount = (pieces: readonly Piece[]) => pieces.reduce((n, p) => n + daysBetween(p.start, p.end), 0);

/** Days the month split must leave over beyond the week split's before weeks are read instead. */
const WEEKS_SAVE_DAYS = 56;

/**
 * Buckets split into whole months, or, where `weeks` are kept too and they leave far fewer days over
 * (buckets of weeks: a year by week leaves every day outside months), into whole weeks; and the days
 * left. A few days at a range's ends stay with months (a month's rows are fewer than its weeks').
 */
export function splitByPeriod(buckets: readonly DateRange[], weeks: boolean): PeriodSplit {
  const month = splitInto(buckets, 'month');
  if (!weeks || month.days.length === 0) return month;
  const week = splitInto(buckets, 'week');
  return dayCount(month.days) - dayCount(week.days) > WEEKS_SAVE_DAYS ? week : month;
}

/** Buckets split into whole periods of `unit` and the days left. */
export function splitInto(buckets: readonly DateRange[], unit: PeriodSplit['unit']): PeriodSplit {
  if (unit === 'week') {
    const { weeks, days } = splitByWeek(buckets);
    return { unit, periods: weeks, days };
  }
  const { months, days } = splitByMonth(buckets);
  return { unit, periods: months, days };
}

/**
 * SQL of the first day of the `unit` holding `column`'s date ('YYYY-MM-01', or the Monday), for the
 * dates of `span`.
 */
export const periodStartSql = (unit: CellUnit, column: string, span: DateRange): RawBuilder<unknown> => {
  if (unit === 'day') return sql.ref(column);
  return unit === 'month'
    ? sql`substr(${sql.ref(column)}, 1, 7) || '-01'`
    : weekStartCase(sql.ref(column), span);
};

/** The period after `start` (a month's first day, a Monday, a day) in `unit`. */
export const nextPeriod = (unit: CellUnit, start: string): string => {
  if (unit === 'day') return addDays(start, 1);
  return unit === 'week' ? addDays(start, 7) : `${addDays(`${start.slice(0, 7)}-28`, 7).slice(0, 7)}-01`;
};

/** Each period start of the whole-period pieces (starts and ends are period starts) → its bucket. */
export function periodBuckets(unit: CellUnit, periods: readonly Piece[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of periods) for (let m = p.start; m <= p.end; m = nextPeriod(unit, m)) out.set(m, p.bucket);
  return out;
}

/** The last day of the period starting `start` ('YYYY-MM-31' for a month: it sorts after every day). */
export const periodEnd = (unit: CellUnit, start: string): string => {
  if (unit === 'day') return start;
  return unit === 'week' ? addDays(start, 6) : `${start.slice(0, 7)}-31`;
};

const namesIn = (names: readonly string[]) => sql.join(names.map((n) => sql`${n}`));

export type FilterTarget = 'sales' | 'marketing' | 'satisfaction';

/** WHERE conditions (each starting with AND) for the scope's filters on alias `s`. */
export function filterSql(scope: KpiScope, target: FilterTarget): RawBuilder<unknown> {
  const c = scope.companyId;
  const parts: RawBuilder<unknown>[] = [];
  for (const [dim, names] of Object.entries(scope.where) as [Dimension, readonly string[]][]) {
    if (!names || names.length === 0) continue;
    const list = namesIn(names);
    switch (dim) {
      case 'product':
        parts.push(
          sql`s.product_id IN (SELECT id FROM products WHERE company_id = ${c} AND name IN (${list}))`,
        );
        break;
      case 'category':
        parts.push(
          sql`s.product_id IN (SELECT pr.id FROM products pr JOIN product_categories pc ON pc.id = pr.category_id WHERE pr.company_id = ${c} AND pc.name IN (${list}))`,
        );
        break;
      case 'channel':
        parts.push(
          sql`s.channel_id IN (SELECT id FROM channels WHERE company_id = ${c} AND name IN (${list}))`,
        );
        break;
      case 'rep':
        parts.push(
          sql`s.rep_id IN (SELECT id FROM sales_reps WHERE company_id = ${c} AND name IN (${list}))`,
        );
        break;
      case 'region':
        parts.push(
          target === 'satisfaction'
            ? sql`s.customer_id IN (SELECT cu2.id FROM customers cu2 JOIN regions rg ON rg.id = cu2.region_id WHERE cu2.company_id = ${c} AND rg.name IN (${list}))`
            : sql`s.region_id IN (SELECT id FROM regions WHERE company_id = ${c} AND name IN (${list}))`,
        );
        break;
      case 'customer_type':
      case 'age_band':
      case 'member_tier':
        parts.push(
          sql`s.customer_id IN (SELECT id FROM customers WHERE company_id = ${c} AND ${sql.ref(dim)} IN (${list}))`,
        );
        break;
    }
  }
  return parts.length === 0 ? sql`` : sql` AND ${sql.join(parts, sql` AND `)}`;
}

/**
 * The scope's breakdown as a column of the sales roll-ups' and the cell tables' own, on alias `s` (a
 * line member: product, channel, rep, region); null where the key is an expression or a join.
 */
export function keyColumn(scope: KpiScope): string | null {
  if (scope.by === null) return null;
  return (
    ({ channel: 's.channel_id', rep: 's.rep_id', region: 's.region_id', product: 's.product_id' } as const)[
      scope.by as 'channel' | 'rep' | 'region' | 'product'
    ] ?? null
  );
}

/** The breakdown key (text, '' for none) and the joins it needs, on alias `s`. */
export function keySql(
  scope: KpiScope,
  target: FilterTarget,
): { key: RawBuilder<string>; joins: RawBuilder<unknown> } {
  const none = { key: sql<string>`''`, joins: sql`` };
  const text = (expr: RawBuilder<unknown>) => sql<string>`COALESCE(CAST(${expr} AS text), '')`;
  switch (scope.by) {
    case null:
      return none;
    case 'product':
      return { key: text(sql`s.product_id`), joins: sql`` };
    case 'category':
      return { key: text(sql`kp.category_id`), joins: sql` LEFT JOIN products kp ON kp.id = s.product_id` };
    case 'channel':
      return { key: text(sql`s.channel_id`), joins: sql`` };
    case 'rep':
      return { key: text(sql`s.rep_id`), joins: sql`` };
    case 'region':
      return target === 'satisfaction'
        ? { key: text(sql`kc.region_id`), joins: sql` LEFT JOIN customers kc ON kc.id = s.customer_id` }
        : { key: text(sql`s.region_id`), joins: sql`` };
    case 'customer_type':
    case 'age_band':
    case 'member_tier':
      return {
        key: text(sql`kc.${sql.ref(scope.by)}`),
        joins: sql` LEFT JOIN customers kc ON kc.id = s.customer_id`,
      };
  }
}

/**
 * Pieces grouped into runs of consecutive days (each run is read with one range scan); `step` 7 for
 * pieces of weeks (start and end are Mondays).
 */
export function contiguousRuns(pieces: readonly Piece[], step = 1): Piece[][] {
  const sorted = [...pieces].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const runs: Piece[][] = [];
  let current: Piece[] = [];
  for (const p of sorted) {
    const last = current[current.length - 1];
    if (last && addDays(last.end, step) !== p.start) {
      runs.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
