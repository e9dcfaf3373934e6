import { sql } from 'kysely';
import { bigint, mondayOf, type PacerMigration } from './helpers.ts';

/**
 * The customer KPIs of a product or category scope by week without scanning the lines
 * (src/db/kpi/customer-activity.ts): kpi_customer_product_weekly holds the cells of
 * kpi_customer_product_monthly (2026120310) per ISO week (week_start: its Monday): per week ×
 * identified customer × product, the revenue and count of the lines there. Filled here from the
 * lines already stored.
 */
export const customerProductWeeks: PacerMigration = {
  async up(db, ctx) {
    await db.schema
      .createTable('kpi_customer_product_weekly')
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('week_start', 'text', (c) => c.notNull())
      .addColumn('product_id', 'integer', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('amount_minor', bigint(ctx), (c) => c.notNull())
      .addColumn('line_count', bigint(ctx), (c) => c.notNull())
      .execute();
    // Covering for the reads, as the monthly table's.
    await db.schema
      .createIndex('kpi_customer_product_weekly_tenant_week_idx')
      .on('kpi_customer_product_weekly')
      .columns(['tenant_id', 'week_start', 'product_id', 'customer_id', 'amount_minor', 'line_count'])
      .execute();
    const monday = mondayOf(ctx, 's.sale_date');
    await sql`
      INSERT INTO kpi_customer_product_weekly (tenant_id, week_start, product_id, customer_id, amount_minor,
        line_count)
      SELECT s.tenant_id, ${monday}, s.product_id, s.customer_id, SUM(s.amount_minor), COUNT(*)
      FROM sales_lines s WHERE s.customer_id IS NOT NULL
      GROUP BY 1, 2, 3, 4`.execute(db);
    if (ctx.dialect === 'postgres') await sql`ANALYZE kpi_customer_product_weekly`.execute(db);
  },
};
