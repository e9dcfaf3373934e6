import { bigint, type MigrationDb, type PacerMigration } from './helpers.ts';

/**
 * KPI roll-ups, kept current at import by refreshSalesRollups (src/db/kpi/refresh-sales-rollups.ts):
 * - kpi_sales_daily / kpi_sales_monthly: additive sums (amount, quantity, lines, campaign amount)
 *   per day (month) × product × channel × rep × region — dashboards read these;
 * - kpi_order_daily: one row per order (× channel, rep, region, customer as recorded on its lines)
 *   for exact distinct orders and customers, and customer segments through customers;
 * - kpi_customer_first: each customer's first purchase date (new customers, CAC).
 * No unique keys over nullable dimension columns; each table is rewritten by date range.
 */
export const kpiRollups: PacerMigration = {
  async up(db, ctx) {
    const measures = (t: ReturnType<MigrationDb['schema']['createTable']>) =>
      t
        .addColumn('amount_minor', bigint(ctx), (c) => c.notNull())
        .addColumn('quantity', 'double precision', (c) => c.notNull())
        .addColumn('line_count', bigint(ctx), (c) => c.notNull())
        .addColumn('campaign_amount_minor', bigint(ctx), (c) => c.notNull());
    const company = (t: ReturnType<MigrationDb['schema']['createTable']>) =>
      t.addColumn('company_id', 'text', (c) => c.notNull().references('companies.id').onDelete('cascade'));

    await measures(
      company(db.schema.createTable('kpi_sales_daily'))
        .addColumn('sale_date', 'text', (c) => c.notNull())
        .addColumn('product_id', 'integer', (c) => c.notNull())
        .addColumn('channel_id', 'integer')
        .addColumn('rep_id', 'integer')
        .addColumn('region_id', 'integer'),
    ).execute();
    await db.schema
      .createIndex('kpi_sales_daily_company_date_idx')
      .on('kpi_sales_daily')
      .columns(['company_id', 'sale_date'])
      .execute();

    await measures(
      company(db.schema.createTable('kpi_sales_monthly'))
        .addColumn('month_start', 'text', (c) => c.notNull())
        .addColumn('product_id', 'integer', (c) => c.notNull())
        .addColumn('channel_id', 'integer')
        .addColumn('rep_id', 'integer')
        .addColumn('region_id', 'integer'),
    ).execute();
    await db.schema
      .createIndex('kpi_sales_monthly_company_month_idx')
      .on('kpi_sales_monthly')
      .columns(['company_id', 'month_start'])
      .execute();

    await measures(
      company(db.schema.createTable('kpi_order_daily'))
        .addColumn('sale_date', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'integer')
        .addColumn('channel_id', 'integer')
        .addColumn('rep_id', 'integer')
        .addColumn('region_id', 'integer'),
    ).execute();
    await db.schema
      .createIndex('kpi_order_daily_company_date_idx')
      .on('kpi_order_daily')
      .columns(['company_id', 'sale_date'])
      .execute();
    await db.schema
      .createIndex('kpi_order_daily_company_customer_idx')
      .on('kpi_order_daily')
      .columns(['company_id', 'customer_id', 'sale_date'])
      .execute();

    await company(db.schema.createTable('kpi_customer_first'))
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('first_date', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('kpi_customer_first_pk', ['company_id', 'customer_id'])
      .execute();
    await db.schema
      .createIndex('kpi_customer_first_company_date_idx')
      .on('kpi_customer_first')
      .columns(['company_id', 'first_date'])
      .execute();
  },
};
