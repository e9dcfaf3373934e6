import type SQLite from 'better-sqlite3';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { startOfIsoWeek } from '../../core/calendar/index.ts';
import { type BulkColumn, type PgType, SQLITE_BULK_INSERT, unnestInsert } from '../bulk-insert.ts';
import type { Database } from '../schema/index.ts';
import { saleLine } from './kpi-sql.ts';
import {
  type OrderCell,
  type OrderCountRow,
  type OrderMove,
  type OrderTracker,
  resolveSuspects,
  type SuspectOrder,
} from './order-rollup.ts';
import { listRepeatProductOrders } from './product-orders.ts';
import {
  arrayView,
  type CustomerDayRow,
  type CustomerMonthRow,
  type CustomerProductRow,
  type CustomerProductWeekRow,
  type CustomerWeekRow,
  type DailyRow,
  type FirstPurchase,
  type Measures,
  type MonthlyRow,
  type RollupBatch,
  type RowView,
  type WeeklyRow,
} from './rollup-accumulator.ts';

/**
 * A roll-up table's columns after tenant and period, in the table's order, each with where a row
 * keeps its value: the one list the SQL column list, the parameters and the PostgreSQL arrays come from.
 */
type Columns<R> = Readonly<Record<string, (r: R) => unknown>>;
const names = <R>(columns: Columns<R>) => Object.keys(columns).join(', ');
/** The row's values, in the columns' order, into `p` from `at`. */
const filler = <R>(columns: Columns<R>) => {
  const values = Object.values(columns);
  return (p: unknown[], at: number, r: R) => {
    for (let c = 0; c < values.length; c++) p[at + c] = (values[c] as (r: R) => unknown)(r);
  };
};
/** The members and sums a daily, weekly and monthly row share. */
type SalesRollupRow = Measures & {
  productId: number;
  channelId: number | null;
  repId: number | null;
  regionId: number | null;
};
const SALES_COLUMNS = {
  product_id: (r: SalesRollupRow) => r.productId,
  channel_id: (r: SalesRollupRow) => r.channelId,
  rep_id: (r: SalesRollupRow) => r.repId,
  region_id: (r: SalesRollupRow) => r.regionId,
  amount_minor: (r: SalesRollupRow) => r.amountMinor,
  quantity: (r: SalesRollupRow) => r.quantity,
  line_count: (r: SalesRollupRow) => r.lines,
  campaign_amount_minor: (r: SalesRollupRow) => r.campaignAmountMinor,
} as const;
const SHARED = names(SALES_COLUMNS);
const DAILY = `${SQLITE_BULK_INSERT} kpi_sales_daily (tenant_id, sale_date, ${SHARED}) VALUES `;
const MONTHLY = `${SQLITE_BULK_INSERT} kpi_sales_monthly (tenant_id, month_start, ${SHARED}) VALUES `;
const WEEKLY = `${SQLITE_BULK_INSERT} kpi_sales_weekly (tenant_id, week_start, ${SHARED}) VALUES `;
const FIRST = `${SQLITE_BULK_INSERT} kpi_customer_first (tenant_id, customer_id, first_date) VALUES `;
/** An earlier first purchase wins; a later one leaves the row as it is. */
const FIRST_CONFLICT = ` ON CONFLICT (tenant_id, customer_id) DO UPDATE SET first_date = excluded.first_date
  WHERE excluded.first_date < kpi_customer_first.first_date`;

