import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiScope, OrderNeeds } from '../../src/app/kpi/ports.ts';
import type { DateRange } from '../../src/core/calendar/index.ts';
import type { OrderFact, RetentionFact } from '../../src/core/kpi/facts.ts';
import { SEGMENT_MEMBERS_WHOLE } from '../../src/db/kpi/customer-activity.ts';
import { createKpiRepository } from '../../src/db/kpi/kpi-repository.ts';
import { rebuildAllRollups, refreshSalesRollups } from '../../src/db/kpi/refresh-sales-rollups.ts';
import { customerActivity } from '../../src/db/migrations/2026120308-customer-activity.ts';
import { customerProducts as customerProductsMigration } from '../../src/db/migrations/2026120310-customer-products.ts';
import { customerWeeks } from '../../src/db/migrations/2026120401-customer-weeks.ts';
import { customerProductWeeks } from '../../src/db/migrations/2026120402-customer-product-weeks.ts';
import { productCustomerLists } from '../../src/db/migrations/2026120602-product-customer-lists.ts';
import { customerDays } from '../../src/db/migrations/2026120701-customer-days.ts';
import type { Database } from '../../src/db/schema/index.ts';
import { tenantOf } from '../../src/db/tenants.ts';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';
import { mondayOf } from '../support/iso-week.ts';
import { CHANNELS, type Line, orderFileArb, PRODUCTS, pick, REGIONS, REPS } from '../support/order-files.ts';

// Staged lines move into the table every 7 lines (200,000 in use): small files run every path of
// the SQLite import writer — straight in, staged, moved mid-file and at the end.
process.env.PACER_IMPORT_MOVE_EVERY = '7';
// A few lines a batch and a drain every few roll-up cells: several batches are in a PostgreSQL sink at
// once, and the roll-ups of lines that come day after day are written in pieces (day-after-day.ts).
process.env.PACER_IMPORT_BATCH = '5';
process.env.PACER_IMPORT_ROLLING_CELLS = '4';

/**
 * The distinct-customer figures read from the structures imports keep (kpi_customer_monthly with
 * kpi_complex_orders and kpi_customer_first, src/db/kpi/customer-activity.ts) equal a direct
 * recomputation from the raw lines — customers, repeat customers and their revenue, orders by
 * customer segment, new customers, retention — for buckets of whole months, parts of months and
 * both, every breakdown and filter the structure serves: after random files in any line order
 * (orders whose lines span days, months or members, orders split across the file), overlapping
 * imports, undo and catalog merges. And the table kept by imports equals the one recomputed from the
 * lines.
 */

const HEADER = '訂單編號,項次,交易時間,品名,類別,數量,單價,金額,會員編號,會員等級,通路,業務員,地區';
const TIERS = ['一般', '金卡'];
/** Each product's category (PRODUCTS' order): two coffees and a gift box. */
const CATEGORIES = ['咖啡', '咖啡', '禮品'];
/** 2026-01-10 + 110 days: a partial January, February, March, most of April. */
const DAYS = 110;
/** The days that start a month (Feb 1, Mar 1, Apr 1): bucket edges there make whole months. */
const MONTH_STARTS = [22, 50, 81];

const date = (day: number) => new Date(Date.UTC(2026, 0, 10 + day)).toISOString().slice(0, 10);
/** Each customer's tier (customer 3 has none). */
const tierOf = (customer: number) => (customer === 3 ? '' : (TIERS[customer % 2] ?? ''));
const csvLine = (l: Line) =>
  [
    l.order === null ? '' : `B${l.order}`,
    l.order === null ? '' : l.lineNo,
    `${date(l.day)} 10:00`,
    pick(PRODUCTS, l.product),
    pick(CATEGORIES, l.product),
    l.qty,
    100,
    l.qty * 100,
    l.customer === null ? '' : `M${l.customer}`,
    l.customer === null ? '' : tierOf(l.customer),
    pick(CHANNELS, l.channel),
    pick(REPS, l.rep),
    pick(REGIONS, l.region),
  ].join(',');

const fileArb = orderFileArb({
  days: DAYS,
  maxOrder: 40,
  maxCustomer: 6,
  customerFreq: 4,
  maxOrders: 40,
  // Orders start on any day, or on the last day of a month (a line a day later crosses into the next).
  dayArb: fc.oneof(fc.integer({ min: 0, max: DAYS - 1 }), fc.constantFrom(...MONTH_STARTS.map((d) => d - 1))),
});

/**
 * Buckets: consecutive day ranges (a gap sometimes), with edges often on a month's first day (whole
 * months, read from the table) and elsewhere (parts of months, read from the lines); each bucket's
 * previous period is the bucket before it (the first: the days before it).
 */
const bucketsArb = fc
  .uniqueArray(fc.oneof(fc.constantFrom(...MONTH_STARTS), fc.integer({ min: 1, max: DAYS - 1 })), {
    maxLength: 5,
  })
  .chain((cuts) => {
    const edges = [...new Set([0, ...cuts, DAYS])].sort((a, b) => a - b);
    return fc.array(fc.boolean(), { minLength: edges.length, maxLength: edges.length }).map((skip) => {
      const buckets: DateRange[] = [];
      for (let i = 1; i + 1 < edges.length; i++)
        if (!skip[i] || buckets.length === 0)
          buckets.push({ start: date(edges[i] as number), end: date((edges[i + 1] as number) - 1) });
      if (buckets.length === 0) buckets.push({ start: date(0), end: date(DAYS - 1) });
      // The first bucket starts at edges[1] (or day 0 when there is no cut): the days before it.
      const before: DateRange =
        buckets[0]?.start === date(0)
          ? { start: '2025-12-01', end: '2026-01-09' }
          : { start: date(0), end: date((edges[1] as number) - 1) };
      const previous = buckets.map((_, i) => (i === 0 ? before : (buckets[i - 1] as DateRange)));
      return { buckets, previous };
    });
  });

