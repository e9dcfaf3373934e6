import { sql } from 'kysely';
import { createCustomerCells, fillCustomerCells, type PacerMigration } from './helpers.ts';

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
    await createCustomerCells(db, ctx, 'kpi_customer_monthly', 'month_start');
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
    await fillCustomerCells(
      db,
      ctx,
      'kpi_customer_monthly',
      'month_start',
      sql`substr(s.sale_date, 1, 7) || '-01'`,
    );
  },
};
