import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { KpiScope } from '../../app/kpi/ports.ts';
import { addDays, type DateRange, startOfIsoWeek, startOfMonth } from '../../core/calendar/index.ts';
import { type Dimension, SEGMENT_DIMENSIONS } from '../../core/kpi/types.ts';
import type { Database } from '../schema/index.ts';
import { tenantOf } from '../tenants.ts';
import { CustomerMarks, IdArena, IdList, markAll, pushIds, pushPairs } from './customer-lists.ts';
import {
  bucketCase,
  type CellUnit,
  contiguousRuns,
  dimensionsOf,
  filterSql,
  inBuckets,
  involvesSegments,
  keyColumn,
  keySql,
  type Piece,
  periodBuckets,
  periodEnd,
  periodStartSql,
  piecesOf,
  saleLine,
  saleOne,
  spanOf,
  splitByPeriod,
  splitCheapest,
  splitInto,
} from './kpi-sql.ts';
import { repeatedProductLines } from './product-orders.ts';
import { sharedRead } from './shared-read.ts';

/**
 * Distinct customers without scanning the lines: `kpi_customer_monthly` keeps, per month × customer
 * (NULL: walk-ins) × channel × rep × region, the sums of the lines there and the count of the simple
 * orders there (orders not in kpi_complex_orders: all their lines share one day, channel, rep, region
 * and customer, so one cell). A row exists for a cell exactly when lines do. So, for any whole months:
 * - the customers active in a bucket × member are the distinct customer ids of its rows (segments
 *   through the customers table), their revenue the sum of amount_minor;
 * - a customer's distinct orders there are Σ order_count (simple orders) plus its complex orders,
 *   counted from their own lines (few; the two sets are disjoint);
 * - new customers are those whose first purchase (kpi_customer_first) lies in the bucket, active in it.
 * `kpi_customer_weekly` keeps the same cells per ISO week (weeks do not nest in months): buckets of
 * weeks read it for their whole weeks (splitByPeriod picks weeks where months would leave far more
 * days over). `kpi_customer_daily` keeps them per day: a bucket's days outside whole periods (a day,
 * the partial first and last week or month of a range) are read from it (Parts.cellDays).
 *
 * Product and category scopes (with customer segments or not) read `kpi_customer_product_monthly`
 * (or `kpi_customer_product_weekly` for buckets of weeks) the same way: per period × identified
 * customer × product, the revenue and count of the lines there, so the customers of a product or
 * category, their revenue, new customers, retention and churn come from it for whole periods, and
 * with kpi_repeat_product_orders the repeat customers and customers' orders of one product
 * (product-orders.ts). They have no daily cells: their days outside whole periods are read from the
 * lines. Scopes of a product with a channel, rep or region still read the lines.
 *
 * Imports keep the five tables as they add lines (RollupAccumulator, with the order counts
 * OrderTracker makes for kpi_orders_daily, and the moves of resolveSuspects); undo and merges
 * recompute the months, weeks and days of a date range from the lines (refreshCustomerCells,
 * refreshCustomerProducts).
 */

/** The dimensions kpi_customer_monthly carries (segments through the customer): not product, category. */
const ACTIVITY_DIMENSIONS: readonly Dimension[] = [
  'channel',
  'rep',
  'region',
  'customer_type',
  'age_band',
  'member_tier',
];

export const customerActivityServes = (scope: KpiScope): boolean =>
  [...dimensionsOf(scope)].every((d) => ACTIVITY_DIMENSIONS.includes(d));

/**
 * The dimensions kpi_customer_product_monthly carries: the product (its category through it) and the
 * customer segments; not channel, rep, region (a scope with those and a product reads the lines).
 */
const PRODUCT_DIMENSIONS: readonly Dimension[] = [
  'product',
  'category',
  'customer_type',
  'age_band',
  'member_tier',
];

/**
 * kpi_customer_product_monthly serves the scope's customers (not their orders): a product or category
 * scope, with segments or not. Scopes customerActivityServes read kpi_customer_monthly instead.
 */
export const customerProductsServe = (scope: KpiScope): boolean =>
  !customerActivityServes(scope) && [...dimensionsOf(scope)].every((d) => PRODUCT_DIMENSIONS.includes(d));

/**
 * The product customer lists (PRODUCT_LISTS) serve a scope of products or categories alone: they
 * carry the product (its category through it), not the customer's segments.
 */
const productListsServe = (scope: KpiScope): boolean =>
  customerProductsServe(scope) && !involvesSegments(scope);

/** Each unit's cell table, its period column, and the first day of a date's period. */
const CELLS = {
  month: { table: 'kpi_customer_monthly', column: 'month_start', startOf: startOfMonth },
  week: { table: 'kpi_customer_weekly', column: 'week_start', startOf: startOfIsoWeek },
  day: { table: 'kpi_customer_daily', column: 'sale_date', startOf: (day: string) => day },
} as const;
/** Each unit's customer × product table (the same period columns). */
const PRODUCT_CELLS = { month: 'kpi_customer_product_monthly', week: 'kpi_customer_product_weekly' } as const;
/**
 * Each unit's product customer lists (the same period columns): per period × product, its customers'
 * ids as one comma list and their revenue, the product cells of a period × product in a row (or a few:
 * one per import drain that wrote it). Retention, churn and CLV of a product or category scope read
 * them instead of the cells (readRetention).
 */
export const PRODUCT_LISTS = {
  month: 'kpi_product_customers_monthly',
  week: 'kpi_product_customers_weekly',
} as const;

/** The product customer lists of `unit` (there are none per day: product scopes read days from the lines). */
function productListTable(unit: CellUnit): string {
  if (unit === 'day') throw new Error('productListTable: no product customer lists per day');
  return PRODUCT_LISTS[unit];
}

/**
 * Recomputes the customer cells (kpi_customer_monthly, _weekly and _daily) of every month, week and
 * day [from, to] touches, and of the periods of `alsoDays` (days holding other lines of orders the
 * range made complex, see refreshOrderRollup), from the lines: run after kpi_complex_orders is up to
 * date.
 */
