import { type Kysely, type RawBuilder, sql } from 'kysely';
import { startOfIsoWeek, startOfMonth } from '../../core/calendar/index.ts';
import type { Database } from '../schema/index.ts';
import { tenantOf } from '../tenants.ts';
import { refreshCustomerCells, refreshCustomerProducts } from './customer-activity.ts';
import { periodEnd, periodStartSql, saleLine, saleOne } from './kpi-sql.ts';
import { listRepeatProductOrders } from './product-orders.ts';
import { KPI_ROLLUP_TABLES } from './table-upkeep.ts';

const CAMPAIGN_AMOUNT = sql`SUM(CASE WHEN campaign_code IS NOT NULL AND campaign_code <> '' THEN amount_minor ELSE 0 END)`;

/**
 * Recomputes every KPI roll-up of a company for the local dates [from, to] from its raw sales lines:
 * set-based delete + insert … select, one statement each, so it runs inside the caller's transaction
 * (pass the transaction as `db`) on SQLite and PostgreSQL alike. Call it after writing or deleting
 * sales lines, with the range of their sale dates. The monthly and weekly roll-ups are rebuilt for every
 * month and week the range touches, and customers' first purchase dates for every customer with lines in the range or a
 * first purchase in it.
 */
export async function refreshSalesRollups(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
): Promise<void> {
  if (to < from) return;
  const t = tenantOf(companyId);
  await sql`DELETE FROM kpi_sales_daily WHERE tenant_id = ${t} AND sale_date BETWEEN ${from} AND ${to}`.execute(
    db,
  );
  await sql`
    INSERT INTO kpi_sales_daily
      (tenant_id, sale_date, product_id, channel_id, rep_id, region_id,
       amount_minor, quantity, line_count, campaign_amount_minor)
    SELECT tenant_id, sale_date, product_id, channel_id, rep_id, region_id,
       SUM(amount_minor), SUM(quantity), SUM(${saleOne('')}), ${CAMPAIGN_AMOUNT}
    FROM sales_lines
    WHERE tenant_id = ${t} AND sale_date BETWEEN ${from} AND ${to}
    GROUP BY tenant_id, sale_date, product_id, channel_id, rep_id, region_id`.execute(db);

  await refreshPeriodRollups(db, companyId, from, to);
  const outside = await refreshOrderRollup(db, t, from, to);
  await refreshCustomerCells(db, t, from, to, outside);
  await refreshCustomerProducts(db, t, from, to);
  // Orders with lines in the range that repeat a product (a listed order stays listed: product-orders.ts).
  await listRepeatProductOrders(
    db,
    t,
    sql`SELECT order_id FROM sales_lines WHERE tenant_id = ${t} AND sale_date BETWEEN ${from} AND ${to}`,
  );

  // First purchase dates (of sale lines: a return is no purchase). Only customers with orders in the
  // range, or a first purchase in it, can change, and not those whose first purchase is already
  // earlier than the range: the others have no orders before `from`, so their first purchase is the
  // earliest of their orders from `from` on. Grouped scans from `from` on (through the lines'
  // (tenant, date) index).
  await sql`
    INSERT INTO kpi_customer_first (tenant_id, customer_id, first_date)
    SELECT o.tenant_id, o.customer_id, MIN(o.sale_date) FROM sales_lines o
    WHERE o.tenant_id = ${t} AND o.sale_date >= ${from} AND o.customer_id IS NOT NULL AND ${saleLine('o')}
      AND o.customer_id IN (
        SELECT customer_id FROM sales_lines
        WHERE tenant_id = ${t} AND sale_date BETWEEN ${from} AND ${to} AND customer_id IS NOT NULL
          AND ${saleLine('')}
        UNION
        SELECT customer_id FROM kpi_customer_first WHERE tenant_id = ${t} AND first_date BETWEEN ${from} AND ${to})
      AND NOT EXISTS (
        SELECT 1 FROM kpi_customer_first e
        WHERE e.tenant_id = ${t} AND e.customer_id = o.customer_id AND e.first_date < ${from})
    GROUP BY o.tenant_id, o.customer_id
    ON CONFLICT (tenant_id, customer_id) DO UPDATE SET first_date = excluded.first_date`.execute(db);
  // Customers whose first purchase lay in the range and who have no purchases (sale lines) left.
  await sql`
    DELETE FROM kpi_customer_first
    WHERE tenant_id = ${t} AND first_date BETWEEN ${from} AND ${to}
      AND customer_id NOT IN (
        SELECT customer_id FROM sales_lines
        WHERE tenant_id = ${t} AND sale_date >= ${from} AND customer_id IS NOT NULL
          AND ${saleLine('')})`.execute(db);
}

const differs = (col: string) =>
  sql`MIN(COALESCE(${sql.ref(col)}, -1)) <> MAX(COALESCE(${sql.ref(col)}, -1))`;

/**
 * Recomputes the order counts of [from, to] from the lines (see order-rollup.ts), of sale lines only
 * (an order counts where it has a sale line; its return lines are no purchase): orders with sale
 * lines in the range whose sale lines do not share one cell join kpi_complex_orders; every other
 * order with sale lines in the range counts once in its cell. An order that lines in the range make complex may have
 * been counted in a cell outside the range (lines added to an earlier order): the days holding its
 * other lines are recounted too, so no order is ever counted both ways. Returns those days.
 */
