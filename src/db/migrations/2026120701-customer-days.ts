import { sql } from 'kysely';
import { bigint, type PacerMigration } from './helpers.ts';

/**
 * The customer cells per day (src/db/kpi/customer-activity.ts): kpi_customer_daily holds the cells
 * of kpi_customer_monthly (2026120308) per day: per day × customer (NULL: walk-ins) × channel × rep ×
 * region, the sums of the lines there and the count of the simple orders there. No unique key:
 * several rows of a cell sum. The days that whole months and weeks leave (a range's partial first
 * and last week) were read from the lines: at 10M lines, the distinct orders of a year by member
 * tier by week counted 86,000 lines of its eight edge days (120–180 ms on PostgreSQL); their 10,000
 * day cells are summed in 4 ms. Filled here from the lines already stored, after kpi_complex_orders.
 */
export const customerDays: PacerMigration = {
  async up(db, ctx) {
    await db.schema
      .createTable('kpi_customer_daily')
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('sale_date', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'integer')
      .addColumn('channel_id', 'integer')
      .addColumn('rep_id', 'integer')
      .addColumn('region_id', 'integer')
      .addColumn('amount_minor', bigint(ctx), (c) => c.notNull())
      .addColumn('quantity', 'double precision', (c) => c.notNull())
      .addColumn('line_count', bigint(ctx), (c) => c.notNull())
      .addColumn('campaign_amount_minor', bigint(ctx), (c) => c.notNull())
      .addColumn('order_count', bigint(ctx), (c) => c.notNull())
      .execute();
    // Covering, as the monthly and weekly cells' (2026120604): every read of them from the index alone.
    await db.schema
      .createIndex('kpi_customer_daily_cover_idx')
      .on('kpi_customer_daily')
      .columns([
        'tenant_id',
        'sale_date',
        'customer_id',
        'channel_id',
        'rep_id',
        'region_id',
        'order_count',
        'amount_minor',
        'quantity',
        'line_count',
        'campaign_amount_minor',
      ])
      .execute();
    await sql`
      INSERT INTO kpi_customer_daily
        (tenant_id, sale_date, customer_id, channel_id, rep_id, region_id,
         amount_minor, quantity, line_count, campaign_amount_minor, order_count)
      SELECT s.tenant_id, s.sale_date, s.customer_id, s.channel_id, s.rep_id, s.region_id,
        SUM(s.amount_minor), SUM(CAST(s.quantity AS double precision)), COUNT(*),
        SUM(CASE WHEN s.campaign_code IS NOT NULL AND s.campaign_code <> '' THEN s.amount_minor ELSE 0 END),
        COUNT(DISTINCT CASE WHEN c.order_id IS NULL THEN s.order_id END)
      FROM sales_lines s
      LEFT JOIN kpi_complex_orders c ON c.tenant_id = s.tenant_id AND c.order_id = s.order_id
      GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
    if (ctx.dialect === 'postgres') await sql`ANALYZE kpi_customer_daily`.execute(db);
  },
};