export async function refreshCustomerCells(
  db: Kysely<Database>,
  t: RawBuilder<number>,
  from: string,
  to: string,
  alsoDays: readonly string[] = [],
): Promise<void> {
  for (const unit of ['month', 'week', 'day'] as const) {
    const { table, column, startOf } = CELLS[unit];
    const first = startOf(from);
    const last = startOf(to);
    const extra = [...new Set(alsoDays.map(startOf))].filter((m) => m < first || m > last);
    for (const [a, b] of [[first, last] as const, ...extra.map((m) => [m, m] as const)]) {
      const end = periodEnd(unit, b);
      const start = periodStartSql(unit, 's.sale_date', { start: a, end });
      await sql`DELETE FROM ${sql.table(table)} WHERE tenant_id = ${t} AND ${sql.ref(column)} BETWEEN ${a} AND ${b}`.execute(
        db,
      );
      await sql`
        INSERT INTO ${sql.table(table)}
          (tenant_id, ${sql.ref(column)}, customer_id, channel_id, rep_id, region_id,
           amount_minor, quantity, line_count, campaign_amount_minor, order_count)
        SELECT s.tenant_id, ${start}, s.customer_id, s.channel_id, s.rep_id, s.region_id,
          SUM(s.amount_minor), SUM(s.quantity), SUM(${saleOne()}),
          SUM(CASE WHEN s.campaign_code IS NOT NULL AND s.campaign_code <> '' THEN s.amount_minor ELSE 0 END),
          COUNT(DISTINCT CASE WHEN c.order_id IS NULL AND ${saleLine()} THEN s.order_id END)
        FROM sales_lines s
        LEFT JOIN kpi_complex_orders c ON c.tenant_id = s.tenant_id AND c.order_id = s.order_id
        WHERE s.tenant_id = ${t} AND s.sale_date BETWEEN ${a} AND ${end}
        GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
    }
  }
}

/**
 * Recomputes the customer × product rows of every month and week [from, to] touches from the lines,
 * and their product customer lists from them.
 */
export async function refreshCustomerProducts(
  db: Kysely<Database>,
  t: RawBuilder<number>,
  from: string,
  to: string,
): Promise<void> {
  for (const unit of ['month', 'week'] as const) {
    const { column, startOf } = CELLS[unit];
    const table = sql.table(PRODUCT_CELLS[unit]);
    const first = startOf(from);
    const last = startOf(to);
    const end = periodEnd(unit, last);
    const start = periodStartSql(unit, 's.sale_date', { start: first, end });
    await sql`DELETE FROM ${table} WHERE tenant_id = ${t} AND ${sql.ref(column)} BETWEEN ${first} AND ${last}`.execute(
      db,
    );
    await sql`
      INSERT INTO ${table} (tenant_id, ${sql.ref(column)}, product_id, customer_id, amount_minor, line_count)
      SELECT s.tenant_id, ${start}, s.product_id, s.customer_id, SUM(s.amount_minor), SUM(${saleOne()})
      FROM sales_lines s
      WHERE s.tenant_id = ${t} AND s.sale_date BETWEEN ${first} AND ${end} AND s.customer_id IS NOT NULL
      GROUP BY 1, 2, 3, 4`.execute(db);
    // The cells just written hold a customer once per period × product; a customer with no sale
    // line there is left out of the ids (no purchase), its amount still in the revenue.
    const lists = sql.table(PRODUCT_LISTS[unit]);
    await sql`DELETE FROM ${lists} WHERE tenant_id = ${t} AND ${sql.ref(column)} BETWEEN ${first} AND ${last}`.execute(
      db,
    );
    await sql`
      INSERT INTO ${lists} (tenant_id, ${sql.ref(column)}, product_id, customer_ids, line_counts, amount_minor)
      SELECT tenant_id, ${sql.ref(column)}, product_id,
        COALESCE(string_agg(CASE WHEN line_count > 0 THEN CAST(customer_id AS text) END, ','), ''),
        COALESCE(string_agg(CASE WHEN line_count > 0 THEN CAST(line_count AS text) END, ','), ''),
        SUM(amount_minor)
      FROM ${table}
      WHERE tenant_id = ${t} AND ${sql.ref(column)} BETWEEN ${first} AND ${last}
      GROUP BY 1, 2, 3`.execute(db);
  }
}

/**
 * Buckets split into whole periods (read from the cell table), whole ISO weeks (read from the weekly
 * cells: a range's partial first month is up to four weeks of cells instead of 29 days of lines) and
 * the days left; with months, the cheapest such cover (splitCheapest: its weeks may cross a month's
 * end). The days left are read from the daily customer cells where the scope's cells are the customer
 * cells (`dayCells`), else (customer × product cells) from the lines.
 */
interface Parts {
  /** Whole months or weeks: start and end are period starts. */
  periods: Piece[];
  /** With months: the whole weeks read from the weekly cells (start and end are Mondays). */
  weeks: Piece[];
  /** The days left, read from the daily customer cells (day ranges). */
  cellDays: Piece[];
  /** The periods, weeks and cell days as day ranges (for lines inside them). */
  periodDays: Piece[];
  /** The days left, read from the lines. */
  days: Piece[];
}

function partsOf(buckets: readonly DateRange[], { unit, dayCells }: Pick<Ctx, 'unit' | 'dayCells'>): Parts {
  if (unit === 'day') throw new Error('partsOf: buckets split into months or weeks');
  let periods: Piece[];
  let weeks: Piece[] = [];
  let days: Piece[];
  if (unit === 'month') ({ months: periods, weeks, days } = splitCheapest(buckets));
  else ({ periods, days } = splitInto(buckets, unit));
  const cellDays = dayCells ? days : [];
  const periodDays = [
    ...periods.map((p) => ({ ...p, end: periodEnd(unit, p.end) })),
    ...weeks.map((w) => ({ ...w, end: periodEnd('week', w.end) })),
    ...cellDays,
  ];
  return { periods, weeks, cellDays, periodDays, days: dayCells ? [] : days };
}

/** Whether `parts` are whole periods of their unit alone (no weeks or days besides). */
const periodsOnly = (parts: Parts): boolean =>
  parts.weeks.length === 0 && parts.cellDays.length === 0 && parts.days.length === 0;

/** A set of whole periods of one cell table: the context reading it and its pieces. */
interface PeriodSet {
  ctx: Ctx;
  pieces: Piece[];
}

/**
 * The whole-period sets of `parts`: the unit's periods, the weeks of the days months leave, a set
 * per run of consecutive weeks (a range's partial first and last month are two short reads of the
 * weekly cells, not one of every week between them), and the days left of the daily cells, a set per
 * run of consecutive days.
 */
function periodSets(ctx: Ctx, parts: Parts): PeriodSet[] {
  const sets: PeriodSet[] = [];
  if (parts.periods.length > 0) sets.push({ ctx, pieces: parts.periods });
  const weeks = weekContext(ctx);
  for (const run of contiguousRuns(parts.weeks, 7)) sets.push({ ctx: weeks, pieces: run });
  if (parts.cellDays.length > 0) {
    const days = dayContext(ctx);
    for (const run of contiguousRuns(parts.cellDays)) sets.push({ ctx: days, pieces: run });
  }
  return sets;
}

/** `ctx` reading the weekly cells of its scope. */
const weekContext = (ctx: Ctx): Ctx => ({
  ...ctx,
  unit: 'week',
  table: ctx.weekTable,
  period: CELLS.week.column,
});

/** `ctx` reading the daily customer cells (only scopes customerActivityServes have them). */
const dayContext = (ctx: Ctx): Ctx => {
  if (!ctx.dayCells) throw new Error('dayContext: the scope has no daily cells');
  return { ...ctx, unit: 'day', table: sql.table(CELLS.day.table), period: CELLS.day.column };
};

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** A breakdown's key as a read gives it back (context's `key`: an id, a text, or null) as text: null is ''. */
const keyText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

const slotOf = (slot: string): ActivityRow => {
  const at = slot.indexOf('\u0000');
  return { bucket: Number(slot.slice(0, at)), key: slot.slice(at + 1) };
};

/** One row per bucket × key (the key as SQL gives it: '' for none, ids as text). */
export interface ActivityRow {
  bucket: number;
  key: string;
}

/**
 * The breakdown in a GROUP BY after (month, customer): nothing without one, the column itself for the
 * line members (so the covering index's order serves the grouping), else the key expression.
 */
function groupKey(scope: KpiScope, ctx: Ctx): RawBuilder<unknown> {
  if (scope.by === null) return sql``;
  const column = keyColumn(scope);
  return column ? sql`, ${sql.ref(column)}` : sql`, ${ctx.key}`;
}

/**
 * The SQL pieces shared by the readers: tenant, key, joins and filters on alias s; the cell table
 * (customer cells, or customer × product cells for product and category scopes) and its period unit
 * (weeks for buckets of weeks, else months).
 */
/**
 * The breakdown's key in these reads: a line member's id column as it is (read back by keyText:
 * integers group and sort faster than their text, a year's product total through the union at 1M
 * lines 69 → 58 ms), else keySql's text.
 */
function keyOf(scope: KpiScope): RawBuilder<unknown> {
  const column = keyColumn(scope);
  return column === null ? keySql(scope, 'sales').key : sql.ref(column);
}

function context(
  scope: KpiScope,
  buckets: readonly DateRange[],
  unitOf: CellUnit = splitByPeriod(buckets, true).unit,
) {
  const { joins } = keySql(scope, 'sales');
  const key = keyOf(scope);
  const unit: CellUnit = unitOf;
  const customerCells = customerActivityServes(scope);
  if (!customerCells && unit === 'day') throw new Error('context: customer × product cells have no days');
  return {
    t: tenantOf(scope.companyId),
    key,
    joins,
    filters: filterSql(scope, 'sales'),
    unit,
    table: sql.table(
      unit === 'day' ? CELLS.day.table : customerCells ? CELLS[unit].table : PRODUCT_CELLS[unit],
    ),
    /** The table's period column. */
    period: CELLS[unit].column as string,
    /** The weekly cell table of the scope (for the whole weeks of the days months leave). */
    weekTable: sql.table(customerCells ? CELLS.week.table : PRODUCT_CELLS.week),
    /** The days months and weeks leave are read from the daily customer cells (else the lines). */
    dayCells: customerCells,
  };
}

type Ctx = ReturnType<typeof context>;

/** The breakdown is a customer segment (member tier, customer type, age band): a key of the customer's. */
const segmentBreakdown = (scope: KpiScope): boolean =>
  scope.by !== null && SEGMENT_DIMENSIONS.includes(scope.by) && keyColumn(scope) === null;

/** A segment's members: their names (0: none, '') and each customer id's member there. */
interface SegmentMembers {
  names: string[];
  of: (c: number) => number;
}

/**
 * Up to this many customers with a member in a segment, segmentMembers reads them all, not through
 * the cells (a company of up to tens of thousands of customers: the usual shop).
 */
export const SEGMENT_MEMBERS_WHOLE = 20_000;

/**
 * For a breakdown by customer segment in retention: the period reads group by customer alone (in the
 * covering index's order, no join) and each customer's member comes from one read, here: every
 * customer of the company with a member, where they are at most SEGMENT_MEMBERS_WHOLE (the same
 * statement for every reading of a question, so they share one, sharedRead; at 1M lines 0.5–0.8 ms
 * on PostgreSQL against 13–57 ms for those active in a year of weeks, found through the cells), else
 * the customers active in `periods` of `ctx`'s cell table. Null without a segment breakdown.
 */
async function segmentMembers(
  db: Kysely<Database>,
  scope: KpiScope,
  ctx: Ctx,
  periods: DateRange,
): Promise<SegmentMembers | null> {
  if (scope.by === null || !segmentBreakdown(scope)) return null;
  type Member = { id: unknown; v: unknown };
  const member = sql.ref(scope.by);
  const all = await sharedRead(
    db,
    sql<Member>`SELECT id, ${member} AS v FROM customers
      WHERE company_id = ${scope.companyId} AND ${member} IS NOT NULL LIMIT ${SEGMENT_MEMBERS_WHOLE + 1}`,
  );
  // Past the bound, only the customers active in the periods read, with a member (none: '').
  const rows =
    all.length <= SEGMENT_MEMBERS_WHOLE
      ? all
      : (
          await sql<Member>`
            SELECT id, ${member} AS v FROM customers
            WHERE company_id = ${scope.companyId} AND ${member} IS NOT NULL AND id IN (
              SELECT customer_id FROM ${ctx.table}
              WHERE tenant_id = ${ctx.t} AND ${sql.ref(ctx.period)} BETWEEN ${periods.start} AND ${periods.end})`.execute(
            db,
          )
        ).rows;
  const names = [''];
  const indexOf = new Map<string, number>([['', 0]]);
  // Indexed from the company's lowest customer id (ids are shared by every company of the database).
  let low = Number.POSITIVE_INFINITY;
  let top = -1;
  for (const r of rows) {
    const id = Number(r.id);
    if (id < low) low = id;
    if (id > top) top = id;
  }
  const of = new Int32Array(Math.max(0, top - low + 1));
  for (const r of rows) {
    const name = r.v === null ? '' : String(r.v);
    let at = indexOf.get(name);
    if (at === undefined) {
      at = names.length;
      names.push(name);
      indexOf.set(name, at);
    }
    of[Number(r.id) - low] = at;
  }
  return { names, of: (c) => (c >= low && c <= top ? (of[c - low] as number) : 0) };
}

/**
 * The lines inside `days` and the sale lines of complex orders inside `monthDays`, as rows (b, k, c,
 * a, o, rev): every order a bucket's days hold, and every complex order its months hold (simple
 * orders of the months are counted by kpi_customer_monthly). `a` is 1 for a sale line (the customer
 * bought there), `o` the order of a sale line (a return line is no order: NULL); a complex order's
 * lines only add orders (their cells hold their revenue and activity). `customers`: identified
 * customers only.
 */
function lineArms(ctx: Ctx, parts: Parts, customers: boolean, complexOrders = true): RawBuilder<unknown>[] {
  const who = customers ? sql` AND s.customer_id IS NOT NULL` : sql``;
  const arms: RawBuilder<unknown>[] = [];
  for (const { run, span } of runsOf(parts.days))
    arms.push(sql`SELECT ${bucketCase(sql.ref('s.sale_date'), run)} AS b, ${ctx.key} AS k,
        s.customer_id AS c, ${saleOne()} AS a, CASE WHEN ${saleLine()} THEN s.order_id END AS o,
        s.amount_minor AS rev
      FROM sales_lines s${ctx.joins}
      WHERE s.tenant_id = ${ctx.t} AND s.sale_date BETWEEN ${span.start} AND ${span.end}${who}${ctx.filters}`);
  if (complexOrders && parts.periodDays.length > 0) {
    const span = spanOf(parts.periodDays);
    arms.push(sql`SELECT ${bucketCase(sql.ref('s.sale_date'), parts.periodDays)} AS b, ${ctx.key} AS k,
        s.customer_id AS c, 0 AS a, s.order_id AS o, 0 AS rev
      FROM kpi_complex_orders x JOIN sales_lines s ON s.tenant_id = x.tenant_id AND s.order_id = x.order_id${ctx.joins}
      WHERE x.tenant_id = ${ctx.t} AND s.sale_date BETWEEN ${span.start} AND ${span.end}
        AND ${saleLine()}${who}${ctx.filters}`);
  }
  return arms;
}

/** The rows of the cell table of `ctx` in the whole periods `pieces` (FROM … WHERE …, alias s). */
function periodsFrom(ctx: Ctx, pieces: readonly Piece[], customers: boolean): RawBuilder<unknown> {
  const span = spanOf(pieces);
  const who = customers ? sql` AND s.customer_id IS NOT NULL` : sql``;
  return sql`FROM ${ctx.table} s${ctx.joins}
    WHERE s.tenant_id = ${ctx.t} AND ${sql.ref(`s.${ctx.period}`)} BETWEEN ${span.start} AND ${span.end}${who}${ctx.filters}`;
}

const unionAll = (arms: readonly RawBuilder<unknown>[]) => sql.join(arms, sql` UNION ALL `);

/**
 * The days read from the lines, as runs of consecutive days, each with its span: one range scan per
 * run (the partial first and last week or month of a range are two short scans, not one of the
 * whole range between them).
 */
const runsOf = (days: readonly Piece[]) => contiguousRuns(days).map((run) => ({ run, span: spanOf(run) }));

/** Per bucket × key, what customerCounts and productCustomerCounts return. */
type CustomerFigures = ActivityRow & {
  customers: number;
  repeaters: number;
  revenueMinor: number;
  customerOrders: number;
};

/**
 * The customer figures of a union of (b, k, c, a, o, rev, n) rows: a customer's distinct orders are
 * Σ n plus its distinct o; it is a customer of the bucket × key where Σ a > 0 (its sale lines there:
 * returns alone are no purchase), its revenue counted either way. Repeat customers group per customer first; the orders with a customer are
 * counted per bucket × key (an order of two customers is one order there). One statement, unless
 * both are asked. Of one bucket (`single`: every row of the union is in it), grouped by the key
 * alone: a constant bucket column in the GROUP BY still costs its comparisons (a year's customer ×
 * product cells of a product scope: 48 against 34 ms at 1M lines).
 */
async function customerFigures(
  db: Kysely<Database>,
  union: RawBuilder<unknown>,
  want: { repeaters: boolean; customerOrders: boolean },
  single: boolean,
  orderIds = true,
): Promise<CustomerFigures[]> {
  const b = single ? sql`0` : sql`b`;
  // A customer's orders: Σ n, plus its distinct o where rows carry order ids (`orderIds`).
  const orders = orderIds ? sql`SUM(n) + COUNT(DISTINCT o)` : sql`SUM(n)`;
  // Rows outside every bucket (b = −1: an arm's span may cover days between its pieces) are left out
  // before grouping: the unions here may be of a few buckets far apart (the unsure ones read again), and
  // grouping the months between them costs more than the filter's second CASE (not inBuckets).
  const where = sql`WHERE b >= 0`;
  const by = single ? sql`k` : sql`b, k`;
  const bCol = single ? sql`` : sql`b, `;
  // Each customer's rows summed first (a ≥ 0: a customer bought where Σ a > 0), its orders as Σ n plus
  // its distinct o counted as the groups of a first grouping by o: no COUNT(DISTINCT) per customer,
  // which PostgreSQL can only aggregate by sorting every row (a year's repeat customers at 1M lines:
  // 42 → 25 ms of statement; SQLite, which groups by sorting either way, the same).
  const perCustomer = orderIds
    ? sql`SELECT ${bCol}k, c, SUM(a) AS a, SUM(n) + COUNT(o) AS n, SUM(rev) AS rev FROM (
          SELECT ${bCol}k, c, o, SUM(a) AS a, SUM(n) AS n, SUM(rev) AS rev FROM (${union}) u
          ${where} GROUP BY ${by}, c, o
        ) g GROUP BY ${by}, c`
    : sql`SELECT ${bCol}k, c, SUM(a) AS a, SUM(n) AS n, SUM(rev) AS rev FROM (${union}) u
          ${where} GROUP BY ${by}, c`;
  const res = await sql<{ b: unknown; k: unknown; n: unknown; r: unknown; rev: unknown; co: unknown }>`${
    want.repeaters
      ? sql`SELECT ${b} AS b, k, SUM(CASE WHEN a > 0 THEN 1 ELSE 0 END) AS n,
          SUM(CASE WHEN a > 0 AND n >= 2 THEN 1 ELSE 0 END) AS r, SUM(rev) AS rev, 0 AS co FROM (${perCustomer}) t
        GROUP BY ${by}`
      : want.customerOrders
        ? sql`SELECT ${b} AS b, k, COUNT(DISTINCT CASE WHEN a > 0 THEN c END) AS n, 0 AS r, SUM(rev) AS rev,
          ${orders} AS co FROM (${union}) u ${where} GROUP BY ${by}`
        : // Customers alone: per customer first, as above (no COUNT(DISTINCT c) per bucket × key).
          sql`SELECT ${b} AS b, k, SUM(CASE WHEN a > 0 THEN 1 ELSE 0 END) AS n, 0 AS r, SUM(rev) AS rev, 0 AS co
          FROM (SELECT ${bCol}k, c, SUM(a) AS a, SUM(rev) AS rev FROM (${union}) u ${where} GROUP BY ${by}, c) t
          GROUP BY ${by}`
  }`.execute(db);
  const out = new Map(
    res.rows.map((r) => [
      `${num(r.b)}\u0000${keyText(r.k)}`,
      {
        bucket: num(r.b),
        key: keyText(r.k),
        customers: num(r.n),
        repeaters: num(r.r),
        revenueMinor: num(r.rev),
        customerOrders: num(r.co),
      },
    ]),
  );
  if (want.repeaters && want.customerOrders) {
    const co = await sql<{ b: unknown; k: unknown; n: unknown }>`
      SELECT ${b} AS b, k, ${orders} AS n FROM (${union}) u ${where} GROUP BY ${by}`.execute(db);
    for (const r of co.rows) {
      const row = out.get(`${num(r.b)}\u0000${keyText(r.k)}`);
      if (row) row.customerOrders = num(r.n);
    }
  }
  return [...out.values()];
}

/**
 * The breakdown's key in the direct reading of the cells: the cell table's own column, or a customer
 * segment's text through the customers join of `ctx` (a customer has one member: its cells' groups
 * are still its own); null where the direct reading does not serve the breakdown (category: a key
 * of the product's). With `ctx` null, only whether it serves.
 */
function directKey(scope: KpiScope, ctx: Ctx | null): RawBuilder<unknown> | null {
  if (scope.by === null) return null;
  const column = keyColumn(scope);
  if (column !== null) return sql.ref(column);
  if (!segmentBreakdown(scope)) return null;
  return ctx === null ? sql`` : ctx.key;
}

/** How the direct reading tells repeat customers (directFigures): from each cell row, or by summing each customer's cells. */
type RepeatersBy = 'row' | 'customer';

/** What the direct reading adds to the cells' figures: the cells' order column, and the other arms. */
interface DirectArms {
  n: 'order_count' | 'line_count';
  /** Arms of (b, k, c, o, rev, n) rows that only add to the customers' orders (SUM(n) + COUNT(DISTINCT o)). */
  extra: RawBuilder<unknown>[];
}

/**
 * Up to this many buckets of several whole periods each (a range's total and last year's, read as two
 * buckets; a year by quarter) are read straight one by one (directFigures of one bucket each), not
 * through the union.
 */
const SEVERAL_PERIODS_DIRECT = 4;

/**
 * customerFigures per bucket, reading the buckets that are one whole period each straight from the
 * cell table (`directFigures`), a few buckets of several whole periods each straight one by one, and
 * the others through `union`, each with its own list of buckets; the rows come back under the
 * buckets' own numbers. A breakdown the direct reading does not serve (directKey: a category) reads
 * everything through the union.
 */
async function byBucketKind(
  scope: KpiScope,
  buckets: readonly DateRange[],
  want: { repeaters: boolean; customerOrders: boolean },
  arms: (ctx: Ctx, parts: Parts, buckets: readonly DateRange[]) => DirectArms,
  union: (buckets: readonly DateRange[]) => Promise<CustomerFigures[]>,
  db: Kysely<Database>,
  repeatersBy: RepeatersBy,
): Promise<CustomerFigures[]> {
  if (scope.by !== null && directKey(scope, null) === null) return union(buckets);
  const ctx = context(scope, buckets);
  const { unit } = ctx;
  const whole: number[] = [];
  const several: number[] = [];
  let other: number[] = [];
  buckets.forEach((b, i) => {
    const p = partsOf([b], ctx);
    if (!periodsOnly(p)) other.push(i);
    else if (p.periods.length === 1 && p.periods[0]?.start === p.periods[0]?.end) whole.push(i);
    else several.push(i);
  });
  if (several.length > SEVERAL_PERIODS_DIRECT) other = [...other, ...several].sort((a, b) => a - b);
  const pick = (at: readonly number[]) => at.map((i) => buckets[i] as DateRange);
  const renumber = (rows: CustomerFigures[], at: readonly number[]) =>
    rows.map((r) => ({ ...r, bucket: at[r.bucket] as number }));
  // A bucket of several whole periods (a range's total): read straight, grouped by the key alone; its
  // repeat customers by summing each customer's cells (by cell rows, a customer active in two of its
  // periods would make it unsure); unsure, through the union. (Two such buckets through the union,
  // this year's and last year's total at 10M lines: 103 ms on PostgreSQL; straight, 8–16 ms each.)
  const severalRead = (i: number): Promise<CustomerFigures[]> => {
    const bucket = pick([i]);
    return directFigures(db, scope, bucket, unit, arms, want, 'customer').then(async (direct) =>
      renumber(direct.unsure.size > 0 ? await union(bucket) : direct.rows, [i]),
    );
  };
  const [direct, rest, ...apart] = await Promise.all([
    whole.length > 0
      ? directFigures(db, scope, pick(whole), unit, arms, want, repeatersBy)
      : Promise.resolve({ rows: [], unsure: new Set<number>() }),
    other.length > 0 ? union(pick(other)) : Promise.resolve([]),
    ...(several.length > SEVERAL_PERIODS_DIRECT ? [] : several.map(severalRead)),
  ]);
  // Whole buckets whose repeat customers the cells alone cannot tell: read through the union.
  const unsure = [...direct.unsure].sort((a, b) => a - b);
  const again =
    unsure.length > 0 ? renumber(await union(pick(unsure.map((i) => whole[i] as number))), unsure) : [];
  const sure = direct.rows.filter((r) => !direct.unsure.has(r.bucket));
  return [...renumber([...sure, ...again], whole), ...renumber(rest, other), ...apart.flat()];
}

/**
 * customerFigures of buckets that are each one whole period of `unit` (or of one bucket of whole periods), without
 * the union: the cells grouped by their bare period (one bucket: not at all) and key columns (in the covering index's order for the customer × product cells;
 * the union groups by a bucket CASE and a key expression, which costs a sort of every row: 263 against
 * 99 ms for a year of product weeks at 10M lines). Customers and revenue come from the cells alone:
 * every line of the other arms (complex orders' lines, repeated products' lines: they only add to the
 * customers' orders) has its customer's cell in the same period.
 *
 * Repeat customers too (`repeatersBy`):
 * - `row`, where a cell row's count (`n`) is the customer's orders in it (the customer × product
 *   cells: one row per period, product and customer, imports adding rows as they go): a customer with
 *   a row of n ≥ 2 has two orders or more; where every customer of a group has one row, no other
 *   customer has. A bucket where a group has more rows than customers (an import, undo or merge added
 *   a cell's rows in parts) is `unsure`;
 * - `customer`: the cells summed per customer first, in the covering index's order (period,
 *   customer, channel…: the customer cells), then counted per bucket × key.
 * Either way a bucket whose other arms hold rows (orders whose lines the cells count apart) is
 * `unsure`: its rows are left to the union.
 */
async function directFigures(
  db: Kysely<Database>,
  scope: KpiScope,
  buckets: readonly DateRange[],
  unit: CellUnit,
  armsOf: (ctx: Ctx, parts: Parts, buckets: readonly DateRange[]) => DirectArms,
  want: { repeaters: boolean; customerOrders: boolean },
  repeatersBy: RepeatersBy,
): Promise<{ rows: CustomerFigures[]; unsure: Set<number> }> {
  const ctx = context(scope, buckets, unit);
  const parts = partsOf(buckets, ctx);
  if (!periodsOnly(parts)) throw new Error('directFigures: buckets that are not whole periods');
  const key = directKey(scope, ctx) ?? sql`''`;
  const period = sql.ref(`s.${ctx.period}`);
  const { n, extra } = armsOf(ctx, parts, buckets);
  const count = sql.ref(`s.${n}`);
  // One bucket (of one period or several): grouped by the key alone.
  const single = buckets.length === 1;
  const groups = [...(single ? [] : [period]), ...(scope.by === null ? [] : [key])];
  const groupBy = (more: RawBuilder<unknown>[] = []) =>
    groups.length + more.length === 0 ? sql`` : sql`GROUP BY ${sql.join([...groups, ...more])}`;
  // Each customer's cells summed in the covering index's order: the customer cells are (period,
  // customer, channel…), the customer × product cells (period, product, customer). PostgreSQL (before
  // 17) groups in the order written: in the index's, a streamed aggregate of an index-only scan, not a
  // hash of every row (repeat-purchase rate by channel by week at 1M lines, 50 → 25 ms a statement).
  // A segment (the customer's member tier…) is the customer's: summed per customer first, without the
  // join, then joined once per customer and period, not once per cell.
  const customer = sql.ref('s.customer_id');
  const segment = segmentBreakdown(scope);
  const perCustomer =
    customerActivityServes(scope) && scope.by !== null && !segment
      ? sql`GROUP BY ${sql.join([...(single ? [] : [period]), customer, key])}`
      : groupBy([customer]);
  // A customer of a group is one with sale lines there (lc > 0: returns alone are no purchase).
  const buying = sql`SUM(CASE WHEN lc > 0 THEN 1 ELSE 0 END)`;
  const perCustomerFigures = segment
    ? sql`
          SELECT p, ${key} AS k, ${buying} AS n, SUM(rev) AS rev, SUM(cnt) AS co, ${buying} AS rr,
            SUM(CASE WHEN cnt >= 2 THEN 1 ELSE 0 END) AS r
          FROM (
            SELECT ${single ? sql`0` : period} AS p, s.customer_id, SUM(${count}) AS cnt, SUM(s.amount_minor) AS rev,
              SUM(s.line_count) AS lc
            ${periodsFrom({ ...ctx, joins: sql`` }, parts.periods, true)}
            GROUP BY ${sql.join([...(single ? [] : [period]), customer])}
          ) s${ctx.joins} GROUP BY p, ${key}`
    : sql`
          SELECT p, k, ${buying} AS n, SUM(rev) AS rev, SUM(cnt) AS co, ${buying} AS rr,
            SUM(CASE WHEN cnt >= 2 THEN 1 ELSE 0 END) AS r
          FROM (
            SELECT ${single ? sql`0` : period} AS p, ${key} AS k, s.customer_id AS c, SUM(${count}) AS cnt,
              SUM(s.amount_minor) AS rev, SUM(s.line_count) AS lc
            ${periodsFrom(ctx, parts.periods, true)} ${perCustomer}
          ) t GROUP BY p, k`;
  type Figures = { p: unknown; k: unknown; n: unknown; rev: unknown; co: unknown; rr: unknown; r: unknown };
  // Per customer first for repeat customers by customer, and for the customers of a breakdown
  // without repeat customers too: a customer's cells summed in the index's order (then joined once,
  // for a segment), not a COUNT(DISTINCT) (and a join) per cell row. A year of customer weeks by
  // member tier at 1M lines: 65 → 27 ms on PostgreSQL, 50 → 28 ms on SQLite; by channel at 10M:
  // 148–156 → 91 ms and 77–95 → 65 ms. Without a breakdown SQLite's own reading is the faster (23
  // against 36 ms at 10M): it stays.
  const perCustomerRead = want.repeaters
    ? repeatersBy === 'customer'
    : segment || (scope.by !== null && customerActivityServes(scope));
  const res = perCustomerRead
    ? await sql<Figures>`${perCustomerFigures}`.execute(db)
    : await sql<Figures>`
          SELECT ${single ? sql`0` : period} AS p, ${key} AS k,
            COUNT(DISTINCT CASE WHEN s.line_count > 0 THEN s.customer_id END) AS n,
            SUM(s.amount_minor) AS rev, SUM(${count}) AS co${
              want.repeaters
                ? // Read only where each customer has one row of sale lines (rr = n): no DISTINCT
                  // needed (a row of returns alone adds no line, no order).
                  sql`, COUNT(CASE WHEN s.line_count > 0 THEN 1 END) AS rr, COUNT(CASE WHEN ${count} >= 2 THEN 1 END) AS r`
                : sql``
            }
          ${periodsFrom(ctx, parts.periods, true)} ${groupBy()} HAVING COUNT(*) > 0`.execute(db);
  const bucketOf = periodBuckets(ctx.unit, parts.periods);
  const out = new Map<string, CustomerFigures>();
  const unsure = new Set<number>();
  for (const r of res.rows) {
    const bucket = single ? 0 : bucketOf.get(String(r.p));
    if (bucket === undefined) continue;
    const k = keyText(r.k);
    if (want.repeaters && num(r.rr) > num(r.n)) unsure.add(bucket);
    out.set(`${bucket}\u0000${k}`, {
      bucket,
      key: k,
      customers: num(r.n),
      repeaters: num(r.r),
      revenueMinor: num(r.rev),
      customerOrders: want.customerOrders ? num(r.co) : 0,
    });
  }
  if ((want.customerOrders || want.repeaters) && extra.length > 0) {
    const more = await sql<{ b: unknown; k: unknown; co: unknown }>`
      SELECT b, k, SUM(n) + COUNT(DISTINCT o) AS co FROM (${unionAll(extra)}) u WHERE b >= 0 GROUP BY b, k`.execute(
      db,
    );
    // (Filtered before grouping: the buckets read straight may be far apart, not inBuckets.)
    for (const r of more.rows) {
      if (want.repeaters) unsure.add(num(r.b));
      if (!want.customerOrders) continue;
      const slot = `${num(r.b)}\u0000${keyText(r.k)}`;
      const row = out.get(slot) ?? {
        ...slotOf(slot),
        customers: 0,
        repeaters: 0,
        revenueMinor: 0,
        customerOrders: 0,
      };
      row.customerOrders += num(r.co);
      out.set(slot, row);
    }
  }
  return { rows: [...out.values()], unsure };
}

/**
 * Per bucket × key: distinct identified customers, the revenue of their lines, and as asked those
 * with two or more distinct orders (`repeaters`) and their distinct orders (`customerOrders`). Only
 * for scopes customerActivityServes.
 */
export async function customerCounts(
  db: Kysely<Database>,
  scope: KpiScope,
  buckets: readonly DateRange[],
  want: { repeaters: boolean; customerOrders: boolean },
): Promise<CustomerFigures[]> {
  const orders = want.repeaters || want.customerOrders;
  return byBucketKind(
    scope,
    buckets,
    want,
    (ctx, parts) => ({
      n: 'order_count',
      extra: lineArms(ctx, parts, true, orders).map((arm) => sql`SELECT l.*, 0 AS n FROM (${arm}) l`),
    }),
    async (bs) => {
      const ctx = context(scope, bs);
      const parts = partsOf(bs, ctx);
      // A customer's distinct orders are its periods' simple orders (n) plus the orders of its lines
      // read (o: the other days' lines, the periods' complex orders); per customer for repeat
      // customers, per bucket × key for the orders (an order of two customers is one order there).
      // Counted in SQL: reading each month × customer into maps here took 1.2–1.8 times as long
      // (bench/RESULTS.md). Without orders, no complex orders' lines: every customer with lines in a
      // period has a row there.
      const arms: RawBuilder<unknown>[] = [];
      for (const set of periodSets(ctx, parts))
        arms.push(sql`SELECT ${bucketCase(sql.ref(`s.${set.ctx.period}`), set.pieces)} AS b, ${ctx.key} AS k,
            s.customer_id AS c, s.line_count AS a, NULL AS o, s.amount_minor AS rev, s.order_count AS n
          ${periodsFrom(set.ctx, set.pieces, true)}`);
      for (const arm of lineArms(ctx, parts, true, orders))
        arms.push(sql`SELECT l.*, 0 AS n FROM (${arm}) l`);
      if (arms.length === 0) return [];
      return customerFigures(db, unionAll(arms), want, bs.length === 1);
    },
    db,
    'customer',
  );
}

/**
 * Per bucket × key, for scopes customerProductsServe: distinct identified customers and the revenue
 * of their lines, from the customer × product months (the other days from the lines). For a scope
 * productPinned (every group of one product, product-orders.ts), as asked, also the customers with
 * two or more orders (`repeaters`) and the orders with a customer (`customerOrders`): a customer's
 * orders of a product are its lines of it less the extra lines of its orders that repeat the product
 * (kpi_repeat_product_orders): those lines count −1 each, and each such order +1 (COUNT(DISTINCT o)).
 */
export async function productCustomerCounts(
  db: Kysely<Database>,
  scope: KpiScope,
  buckets: readonly DateRange[],
  want: { repeaters: boolean; customerOrders: boolean },
): Promise<CustomerFigures[]> {
  const repeated = (bs: readonly DateRange[]) =>
    sql`SELECT b, k, c, 0 AS a, 0 AS rev, -1 AS n, o ${repeatedProductLines(scope, piecesOf(bs), true, keyOf(scope))}`;
  // Products or categories without segments: from the product customer lists (a row per period ×
  // product, not per customer), counted here; with orders asked (every group of one product), from
  // their line counts less each listed order's extra lines.
  if (productListsServe(scope)) {
    const orders = want.repeaters || want.customerOrders;
    const [{ customers, lists, lineCounts }, more] = await Promise.all([
      readRetention(db, scope, buckets, [], true, orders),
      orders
        ? sql<{ b: unknown; k: unknown; c: unknown; o: unknown; n: unknown }>`
            SELECT b, k, c, o, 1 - COUNT(*) AS n ${repeatedProductLines(scope, piecesOf(buckets), true, keyOf(scope))}
            WHERE b >= 0 GROUP BY b, k, c, o`.execute(db)
        : null,
    ]);
    if (!more) return customers.map((r) => ({ ...r, repeaters: 0, customerOrders: 0 }));
    const extra = new Map<string, { c: number; o: string; n: number }[]>();
    for (const r of more.rows) {
      const slot = `${num(r.b)}\u0000${keyText(r.k)}`;
      const list = extra.get(slot) ?? [];
      list.push({ c: num(r.c), o: String(r.o), n: num(r.n) });
      extra.set(slot, list);
    }
    const counted = ordersOf(lists, lineCounts, extra);
    return customers.map((r) => {
      const o = counted.get(`${r.bucket}\u0000${r.key}`);
      return {
        ...r,
        repeaters: want.repeaters ? (o?.repeaters ?? 0) : 0,
        customerOrders: want.customerOrders ? (o?.orders ?? 0) : 0,
      };
    });
  }
  return byBucketKind(
    scope,
    buckets,
    want,
    (_ctx, _parts, bs) => ({
      n: 'line_count',
      extra: want.customerOrders || want.repeaters ? [repeated(bs)] : [],
    }),
    async (bs) => {
      const ctx = context(scope, bs);
      // The months' rows count their (sale) lines, the other days' sale lines one each; with orders
      // asked, the lines of the listed orders that repeat a product count −1 each and each such order
      // +1 (product-orders.ts).
      const arms = activeArms(ctx, bs, {
        months: sql`, s.amount_minor AS rev, s.line_count AS n, NULL AS o`,
        days: sql`, s.amount_minor AS rev, ${saleOne()} AS n, NULL AS o`,
      });
      if (arms.length === 0) return [];
      if (want.customerOrders) arms.push(repeated(bs));
      else if (want.repeaters)
        // Repeat customers only: each listed order's lines of a customer × product in a bucket as one
        // row of 1 − its lines (the same sum, and no COUNT(DISTINCT o) per customer: 69 → 47 ms with
        // integer keys for a year's product total at 1M lines).
        arms.push(sql`SELECT b, k, c, 0 AS a, 0 AS rev, 1 - COUNT(*) AS n, NULL AS o FROM (${repeated(bs)}) r
          GROUP BY b, k, c, o`);
      return customerFigures(db, unionAll(arms), want, bs.length === 1, want.customerOrders);
    },
    db,
    'row',
  );
}

/**
 * Per bucket × key: distinct orders and distinct orders with a customer. For scopes
 * customerActivityServes (the order roll-up serves those without segments more cheaply).
 */
export async function activityOrderCounts(
  db: Kysely<Database>,
  scope: KpiScope,
  buckets: readonly DateRange[],
): Promise<(ActivityRow & { orders: number; customerOrders: number })[]> {
  const ctx = context(scope, buckets);
  const parts = partsOf(buckets, ctx);
  const out = new Map<string, ActivityRow & { orders: number; customerOrders: number }>();
  const add = (bucket: number, key: string, orders: number, customerOrders: number) => {
    const slot = `${bucket}\u0000${key}`;
    const row = out.get(slot);
    if (row) {
      row.orders += orders;
      row.customerOrders += customerOrders;
    } else out.set(slot, { bucket, key, orders, customerOrders });
  };
  for (const { ctx: c, pieces } of periodSets(ctx, parts)) {
    const bucketOf = periodBuckets(c.unit, pieces);
    for (const r of await cellSums(db, scope, c.unit, pieces)) {
      const b = bucketOf.get(String(r.m));
      if (b !== undefined) add(b, keyText(r.k), num(r.oc), num(r.coc));
    }
  }
  const lines = lineArms(ctx, parts, false);
  if (lines.length > 0) {
    const res = await sql<{ b: unknown; k: unknown; n: unknown; cn: unknown }>`
      SELECT b, k, COUNT(DISTINCT o) AS n, COUNT(DISTINCT CASE WHEN c IS NOT NULL THEN o END) AS cn
      FROM (${unionAll(lines)}) l GROUP BY b, k`.execute(db);
    for (const r of inBuckets(res.rows)) add(num(r.b), keyText(r.k), num(r.n), num(r.cn));
  }
  return [...out.values()];
}

/** A row of cellSums. */
interface CellSums {
  m: unknown;
  k: unknown;
  rev: unknown;
  qty: unknown;
  n: unknown;
  camp: unknown;
  oc: unknown;
  coc: unknown;
}

/**
 * Per period × key of the customer cells of a scope customerActivityServes, in `unit`'s table: every
 * sum the sales figures (rev, qty, n lines, camp) and the order counts (oc, coc: with a customer) of
 * the scope read, in one statement, grouped by period and key. A customer segment comes through the
 * join with the customers (a row per period × customer read back and matched here took twice as
 * long, 18,700 rows for a year of weeks), once per period × customer: each customer's cells summed
 * first in the index's order (a year of customer weeks by member tier, 10M lines on PostgreSQL:
 * 134–137 → 72–81 ms; 1M: 37 → 32 ms, and on SQLite 40–57 → 34–40 ms). AOV reads sales and orders at
 * once: they share one reading (sharedRead), not two scans of the same cells.
 */
export function cellSums(
  db: Kysely<Database>,
  scope: KpiScope,
  unit: CellUnit,
  pieces: readonly Piece[],
): Promise<readonly CellSums[]> {
  const c = context(scope, pieces, unit);
  const period = sql.ref(`s.${c.period}`);
  const segment = segmentBreakdown(scope);
  if (segment)
    return sharedRead(
      db,
      sql<CellSums>`
        SELECT s.m AS m, ${c.key} AS k, SUM(s.rev) AS rev, SUM(s.qty) AS qty, SUM(s.n) AS n,
          SUM(s.camp) AS camp, SUM(s.oc) AS oc,
          SUM(CASE WHEN s.customer_id IS NOT NULL THEN s.oc ELSE 0 END) AS coc
        FROM (
          SELECT ${period} AS m, s.customer_id, SUM(s.amount_minor) AS rev, SUM(s.quantity) AS qty,
            SUM(s.line_count) AS n, SUM(s.campaign_amount_minor) AS camp, SUM(s.order_count) AS oc
          ${periodsFrom({ ...c, joins: sql`` }, pieces, false)} GROUP BY ${period}, s.customer_id
        ) s${c.joins} GROUP BY s.m, ${c.key}`,
    );
  return sharedRead(
    db,
    sql<CellSums>`
      SELECT ${period} AS m, ${c.key} AS k, SUM(s.amount_minor) AS rev, SUM(s.quantity) AS qty,
        SUM(s.line_count) AS n, SUM(s.campaign_amount_minor) AS camp, SUM(s.order_count) AS oc,
        SUM(CASE WHEN s.customer_id IS NOT NULL THEN s.order_count ELSE 0 END) AS coc
      ${periodsFrom(c, pieces, false)} GROUP BY ${period}${groupKey(scope, c)}`,
  );
}

/**
 * (b, k, c, a) rows of the identified customers with lines in each bucket × key: the customer-month
 * rows of its whole months, the lines of its other days; `a`, their sale lines (a customer bought
 * there where Σ a > 0: returns alone are no purchase). `extra` adds columns (after a) to both arms.
 */
function activeArms(
  ctx: Ctx,
  buckets: readonly DateRange[],
  extra: RawBuilder<unknown> | { months: RawBuilder<unknown>; days: RawBuilder<unknown> },
  join = sql``,
) {
  const { months: monthExtra, days: dayExtra } = 'months' in extra ? extra : { months: extra, days: extra };
  const parts = partsOf(buckets, ctx);
  const arms: RawBuilder<unknown>[] = [];
  for (const { ctx: c, pieces } of periodSets(ctx, parts)) {
    const span = spanOf(pieces);
    arms.push(sql`SELECT ${bucketCase(sql.ref(`s.${c.period}`), pieces)} AS b, ${ctx.key} AS k,
        s.customer_id AS c, s.line_count AS a${monthExtra}
      FROM ${c.table} s${ctx.joins}${join}
      WHERE s.tenant_id = ${ctx.t} AND ${sql.ref(`s.${c.period}`)} BETWEEN ${span.start} AND ${span.end}
        AND s.customer_id IS NOT NULL${ctx.filters}`);
  }
  for (const { run, span } of runsOf(parts.days))
    arms.push(sql`SELECT ${bucketCase(sql.ref('s.sale_date'), run)} AS b, ${ctx.key} AS k,
        s.customer_id AS c, ${saleOne()} AS a${dayExtra}
      FROM sales_lines s${ctx.joins}${join}
      WHERE s.tenant_id = ${ctx.t} AND s.sale_date BETWEEN ${span.start} AND ${span.end}
        AND s.customer_id IS NOT NULL${ctx.filters}`);
  return arms;
}

/** Per bucket × key: customers whose first purchase ever lies in the bucket and who bought in it. */
export async function newCustomerCounts(
  db: Kysely<Database>,
  scope: KpiScope,
  buckets: readonly DateRange[],
): Promise<(ActivityRow & { count: number })[]> {
  const pieces = piecesOf(buckets);
  if (pieces.length === 0) return [];
  const ctx = context(scope, buckets);
  const span = spanOf(pieces);
  const rows = (r: { b: unknown; k: unknown; n: unknown }) => ({
    bucket: num(r.b),
    key: keyText(r.k),
    count: num(r.n),
  });
  if (dimensionsOf(scope).size === 0) {
    // Every customer has a line on its first purchase date: the first purchases alone answer.
    const res = await sql<{ b: unknown; k: unknown; n: unknown }>`
      SELECT b, '' AS k, COUNT(*) AS n FROM (
        SELECT ${bucketCase(sql.ref('f.first_date'), pieces)} AS b FROM kpi_customer_first f
        WHERE f.tenant_id = ${ctx.t} AND f.first_date BETWEEN ${span.start} AND ${span.end}) t
      GROUP BY b`.execute(db);
    return inBuckets(res.rows).map(rows);
  }
  const fresh = sql`SELECT customer_id FROM kpi_customer_first
    WHERE tenant_id = ${ctx.t} AND first_date BETWEEN ${span.start} AND ${span.end}`;
  if (productListsServe(scope)) {
    // Products or categories: each bucket's customers from the product customer lists, matched here
    // with the first purchases of the span.
    const [{ lists }, firsts] = await Promise.all([
      readRetention(db, scope, buckets, [], false),
      sql<{ c: unknown; d: unknown }>`SELECT customer_id AS c, first_date AS d FROM kpi_customer_first
        WHERE tenant_id = ${ctx.t} AND first_date BETWEEN ${span.start} AND ${span.end}`.execute(db),
    ]);
    return newOf(lists, firsts.rows, pieces);
  }
  // Only the customers whose first purchase lies in the span can count: the rows of the others are
  // left out before the join (an IN list of a year's new customers, not a lookup per row).
  const arms = activeArms(
    { ...ctx, filters: sql`${ctx.filters} AND s.customer_id IN (${fresh})` },
    buckets,
    sql`, ${bucketCase(sql.ref('f.first_date'), pieces)} AS fb`,
    sql` JOIN kpi_customer_first f ON f.tenant_id = s.tenant_id AND f.customer_id = s.customer_id
      AND f.first_date BETWEEN ${span.start} AND ${span.end}`,
  );
  const res = await sql<{ b: unknown; k: unknown; n: unknown }>`
    SELECT b, k, COUNT(DISTINCT CASE WHEN a > 0 THEN c END) AS n FROM (${unionAll(arms)}) u WHERE b = fb
    GROUP BY b, k`.execute(db);
  return inBuckets(res.rows).map(rows);
}

/** The id list of a bucket × key slot ('b\u0000k') in `into`, made (in `arena`) on first use. */
function idsAt(into: Map<string, IdList>, arena: IdArena, b: number, k: string): IdList {
  const slot = `${b}\u0000${k}`;
  let list = into.get(slot);
  if (!list) {
    list = new IdList(arena);
    into.set(slot, list);
  }
  return list;
}

/**
 * Per slot, the distinct customers of `was` and how many of them are in `is` too: each list is
 * walked once against the marks.
 */
function retainedOf(was: Map<string, IdList>, is: Map<string, IdList>) {
  const marks = new CustomerMarks();
  const out: (ActivityRow & { previousCustomers: number; retained: number })[] = [];
  for (const [slot, before] of was) {
    const { stamp: seen, distinct: previousCustomers } = markAll(marks, before);
    // A slot whose rows were returns alone has no customer: no cohort.
    if (previousCustomers === 0) continue;
    const back = marks.next();
    let retained = 0;
    const now = is.get(slot);
    if (now) {
      const { ids } = now.arena;
      const { spans } = now;
      for (let s = 0; s < spans.length; s += 2)
        for (let i = spans[s] as number; i < (spans[s + 1] as number); i++) {
          const c = ids[i] as number;
          if (marks.has(c, seen)) {
            marks.mark(c, back);
            retained += 1;
          }
        }
    }
    out.push({ ...slotOf(slot), previousCustomers, retained });
  }
  return out;
}

/** Per slot, the distinct customers of its list. */
function distinctOf(lists: Map<string, IdList>): Map<string, number> {
  const marks = new CustomerMarks();
  const out = new Map<string, number>();
  for (const [slot, list] of lists) out.set(slot, markAll(marks, list).distinct);
  return out;
}

/** What retentionCounts gives; with the buckets' customers asked, their count and revenue too. */
interface RetentionReading {
  retention: (ActivityRow & { previousCustomers: number; retained: number })[];
  /** Per bucket × key: distinct identified customers and the revenue of their lines (CLV). */
  customers: (ActivityRow & { customers: number; revenueMinor: number })[];
  /** Per bucket × key slot ('b\u0000k'): its customers' ids, as many times as they come. */
  lists: Map<string, IdList>;
  /** With line counts asked: per slot, each entry of `lists`' lines there, in the same order. */
  lineCounts: Map<string, IdList>;
}

/**
 * Per bucket × key: the customers active in the previous period (`previous[i]` for bucket i) and
 * how many of them are active again in the bucket. The customers of each month × key come back as
 * one list (string_agg), grouped in the covering index's order, and are matched here (retainedOf): a
 * row per month × key, not per customer (half the time of either, bench/RESULTS.md).
 */
export async function retentionCounts(
  db: Kysely<Database>,
  scope: KpiScope,
  buckets: readonly DateRange[],
  previous: readonly DateRange[],
): Promise<(ActivityRow & { previousCustomers: number; retained: number })[]> {
  return (await readRetention(db, scope, buckets, previous, false)).retention;
}

/**
 * retentionCounts, and from the same reads each bucket's own customers and their revenue (what
 * customerCounts and productCustomerCounts give CLV): the lists of the buckets' customers are read
 * for retention anyway, so CLV reads the cells once, not twice (its by-week product reads at 10M
 * lines: 620 → 289 ms of statements, bench/RESULTS.md).
 */
export async function retentionAndCustomers(
  db: Kysely<Database>,
  scope: KpiScope,
  buckets: readonly DateRange[],
  previous: readonly DateRange[],
): Promise<RetentionReading> {
  return readRetention(db, scope, buckets, previous, true);
}

async function readRetention(
  db: Kysely<Database>,
  scope: KpiScope,
  buckets: readonly DateRange[],
  previous: readonly DateRange[],
  withCustomers: boolean,
  withLineCounts = false,
): Promise<RetentionReading> {
  if (buckets.length === 0) return { retention: [], customers: [], lists: new Map(), lineCounts: new Map() };
  const ctx = context(scope, buckets);
  const before = partsOf(previous, ctx);
  const now = partsOf(buckets, ctx);
  // Each slot's customer ids, as many times as they come (a customer of several months of a bucket),
  // all in one arena.
  const arena = new IdArena();
  const was = new Map<string, IdList>();
  const is = new Map<string, IdList>();
  /** With customers asked: the revenue of each slot of `is`. */
  const revenue = new Map<string, number>();
  const addRevenue = (n: number, k: string, minor: number) => {
    const slot = `${n}\u0000${k}`;
    revenue.set(slot, (revenue.get(slot) ?? 0) + minor);
  };
  // One read of every month either side needs (a month is often the previous period of the next);
  // the whole weeks of the days months leave, one read per run of consecutive weeks.
  const reads: { cells: Ctx; beforePieces: Piece[]; nowPieces: Piece[]; span: DateRange }[] = [];
  const months = [...before.periods, ...now.periods];
  if (months.length > 0)
    reads.push({ cells: ctx, beforePieces: before.periods, nowPieces: now.periods, span: spanOf(months) });
  // Each week once (a week of both sides is one read, not the start of two runs).
  const weeks = [...new Map([...before.weeks, ...now.weeks].map((w) => [w.start, w])).values()];
  for (const run of contiguousRuns(weeks, 7))
    reads.push({
      cells: weekContext(ctx),
      beforePieces: before.weeks,
      nowPieces: now.weeks,
      span: spanOf(run),
    });
  // The days left, of the daily cells: each day once, one read per run of consecutive days.
  const cellDays = new Map<string, Piece>();
  for (const p of [...before.cellDays, ...now.cellDays])
    for (let d = p.start; d <= p.end; d = addDays(d, 1)) cellDays.set(d, { bucket: 0, start: d, end: d });
  for (const run of contiguousRuns([...cellDays.values()].sort((a, b) => (a.start < b.start ? -1 : 1))))
    reads.push({
      cells: dayContext(ctx),
      beforePieces: before.cellDays,
      nowPieces: now.cellDays,
      span: spanOf(run),
    });
  // A segment's members once for every read: the customers of the periods of `ctx`'s cells the reads
  // touch (the weeks and days lie in periods whose cells hold their customers too).
  // (To the last day of the last period read: a week read may end in the next month.)
  const touched = spanOf(
    reads.map((r) => ({ bucket: 0, start: r.span.start, end: periodEnd(r.cells.unit, r.span.end) })),
  );
  const memberOf =
    reads.length === 0
      ? null
      : await segmentMembers(db, scope, ctx, {
          start: CELLS[ctx.unit].startOf(touched.start),
          end: touched.end,
        });
  const byCustomer = memberOf ? { ...scope, by: null } : scope;
  // A product or category scope without segments: its periods' customers from the product customer
  // lists (a row per period × product), not the cells (a row per customer).
  const lists = memberOf === null && productListsServe(scope);
  // Each entry of `is`, its lines (the lists' line counts; a line read from the lines is one).
  const lineCounts = new Map<string, IdList>();
  if (withLineCounts && !lists)
    throw new Error('readRetention: line counts come from the product customer lists');
  for (const { cells, beforePieces, nowPieces, span } of reads) {
    const beforeOf = periodBuckets(cells.unit, beforePieces);
    const nowOf = periodBuckets(cells.unit, nowPieces);
    const keyed = memberOf ? { ...cells, key: sql<string>`''`, joins: sql`` } : cells;
    // The customers who bought (a cell row of sale lines; a product list names only those); with
    // customers asked, the slot's revenue, of returns alone too; by segment, each customer's own
    // (id:amount pairs, `pairs`).
    const buyers = sql`string_agg(CASE WHEN s.line_count > 0 THEN CAST(s.customer_id AS text) END, ',')`;
    // (A product list row may name no customer, '': left out, as its line counts are.)
    const list = lists ? sql`string_agg(NULLIF(s.customer_ids, ''), ',')` : buyers;
    const pairs =
      withCustomers && memberOf
        ? sql`, string_agg(CAST(s.customer_id AS text) || ':' || CAST(s.amount_minor AS text), ',') AS ps`
        : sql``;
    const rev = withCustomers && !memberOf ? sql`, SUM(s.amount_minor) AS rev` : sql``;
    // (Both lists of a group are joined in the same order: each aggregate sees the group's rows in turn.)
    const ns = withLineCounts ? sql`, string_agg(NULLIF(s.line_counts, ''), ',') AS ns` : sql``;
    const res = await sql<{ m: string; k: unknown; cs: unknown; ps?: unknown; rev?: unknown; ns?: unknown }>`
      SELECT ${sql.ref(`s.${cells.period}`)} AS m, ${keyed.key} AS k, ${list} AS cs${pairs}${rev}${ns}
      FROM ${lists ? sql.table(productListTable(cells.unit)) : cells.table} s${keyed.joins}
      WHERE s.tenant_id = ${cells.t} AND ${sql.ref(`s.${cells.period}`)} BETWEEN ${span.start} AND ${span.end}
        ${lists ? sql`` : sql`AND s.customer_id IS NOT NULL`}${cells.filters}
      GROUP BY ${sql.ref(`s.${cells.period}`)}${groupKey(byCustomer, keyed)}`.execute(db);
    const row: number[] = [];
    const payers: number[] = [];
    const amounts: number[] = [];
    // Per member (its index in memberOf.names): the row's customers there, and their revenue.
    const byMember = (memberOf?.names ?? []).map((): number[] => []);
    const spend = new Float64Array(byMember.length);
    for (const r of res.rows) {
      const m = String(r.m);
      const b = beforeOf.get(m);
      const n = nowOf.get(m);
      if (!memberOf) {
        const k = keyText(r.k);
        // A period of both sides (the previous period of the next bucket): parsed once, in both lists.
        const start = arena.length;
        if (n !== undefined) idsAt(is, arena, n, k).appendText(r.cs);
        else if (b !== undefined) idsAt(was, arena, b, k).appendText(r.cs);
        if (n !== undefined && b !== undefined) idsAt(was, arena, b, k).addSpan(start, arena.length);
        if (n !== undefined) {
          if (withLineCounts) idsAt(lineCounts, arena, n, k).appendText(r.ns);
          if (withCustomers) addRevenue(n, k, num(r.rev));
        }
        continue;
      }
      // By segment: each customer's member, found here; the row's customers of each member appended
      // together (one span per member and row), their revenue added once per member and row.
      row.length = 0;
      payers.length = 0;
      amounts.length = 0;
      pushIds(row, r.cs);
      if (withCustomers) pushPairs(payers, amounts, r.ps);
      for (const members of byMember) members.length = 0;
      spend.fill(0);
      for (let i = 0; i < row.length; i++) {
        const c = row[i] as number;
        (byMember[memberOf.of(c)] as number[]).push(c);
      }
      // Every row's revenue (of returns alone too) to its customer's member.
      for (let i = 0; i < payers.length; i++) {
        const at = memberOf.of(payers[i] as number);
        spend[at] = (spend[at] as number) + (amounts[i] as number);
      }
      for (let at = 0; at < byMember.length; at++) {
        const members = byMember[at] as number[];
        if (n !== undefined && withCustomers && spend[at] !== 0)
          addRevenue(n, memberOf.names[at] as string, spend[at] as number);
        if (members.length === 0) continue;
        const k = memberOf.names[at] as string;
        const start = arena.length;
        if (n !== undefined) idsAt(is, arena, n, k).appendAll(members);
        else if (b !== undefined) idsAt(was, arena, b, k).appendAll(members);
        if (n !== undefined && b !== undefined) idsAt(was, arena, b, k).addSpan(start, arena.length);
      }
    }
  }
  for (const [parts, into] of [
    [before, was],
    [now, is],
  ] as const) {
    if (parts.days.length === 0) continue;
    const arms = runsOf(parts.days).map(
      ({ run, span }) => sql`SELECT ${bucketCase(sql.ref('s.sale_date'), run)} AS b, ${ctx.key} AS k,
          CASE WHEN ${saleLine()} THEN s.customer_id END AS c, s.amount_minor AS rev
        FROM sales_lines s${ctx.joins}
        WHERE s.tenant_id = ${ctx.t} AND s.sale_date BETWEEN ${span.start} AND ${span.end}
          AND s.customer_id IS NOT NULL${ctx.filters}`,
    );
    const current = withCustomers && into === is;
    const res = await sql<{ b: unknown; k: unknown; cs: unknown; rev?: unknown }>`
      SELECT b, k, string_agg(CAST(c AS text), ',') AS cs${current ? sql`, SUM(rev) AS rev` : sql``}
      FROM (${unionAll(arms)}) t
      GROUP BY b, k`.execute(db);
    for (const r of inBuckets(res.rows)) {
      const ids = idsAt(into, arena, num(r.b), keyText(r.k));
      const from = ids.length;
      ids.appendText(r.cs);
      if (withLineCounts && into === is)
        idsAt(lineCounts, arena, num(r.b), keyText(r.k)).appendRepeated(1, ids.length - from);
      if (current) addRevenue(num(r.b), keyText(r.k), num(r.rev));
    }
  }
  const customers = withCustomers
    ? [...distinctOf(is)].map(([slot, n]) => ({
        ...slotOf(slot),
        customers: n,
        revenueMinor: revenue.get(slot) ?? 0,
      }))
    : [];
  return { retention: retainedOf(was, is), customers, lists: is, lineCounts };
}

/**
 * Per slot of `lists`: its distinct customers, those with two or more orders, and the orders with a
 * customer. A customer's orders are its lines there (`lineCounts`, in the order of `lists`) plus, for
 * each listed order of its that repeats a product, 1 − its lines there (`more`: per slot, customer,
 * order and that amount); the slot's orders count an order of two customers once.
 */
function ordersOf(
  lists: Map<string, IdList>,
  lineCounts: Map<string, IdList>,
  more: Map<string, { c: number; o: string; n: number }[]>,
): Map<string, { customers: number; repeaters: number; orders: number }> {
  const marks = new CustomerMarks();
  let sums = new Int32Array(1024);
  const out = new Map<string, { customers: number; repeaters: number; orders: number }>();
  for (const [slot, list] of lists) {
    const counts = lineCounts.get(slot);
    if (!counts || counts.length !== list.length) throw new Error('ordersOf: a list without its line counts');
    const extra = more.get(slot) ?? [];
    const seen = marks.next();
    let customers = 0;
    const add = (c: number, n: number) => {
      if (c >= sums.length) {
        const grown = new Int32Array(Math.max(c + 1, sums.length * 2));
        grown.set(sums);
        sums = grown;
      }
      if (marks.mark(c, seen)) {
        sums[c] = n;
        customers += 1;
      } else sums[c] = (sums[c] as number) + n;
    };
    // The list and its counts hold as many ids, in spans that may differ: two cursors.
    const { ids } = list.arena;
    const { ids: lines } = counts.arena;
    let cs = 0;
    let ci = counts.spans[0] ?? 0;
    for (let s = 0; s < list.spans.length; s += 2)
      for (let i = list.spans[s] as number; i < (list.spans[s + 1] as number); i++) {
        while (ci === counts.spans[cs + 1]) {
          cs += 2;
          ci = counts.spans[cs] as number;
        }
        add(ids[i] as number, lines[ci] as number);
        ci += 1;
      }
    for (const { c, n } of extra) add(c, n);
    // Each customer once: its orders, and whether two or more.
    const counted = marks.next();
    let repeaters = 0;
    let orders = 0;
    const tally = (c: number) => {
      if (!marks.mark(c, counted)) return;
      const n = sums[c] as number;
      orders += n;
      if (n >= 2) repeaters += 1;
    };
    for (let s = 0; s < list.spans.length; s += 2)
      for (let i = list.spans[s] as number; i < (list.spans[s + 1] as number); i++) tally(ids[i] as number);
    for (const { c } of extra) tally(c);
    // Per customer, each of its listed orders counted once: once for the slot.
    orders -= extra.length - new Set(extra.map((e) => e.o)).size;
    out.set(slot, { customers, repeaters, orders });
  }
  return out;
}

/**
 * Per slot of `lists`, its distinct customers whose first purchase (`firsts`: customer, date) lies in
 * the slot's own bucket (`pieces`, disjoint).
 */
function newOf(
  lists: Map<string, IdList>,
  firsts: readonly { c: unknown; d: unknown }[],
  pieces: readonly Piece[],
): (ActivityRow & { count: number })[] {
  const sorted = [...pieces].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const bucketOf = new Map<number, number>();
  for (const { c, d } of firsts) {
    const day = String(d);
    // The last piece starting on or before the day.
    let lo = 0;
    let hi = sorted.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as Piece).start <= day) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const piece = sorted[at];
    if (piece && day <= piece.end) bucketOf.set(num(c), piece.bucket);
  }
  const marks = new CustomerMarks();
  const out: (ActivityRow & { count: number })[] = [];
  for (const [slot, list] of lists) {
    const row = slotOf(slot);
    const stamp = marks.next();
    let count = 0;
    const { ids } = list.arena;
    for (let s = 0; s < list.spans.length; s += 2)
      for (let i = list.spans[s] as number; i < (list.spans[s + 1] as number); i++) {
        const c = ids[i] as number;
        if (bucketOf.get(c) === row.bucket && marks.mark(c, stamp)) count += 1;
      }
    if (count > 0) out.push({ ...row, count });
  }
  return out;
}