async function refreshOrderRollup(
  db: Kysely<Database>,
  t: RawBuilder<number>,
  from: string,
  to: string,
): Promise<string[]> {
  await sql`
    INSERT INTO kpi_complex_orders (tenant_id, order_id)
    SELECT tenant_id, order_id FROM sales_lines
    WHERE tenant_id = ${t} AND ${saleLine('')} AND order_id IN (
      SELECT order_id FROM sales_lines WHERE tenant_id = ${t} AND sale_date BETWEEN ${from} AND ${to})
    GROUP BY tenant_id, order_id
    HAVING MIN(sale_date) <> MAX(sale_date) OR ${differs('channel_id')} OR ${differs('rep_id')}
      OR ${differs('region_id')} OR ${differs('customer_id')}
    ON CONFLICT (tenant_id, order_id) DO NOTHING`.execute(db);
  const outside = await sql<{ d: string }>`
    SELECT DISTINCT s.sale_date AS d FROM sales_lines s
    JOIN kpi_complex_orders c ON c.tenant_id = s.tenant_id AND c.order_id = s.order_id
    WHERE s.tenant_id = ${t} AND (s.sale_date < ${from} OR s.sale_date > ${to}) AND s.order_id IN (
      SELECT order_id FROM sales_lines WHERE tenant_id = ${t} AND sale_date BETWEEN ${from} AND ${to})`.execute(
    db,
  );
  await recountOrders(db, t, from, to);
  for (const { d } of outside.rows) await recountOrders(db, t, d, d);
  return outside.rows.map((r) => String(r.d));
}

/** The simple orders' counts of the days [from, to], from the sale lines (complex orders left out). */
async function recountOrders(db: Kysely<Database>, t: RawBuilder<number>, from: string, to: string) {
  await sql`DELETE FROM kpi_orders_daily WHERE tenant_id = ${t} AND sale_date BETWEEN ${from} AND ${to}`.execute(
    db,
  );
  await sql`
    INSERT INTO kpi_orders_daily
      (tenant_id, sale_date, channel_id, rep_id, region_id, order_count, customer_order_count)
    SELECT s.tenant_id, s.sale_date, s.channel_id, s.rep_id, s.region_id, COUNT(DISTINCT s.order_id),
      COUNT(DISTINCT CASE WHEN s.customer_id IS NOT NULL THEN s.order_id END)
    FROM sales_lines s
    WHERE s.tenant_id = ${t} AND s.sale_date BETWEEN ${from} AND ${to} AND ${saleLine()} AND NOT EXISTS (
      SELECT 1 FROM kpi_complex_orders c WHERE c.tenant_id = s.tenant_id AND c.order_id = s.order_id)
    GROUP BY s.tenant_id, s.sale_date, s.channel_id, s.rep_id, s.region_id`.execute(db);
}

/** Each period roll-up of the daily one: its table, period column, and the SQL of a day's period start. */
const PERIOD_ROLLUPS = {
  month: { table: 'kpi_sales_monthly', column: 'month_start', startOf: startOfMonth },
  week: { table: 'kpi_sales_weekly', column: 'week_start', startOf: startOfIsoWeek },
} as const;

/**
 * Recomputes the monthly and weekly roll-ups of every month and week [from, to] touches, from the
 * daily roll-up.
 */
async function refreshPeriodRollups(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
): Promise<void> {
  if (to < from) return;
  const t = tenantOf(companyId);
  for (const unit of ['month', 'week'] as const) {
    const { table, column, startOf } = PERIOD_ROLLUPS[unit];
    const first = startOf(from);
    const last = startOf(to);
    const end = periodEnd(unit, last);
    const start = periodStartSql(unit, 'sale_date', { start: first, end });
    await sql`DELETE FROM ${sql.table(table)} WHERE tenant_id = ${t} AND ${sql.ref(column)} BETWEEN ${first} AND ${last}`.execute(
      db,
    );
    await sql`
      INSERT INTO ${sql.table(table)}
        (tenant_id, ${sql.ref(column)}, product_id, channel_id, rep_id, region_id,
         amount_minor, quantity, line_count, campaign_amount_minor)
      SELECT tenant_id, ${start}, product_id, channel_id, rep_id, region_id,
         SUM(amount_minor), SUM(quantity), SUM(line_count), SUM(campaign_amount_minor)
      FROM kpi_sales_daily
      WHERE tenant_id = ${t} AND sale_date BETWEEN ${first} AND ${end}
      GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
  }
}

/** Drops and recomputes every roll-up of a company from all its sales lines (after bulk loads, merges). */
export async function rebuildAllRollups(db: Kysely<Database>, companyId: string): Promise<void> {
  for (const table of KPI_ROLLUP_TABLES)
    await db.deleteFrom(table).where('tenant_id', '=', tenantOf(companyId)).execute();
  const span = await db
    .selectFrom('sales_lines')
    .select((eb) => [eb.fn.min('sale_date').as('first'), eb.fn.max('sale_date').as('last')])
    .where('tenant_id', '=', tenantOf(companyId))
    .executeTakeFirst();
  if (span?.first && span.last) await refreshSalesRollups(db, companyId, span.first, span.last);
}