/**
 * Buckets of weeks (read from kpi_customer_weekly): 9–15 consecutive weeks from a Monday (day 2 is
 * 2026-01-12), the first sometimes starting and the last sometimes ending mid-week (those days from
 * the lines); each bucket's previous period is the one before it.
 */
const weekBucketsArb = fc
  .record({
    weeks: fc.integer({ min: 9, max: 15 }),
    firstWeek: fc.integer({ min: 0, max: 6 }),
    lateStart: fc.integer({ min: 0, max: 3 }),
    earlyEnd: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ weeks, firstWeek, lateStart, earlyEnd }) => {
    const count = Math.min(weeks, 15 - firstWeek);
    const buckets: DateRange[] = Array.from({ length: count }, (_, i) => {
      const monday = 2 + (firstWeek + i) * 7;
      return {
        start: date(i === 0 ? monday + lateStart : monday),
        end: date(i === count - 1 ? monday + 6 - earlyEnd : monday + 6),
      };
    });
    const before: DateRange = { start: '2025-12-01', end: date(1 + firstWeek * 7) };
    const previous = buckets.map((_, i) => (i === 0 ? before : (buckets[i - 1] as DateRange)));
    return { buckets, previous };
  });

async function importSales(client: Client, companyId: string, lines: readonly Line[]) {
  const { job } = await importCsv(client, companyId, 'pos.csv', [HEADER, ...lines.map(csvLine)].join('\n'));
  expect(job.state, JSON.stringify(job)).toBe('done');
  return job.importId as string;
}

interface Row {
  order_id: string;
  sale_date: string;
  customer_id: number | null;
  amount: number;
  /** A sale line (not a return: no negative quantity or amount). */
  sale: boolean;
  product: string | null;
  category: string | null;
  channel: string | null;
  rep: string | null;
  region: string | null;
  member_tier: string | null;
}

async function linesOf(db: Kysely<Database>, companyId: string): Promise<Row[]> {
  const res = await sql<Record<string, unknown>>`
    SELECT s.order_id, s.sale_date, s.customer_id, s.amount_minor AS amount,
      CASE WHEN s.quantity >= 0 AND s.amount_minor >= 0 THEN 1 ELSE 0 END AS sale, p.name AS product, pc.name AS category,
      ch.name AS channel, r.name AS rep, g.name AS region, cu.member_tier
    FROM sales_lines s JOIN products p ON p.id = s.product_id LEFT JOIN product_categories pc ON pc.id = p.category_id
    LEFT JOIN channels ch ON ch.id = s.channel_id LEFT JOIN sales_reps r ON r.id = s.rep_id
    LEFT JOIN regions g ON g.id = s.region_id LEFT JOIN customers cu ON cu.id = s.customer_id
    WHERE s.tenant_id = ${tenantOf(companyId)}`.execute(db);
  return res.rows.map((r) => ({
    order_id: String(r.order_id),
    sale_date: String(r.sale_date),
    customer_id: r.customer_id === null ? null : Number(r.customer_id),
    amount: Number(r.amount),
    sale: Number(r.sale) === 1,
    product: (r.product as string | null) ?? null,
    category: (r.category as string | null) ?? null,
    channel: (r.channel as string | null) ?? null,
    rep: (r.rep as string | null) ?? null,
    region: (r.region as string | null) ?? null,
    member_tier: (r.member_tier as string | null) ?? null,
  }));
}

type By = 'product' | 'category' | 'channel' | 'rep' | 'region' | 'member_tier';

/**
 * The direct recomputation, in plain code over the lines: orders, customers, repeat customers, first
 * purchases and retention of sale lines (a return line is no purchase); revenue of every line.
 */
