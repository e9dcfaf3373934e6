import { sql } from 'kysely';
import { bigint, type PacerMigration } from './helpers.ts';

/**
 * Each period's customers of each product as one row (src/db/kpi/customer-activity.ts,
 * PRODUCT_LISTS): per month (kpi_product_customers_monthly) or ISO week (…_weekly) × product, the ids
 * of its identified customers as a comma list ('12,7,40'), each one's lines there in the same order
 * ('1,3,1') and their revenue, which is what the customer KPIs of a product or category scope read of
 * kpi_customer_product_monthly / _weekly
 * (one row per customer there: a year of product weeks at 1M lines was 83,000 rows to read and list
 * again for every question, 2,700 here). A period × product may hold several rows (one per import
 * drain that wrote it); a reader joins their lists. Filled here from the customer × product cells.
 */
export const productCustomerLists: PacerMigration = {
  async up(db, ctx) {
    for (const [table, column, cells] of [
      ['kpi_product_customers_monthly', 'month_start', 'kpi_customer_product_monthly'],
      ['kpi_product_customers_weekly', 'week_start', 'kpi_customer_product_weekly'],
    ] as const) {
      await db.schema
        .createTable(table)
        .addColumn('tenant_id', 'integer', (c) => c.notNull())
        .addColumn(column, 'text', (c) => c.notNull())
        .addColumn('product_id', 'integer', (c) => c.notNull())
        .addColumn('customer_ids', 'text', (c) => c.notNull())
        .addColumn('line_counts', 'text', (c) => c.notNull())
        .addColumn('amount_minor', bigint(ctx), (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex(`${table}_tenant_period_idx`)
        .on(table)
        .columns(['tenant_id', column, 'product_id'])
        .execute();
      // A customer once per list: the cells may hold several rows of one customer (several imports).
      await sql`
        INSERT INTO ${sql.table(table)} (tenant_id, ${sql.ref(column)}, product_id, customer_ids, line_counts,
          amount_minor)
        SELECT tenant_id, p, product_id, string_agg(CAST(customer_id AS text), ','),
          string_agg(CAST(n AS text), ','), SUM(a)
        FROM (SELECT tenant_id, ${sql.ref(column)} AS p, product_id, customer_id, SUM(amount_minor) AS a,
                SUM(line_count) AS n
              FROM ${sql.table(cells)} GROUP BY 1, 2, 3, 4) c
        GROUP BY 1, 2, 3`.execute(db);
      if (ctx.dialect === 'postgres') await sql`ANALYZE ${sql.table(table)}`.execute(db);
    }
  },
};
