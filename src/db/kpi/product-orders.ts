import type { KpiScope } from '../../app/kpi/ports.ts';
import type { Dimension } from '../../core/kpi/types.ts';
import { dimensionsOf } from './kpi-sql.ts';

/**
 * Distinct orders of one product without counting them in the lines. An order with at most one
 * line of each product has, among a product's lines, exactly one line if it contains the product:
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