type CustomerCell = Omit<CustomerMonthRow, 'monthStart'>;
/** The columns after tenant and period of kpi_customer_monthly, _weekly and _daily. */
const CELL_COLUMNS = {
  customer_id: (r: CustomerCell) => r.customerId,
  channel_id: (r: CustomerCell) => r.channelId,
  rep_id: (r: CustomerCell) => r.repId,
  region_id: (r: CustomerCell) => r.regionId,
  amount_minor: (r: CustomerCell) => r.amountMinor,
  quantity: (r: CustomerCell) => r.quantity,
  line_count: (r: CustomerCell) => r.lines,
  campaign_amount_minor: (r: CustomerCell) => r.campaignAmountMinor,
  order_count: (r: CustomerCell) => r.orders,
} as const;
const CUSTOMER_MONTHLY = `${SQLITE_BULK_INSERT} kpi_customer_monthly (tenant_id, month_start, ${names(CELL_COLUMNS)}) VALUES `;
const CUSTOMER_WEEKLY = `${SQLITE_BULK_INSERT} kpi_customer_weekly (tenant_id, week_start, ${names(CELL_COLUMNS)}) VALUES `;
const CUSTOMER_DAILY = `${SQLITE_BULK_INSERT} kpi_customer_daily (tenant_id, sale_date, ${names(CELL_COLUMNS)}) VALUES `;
type ProductCell = Omit<CustomerProductRow, 'monthStart'>;
/** The columns after tenant and period of the customer × product tables. */
const PRODUCT_CELL_COLUMNS = {
  product_id: (r: ProductCell) => r.productId,
  customer_id: (r: ProductCell) => r.customerId,
  amount_minor: (r: ProductCell) => r.amountMinor,
  line_count: (r: ProductCell) => r.lines,
} as const;
const PRODUCT_CELL = `${names(PRODUCT_CELL_COLUMNS)}) VALUES `;
const CUSTOMER_PRODUCTS = `${SQLITE_BULK_INSERT} kpi_customer_product_monthly (tenant_id, month_start, ${PRODUCT_CELL}`;
const CUSTOMER_PRODUCT_WEEKS = `${SQLITE_BULK_INSERT} kpi_customer_product_weekly (tenant_id, week_start, ${PRODUCT_CELL}`;

/** One row of a product customer list table (customer-activity.ts, PRODUCT_LISTS). */
export interface ProductCustomerList {
  period: string;
  productId: number;
  /** The customers' ids, '12,7,40'. */
  customerIds: string;
  /** Each customer's lines there, in the same order, '1,3,1'. */
  lineCounts: string;
  amountMinor: number;
}

/**
 * A drain's customer × product cells as one row per period × product: its customers' ids (each cell
 * is one customer: a drain holds a cell once) and their revenue. A customer with no sale line there
 * (returns alone: no purchase) is left out of the ids, its amount still in the revenue; a row may
 * list none ('').
 */
export function productCustomerLists<R extends Omit<CustomerProductRow, 'monthStart'>>(
  cells: RowView<R>,
  periodOf: (r: R) => string,
): ProductCustomerList[] {
  const byPeriod = new Map<string, Map<number, { ids: number[]; lines: number[]; amountMinor: number }>>();
  for (let i = 0; i < cells.size; i++) {
    const r = cells.row(i);
    const period = periodOf(r);
    let products = byPeriod.get(period);
    if (!products) {
      products = new Map();
      byPeriod.set(period, products);
    }
    let list = products.get(r.productId);
    if (!list) {
      list = { ids: [], lines: [], amountMinor: 0 };
      products.set(r.productId, list);
    }
    if (r.lines > 0) {
      list.ids.push(r.customerId);
      list.lines.push(r.lines);
    }
    list.amountMinor += r.amountMinor;
  }
  const out: ProductCustomerList[] = [];
  for (const [period, products] of byPeriod)
    for (const [productId, { ids, lines, amountMinor }] of products)
      out.push({ period, productId, customerIds: ids.join(','), lineCounts: lines.join(','), amountMinor });
  return out;
}
const LIST_COLUMNS = 'product_id, customer_ids, line_counts, amount_minor) VALUES ';
const PRODUCT_LISTS_MONTHLY = `${SQLITE_BULK_INSERT} kpi_product_customers_monthly (tenant_id, month_start, ${LIST_COLUMNS}`;
const PRODUCT_LISTS_WEEKLY = `${SQLITE_BULK_INSERT} kpi_product_customers_weekly (tenant_id, week_start, ${LIST_COLUMNS}`;
const monthOf = (r: CustomerProductRow) => r.monthStart;
const weekOf = (r: CustomerProductWeekRow) => r.weekStart;

