import { sql } from 'kysely';
import { bigint, type PacerMigration } from './helpers.ts';

/**
 * Distinct-customer KPIs on a product or category scope without scanning the lines
 * (src/db/kpi/customer-activity.ts): kpi_customer_product_monthly holds, per month × identified
 * customer × product, the revenue and the count of the lines there. No unique key: several rows of one cell sum
 * (imports add theirs beside the existing ones). A row exists for a cell exactly when lines do, so a
 * customer bought a product in a month when it has a row: customers, new customers, retention and
 * churn of a product or category, and their customers' revenue, read it. Filled here from the lines
 * already stored.
 */
export const customerProducts: PacerMigration = {
  async up(db, ctx) {
    await db.schema
      .createTable('kpi_customer_product_monthly')
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('month_start', 'text', (c) => c.notNull())
      .addColumn('product_id', 'integer', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('amount_minor', bigint(ctx), (c) => c.notNull())
      .addColumn('line_count', bigint(ctx), (c) => c.notNull())
      .execute();
    // Covering for the reads (no row lookups), grouped by month, product and customer in its order.
    await db.schema
      .createIndex('kpi_customer_product_monthly_tenant_month_idx')
      .on('kpi_customer_product_monthly')
      .columns(['tenant_id', 'month_start', 'product_id', 'customer_id', 'amount_minor', 'line_count'])
      .execute();
    await sql`
      INSERT INTO kpi_customer_product_monthly (tenant_id, month_start, product_id, customer_id, amount_minor,
        line_count)
      SELECT s.tenant_id, substr(s.sale_date, 1, 7) || '-01', s.product_id, s.customer_id, SUM(s.amount_minor),
        COUNT(*)
      FROM sales_lines s WHERE s.customer_id IS NOT NULL
      GROUP BY s.tenant_id, substr(s.sale_date, 1, 7) || '-01', s.product_id, s.customer_id`.execute(db);
    // Statistics for the planner before the first read (SQLite's come with PRAGMA optimize).
    if (ctx.dialect === 'postgres') await sql`ANALYZE kpi_customer_product_monthly`.execute(db);
  },
};
