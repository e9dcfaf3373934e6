import { sql } from 'kysely';
import { bigint, type PacerMigration } from './helpers.ts';

/**
 * Distinct-customer KPIs without scanning the lines (src/db/kpi/customer-activity.ts):
 * kpi_customer_monthly holds, per month × customer (NULL: walk-ins) × channel × rep × region, the
 * additive sums of the lines there and the count of the simple orders there (an order not in
 * kpi_complex_orders has all its lines in one such cell). No unique key: several rows per cell sum
 * (imports add theirs beside the existing ones; negative order counts take a count back). A row
 * exists for a cell exactly when lines do, so a customer is active in a month when it has a row.
 * Filled here from the lines already stored, after kpi_complex_orders (2026120301).
 */
export const customerActivity: PacerMigration = {
  async up(db, ctx) {
    await db.schema
      .createTable('kpi_customer_monthly')
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('month_start', 'text', (c) => c.notNull())
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
    // Covering for the distinct-customer reads (no row lookups): customers, orders, revenue by month.
    await db.schema
      .createIndex('kpi_customer_monthly_tenant_month_idx')
      .on('kpi_customer_monthly')
      .columns([
        'tenant_id',
        'month_start',
        'customer_id',
        'channel_id',
        'rep_id',
        'region_id',
        'order_count',
        'amount_minor',
      ])
      .execute();
    await sql`
      INSERT INTO kpi_customer_monthly
        (tenant_id, month_start, customer_id, channel_id, rep_id, region_id,
         amount_minor, quantity, line_count, campaign_amount_minor, order_count)
      SELECT s.tenant_id, substr(s.sale_date, 1, 7) || '-01', s.customer_id, s.channel_id, s.rep_id, s.region_id,
        SUM(s.amount_minor), SUM(CAST(s.quantity AS double precision)), COUNT(*),
        SUM(CASE WHEN s.campaign_code IS NOT NULL AND s.campaign_code <> '' THEN s.amount_minor ELSE 0 END),
        COUNT(DISTINCT CASE WHEN c.order_id IS NULL THEN s.order_id END)
      FROM sales_lines s
      LEFT JOIN kpi_complex_orders c ON c.tenant_id = s.tenant_id AND c.order_id = s.order_id
      GROUP BY s.tenant_id, substr(s.sale_date, 1, 7) || '-01', s.customer_id, s.channel_id, s.rep_id, s.region_id`.execute(
      db,
    );
    // Statistics for the planner before the first read (SQLite's come with PRAGMA optimize).
    if (ctx.dialect === 'postgres') await sql`ANALYZE kpi_customer_monthly`.execute(db);
  },
};
