import { type RawBuilder, sql } from 'kysely';
import { type MigrationContext, type MigrationDb, mondayOf, type PacerMigration } from './helpers.ts';

/** A sale line (not a return: no negative quantity or amount), unqualified or of alias `s`. */
const SALE = sql`(quantity >= 0 AND amount_minor >= 0)`;
const SALE_S = sql`(s.quantity >= 0 AND s.amount_minor >= 0)`;
const CAMPAIGN = sql`CASE WHEN s.campaign_code IS NOT NULL AND s.campaign_code <> '' THEN s.amount_minor ELSE 0 END`;
const differs = (col: string) =>
  sql`MIN(COALESCE(${sql.ref(col)}, -1)) <> MAX(COALESCE(${sql.ref(col)}, -1))`;
const monthOf = (column: string): RawBuilder<string> =>
  sql<string>`substr(${sql.ref(column)}, 1, 7) || '-01'`;

/**
 * Return lines are no purchase (src/core/ingest/order-facts.ts isReturnLine; src/db/kpi): an order
 * counts where it has a sale line (so an order of returns alone, a POS return slip or 銷退單 with its
 * own order id, is no order), a customer buys where it has one, a first purchase is a sale line, and
 * the roll-ups' line counts are of sale lines; returns still net in every sum. The structures of the
 * lines already stored were kept counting every line: where any line is a return, they are rebuilt
 * from the lines here (the sums come out the same; the line counts, order counts, complex orders,
 * first purchases and product customer lists by the new rule). kpi_repeat_product_orders stays: an
 * order listed that does not repeat a product among its sale lines adds nothing (product-orders.ts).
 */
export const returnOnlyOrders: PacerMigration = {
  async up(db, ctx) {
    const returns = await sql`SELECT 1 AS x FROM sales_lines WHERE NOT ${SALE} LIMIT 1`.execute(db);
    if (returns.rows.length === 0) return;
    await salesRollups(db, ctx);
    await orderCounts(db);
    for (const [table, column, periodOf] of [
      ['kpi_customer_monthly', 'month_start', monthOf('s.sale_date')],
      ['kpi_customer_weekly', 'week_start', mondayOf(ctx, 's.sale_date')],
      ['kpi_customer_daily', 'sale_date', sql`s.sale_date`],
    ] as const)
      await customerCells(db, table, column, periodOf);
    for (const [cells, lists, column, periodOf] of [
      [
        'kpi_customer_product_monthly',
        'kpi_product_customers_monthly',
        'month_start',
        monthOf('s.sale_date'),
      ],
      [
        'kpi_customer_product_weekly',
        'kpi_product_customers_weekly',
        'week_start',
        mondayOf(ctx, 's.sale_date'),
      ],
    ] as const)
      await productCells(db, cells, lists, column, periodOf);
    await sql`DELETE FROM kpi_customer_first`.execute(db);
    await sql`
      INSERT INTO kpi_customer_first (tenant_id, customer_id, first_date)
      SELECT tenant_id, customer_id, MIN(sale_date) FROM sales_lines
      WHERE customer_id IS NOT NULL AND ${SALE} GROUP BY tenant_id, customer_id`.execute(db);
    if (ctx.dialect === 'postgres')
      for (const table of [
        'kpi_sales_daily',
        'kpi_sales_monthly',
        'kpi_sales_weekly',
        'kpi_orders_daily',
        'kpi_complex_orders',
        'kpi_customer_monthly',
        'kpi_customer_weekly',
        'kpi_customer_daily',
        'kpi_customer_product_monthly',
        'kpi_customer_product_weekly',
        'kpi_product_customers_monthly',
        'kpi_product_customers_weekly',
        'kpi_customer_first',
      ])
        await sql`ANALYZE ${sql.table(table)}`.execute(db);
  },
};

