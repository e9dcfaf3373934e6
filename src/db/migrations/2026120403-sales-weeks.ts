import { sql } from 'kysely';
import { bigint, mondayOf, type PacerMigration } from './helpers.ts';

/**
 * The additive KPIs (revenue, units, lines, campaign revenue) of week buckets without reading every
 * day: kpi_sales_weekly holds the rows of kpi_sales_monthly per ISO week (week_start: its Monday), as
 * weeks do not nest in months: per week × product × channel × rep × region, the sums of the lines
 * there. No unique key: several rows of a cell sum. Filled here from kpi_sales_daily.
 */
export const salesWeeks: PacerMigration = {
  async up(db, ctx) {
    await db.schema
      .createTable('kpi_sales_weekly')
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('week_start', 'text', (c) => c.notNull())
      .addColumn('product_id', 'integer', (c) => c.notNull())
      .addColumn('channel_id', 'integer')
      .addColumn('rep_id', 'integer')
      .addColumn('region_id', 'integer')
      .addColumn('amount_minor', bigint(ctx), (c) => c.notNull())
      .addColumn('quantity', 'double precision', (c) => c.notNull())
      .addColumn('line_count', bigint(ctx), (c) => c.notNull())
      .addColumn('campaign_amount_minor', bigint(ctx), (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('kpi_sales_weekly_tenant_week_idx')
      .on('kpi_sales_weekly')
      .columns(['tenant_id', 'week_start'])
      .execute();
    const monday = mondayOf(ctx, 'd.sale_date');
    await sql`
      INSERT INTO kpi_sales_weekly
        (tenant_id, week_start, product_id, channel_id, rep_id, region_id,
         amount_minor, quantity, line_count, campaign_amount_minor)
      SELECT d.tenant_id, ${monday}, d.product_id, d.channel_id, d.rep_id, d.region_id,
        SUM(d.amount_minor), SUM(d.quantity), SUM(d.line_count), SUM(d.campaign_amount_minor)
      FROM kpi_sales_daily d
      GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
    if (ctx.dialect === 'postgres') await sql`ANALYZE kpi_sales_weekly`.execute(db);
  },
};