function reference(
  lines: readonly Row[],
  scope: KpiScope,
  buckets: readonly DateRange[],
  previous: readonly DateRange[],
  repeaters = true,
) {
  const kept = (r: Row) =>
    Object.entries(scope.where).every(([dim, names]) => names?.includes(r[dim as By] ?? '\u0000'));
  const keyOf = (r: Row) => (scope.by === null ? null : r[scope.by as By]);
  const bucketOf = (ranges: readonly DateRange[], day: string) =>
    ranges.findIndex((b) => day >= b.start && day <= b.end);
  const firstDate = new Map<number, string>();
  for (const r of lines)
    if (r.customer_id !== null && r.sale) {
      const seen = firstDate.get(r.customer_id);
      if (seen === undefined || r.sale_date < seen) firstDate.set(r.customer_id, r.sale_date);
    }
  const cells = new Map<
    string,
    {
      orders: Set<string>;
      customerOrders: Set<string>;
      byCustomer: Map<number, Set<string>>;
      rev: number;
      fresh: Set<number>;
    }
  >();
  const active = (ranges: readonly DateRange[]) => {
    const out = new Map<string, Set<number>>();
    for (const r of lines) {
      const b = bucketOf(ranges, r.sale_date);
      if (b < 0 || !kept(r) || r.customer_id === null || !r.sale) continue;
      const slot = `${b}|${keyOf(r)}`;
      out.set(slot, (out.get(slot) ?? new Set()).add(r.customer_id));
    }
    return out;
  };
  for (const r of lines) {
    const b = bucketOf(buckets, r.sale_date);
    if (b < 0 || !kept(r)) continue;
    const slot = `${b}|${keyOf(r)}`;
    let cell = cells.get(slot);
    if (!cell) {
      cell = {
        orders: new Set(),
        customerOrders: new Set(),
        byCustomer: new Map(),
        rev: 0,
        fresh: new Set(),
      };
      cells.set(slot, cell);
    }
    if (r.sale) cell.orders.add(r.order_id);
    if (r.customer_id === null) continue;
    cell.rev += r.amount;
    if (!r.sale) continue;
    cell.customerOrders.add(r.order_id);
    cell.byCustomer.set(r.customer_id, (cell.byCustomer.get(r.customer_id) ?? new Set()).add(r.order_id));
    if (bucketOf(buckets, firstDate.get(r.customer_id) ?? '') === b) cell.fresh.add(r.customer_id);
  }
  // (A bucket × key of returns alone has no order and no customer: the structures' rows are left out.)
  const counted = [...cells].filter(([, c]) => c.orders.size > 0 || c.byCustomer.size > 0);
  const facts = counted.map(([slot, c]) => {
    const repeat = repeaters ? [...c.byCustomer.values()].filter((o) => o.size >= 2).length : '-';
    return `${slot}=${c.orders.size}/${c.customerOrders.size}/${c.byCustomer.size}/${repeat}/${c.rev}`;
  });
  const fresh = [...cells].filter(([, c]) => c.fresh.size > 0).map(([slot, c]) => `${slot}=${c.fresh.size}`);
  const before = active(previous);
  const now = active(buckets);
  const retention = [...before].map(([slot, prev]) => {
    const back = [...prev].filter((c) => now.get(slot)?.has(c)).length;
    return `${slot}=${prev.size}/${back}`;
  });
  return { facts: facts.sort(), fresh: fresh.sort(), retention: retention.sort() };
}

/** One line of one order of customer 2 on day 5 (the hand-made files below vary it). */
const LINE: Line = {
  order: 1,
  lineNo: 1,
  day: 5,
  product: 0,
  qty: 1,
  customer: 2,
  channel: 0,
  rep: 0,
  region: 0,
};

/** How many scopes CLV's single reading served (checked: some must). */
let servedTogether = 0;

async function fromStructures(
  db: Kysely<Database>,
  scope: KpiScope,
  buckets: readonly DateRange[],
  previous: readonly DateRange[],
  repeaters = true,
) {
  const repo = createKpiRepository(db);
  const facts = await repo.orderFacts(scope, buckets, {
    orders: true,
    customers: true,
    repeaters,
    customerOrders: true,
  });
  const fresh = await repo.newCustomerFacts(scope, buckets);
  const retention = await repo.retentionFacts(scope, buckets, previous);
  // CLV's single reading: the same retention, and the same customers and revenue as orderFacts.
  const together = await repo.retentionWithCustomers(scope, buckets, previous);
  const churn = (rows: RetentionFact[]) =>
    rows.map((f) => `${f.bucket}|${f.key}=${f.previousCustomers}/${f.retained}`).sort();
  const spend = (rows: OrderFact[]) =>
    rows
      .filter((f) => f.customers > 0)
      .map((f) => `${f.bucket}|${f.key}=${f.customers}/${f.customerRevenueMinor}`)
      .sort();
  if (together) {
    servedTogether += 1;
    expect(churn(together.retention)).toEqual(churn(retention));
    expect(spend(together.customers)).toEqual(spend(facts));
  }
  return {
    facts: facts
      .filter((f) => f.orders > 0 || f.customers > 0)
      .map(
        (f) =>
          `${f.bucket}|${f.key}=${f.orders}/${f.customerOrders}/${f.customers}/${repeaters ? f.repeatCustomers : '-'}/${f.customerRevenueMinor}`,
      )
      .sort(),
    fresh: fresh
      .filter((f) => f.count > 0)
      .map((f) => `${f.bucket}|${f.key}=${f.count}`)
      .sort(),
    retention: retention.map((f) => `${f.bucket}|${f.key}=${f.previousCustomers}/${f.retained}`).sort(),
  };
}

/**
 * The needs of one KPI at a time (customers, repeat-purchase rate, CLV) read fewer statements than
 * all of them: the figures asked are the same as with every need.
 */
async function sameFiguresForEachNeed(
  db: Kysely<Database>,
  scope: KpiScope,
  buckets: readonly DateRange[],
  what: string,
) {
  const repo = createKpiRepository(db);
  const all = await repo.orderFacts(scope, buckets);
  for (const need of [
    { customers: true },
    { customers: true, repeaters: true },
    { customers: true, customerOrders: true },
  ] as OrderNeeds[]) {
    const asked = (f: OrderFact) =>
      [
        `${f.bucket}|${f.key}`,
        f.customers,
        f.customerRevenueMinor,
        need.repeaters ? f.repeatCustomers : '-',
        need.customerOrders ? f.customerOrders : '-',
      ].join('/');
    const part = (await repo.orderFacts(scope, buckets, need)).filter((f) => f.customers > 0);
    expect(part.map(asked).sort(), `${what} ${JSON.stringify(need)}`).toEqual(
      all
        .filter((f) => f.customers > 0)
        .map(asked)
        .sort(),
    );
  }
}

