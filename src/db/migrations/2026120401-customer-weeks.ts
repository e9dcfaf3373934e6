import { sql } from 'kysely';
import { bigint, type PacerMigration } from './helpers.ts';

/**
 * The customer KPIs of week buckets without scanning the lines (src/db/kpi/customer-activity.ts):
 * kpi_customer_weekly holds the cells of kpi_customer_monthly (2026120308) per ISO week instead of
 * per month (week_start: the week's Monday), as weeks do not nest in months: per week × customer
 * (NULL: walk-ins) × channel × rep × region, the sums of the lines there and the count of the
 * simple orders there. No unique key: several rows of a cell sum. Filled here from the lines already
 * stored, after kpi_complex_orders.
 */
export const customerWeeks: PacerMigration = {
  async up(db, ctx) {
    await db.schema
      .createTable('kpi_customer_weekly')
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('week_start', 'text', (c) => c.notNull())
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
    // Covering for the distinct-customer reads, as kpi_customer_monthly's.
    await db.schema
      .createIndex('kpi_customer_weekly_tenant_week_idx')
      .on('kpi_customer_weekly')
      .columns([
        'tenant_id',
        'week_start',
        'customer_id',
        'channel_id',
        'rep_id',
        'region_id',
        'order_count',
        'amount_minor',
      ])
      .execute();
    // The Monday of a line's day, in each database's own date functions.
    const monday =
      ctx.dialect === 'postgres'
        ? sql`to_char(date_trunc('week', CAST(s.sale_date AS date)), 'YYYY-MM-DD')`
        : sql`date(s.sale_date, '-' || ((CAST(strftime('%w', s.sale_date) AS integer) + 6) % 7) || ' days')`;
    await sql`
      INSERT INTO kpi_customer_weekly
        (tenant_id, week_start, customer_id, channel_id, rep_id, region_id,
         amount_minor, quantity, line_count, campaign_amount_minor, order_count)
      SELECT s.tenant_id, ${monday}, s.customer_id, s.channel_id, s.rep_id, s.region_id,
        SUM(s.amount_minor), SUM(CAST(s.quantity AS double precision)), COUNT(*),
        SUM(CASE WHEN s.campaign_code IS NOT NULL AND s.campaign_code <> '' THEN s.amount_minor ELSE 0 END),
        COUNT(DISTINCT CASE WHEN c.order_id IS NULL THEN s.order_id END)
      FROM sales_lines s
      LEFT JOIN kpi_complex_orders c ON c.tenant_id = s.tenant_id AND c.order_id = s.order_id
      GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
    if (ctx.dialect === 'postgres') await sql`ANALYZE kpi_customer_weekly`.execute(db);
  },
};
