import { createCustomerCells, fillCustomerCells, mondayOf, type PacerMigration } from './helpers.ts';

/**
 * The customer KPIs of week buckets without scanning the lines (src/db/kpi/customer-activity.ts):
 * kpi_customer_weekly holds the cells of kpi_customer_monthly (2026120308) per ISO week instead of
 * per month (week_start: the week's Monday), as weeks do not nest in months: per week × customer
 * (NULL: walk-ins) × channel × rep × region, the sums of the lines there and the count of the
 * simple orders there. No unique key: several rows of a cell sum. Filled here from the lines already
 * stored, after kpi_complex_orders.
 */
export const customerWeeks: PacerMigration = {
  async up(db, ctx) {
    await createCustomerCells(db, ctx, 'kpi_customer_weekly', 'week_start');
    // Covering for the distinct-customer reads, as kpi_customer_monthly's.
    await db.schema
      .createIndex('kpi_customer_weekly_tenant_week_idx')
      .on('kpi_customer_weekly')
      .columns([
        'tenant_id',
        'week_start',
        'customer_id',
        'channel_id',
        'rep_id',
        'region_id',
        'order_count',
        'amount_minor',
      ])
      .execute();
    const monday = mondayOf(ctx, 's.sale_date');
    await fillCustomerCells(db, ctx, 'kpi_customer_weekly', 'week_start', monday);
  },
};