const text = (rows: Record<string, unknown>[]) =>
  rows.map((r) =>
    Object.values(r)
      .map((v) => String(typeof v === 'string' ? v : Number(v)))
      .join(' '),
  );

/** The customer cell tables, their period columns, and a line's period in each. */
const CELL_TABLES = {
  month: { table: 'kpi_customer_monthly', column: 'month_start', of: (d: string) => `${d.slice(0, 7)}-01` },
  week: { table: 'kpi_customer_weekly', column: 'week_start', of: mondayOf },
  day: { table: 'kpi_customer_daily', column: 'sale_date', of: (d: string) => d },
} as const;
type CellUnit = keyof typeof CELL_TABLES;

/**
 * kpi_customer_monthly (or _weekly, _daily) folded to one row per cell (several rows of one cell
 * are one figure), its simple-order count plus the complex orders with lines in the cell (an order
 * is complex or not depending on history: undo leaves it complex, a rebuild may find it simple; the
 * sum is the same). Periods as the lines give them: the week's Monday computed here.
 */
async function customerCells(db: Kysely<Database>, companyId: string, unit: CellUnit = 'month') {
  const t = tenantOf(companyId);
  const table = sql.table(CELL_TABLES[unit].table);
  const column = sql.ref(CELL_TABLES[unit].column);
  const cells = await sql<Record<string, unknown>>`
    SELECT ${column} AS p, COALESCE(customer_id, -1) AS cu, COALESCE(channel_id, -1) AS ch,
      COALESCE(rep_id, -1) AS rp, COALESCE(region_id, -1) AS rg, SUM(amount_minor) AS a, SUM(quantity) AS q,
      SUM(line_count) AS n, SUM(campaign_amount_minor) AS c, SUM(order_count) AS o
    FROM ${table} WHERE tenant_id = ${t} GROUP BY 1, 2, 3, 4, 5`.execute(db);
  const complex = await sql<Record<string, unknown>>`
    SELECT s.sale_date AS d, s.order_id AS id, COALESCE(s.customer_id, -1) AS cu, COALESCE(s.channel_id, -1) AS ch,
      COALESCE(s.rep_id, -1) AS rp, COALESCE(s.region_id, -1) AS rg
    FROM kpi_complex_orders x JOIN sales_lines s ON s.tenant_id = x.tenant_id AND s.order_id = x.order_id
    WHERE x.tenant_id = ${t} AND s.quantity >= 0 AND s.amount_minor >= 0`.execute(db);
  const periodOf = CELL_TABLES[unit].of;
  const orders = new Map<string, Set<string>>();
  for (const r of complex.rows) {
    const k = [periodOf(String(r.d)), ...[r.cu, r.ch, r.rp, r.rg].map((v) => String(Number(v)))].join(' ');
    orders.set(k, (orders.get(k) ?? new Set()).add(String(r.id)));
  }
  return cells.rows
    .map((r) => {
      const head = [String(r.p), ...[r.cu, r.ch, r.rp, r.rg].map((v) => String(Number(v)))].join(' ');
      const sums = [r.a, r.q, r.n, r.c].map((v) => String(Number(v)));
      return `${head} ${sums.join(' ')} ${Number(r.o) + (orders.get(head)?.size ?? 0)}`;
    })
    .sort();
}

/** The same cells from the lines: their sums, sale lines and distinct orders (of sale lines). */
async function customerCellsOfLines(db: Kysely<Database>, companyId: string, unit: CellUnit = 'month') {
  const res = await sql<Record<string, unknown>>`
    SELECT sale_date AS d, order_id AS id, COALESCE(customer_id, -1) AS cu, COALESCE(channel_id, -1) AS ch,
      COALESCE(rep_id, -1) AS rp, COALESCE(region_id, -1) AS rg, amount_minor AS a, quantity AS q,
      CASE WHEN campaign_code IS NOT NULL AND campaign_code <> '' THEN amount_minor ELSE 0 END AS c,
      CASE WHEN quantity >= 0 AND amount_minor >= 0 THEN 1 ELSE 0 END AS sale
    FROM sales_lines WHERE tenant_id = ${tenantOf(companyId)}`.execute(db);
  const cells = new Map<string, { a: number; q: number; n: number; c: number; o: Set<string> }>();
  for (const r of res.rows) {
    const d = String(r.d);
    const head = [CELL_TABLES[unit].of(d), ...[r.cu, r.ch, r.rp, r.rg].map((v) => String(Number(v)))].join(
      ' ',
    );
    const cell = cells.get(head) ?? { a: 0, q: 0, n: 0, c: 0, o: new Set<string>() };
    cell.a += Number(r.a);
    cell.q += Number(r.q);
    cell.n += Number(r.sale);
    cell.c += Number(r.c);
    if (Number(r.sale) === 1) cell.o.add(String(r.id));
    cells.set(head, cell);
  }
  return [...cells].map(([head, c]) => `${head} ${c.a} ${c.q} ${c.n} ${c.c} ${c.o.size}`).sort();
}