/** The daily sales roll-up from the lines, the monthly and weekly ones from it. */
async function salesRollups(db: MigrationDb, ctx: MigrationContext) {
  await sql`DELETE FROM kpi_sales_daily`.execute(db);
  await sql`
    INSERT INTO kpi_sales_daily
      (tenant_id, sale_date, product_id, channel_id, rep_id, region_id,
       amount_minor, quantity, line_count, campaign_amount_minor)
    SELECT s.tenant_id, s.sale_date, s.product_id, s.channel_id, s.rep_id, s.region_id,
      SUM(s.amount_minor), SUM(s.quantity), SUM(CASE WHEN ${SALE_S} THEN 1 ELSE 0 END), SUM(${CAMPAIGN})
    FROM sales_lines s
    GROUP BY s.tenant_id, s.sale_date, s.product_id, s.channel_id, s.rep_id, s.region_id`.execute(db);
  for (const [table, column, periodOf] of [
    ['kpi_sales_monthly', 'month_start', monthOf('s.sale_date')],
    ['kpi_sales_weekly', 'week_start', mondayOf(ctx, 's.sale_date')],
  ] as const) {
    await sql`DELETE FROM ${sql.table(table)}`.execute(db);
    await sql`
      INSERT INTO ${sql.table(table)}
        (tenant_id, ${sql.ref(column)}, product_id, channel_id, rep_id, region_id,
         amount_minor, quantity, line_count, campaign_amount_minor)
      SELECT s.tenant_id, ${periodOf}, s.product_id, s.channel_id, s.rep_id, s.region_id,
        SUM(s.amount_minor), SUM(s.quantity), SUM(s.line_count), SUM(s.campaign_amount_minor)
      FROM kpi_sales_daily s
      GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
  }
}

/** Complex orders and the simple orders' day counts, of sale lines. */
async function orderCounts(db: MigrationDb) {
  await sql`DELETE FROM kpi_complex_orders`.execute(db);
  await sql`
    INSERT INTO kpi_complex_orders (tenant_id, order_id)
    SELECT tenant_id, order_id FROM sales_lines WHERE ${SALE} GROUP BY tenant_id, order_id
    HAVING MIN(sale_date) <> MAX(sale_date) OR ${differs('channel_id')} OR ${differs('rep_id')}
      OR ${differs('region_id')} OR ${differs('customer_id')}`.execute(db);
  await sql`DELETE FROM kpi_orders_daily`.execute(db);
  await sql`
    INSERT INTO kpi_orders_daily
      (tenant_id, sale_date, channel_id, rep_id, region_id, order_count, customer_order_count)
    SELECT s.tenant_id, s.sale_date, s.channel_id, s.rep_id, s.region_id, COUNT(DISTINCT s.order_id),
      COUNT(DISTINCT CASE WHEN s.customer_id IS NOT NULL THEN s.order_id END)
    FROM sales_lines s
    WHERE ${SALE_S} AND NOT EXISTS (
      SELECT 1 FROM kpi_complex_orders c WHERE c.tenant_id = s.tenant_id AND c.order_id = s.order_id)
    GROUP BY s.tenant_id, s.sale_date, s.channel_id, s.rep_id, s.region_id`.execute(db);
}

/** A customer-cell table from the lines (after kpi_complex_orders). */
async function customerCells(db: MigrationDb, table: string, column: string, periodOf: RawBuilder<unknown>) {
  await sql`DELETE FROM ${sql.table(table)}`.execute(db);
  await sql`
    INSERT INTO ${sql.table(table)}
      (tenant_id, ${sql.ref(column)}, customer_id, channel_id, rep_id, region_id,
       amount_minor, quantity, line_count, campaign_amount_minor, order_count)
    SELECT s.tenant_id, ${periodOf}, s.customer_id, s.channel_id, s.rep_id, s.region_id,
      SUM(s.amount_minor), SUM(s.quantity), SUM(CASE WHEN ${SALE_S} THEN 1 ELSE 0 END), SUM(${CAMPAIGN}),
      COUNT(DISTINCT CASE WHEN c.order_id IS NULL AND ${SALE_S} THEN s.order_id END)
    FROM sales_lines s
    LEFT JOIN kpi_complex_orders c ON c.tenant_id = s.tenant_id AND c.order_id = s.order_id
    GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
}

/** A customer × product table from the lines, and its product customer lists (buyers only). */
async function productCells(
  db: MigrationDb,
  cells: string,
  lists: string,
  column: string,
  periodOf: RawBuilder<unknown>,
) {
  await sql`DELETE FROM ${sql.table(cells)}`.execute(db);
  await sql`
    INSERT INTO ${sql.table(cells)} (tenant_id, ${sql.ref(column)}, product_id, customer_id, amount_minor, line_count)
    SELECT s.tenant_id, ${periodOf}, s.product_id, s.customer_id, SUM(s.amount_minor),
      SUM(CASE WHEN ${SALE_S} THEN 1 ELSE 0 END)
    FROM sales_lines s WHERE s.customer_id IS NOT NULL
    GROUP BY 1, 2, 3, 4`.execute(db);
  await sql`DELETE FROM ${sql.table(lists)}`.execute(db);
  await sql`
    INSERT INTO ${sql.table(lists)} (tenant_id, ${sql.ref(column)}, product_id, customer_ids, line_counts, amount_minor)
    SELECT tenant_id, ${sql.ref(column)}, product_id,
      COALESCE(string_agg(CASE WHEN line_count > 0 THEN CAST(customer_id AS text) END, ','), ''),
      COALESCE(string_agg(CASE WHEN line_count > 0 THEN CAST(line_count AS text) END, ','), ''),
      SUM(amount_minor)
    FROM ${sql.table(cells)}
    GROUP BY 1, 2, 3`.execute(db);
}