/** An order count moved by resolveSuspects, as customer-month, -week and -day rows with no lines. */
function moveRows(moves: readonly OrderMove[]): {
  months: CustomerMonthRow[];
  weeks: CustomerWeekRow[];
  days: CustomerDayRow[];
} {
  const months: CustomerMonthRow[] = [];
  const weeks: CustomerWeekRow[] = [];
  const days: CustomerDayRow[] = [];
  for (const m of moves) {
    const cell: CustomerCell = {
      customerId: m.cell.customerId,
      channelId: m.cell.channelId,
      repId: m.cell.repId,
      regionId: m.cell.regionId,
      amountMinor: 0,
      quantity: 0,
      lines: 0,
      campaignAmountMinor: 0,
      orders: m.sign,
    };
    months.push({ monthStart: `${m.cell.saleDate.slice(0, 7)}-01`, ...cell });
    weeks.push({ weekStart: startOfIsoWeek(m.cell.saleDate), ...cell });
    days.push({ saleDate: m.cell.saleDate, ...cell });
  }
  return { months, weeks, days };
}

const placeholders = (columns: number, rows: number) =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

/** Writes roll-up rows through prepared multi-row statements on the import's SQLite connection. */
export function sqliteRollupWriter(conn: SQLite.Database, tenantId: number): (batch: RollupBatch) => void {
  const ROWS = 100;
  const table = <R>(
    head: string,
    columns: number,
    tail: string,
    fill: (p: unknown[], at: number, r: R) => void,
  ) => {
    const many = conn.prepare(`${head}${placeholders(columns, ROWS)}${tail}`);
    const one = conn.prepare(`${head}${placeholders(columns, 1)}${tail}`);
    const params: unknown[] = new Array(columns * ROWS);
    const single: unknown[] = new Array(columns);
    return (rows: RowView<R>) => {
      let i = 0;
      for (; i + ROWS <= rows.size; i += ROWS) {
        for (let j = 0; j < ROWS; j++) fill(params, j * columns, rows.row(i + j));
        many.run(params);
      }
      for (; i < rows.size; i++) {
        fill(single, 0, rows.row(i));
        one.run(single);
      }
    };
  };
  /** tenant, the period, then a table's columns: no object per row. */
  const fillRow = <R>(columns: Columns<R>, period: (r: R) => string) => {
    const fill = filler(columns);
    return (p: unknown[], at: number, r: R) => {
      p[at] = tenantId;
      p[at + 1] = period(r);
      fill(p, at + 2, r);
    };
  };
  const SALES = Object.keys(SALES_COLUMNS).length + 2;
  const daily = table<DailyRow>(
    DAILY,
    SALES,
    '',
    fillRow(SALES_COLUMNS, (r: DailyRow) => r.saleDate),
  );
  const monthly = table<MonthlyRow>(
    MONTHLY,
    SALES,
    '',
    fillRow(SALES_COLUMNS, (r: MonthlyRow) => r.monthStart),
  );
  const weekly = table<WeeklyRow>(
    WEEKLY,
    SALES,
    '',
    fillRow(SALES_COLUMNS, (r: WeeklyRow) => r.weekStart),
  );
  // First purchases. A many-row upsert that may UPDATE can fail halfway (an UPDATE's conflicts abort),
  // so SQLite would first copy every page it touches to a statement journal: most rows are new
  // customers, inserted by a many-row DO NOTHING instead (under OR FAIL it cannot abort); where a
  // statement's rows were not all new, each of them moves an existing row's date earlier, if it is,
  // by a one-row UPDATE (a one-row statement needs no journal).
  const firstMany = conn.prepare(
    `${FIRST}${placeholders(3, ROWS)} ON CONFLICT (tenant_id, customer_id) DO NOTHING`,
  );
  const firstOne = conn.prepare(`${FIRST}${placeholders(3, 1)}${FIRST_CONFLICT}`);
  const earlier = conn.prepare(
    'UPDATE kpi_customer_first SET first_date = ? WHERE tenant_id = ? AND customer_id = ? AND first_date > ?',
  );
  const firstParams: unknown[] = new Array(3 * ROWS);
  const first = (rows: RowView<FirstPurchase>) => {
    let i = 0;
    for (; i + ROWS <= rows.size; i += ROWS) {
      for (let j = 0; j < ROWS; j++) {
        const r = rows.row(i + j);
        firstParams[3 * j] = tenantId;
        firstParams[3 * j + 1] = r.customerId;
        firstParams[3 * j + 2] = r.firstDate;
      }
      if (firstMany.run(firstParams).changes === ROWS) continue;
      for (let j = 0; j < ROWS; j++) {
        const r = rows.row(i + j);
        earlier.run(r.firstDate, tenantId, r.customerId, r.firstDate);
      }
    }
    for (; i < rows.size; i++) {
      const r = rows.row(i);
      firstOne.run(tenantId, r.customerId, r.firstDate);
    }
  };
  const CELL = Object.keys(CELL_COLUMNS).length + 2;
  const customerMonths = table<CustomerMonthRow>(
    CUSTOMER_MONTHLY,
    CELL,
    '',
    fillRow(CELL_COLUMNS, (r: CustomerMonthRow) => r.monthStart),
  );
  const customerWeeks = table<CustomerWeekRow>(
    CUSTOMER_WEEKLY,
    CELL,
    '',
    fillRow(CELL_COLUMNS, (r: CustomerWeekRow) => r.weekStart),
  );
  const customerDays = table<CustomerDayRow>(
    CUSTOMER_DAILY,
    CELL,
    '',
    fillRow(CELL_COLUMNS, (r: CustomerDayRow) => r.saleDate),
  );
  const PRODUCT = Object.keys(PRODUCT_CELL_COLUMNS).length + 2;
  const customerProducts = table<CustomerProductRow>(
    CUSTOMER_PRODUCTS,
    PRODUCT,
    '',
    fillRow(PRODUCT_CELL_COLUMNS, (r: CustomerProductRow) => r.monthStart),
  );
  const customerProductWeeks = table<CustomerProductWeekRow>(
    CUSTOMER_PRODUCT_WEEKS,
    PRODUCT,
    '',
    fillRow(PRODUCT_CELL_COLUMNS, (r: CustomerProductWeekRow) => r.weekStart),
  );
  const fillList = (p: unknown[], at: number, r: ProductCustomerList) => {
    p[at] = tenantId;
    p[at + 1] = r.period;
    p[at + 2] = r.productId;
    p[at + 3] = r.customerIds;
    p[at + 4] = r.lineCounts;
    p[at + 5] = r.amountMinor;
  };
  const productLists = table<ProductCustomerList>(PRODUCT_LISTS_MONTHLY, 6, '', fillList);
  const productListWeeks = table<ProductCustomerList>(PRODUCT_LISTS_WEEKLY, 6, '', fillList);
  return (batch) => {
    daily(batch.daily);
    monthly(batch.monthly);
    weekly(batch.weekly);
    first(batch.firstPurchases);
    customerMonths(batch.customerMonths);
    customerWeeks(batch.customerWeeks);
    customerDays(batch.customerDays);
    customerProducts(batch.customerProducts);
    customerProductWeeks(batch.customerProductWeeks);
    productLists(arrayView(productCustomerLists(batch.customerProducts, monthOf)));
    productListWeeks(arrayView(productCustomerLists(batch.customerProductWeeks, weekOf)));
  };
}

