import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { KpiScope } from '../../app/kpi/ports.ts';
import type { Dimension } from '../../core/kpi/types.ts';
import type { Database } from '../schema/index.ts';
import { tenantOf } from '../tenants.ts';
import { bucketCase, dimensionsOf, filterSql, keySql, type Piece, saleLine, spanOf } from './kpi-sql.ts';

/**
 * Distinct orders of one product without counting them in the lines. An order with at most one
 * sale line of each product has, among a product's sale lines, exactly one if it bought the product
 * (the roll-ups' line counts are of sale lines: a returned product is no order of it):
 * so where every line of a group (bucket × key) is of one product, the group's orders are its line
 * count — from the sales roll-ups (kpi_sales_monthly, kpi_sales_daily) — less, for each order with
 * two or more lines of a product, its extra lines there. Imports list those orders in
 * kpi_repeat_product_orders (a product repeated in a run of an order's lines, and any order whose
 * lines were not seen together, checked against its lines); refreshes add the orders of their range.
 * The list may hold an order that no longer repeats a product: its extra lines are then none.
 */

/** The dimensions the sales roll-ups carry: with others (customer segments) the lines answer. */
const ROLLUP_DIMENSIONS: readonly Dimension[] = ['product', 'category', 'channel', 'rep', 'region'];

/** Whether every group of the scope holds lines of one product: a breakdown by product, or one product as the filter. */
export const productPinned = (scope: KpiScope): boolean =>
  scope.by === 'product' || scope.where.product?.length === 1;

/** Whether the scope's orders come from the roll-ups: productPinned, with only the roll-ups' dimensions. */
export const productOrdersServe = (scope: KpiScope): boolean =>
  productPinned(scope) && [...dimensionsOf(scope)].every((d) => ROLLUP_DIMENSIONS.includes(d));

/**
 * Lists, among `orders` (a SQL set of order ids of the tenant), those with two or more sale lines of
 * one product (return lines are no purchase: the roll-ups' line counts leave them out too). (The SQLite import writer runs the same statement on its own connection, rollup-writers.ts.)
 */
export async function listRepeatProductOrders(
  db: Kysely<Database>,
  tenant: number | RawBuilder<number>,
  orders: RawBuilder<unknown>,
): Promise<void> {
  await sql`
    INSERT INTO kpi_repeat_product_orders (tenant_id, order_id)
    SELECT DISTINCT tenant_id, order_id FROM sales_lines
    WHERE tenant_id = ${tenant} AND order_id IN (${orders}) AND ${saleLine('')}
    GROUP BY tenant_id, order_id, product_id HAVING COUNT(*) > 1
    ON CONFLICT (tenant_id, order_id) DO NOTHING`.execute(db);
}

/**
 * `FROM … WHERE …` of the sale lines of the listed orders inside `pieces`, in the scope, as (b, k, c, o):
 * bucket, breakdown key, customer, order (`customers`: identified customers only). The readers take
 * a listed order's extra lines off from these.
 */
export function repeatedProductLines(
  scope: KpiScope,
  pieces: readonly Piece[],
  customers: boolean,
  keyAs?: RawBuilder<unknown>,
) {
  const { key: text, joins } = keySql(scope, 'sales');
  // `keyAs`: the key as the other arms of the caller's union give it (customer-activity.ts).
  const key = keyAs ?? text;
  const span = spanOf(pieces);
  const who = customers ? sql` AND s.customer_id IS NOT NULL` : sql``;
  return sql`FROM (
    SELECT ${bucketCase(sql.ref('s.sale_date'), pieces)} AS b, ${key} AS k, s.customer_id AS c, s.order_id AS o
    FROM kpi_repeat_product_orders r JOIN sales_lines s ON s.tenant_id = r.tenant_id AND s.order_id = r.order_id${joins}
    WHERE r.tenant_id = ${tenantOf(scope.companyId)} AND s.sale_date BETWEEN ${span.start} AND ${span.end}
      AND ${saleLine()}${who}${filterSql(scope, 'sales')}
  ) x`;
}