/** kpi_customer_product_monthly (or _weekly) folded to one row per cell. */
async function customerProducts(db: Kysely<Database>, companyId: string, unit: 'month' | 'week' = 'month') {
  const table = sql.table(unit === 'month' ? 'kpi_customer_product_monthly' : 'kpi_customer_product_weekly');
  const column = sql.ref(unit === 'month' ? 'month_start' : 'week_start');
  const res = await sql<Record<string, unknown>>`
    SELECT ${column} AS p, product_id, customer_id, SUM(amount_minor) AS a, SUM(line_count) AS n
    FROM ${table} WHERE tenant_id = ${tenantOf(companyId)} GROUP BY 1, 2, 3`.execute(db);
  return text(res.rows).sort();
}

/** The same cells from the lines (the week's Monday computed here). */
async function customerProductsOfLines(
  db: Kysely<Database>,
  companyId: string,
  unit: 'month' | 'week' = 'month',
) {
  const res = await sql<Record<string, unknown>>`
    SELECT sale_date AS d, product_id, customer_id, amount_minor AS a,
      CASE WHEN quantity >= 0 AND amount_minor >= 0 THEN 1 ELSE 0 END AS sale
    FROM sales_lines WHERE tenant_id = ${tenantOf(companyId)} AND customer_id IS NOT NULL`.execute(db);
  const cells = new Map<string, { a: number; n: number }>();
  for (const r of res.rows) {
    const d = String(r.d);
    const head = [
      unit === 'month' ? `${d.slice(0, 7)}-01` : mondayOf(d),
      Number(r.product_id),
      Number(r.customer_id),
    ].join(' ');
    const cell = cells.get(head) ?? { a: 0, n: 0 };
    cell.a += Number(r.a);
    cell.n += Number(r.sale);
    cells.set(head, cell);
  }
  return [...cells].map(([head, c]) => `${head} ${c.a} ${c.n}`).sort();
}

/**
 * The product customer lists (kpi_product_customers_monthly or _weekly) folded to one row per
 * period × product: its distinct customers, sorted, each with its lines there (`id:lines`), and
 * their revenue (rows listing a customer twice are allowed: the readers add its lines).
 */
async function productLists(db: Kysely<Database>, companyId: string, unit: 'month' | 'week' = 'month') {
  const table = sql.table(
    unit === 'month' ? 'kpi_product_customers_monthly' : 'kpi_product_customers_weekly',
  );
  const column = sql.ref(unit === 'month' ? 'month_start' : 'week_start');
  const res = await sql<{
    p: string;
    product_id: unknown;
    customer_ids: string;
    line_counts: string;
    a: unknown;
  }>`
    SELECT ${column} AS p, product_id, customer_ids, line_counts, amount_minor AS a
    FROM ${table} WHERE tenant_id = ${tenantOf(companyId)}`.execute(db);
  const lists = new Map<string, { lines: Map<number, number>; a: number }>();
  for (const r of res.rows) {
    const head = `${r.p} ${Number(r.product_id)}`;
    const list = lists.get(head) ?? { lines: new Map<number, number>(), a: 0 };
    // (A row may name no customer, '': its customers returned goods alone there.)
    const ids = r.customer_ids === '' ? [] : r.customer_ids.split(',').map(Number);
    const counts = r.line_counts === '' ? [] : r.line_counts.split(',').map(Number);
    expect(counts.length).toBe(ids.length);
    ids.forEach((id, i) => {
      list.lines.set(id, (list.lines.get(id) ?? 0) + (counts[i] as number));
    });
    list.a += Number(r.a);
    lists.set(head, list);
  }
  return folded(lists);
}

const folded = (lists: Map<string, { lines: Map<number, number>; a: number }>) =>
  [...lists]
    .map(
      ([head, l]) =>
        `${head} ${[...l.lines]
          .sort(([x], [y]) => x - y)
          .map(([id, n]) => `${id}:${n}`)
          .join(',')} ${l.a}`,
    )
    .sort();

/** The same lists from the lines. */
async function productListsOfLines(
  db: Kysely<Database>,
  companyId: string,
  unit: 'month' | 'week' = 'month',
) {
  const lists = new Map<string, { lines: Map<number, number>; a: number }>();
  for (const cell of await customerProductsOfLines(db, companyId, unit)) {
    const [period, product, customer, amount, lines] = cell.split(' ');
    const head = `${period} ${product}`;
    const list = lists.get(head) ?? { lines: new Map<number, number>(), a: 0 };
    // Only the customers who bought there (sale lines); the returns' amount is in the revenue.
    if (Number(lines) > 0)
      list.lines.set(Number(customer), (list.lines.get(Number(customer)) ?? 0) + Number(lines));
    list.a += Number(amount);
    lists.set(head, list);
  }
  return folded(lists);
}