/** Writes the customer-month, -week and -day rows of resolveSuspects' moves on the import's SQLite connection. */
function sqliteMoves(conn: SQLite.Database, tenantId: number) {
  const values = `(${Array.from({ length: Object.keys(CELL_COLUMNS).length + 2 }, () => '?').join(', ')})`;
  const month = conn.prepare(`${CUSTOMER_MONTHLY}${values}`);
  const week = conn.prepare(`${CUSTOMER_WEEKLY}${values}`);
  const day = conn.prepare(`${CUSTOMER_DAILY}${values}`);
  return (moves: readonly OrderMove[]) => {
    const { months, weeks, days } = moveRows(moves);
    const fill = filler(CELL_COLUMNS);
    const row = (start: string, r: CustomerCell) => {
      const p: unknown[] = [tenantId, start];
      fill(p, 2, r);
      return p;
    };
    for (const r of months) month.run(row(r.monthStart, r));
    for (const r of weeks) week.run(row(r.weekStart, r));
    for (const r of days) day.run(row(r.saleDate, r));
  };
}

/** The PostgreSQL types of the roll-up columns after tenant and period (as the migrations make them). */
const PG_TYPES: Readonly<Record<string, PgType>> = {
  product_id: 'integer',
  customer_id: 'integer',
  channel_id: 'integer',
  rep_id: 'integer',
  region_id: 'integer',
  amount_minor: 'bigint',
  quantity: 'double precision',
  line_count: 'bigint',
  campaign_amount_minor: 'bigint',
  order_count: 'bigint',
};
/** A roll-up table's period column and its other columns, as the columns of a bulk insert. */
const bulkColumns = <R>(period: string, periodOf: (r: R) => string, columns: Columns<R>): BulkColumn<R>[] => [
  [period, 'text', periodOf],
  ...Object.entries(columns).map(([name, value]): BulkColumn<R> => {
    const type = PG_TYPES[name];
    if (!type) throw new Error(`no PostgreSQL type for roll-up column ${name}`);
    return [name, type, value];
  }),
];
const SALES_DAILY = bulkColumns('sale_date', (r: DailyRow) => r.saleDate, SALES_COLUMNS);
const SALES_MONTHLY = bulkColumns('month_start', (r: MonthlyRow) => r.monthStart, SALES_COLUMNS);
const SALES_WEEKLY = bulkColumns('week_start', (r: WeeklyRow) => r.weekStart, SALES_COLUMNS);
const CUSTOMER_MONTHS = bulkColumns('month_start', (r: CustomerMonthRow) => r.monthStart, CELL_COLUMNS);
const CUSTOMER_WEEKS = bulkColumns('week_start', (r: CustomerWeekRow) => r.weekStart, CELL_COLUMNS);
const CUSTOMER_DAYS = bulkColumns('sale_date', (r: CustomerDayRow) => r.saleDate, CELL_COLUMNS);
const PRODUCT_MONTHS = bulkColumns(
  'month_start',
  (r: CustomerProductRow) => r.monthStart,
  PRODUCT_CELL_COLUMNS,
);
const PRODUCT_WEEKS = bulkColumns(
  'week_start',
  (r: CustomerProductWeekRow) => r.weekStart,
  PRODUCT_CELL_COLUMNS,
);
const LIST_BULK_COLUMNS = (period: string): BulkColumn<ProductCustomerList>[] => [
  [period, 'text', (r) => r.period],
  ['product_id', 'integer', (r) => r.productId],
  ['customer_ids', 'text', (r) => r.customerIds],
  ['line_counts', 'text', (r) => r.lineCounts],
  ['amount_minor', 'bigint', (r) => r.amountMinor],
];
const LISTS_MONTHLY = LIST_BULK_COLUMNS('month_start');
const LISTS_WEEKLY = LIST_BULK_COLUMNS('week_start');
const FIRST_COLUMNS: readonly BulkColumn<FirstPurchase>[] = [
  ['customer_id', 'integer', (r) => r.customerId],
  ['first_date', 'text', (r) => r.firstDate],
];
/** Rows per statement through unnest (one array per column: no parameter limit). */
const BULK_ROWS = 10_000;

