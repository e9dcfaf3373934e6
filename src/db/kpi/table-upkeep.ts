import { type Kysely, SqliteAdapter, sql } from 'kysely';
import type { Database } from '../schema/index.ts';

/** The roll-up tables imports keep and undo, merges and bulk loads recompute from the lines. */
export const KPI_ROLLUP_TABLES = [
  'kpi_sales_daily',
  'kpi_sales_monthly',
  'kpi_sales_weekly',
  'kpi_customer_first',
  'kpi_orders_daily',
  'kpi_complex_orders',
  'kpi_customer_monthly',
  'kpi_customer_weekly',
  'kpi_customer_daily',
  'kpi_customer_product_monthly',
  'kpi_customer_product_weekly',
  'kpi_product_customers_monthly',
  'kpi_product_customers_weekly',
  'kpi_repeat_product_orders',
] as const;

/**
 * The tables KPI reads scan (the roll-ups, and the lines and customers they join), whose statistics
 * and, on PostgreSQL, visibility map an import, an undo or a catalog merge changes.
 */
const KPI_TABLES = ['sales_lines', ...KPI_ROLLUP_TABLES, 'customers'] as const;

const list = sql.join(KPI_TABLES.map((t) => sql.table(t)));

const isSqlite = (db: Kysely<Database>) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * PostgreSQL: fresh planner statistics for the KPI tables, inside the transaction that wrote them
 * (a new database has none: a year of new customers by channel took 39.8 s on a bad plan, 0.48 s
 * after ANALYZE). SQLite's come from `PRAGMA optimize` on the import's connection.
 */
export async function analyzeKpiTables(trx: Kysely<Database>): Promise<void> {
  if (isSqlite(trx)) return;
  await sql`ANALYZE ${list}`.execute(trx);
}

/**
 * PostgreSQL, after the transaction that wrote the KPI tables has committed (VACUUM cannot run in
 * one): marks their new pages all-visible, so that the KPI reads' index-only scans read the indexes
 * alone. Until a vacuum, each row read costs a visit to its table page too: a year of product cells
 * at 1M lines, 122,072 buffers and 94 ms, against 1,066 buffers and 35 ms after it (autovacuum comes
 * later, on its own schedule). Only pages changed since the last vacuum are read. With `analyze`, the
 * statistics are refreshed too (undo and merges, which do not analyze in their transaction). A table
 * another vacuum holds (autovacuum on a big table, another server's import) is skipped, not waited
 * for: that vacuum marks its pages (SKIP_LOCKED, PostgreSQL 12 and later).
 *
 * The data is committed by then: a failure here (a cancelled statement, a missing privilege) is
 * reported as a process warning and does not fail the write that was made.
 */
export async function vacuumKpiTables(db: Kysely<Database>, analyze: boolean): Promise<void> {
  if (isSqlite(db)) return;
  try {
    await (analyze ? sql`VACUUM (ANALYZE, SKIP_LOCKED) ${list}` : sql`VACUUM (SKIP_LOCKED) ${list}`).execute(
      db,
    );
  } catch (e) {
    process.emitWarning(`VACUUM of the KPI tables failed (autovacuum will do it later): ${String(e)}`);
  }
}