describe.each(dialects())('distinct customers from the customer-month activity (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('equal the lines after imports, overlaps, undo and merges; the kept table equals the recomputed one', async () => {
    const db = h.runtime.database.db;
    await fc.assert(
      fc.asyncProperty(
        fileArb,
        fc.option(fileArb, { freq: 3 }),
        fc.constantFrom('none', 'undo', 'merge', 'merge-region', 'merge-product'),
        fc.oneof({ arbitrary: bucketsArb, weight: 2 }, { arbitrary: weekBucketsArb, weight: 1 }),
        async (first, second, after, { buckets, previous }) => {
          const { client, companyId } = await signUp(h.app);
          await importSales(client, companyId, first);
          if (second) {
            const b = await importSales(client, companyId, [
              // Repeats (duplicates), new lines of the first file's orders, then lines of its own.
              ...first.slice(0, 5),
              // (A sale each: an order of returns alone in the first file becomes an order.)
              ...first.slice(0, 3).map((l) => ({ ...l, lineNo: l.lineNo + 6, qty: Math.abs(l.qty) + 1 })),
              ...second,
            ]);
            if (after === 'undo') {
              const res = await client.post(`/api/companies/${companyId}/imports/${b}/undo`);
              expect(res.statusCode, res.body).toBe(200);
            }
          }
          if (after === 'none' || after === 'undo') {
            // What imports (and undo) kept equals what the lines give, and what a rebuild gives.
            const kept = await customerCells(db, companyId);
            expect(kept).toEqual(await customerCellsOfLines(db, companyId));
            const keptWeeks = await customerCells(db, companyId, 'week');
            expect(keptWeeks).toEqual(await customerCellsOfLines(db, companyId, 'week'));
            const keptDays = await customerCells(db, companyId, 'day');
            expect(keptDays).toEqual(await customerCellsOfLines(db, companyId, 'day'));
            const keptProducts = await customerProducts(db, companyId);
            expect(keptProducts).toEqual(await customerProductsOfLines(db, companyId));
            const keptProductWeeks = await customerProducts(db, companyId, 'week');
            expect(keptProductWeeks).toEqual(await customerProductsOfLines(db, companyId, 'week'));
            const keptLists = await productLists(db, companyId);
            expect(keptLists).toEqual(await productListsOfLines(db, companyId));
            const keptListWeeks = await productLists(db, companyId, 'week');
            expect(keptListWeeks).toEqual(await productListsOfLines(db, companyId, 'week'));
            await rebuildAllRollups(db, companyId);
            expect(await productLists(db, companyId)).toEqual(keptLists);
            expect(await productLists(db, companyId, 'week')).toEqual(keptListWeeks);
            expect(await customerCells(db, companyId)).toEqual(kept);
            expect(await customerCells(db, companyId, 'week')).toEqual(keptWeeks);
            expect(await customerCells(db, companyId, 'day')).toEqual(keptDays);
            expect(await customerProducts(db, companyId)).toEqual(keptProducts);
            expect(await customerProducts(db, companyId, 'week')).toEqual(keptProductWeeks);
          } else {
            const table = { merge: 'channels', 'merge-region': 'regions', 'merge-product': 'products' }[
              after
            ] as 'channels' | 'regions' | 'products';
            const ids = await db
              .selectFrom(table)
              .select(['id', 'name'])
              .where('company_id', '=', companyId)
              .orderBy('id')
              .execute();
            if (ids.length >= 2) {
              const [into, from] = ids;
              const res = await client.post(
                `/api/companies/${companyId}/catalog/${table}/${from?.id}/merge`,
                { intoId: String(into?.id) },
              );
              expect(res.statusCode, res.body).toBe(200);
            }
          }
          const lines = await linesOf(db, companyId);
          for (const by of [null, 'channel', 'rep', 'region', 'member_tier'] as const)
            for (const where of [
              {},
              { channel: [CHANNELS[0] as string] },
              { member_tier: [TIERS[1] as string] },
            ]) {
              const scope: KpiScope = { companyId, by, where };
              const what = `${by} ${JSON.stringify(where)} ${JSON.stringify(buckets)}`;
              expect(await fromStructures(db, scope, buckets, previous), what).toEqual(
                reference(lines, scope, buckets, previous),
              );
              await sameFiguresForEachNeed(db, scope, buckets, what);
            }
          // Product and category scopes: customers from the customer × product months (repeat
          // customers of several products from the lines, checked once).
          for (const [by, where] of [
            ['product', {}],
            ['category', {}],
            ['product', { member_tier: [TIERS[1] as string] }],
            ['member_tier', { product: [PRODUCTS[0] as string] }],
            [null, { category: [CATEGORIES[0] as string] }],
            ['category', { product: [PRODUCTS[0] as string, PRODUCTS[2] as string] }],
          ] as const) {
            const scope: KpiScope = { companyId, by, where };
            const what = `${by} ${JSON.stringify(where)} ${JSON.stringify(buckets)}`;
            // Every group of one product: repeat customers from the structures too (product-orders.ts).
            const pinned = by === 'product' || ('product' in where && where.product.length === 1);
            expect(await fromStructures(db, scope, buckets, previous, pinned), what).toEqual(
              reference(lines, scope, buckets, previous, pinned),
            );
            await sameFiguresForEachNeed(db, scope, buckets, what);
          }
          const scope: KpiScope = { companyId, by: 'product', where: {} };
          expect(await fromStructures(db, scope, buckets, previous)).toEqual(
            reference(lines, scope, buckets, previous),
          );
          // A range's total: one bucket of whole months (February and March) or of whole weeks (five
          // from Monday 12 January), read straight from the cells.
          for (const whole of [
            { start: date(MONTH_STARTS[0] as number), end: date((MONTH_STARTS[2] as number) - 1) },
            { start: date(2), end: date(2 + 5 * 7 - 1) },
          ])
            for (const [by, repeaters] of [
              [null, false],
              ['channel', false],
              ['member_tier', false],
              ['product', false],
              ['product', true],
            ] as const) {
              const scope: KpiScope = { companyId, by, where: {} };
              const one = [whole];
              const before = [{ start: '2025-12-01', end: date(1) }];
              expect(
                await fromStructures(db, scope, one, before, repeaters),
                `${by} ${JSON.stringify(whole)}`,
              ).toEqual(reference(lines, scope, one, before, repeaters));
            }
        },
      ),
      { numRuns: 15 },
    );
    expect(servedTogether).toBeGreaterThan(0);
  }, 400_000);

  it('a refresh that makes an order complex recounts the month where it was counted as simple', async () => {
    const db = h.runtime.database.db;
    const { client, companyId } = await signUp(h.app);
    const line: Line = { ...LINE, order: 7 };
    await importSales(client, companyId, [line]);
    // A line of the same order two months later, written beside the import and refreshed by its day.
    const first = await db
      .selectFrom('sales_lines')
      .selectAll()
      .where('tenant_id', '=', tenantOf(companyId))
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = first;
    await db
      .insertInto('sales_lines')
      .values({ ...copy, line_no: 2, sale_date: date(60), sold_at: `${date(60)} 10:00` })
      .execute();
    await refreshSalesRollups(db, companyId, date(60), date(60));
    expect(await customerCells(db, companyId)).toEqual(await customerCellsOfLines(db, companyId));
    expect(await customerCells(db, companyId, 'week')).toEqual(
      await customerCellsOfLines(db, companyId, 'week'),
    );
    expect(await customerCells(db, companyId, 'day')).toEqual(
      await customerCellsOfLines(db, companyId, 'day'),
    );
    const scope: KpiScope = { companyId, by: null, where: {} };
    const whole = [{ start: date(0), end: date(DAYS - 1) }];
    expect((await fromStructures(db, scope, whole, whole)).facts).toEqual(
      reference(await linesOf(db, companyId), scope, whole, whole).facts,
    );
  });

  it("reads a week across a month's end with its customers' segments (retention and CLV by member tier)", async () => {
    const db = h.runtime.database.db;
    const { client, companyId } = await signUp(h.app);
    const base: Line = { ...LINE };
    // Customer 1 buys only on Sunday 1 February (day 22), in the last week of a bucket from Saturday
    // 10 January: that week (26 January – 1 February) is read from the weekly cells, and its customers'
    // tiers must come from February's customers too.
    await importSales(client, companyId, [base, { ...base, order: 2, customer: 1, day: 22 }]);
    const buckets = [{ start: date(0), end: date(22) }];
    const previous = [{ start: '2025-12-01', end: date(-1) }];
    for (const by of ['member_tier', null] as const) {
      const scope: KpiScope = { companyId, by, where: {} };
      expect(await fromStructures(db, scope, buckets, previous), String(by)).toEqual(
        reference(await linesOf(db, companyId), scope, buckets, previous),
      );
    }
  });

  it('finds the members of a segment through the cells when the company has more than SEGMENT_MEMBERS_WHOLE of them', async () => {
    const db = h.runtime.database.db;
    const { client, companyId } = await signUp(h.app);
    // Members who never bought, made first (lower ids than the buyers): a read of "the first
    // SEGMENT_MEMBERS_WHOLE + 1" would hold none of the buyers.
    const filler = Array.from({ length: SEGMENT_MEMBERS_WHOLE + 1 }, (_, i) => ({
      company_id: companyId,
      code: `F${i}`,
      name: `F${i}`,
      member_tier: i % 2 === 0 ? '金卡' : '一般',
    }));
    for (let i = 0; i < filler.length; i += 500)
      await db
        .insertInto('customers')
        .values(filler.slice(i, i + 500))
        .execute();
    const base: Line = { ...LINE };
    await importSales(client, companyId, [
      base,
      { ...base, order: 2, customer: 1, day: 22 },
      { ...base, order: 3, customer: 2, day: 30 },
      { ...base, order: 4, customer: 4, day: 3 },
    ]);
    const buckets = [
      { start: date(0), end: date(22) },
      { start: date(23), end: date(40) },
    ];
    const previous = [
      { start: '2025-12-01', end: date(-1) },
      { start: date(0), end: date(22) },
    ];
    const scope: KpiScope = { companyId, by: 'member_tier', where: {} };
    const got = await fromStructures(db, scope, buckets, previous);
    expect(got).toEqual(reference(await linesOf(db, companyId), scope, buckets, previous));
    expect(JSON.stringify(got)).toContain('金卡');
  });

  it('counts a customer of exactly two orders in whole months and weeks as a repeat customer, by segment, channel, product and none', async () => {
    // The random files' buckets are mostly "unsure" (orders across days): these are simple orders
    // only, so the cells alone answer (directFigures), for each way the customers are grouped there.
    const db = h.runtime.database.db;
    const { client, companyId } = await signUp(h.app);
    const base: Line = { ...LINE, day: 23 };
    let order = 0;
    const buy = (customer: number | null, day: number, channel = 0): Line => {
      order += 1;
      return { ...base, order, customer, day, channel };
    };
    // February is days 22–49, March 50–80; the ISO week of Monday 2 February is days 23–29.
    await importSales(client, companyId, [
      // Customer 1 (金卡): exactly two orders in February, both in one week.
      buy(1, 23),
      buy(1, 24),
      // Customer 2 (一般): one order in February, three in March.
      buy(2, 25),
      buy(2, 52),
      buy(2, 60),
      buy(2, 70),
      // Customer 4 (一般): two orders in March, one per channel (a repeater of neither channel).
      buy(4, 55, 0),
      buy(4, 66, 1),
      // Customer 5 (金卡): one order in each month; a walk-in.
      buy(5, 30),
      buy(5, 58),
      buy(null, 26),
    ]);
    const lines = await linesOf(db, companyId);
    const months = [
      { start: date(22), end: date(49) },
      { start: date(50), end: date(80) },
    ];
    const weeks = [
      { start: date(23), end: date(29) },
      { start: date(30), end: date(36) },
    ];
    for (const buckets of [months, weeks])
      for (const [by, where] of [
        [null, {}],
        ['channel', {}],
        ['member_tier', {}],
        ['product', {}],
        // A product with a segment: the customer × product cells' rows (repeatersBy 'row').
        ['member_tier', { product: [PRODUCTS[0] as string] }],
        ['product', { member_tier: [TIERS[0] as string] }],
      ] as const) {
        const scope: KpiScope = { companyId, by, where };
        const previous = [{ start: '2025-12-01', end: date(21) }, ...buckets.slice(0, -1)];
        const what = `${by} ${JSON.stringify(where)} ${buckets[0]?.start}`;
        expect(await fromStructures(db, scope, buckets, previous), what).toEqual(
          reference(lines, scope, buckets, previous),
        );
      }
    // The cases are there (amounts in minor units): February's 金卡 has customer 1 (two orders) and 5
    // (one); March's 一般 customers 2 (three) and 4 (two).
    const tiers = reference(lines, { companyId, by: 'member_tier', where: {} }, months, months);
    expect(tiers.facts).toContain(`0|${TIERS[1]}=3/3/2/1/30000`);
    expect(tiers.facts).toContain(`1|${TIERS[0]}=5/5/2/2/50000`);
    const channels = reference(lines, { companyId, by: 'channel', where: {} }, months, months);
    expect(channels.facts).toContain(`1|${CHANNELS[1]}=1/1/1/0/10000`);
  });

  it('the migration fills the table from the lines already stored', async () => {
    const db = h.runtime.database.db;
    const { client, companyId } = await signUp(h.app);
    const base: Line = { ...LINE };
    await importSales(client, companyId, [
      base,
      { ...base, lineNo: 2, product: 1 },
      // A complex order (a line on another day, in the next month), a walk-in, another customer.
      { ...base, order: 2, day: 21 },
      { ...base, order: 2, lineNo: 2, day: 22 },
      { ...base, order: 3, customer: null, channel: 1 },
      { ...base, order: 4, customer: 4, day: 60, rep: null },
    ]);
    const kept = await customerCells(db, companyId);
    await sql`DROP TABLE kpi_customer_monthly`.execute(db);
    await customerActivity.up(db, { dialect: h.runtime.database.kind });
    expect(await customerCells(db, companyId)).toEqual(kept);
    expect(kept).toEqual(await customerCellsOfLines(db, companyId));
    const keptWeeks = await customerCells(db, companyId, 'week');
    await sql`DROP TABLE kpi_customer_weekly`.execute(db);
    await customerWeeks.up(db, { dialect: h.runtime.database.kind });
    expect(await customerCells(db, companyId, 'week')).toEqual(keptWeeks);
    expect(keptWeeks).toEqual(await customerCellsOfLines(db, companyId, 'week'));
    const keptDays = await customerCells(db, companyId, 'day');
    await sql`DROP TABLE kpi_customer_daily`.execute(db);
    await customerDays.up(db, { dialect: h.runtime.database.kind });
    expect(await customerCells(db, companyId, 'day')).toEqual(keptDays);
    expect(keptDays).toEqual(await customerCellsOfLines(db, companyId, 'day'));
    const keptProducts = await customerProducts(db, companyId);
    await sql`DROP TABLE kpi_customer_product_monthly`.execute(db);
    await customerProductsMigration.up(db, { dialect: h.runtime.database.kind });
    expect(await customerProducts(db, companyId)).toEqual(keptProducts);
    expect(keptProducts).toEqual(await customerProductsOfLines(db, companyId));
    const keptProductWeeks = await customerProducts(db, companyId, 'week');
    await sql`DROP TABLE kpi_customer_product_weekly`.execute(db);
    await customerProductWeeks.up(db, { dialect: h.runtime.database.kind });
    expect(await customerProducts(db, companyId, 'week')).toEqual(keptProductWeeks);
    expect(keptProductWeeks).toEqual(await customerProductsOfLines(db, companyId, 'week'));
    // The product customer lists, from the cells.
    const keptLists = [await productLists(db, companyId), await productLists(db, companyId, 'week')];
    expect(keptLists[0]?.length).toBeGreaterThan(0);
    await sql`DROP TABLE kpi_product_customers_monthly`.execute(db);
    await sql`DROP TABLE kpi_product_customers_weekly`.execute(db);
    await productCustomerLists.up(db, { dialect: h.runtime.database.kind });
    expect([await productLists(db, companyId), await productLists(db, companyId, 'week')]).toEqual(keptLists);
    expect(keptLists).toEqual([
      await productListsOfLines(db, companyId),
      await productListsOfLines(db, companyId, 'week'),
    ]);
  });
});