/** Writes a view's rows into a roll-up table (PostgreSQL), BULK_ROWS at a time. */
async function bulkRows<R extends object>(
  db: Kysely<Database>,
  tenantId: number,
  table: string,
  columns: readonly BulkColumn<R>[],
  view: RowView<R>,
  tail?: RawBuilder<unknown>,
): Promise<void> {
  for (let from = 0; from < view.size; from += BULK_ROWS) {
    // The view's rows from `from`, read in place (no object per row).
    const part: RowView<R> = { size: Math.min(BULK_ROWS, view.size - from), row: (i) => view.row(from + i) };
    await unnestInsert(table, [['tenant_id', 'integer', tenantId]], columns, part, tail).execute(db);
  }
}

/** Customer-month, -week and -day rows (PostgreSQL). */
async function kyselyCustomerCells(
  db: Kysely<Database>,
  tenantId: number,
  months: RowView<CustomerMonthRow>,
  weeks: RowView<CustomerWeekRow>,
  days: RowView<CustomerDayRow>,
) {
  await bulkRows(db, tenantId, 'kpi_customer_monthly', CUSTOMER_MONTHS, months);
  await bulkRows(db, tenantId, 'kpi_customer_weekly', CUSTOMER_WEEKS, weeks);
  await bulkRows(db, tenantId, 'kpi_customer_daily', CUSTOMER_DAYS, days);
}

