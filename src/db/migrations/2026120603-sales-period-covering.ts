import { sql } from 'kysely';
import type { PacerMigration } from './helpers.ts';

/**
 * The monthly and weekly sales roll-ups read from their index alone: each is indexed by tenant,
 * period, the members (product, channel, rep, region) and the sums, in place of (tenant, period). A
 * year of product weeks at 1M lines (13,900 rows) was read through the table, row by row, and sorted
 * for its grouping (9–20 ms a statement, four per AOV question); from the index in its order, 2 ms
 * (src/db/kpi/kpi-repository.ts salesRows, keyed by the member's id column). On PostgreSQL an
 * index-only scan, as the tables are vacuumed after every import (table-upkeep.ts).
 */
export const salesPeriodCovering: PacerMigration = {
  async up(db, ctx) {
    for (const [table, column, old] of [
      ['kpi_sales_monthly', 'month_start', 'kpi_sales_monthly_tenant_month_idx'],
      ['kpi_sales_weekly', 'week_start', 'kpi_sales_weekly_tenant_week_idx'],
    ] as const) {
      await db.schema
        .createIndex(`${table}_cover_idx`)
        .on(table)
        .columns([
          'tenant_id',
          column,
          'product_id',
          'channel_id',
          'rep_id',
          'region_id',
          'amount_minor',
          'quantity',
          'line_count',
          'campaign_amount_minor',
        ])
        .execute();
      await db.schema.dropIndex(old).execute();
      if (ctx.dialect === 'postgres') await sql`ANALYZE ${sql.table(table)}`.execute(db);
    }
  },
};
