import { type Kysely, sql } from 'kysely';
import type { KpiScope } from '../../app/kpi/ports.ts';
import type { Dimension } from '../../core/kpi/types.ts';
import type { Database } from '../schema/index.ts';
import { tenantOf } from '../tenants.ts';
import { bucketCase, dimensionsOf, filterSql, keySql, type Piece, saleLine, spanOf } from './kpi-sql.ts';

/** The dimensions kpi_orders_daily carries (order-rollup.ts): others need the lines. */
const ORDER_ROLLUP_DIMENSIONS: readonly Dimension[] = ['channel', 'rep', 'region'];

export const orderRollupServes = (scope: KpiScope): boolean =>
  [...dimensionsOf(scope)].every((d) => ORDER_ROLLUP_DIMENSIONS.includes(d));

export interface OrderCounts {
  bucket: number;
  /** The breakdown key as SQL gives it ('' for none, ids as text). */
  key: string;
  orders: number;
  customerOrders: number;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** The index of the piece holding `day` (pieces sorted and disjoint), or −1. */
function pieceAt(pieces: readonly Piece[], day: string): number {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid] as Piece;
    if (day < p.start) hi = mid - 1;
    else if (day > p.end) lo = mid + 1;
    else return p.bucket;
  }
  return -1;
}

/**
 * Distinct orders (and orders with a customer) per bucket × key, exact, without scanning the lines
 * (an order counts where it has a sale line: both the counts and the complex orders' lines read
 * here are of sale lines):
 * the additive day counts of kpi_orders_daily (grouped by day in SQL, bucketed here) plus the few
 * orders of kpi_complex_orders counted from their lines. Only for scopes orderRollupServes.
 */
export async function orderCounts(
  db: Kysely<Database>,
  scope: KpiScope,
  pieces: readonly Piece[],
): Promise<OrderCounts[]> {
  if (pieces.length === 0) return [];
  const sorted = [...pieces].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const span = spanOf(pieces);
  const t = tenantOf(scope.companyId);
  const { key } = keySql(scope, 'sales');
  const filters = filterSql(scope, 'sales');
  const out = new Map<string, OrderCounts>();
  const at = (bucket: number, k: string): OrderCounts => {
    const slot = `${bucket}\u0000${k}`;
    let row = out.get(slot);
    if (!row) {
      row = { bucket, key: k, orders: 0, customerOrders: 0 };
      out.set(slot, row);
    }
    return row;
  };
  const rolled = await sql<{ d: string; k: unknown; n: unknown; c: unknown }>`
    SELECT s.sale_date AS d, ${key} AS k, SUM(s.order_count) AS n, SUM(s.customer_order_count) AS c
    FROM kpi_orders_daily s
    WHERE s.tenant_id = ${t} AND s.sale_date BETWEEN ${span.start} AND ${span.end}${filters}
    GROUP BY 1, 2`.execute(db);
  for (const r of rolled.rows) {
    const b = pieceAt(sorted, String(r.d));
    if (b < 0) continue;
    const row = at(b, String(r.k));
    row.orders += num(r.n);
    row.customerOrders += num(r.c);
  }
  const complex = await sql<{ b: unknown; k: unknown; n: unknown; c: unknown }>`
    SELECT ${bucketCase(sql.ref('s.sale_date'), pieces)} AS b, ${key} AS k, COUNT(DISTINCT s.order_id) AS n,
      COUNT(DISTINCT CASE WHEN s.customer_id IS NOT NULL THEN s.order_id END) AS c
    FROM kpi_complex_orders o JOIN sales_lines s ON s.tenant_id = o.tenant_id AND s.order_id = o.order_id
    WHERE o.tenant_id = ${t} AND s.sale_date BETWEEN ${span.start} AND ${span.end} AND ${saleLine()}${filters}
    GROUP BY 1, 2`.execute(db);
  for (const r of complex.rows) {
    const b = num(r.b);
    if (b < 0) continue;
    const row = at(b, String(r.k));
    row.orders += num(r.n);
    row.customerOrders += num(r.c);
  }
  return [...out.values()].filter((r) => r.orders !== 0 || r.customerOrders !== 0);
}