/** Writes roll-up rows on PostgreSQL: one array per column per statement (bulk-insert.ts). */
export function kyselyRollupWriter(
  db: Kysely<Database>,
  tenantId: number,
): (batch: RollupBatch) => Promise<void> {
  return async (batch) => {
    await bulkRows(db, tenantId, 'kpi_sales_daily', SALES_DAILY, batch.daily);
    await bulkRows(db, tenantId, 'kpi_sales_monthly', SALES_MONTHLY, batch.monthly);
    await bulkRows(db, tenantId, 'kpi_sales_weekly', SALES_WEEKLY, batch.weekly);
    await bulkRows(
      db,
      tenantId,
      'kpi_customer_first',
      FIRST_COLUMNS,
      batch.firstPurchases,
      sql.raw(FIRST_CONFLICT),
    );
    await kyselyCustomerCells(db, tenantId, batch.customerMonths, batch.customerWeeks, batch.customerDays);
    await bulkRows(db, tenantId, 'kpi_customer_product_monthly', PRODUCT_MONTHS, batch.customerProducts);
    await bulkRows(db, tenantId, 'kpi_customer_product_weekly', PRODUCT_WEEKS, batch.customerProductWeeks);
    const lists = productCustomerLists(batch.customerProducts, monthOf);
    await bulkRows(db, tenantId, 'kpi_product_customers_monthly', LISTS_MONTHLY, arrayView(lists));
    const weekLists = productCustomerLists(batch.customerProductWeeks, weekOf);
    await bulkRows(db, tenantId, 'kpi_product_customers_weekly', LISTS_WEEKLY, arrayView(weekLists));
  };
}

const ORDERS =
  'INSERT INTO kpi_orders_daily (tenant_id, sale_date, channel_id, rep_id, region_id, order_count, customer_order_count) VALUES ';

/** A sale line (saleLine in kpi-sql.ts) in the SQL strings of the import's raw connection. */
const SALE_LINE = 'quantity >= 0 AND amount_minor >= 0';

/** Earlier sale lines of these orders, from other imports or none (the demo writer). */
const probeSql = (n: number) =>
  `SELECT DISTINCT order_id FROM sales_lines WHERE tenant_id = ? AND order_id IN (${Array.from({ length: n }, () => '?').join(', ')})
     AND (import_seq IS NULL OR import_seq <> ?) AND ${SALE_LINE}`;

/** listRepeatProductOrders (product-orders.ts) for `n` orders, on the import's raw connection. */
const repeatSql = (n: number) =>
  `${SQLITE_BULK_INSERT} kpi_repeat_product_orders (tenant_id, order_id)
   SELECT DISTINCT tenant_id, order_id FROM sales_lines
   WHERE tenant_id = ? AND order_id IN (${Array.from({ length: n }, () => '?').join(', ')}) AND ${SALE_LINE}
   GROUP BY tenant_id, order_id, product_id HAVING COUNT(*) > 1
   ON CONFLICT (tenant_id, order_id) DO NOTHING`;
const REPEAT_CHUNK = 500;

