import { sql } from 'kysely';
import { bigint, type PacerMigration } from './helpers.ts';

/**
 * Distinct orders without scanning the lines (src/db/kpi/order-rollup.ts): kpi_orders_daily counts
 * orders per day × channel × rep × region (no unique key: several rows per cell sum, negative rows
 * take a count back), kpi_complex_orders lists the orders whose lines do not share one day, channel,
 * rep, region and customer (counted from their lines). Filled here from the lines already stored.
 */
export const orderRollup: PacerMigration = {
  async up(db, ctx) {
    await db.schema
      .createTable('kpi_orders_daily')
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('sale_date', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'integer')
      .addColumn('rep_id', 'integer')
      .addColumn('region_id', 'integer')
      .addColumn('order_count', bigint(ctx), (c) => c.notNull())
      .addColumn('customer_order_count', bigint(ctx), (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('kpi_orders_daily_tenant_date_idx')
      .on('kpi_orders_daily')
      .columns(['tenant_id', 'sale_date'])
      .execute();
    await db.schema
      .createTable('kpi_complex_orders')
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('kpi_complex_orders_pk', ['tenant_id', 'order_id'])
      .execute();

    const differs = (col: string) =>
      sql`MIN(COALESCE(${sql.ref(col)}, -1)) <> MAX(COALESCE(${sql.ref(col)}, -1))`;
    await sql`
      INSERT INTO kpi_complex_orders (tenant_id, order_id)
      SELECT tenant_id, order_id FROM sales_lines GROUP BY tenant_id, order_id
      HAVING MIN(sale_date) <> MAX(sale_date) OR ${differs('channel_id')} OR ${differs('rep_id')}
        OR ${differs('region_id')} OR ${differs('customer_id')}`.execute(db);
    await sql`
      INSERT INTO kpi_orders_daily
        (tenant_id, sale_date, channel_id, rep_id, region_id, order_count, customer_order_count)
      SELECT s.tenant_id, s.sale_date, s.channel_id, s.rep_id, s.region_id, COUNT(DISTINCT s.order_id),
        COUNT(DISTINCT CASE WHEN s.customer_id IS NOT NULL THEN s.order_id END)
      FROM sales_lines s
      WHERE NOT EXISTS (
        SELECT 1 FROM kpi_complex_orders c WHERE c.tenant_id = s.tenant_id AND c.order_id = s.order_id)
      GROUP BY s.tenant_id, s.sale_date, s.channel_id, s.rep_id, s.region_id`.execute(db);
  },
};
