import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/index.ts';

const CAMPAIGN_AMOUNT = sql`SUM(CASE WHEN campaign_code IS NOT NULL AND campaign_code <> '' THEN amount_minor ELSE 0 END)`;

const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;
/** The last day of the month of `date` (string arithmetic; 'YYYY-MM-31' compares after every day of the month). */
const monthLastDay = (date: string): string => `${date.slice(0, 7)}-31`;

/**
 * Recomputes every KPI roll-up of a company for the local dates [from, to] from its raw sales lines:
 * set-based delete + insert … select, one statement each, so it runs inside the caller's transaction
 * (pass the transaction as `db`) on SQLite and PostgreSQL alike. Call it after writing or deleting
 * sales lines, with the range of their sale dates. The monthly roll-up is rebuilt for every month the
 * range touches, and customers' first purchase dates for every customer with lines in the range or a
 * first purchase in it.
 */
export async function refreshSalesRollups(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
): Promise<void> {
  if (to < from) return;
  await sql`DELETE FROM kpi_sales_daily WHERE company_id = ${companyId} AND sale_date BETWEEN ${from} AND ${to}`.execute(
    db,
  );
  await sql`
    INSERT INTO kpi_sales_daily
      (company_id, sale_date, product_id, channel_id, rep_id, region_id,
       amount_minor, quantity, line_count, campaign_amount_minor)
    SELECT company_id, sale_date, product_id, channel_id, rep_id, region_id,
       SUM(amount_minor), SUM(CAST(quantity AS double precision)), COUNT(*), ${CAMPAIGN_AMOUNT}
    FROM sales_lines
    WHERE company_id = ${companyId} AND sale_date BETWEEN ${from} AND ${to}
    GROUP BY company_id, sale_date, product_id, channel_id, rep_id, region_id`.execute(db);

  const firstMonth = monthStart(from);
  const lastMonth = monthStart(to);
  await sql`DELETE FROM kpi_sales_monthly WHERE company_id = ${companyId} AND month_start BETWEEN ${firstMonth} AND ${lastMonth}`.execute(
    db,
  );
  await sql`
    INSERT INTO kpi_sales_monthly
      (company_id, month_start, product_id, channel_id, rep_id, region_id,
       amount_minor, quantity, line_count, campaign_amount_minor)
    SELECT company_id, substr(sale_date, 1, 7) || '-01', product_id, channel_id, rep_id, region_id,
       SUM(amount_minor), SUM(quantity), SUM(line_count), SUM(campaign_amount_minor)
    FROM kpi_sales_daily
    WHERE company_id = ${companyId} AND sale_date BETWEEN ${firstMonth} AND ${monthLastDay(to)}
    GROUP BY company_id, substr(sale_date, 1, 7) || '-01', product_id, channel_id, rep_id, region_id`.execute(
    db,
  );

  await sql`DELETE FROM kpi_order_daily WHERE company_id = ${companyId} AND sale_date BETWEEN ${from} AND ${to}`.execute(
    db,
  );
  await sql`
    INSERT INTO kpi_order_daily
      (company_id, sale_date, order_id, customer_id, channel_id, rep_id, region_id,
       amount_minor, quantity, line_count, campaign_amount_minor)
    SELECT company_id, sale_date, order_id, customer_id, channel_id, rep_id, region_id,
       SUM(amount_minor), SUM(CAST(quantity AS double precision)), COUNT(*), ${CAMPAIGN_AMOUNT}
    FROM sales_lines
    WHERE company_id = ${companyId} AND sale_date BETWEEN ${from} AND ${to}
    GROUP BY company_id, sale_date, order_id, customer_id, channel_id, rep_id, region_id`.execute(db);

  // First purchase dates. Only customers with orders in the range whose first date is not already
  // earlier, or whose first date lies in the range, can change; each is one MIN() seek on the index.
  await sql`
    INSERT INTO kpi_customer_first (company_id, customer_id, first_date)
    SELECT company_id, customer_id, first_date FROM (
      SELECT CAST(${companyId} AS text) AS company_id, a.customer_id AS customer_id,
        (SELECT MIN(o.sale_date) FROM kpi_order_daily o
         WHERE o.company_id = ${companyId} AND o.customer_id = a.customer_id) AS first_date
      FROM (
        SELECT customer_id FROM kpi_order_daily
        WHERE company_id = ${companyId} AND sale_date BETWEEN ${from} AND ${to} AND customer_id IS NOT NULL
        UNION
        SELECT customer_id FROM kpi_customer_first
        WHERE company_id = ${companyId} AND first_date BETWEEN ${from} AND ${to}
      ) a
      WHERE NOT EXISTS (
        SELECT 1 FROM kpi_customer_first e
        WHERE e.company_id = ${companyId} AND e.customer_id = a.customer_id AND e.first_date < ${from})
    ) t
    WHERE first_date IS NOT NULL
    ON CONFLICT (company_id, customer_id) DO UPDATE SET first_date = excluded.first_date`.execute(db);
  await sql`
    DELETE FROM kpi_customer_first
    WHERE company_id = ${companyId} AND first_date BETWEEN ${from} AND ${to}
      AND NOT EXISTS (
        SELECT 1 FROM kpi_order_daily o
        WHERE o.company_id = kpi_customer_first.company_id AND o.customer_id = kpi_customer_first.customer_id)`.execute(
    db,
  );
}

/** Drops and recomputes every roll-up of a company from all its sales lines (after bulk loads, merges). */
export async function rebuildAllRollups(db: Kysely<Database>, companyId: string): Promise<void> {
  for (const table of [
    'kpi_sales_daily',
    'kpi_sales_monthly',
    'kpi_order_daily',
    'kpi_customer_first',
  ] as const)
    await db.deleteFrom(table).where('company_id', '=', companyId).execute();
  const span = await db
    .selectFrom('sales_lines')
    .select((eb) => [eb.fn.min('sale_date').as('first'), eb.fn.max('sale_date').as('last')])
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  if (span?.first && span.last) await refreshSalesRollups(db, companyId, span.first, span.last);
}