/** The order counts and complex orders of an SQLite import, on the import's connection. */
export function sqliteOrderWriter(conn: SQLite.Database, tenantId: number, importSeq: number) {
  const one = conn.prepare(`${ORDERS}(?, ?, ?, ?, ?, ?, ?)`);
  const probes = new Map<number, SQLite.Statement>();
  const repeats = new Map<number, SQLite.Statement>();
  const lineOf = conn.prepare(
    'SELECT order_id, sale_date, channel_id, rep_id, region_id, customer_id FROM sales_lines WHERE id = ?',
  );
  /** A negative row id is a row of the SQLite import's stage (sqlite-import-writer.ts), not yet moved. */
  let stagedLineOf: SQLite.Statement | null = null;
  const firstLine = (rowid: number) => {
    if (rowid > 0) return lineOf.get(rowid);
    stagedLineOf ??= conn.prepare(
      'SELECT order_id, sale_date, channel_id, rep_id, region_id, customer_id FROM temp.import_stage WHERE rowid = ?',
    );
    return stagedLineOf.get(-rowid);
  };
  const linesOf = conn.prepare(
    `SELECT sale_date, channel_id, rep_id, region_id, customer_id, import_seq FROM sales_lines
     WHERE tenant_id = ? AND order_id = ? AND ${SALE_LINE} ORDER BY line_no`,
  );
  const isComplex = conn.prepare('SELECT 1 FROM kpi_complex_orders WHERE tenant_id = ? AND order_id = ?');
  const addComplex = conn.prepare(
    'INSERT INTO kpi_complex_orders (tenant_id, order_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const writeCounts = (rows: readonly OrderCountRow[]) => {
    for (const r of rows)
      one.run(tenantId, r.saleDate, r.channelId, r.repId, r.regionId, r.orders, r.customerOrders);
  };
  const writeMoves = sqliteMoves(conn, tenantId);
  const writer = {
    /** Writes the held counts and runs the held probes. */
    flush(tracker: OrderTracker) {
      writeCounts(tracker.drainCounts());
      const pending = tracker.takeProbes();
      const CHUNK = 500;
      for (let i = 0; i < pending.length; i += CHUNK) {
        const chunk = pending.slice(i, i + CHUNK);
        let stmt = probes.get(chunk.length);
        if (!stmt) {
          stmt = conn.prepare(probeSql(chunk.length));
          probes.set(chunk.length, stmt);
        }
        const found = new Set(
          (stmt.all(tenantId, ...chunk.map((p) => p.orderId), importSeq) as { order_id: string }[]).map(
            (r) => r.order_id,
          ),
        );
        for (const p of chunk) if (found.has(p.orderId)) tracker.continuesEarlier(p.orderId, p.rowid);
      }
    },
    /** At the end of the import: the suspects resolved from their lines; repeated products listed. */
    resolve(tracker: OrderTracker) {
      writer.flush(tracker);
      const candidates = tracker.repeatCandidates();
      for (let i = 0; i < candidates.length; i += REPEAT_CHUNK) {
        const chunk = candidates.slice(i, i + REPEAT_CHUNK);
        let stmt = repeats.get(chunk.length);
        if (!stmt) {
          stmt = conn.prepare(repeatSql(chunk.length));
          repeats.set(chunk.length, stmt);
        }
        stmt.run(tenantId, ...chunk);
      }
      const { orderIds, firstRowids } = tracker.suspects();
      if (orderIds.length === 0) return;
      const counted = new Map<string, OrderCell>();
      for (const rowid of firstRowids) {
        const r = firstLine(rowid) as (CellRow & { order_id: string }) | undefined;
        if (r) counted.set(r.order_id, cellOf(r));
      }
      const ids = new Set([...orderIds, ...counted.keys()]);
      const suspects: SuspectOrder[] = [...ids].map((orderId) => ({
        orderId,
        counted: counted.get(orderId) ?? null,
        lines: (linesOf.all(tenantId, orderId) as (CellRow & { import_seq: number | null })[]).map((l) => ({
          ...cellOf(l),
          current: l.import_seq === importSeq,
        })),
        complex: isComplex.get(tenantId, orderId) !== undefined,
      }));
      const { rows, moves, complex } = resolveSuspects(suspects);
      writeCounts(rows);
      writeMoves(moves);
      for (const id of complex) addComplex.run(tenantId, id);
    },
  };
  return writer;
}

interface CellRow {
  sale_date: string;
  channel_id: unknown;
  rep_id: unknown;
  region_id: unknown;
  customer_id: unknown;
}
const idOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const cellOf = (r: CellRow): OrderCell => ({
  saleDate: String(r.sale_date),
  channelId: idOrNull(r.channel_id),
  repId: idOrNull(r.rep_id),
  regionId: idOrNull(r.region_id),
  customerId: idOrNull(r.customer_id),
});

