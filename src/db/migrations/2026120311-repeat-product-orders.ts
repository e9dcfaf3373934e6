import { sql } from 'kysely';
import type { PacerMigration } from './helpers.ts';

/**
 * Orders of a product without scanning the lines (src/db/kpi/product-orders.ts):
 * kpi_repeat_product_orders lists the orders that have two or more lines of one product. Every other
 * order has at most one line of each product, so its lines of a product count it once: the orders
 * containing a product are the product's line count (kpi_sales_daily / kpi_sales_monthly) less, for
 * the listed orders, their extra lines. A listed order that no longer repeats a product (after an
 * undo) does not change that sum, so the list may keep it. Filled here from the lines already stored.
 */
export const repeatProductOrders: PacerMigration = {
  async up(db, ctx) {
    await db.schema
      .createTable('kpi_repeat_product_orders')
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('kpi_repeat_product_orders_pk', ['tenant_id', 'order_id'])
      .execute();
    await sql`
      INSERT INTO kpi_repeat_product_orders (tenant_id, order_id)
      SELECT DISTINCT tenant_id, order_id FROM sales_lines
      GROUP BY tenant_id, order_id, product_id HAVING COUNT(*) > 1`.execute(db);
    if (ctx.dialect === 'postgres') await sql`ANALYZE kpi_repeat_product_orders`.execute(db);
  },
};
