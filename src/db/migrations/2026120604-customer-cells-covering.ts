import { sql } from 'kysely';
import { coverCustomerCells, type PacerMigration } from './helpers.ts';

/**
 * The customer cells (kpi_customer_monthly and _weekly) read from their index alone for sales by
 * customer segment too: the covering index of the distinct-customer reads (tenant, period, customer,
 * channel, rep, region, orders, revenue) also carries the quantity, the line count and the campaign
 * revenue, which revenue, units and AOV by member tier, customer type or age band sum. A year of
 * customer weeks at 1M lines (42,700 rows) was read through the table, row by row: 60–80 ms a
 * statement, 21 ms from the index (src/db/kpi/kpi-repository.ts salesRows, source 'segments').
 */
export const customerCellsCovering: PacerMigration = {
  async up(db, ctx) {
    for (const [table, column, old] of [
      ['kpi_customer_monthly', 'month_start', 'kpi_customer_monthly_tenant_month_idx'],
      ['kpi_customer_weekly', 'week_start', 'kpi_customer_weekly_tenant_week_idx'],
    ] as const) {
      await coverCustomerCells(db, table, column);
      await db.schema.dropIndex(old).execute();
      if (ctx.dialect === 'postgres') await sql`ANALYZE ${sql.table(table)}`.execute(db);
    }
  },
};