/** The same through Kysely (PostgreSQL). */
export function kyselyOrderWriter(db: Kysely<Database>, tenantId: number, importSeq: number) {
  const CHUNK = 2000;
  const writeCounts = async (rows: readonly OrderCountRow[]) => {
    for (let i = 0; i < rows.length; i += CHUNK)
      await db
        .insertInto('kpi_orders_daily')
        .values(
          rows.slice(i, i + CHUNK).map((r) => ({
            tenant_id: tenantId,
            sale_date: r.saleDate,
            channel_id: r.channelId,
            rep_id: r.repId,
            region_id: r.regionId,
            order_count: r.orders,
            customer_order_count: r.customerOrders,
          })),
        )
        .execute();
  };
  const writer = {
    async flush(tracker: OrderTracker) {
      await writeCounts(tracker.drainCounts());
      const pending = tracker.takeProbes();
      for (let i = 0; i < pending.length; i += CHUNK) {
        const chunk = pending.slice(i, i + CHUNK);
        const rows = await db
          .selectFrom('sales_lines')
          .select('order_id')
          .distinct()
          .where('tenant_id', '=', tenantId)
          .where(
            'order_id',
            'in',
            chunk.map((p) => p.orderId),
          )
          .where((eb) => eb.or([eb('import_seq', 'is', null), eb('import_seq', '<>', importSeq)]))
          .where(saleLine(''))
          .execute();
        const found = new Set(rows.map((r) => r.order_id));
        for (const p of chunk) if (found.has(p.orderId)) tracker.continuesEarlier(p.orderId, p.rowid);
      }
    },
    async resolve(tracker: OrderTracker) {
      await writer.flush(tracker);
      const candidates = tracker.repeatCandidates();
      for (let i = 0; i < candidates.length; i += REPEAT_CHUNK) {
        const chunk = candidates.slice(i, i + REPEAT_CHUNK);
        await listRepeatProductOrders(db, tenantId, sql.join(chunk));
      }
      const { orderIds, firstRowids } = tracker.suspects();
      if (orderIds.length === 0) return;
      const counted = new Map<string, OrderCell>();
      for (let i = 0; i < firstRowids.length; i += CHUNK) {
        const rows = await db
          .selectFrom('sales_lines')
          .select(['order_id', 'sale_date', 'channel_id', 'rep_id', 'region_id', 'customer_id'])
          .where('id', 'in', firstRowids.slice(i, i + CHUNK))
          .execute();
        for (const r of rows) counted.set(r.order_id, cellOf(r));
      }
      const ids = [...new Set([...orderIds, ...counted.keys()])];
      const suspects: SuspectOrder[] = [];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        const lines = await db
          .selectFrom('sales_lines')
          .select(['order_id', 'sale_date', 'channel_id', 'rep_id', 'region_id', 'customer_id', 'import_seq'])
          .where('tenant_id', '=', tenantId)
          .where('order_id', 'in', chunk)
          .where(saleLine(''))
          .orderBy('order_id')
          .orderBy('line_no')
          .execute();
        const complex = await db
          .selectFrom('kpi_complex_orders')
          .select('order_id')
          .where('tenant_id', '=', tenantId)
          .where('order_id', 'in', chunk)
          .execute();
        const complexIds = new Set(complex.map((r) => r.order_id));
        const byOrder = new Map<string, (OrderCell & { current: boolean })[]>();
        for (const l of lines) {
          const list = byOrder.get(l.order_id) ?? [];
          list.push({ ...cellOf(l), current: idOrNull(l.import_seq) === importSeq });
          byOrder.set(l.order_id, list);
        }
        for (const orderId of chunk)
          suspects.push({
            orderId,
            counted: counted.get(orderId) ?? null,
            lines: byOrder.get(orderId) ?? [],
            complex: complexIds.has(orderId),
          });
      }
      const { rows, moves, complex } = resolveSuspects(suspects);
      await writeCounts(rows);
      const cells = moveRows(moves);
      await kyselyCustomerCells(
        db,
        tenantId,
        arrayView(cells.months),
        arrayView(cells.weeks),
        arrayView(cells.days),
      );
      for (let i = 0; i < complex.length; i += CHUNK)
        await db
          .insertInto('kpi_complex_orders')
          .values(complex.slice(i, i + CHUNK).map((order_id) => ({ tenant_id: tenantId, order_id })))
          .onConflict((oc) => oc.doNothing())
          .execute();
    },
  };
  return writer;
}
