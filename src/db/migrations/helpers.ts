import { type CreateTableBuilder, type Kysely, type RawBuilder, sql } from 'kysely';
import type { DialectKind } from '../dialect-kind.ts';

/**
 * Migrations are written once for both dialects; these helpers hide the few differences.
 * Each migration receives the dialect kind through `migrationContext`.
 */
export interface MigrationContext {
  dialect: DialectKind;
}

// biome-ignore lint/suspicious/noExplicitAny: a migration works on an untyped database by design
export type MigrationDb = Kysely<any>;

export interface PacerMigration {
  up(db: MigrationDb, ctx: MigrationContext): Promise<void>;
}

/** An auto-incrementing integer primary key (SQLite INTEGER PRIMARY KEY / PostgreSQL identity). */
export function addSerialId<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
  ctx: MigrationContext,
  name = 'id',
): CreateTableBuilder<T, C> {
  return ctx.dialect === 'sqlite'
    ? table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn(name, 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}

/** 64-bit integer column (money in minor units, counts). */
export const bigint = (ctx: MigrationContext) => (ctx.dialect === 'sqlite' ? 'integer' : 'bigint');

/**
 * The Monday (ISO week start, 'YYYY-MM-DD') of the date in `column` ('alias.sale_date'), in each
 * database's own date functions: what the weekly roll-up migrations fill week_start with.
 */
export function mondayOf(ctx: MigrationContext, column: string): RawBuilder<string> {
  const day = sql.ref(column);
  return ctx.dialect === 'postgres'
    ? sql<string>`to_char(date_trunc('week', CAST(${day} AS date)), 'YYYY-MM-DD')`
    : sql<string>`date(${day}, '-' || ((CAST(strftime('%w', ${day}) AS integer) + 6) % 7) || ' days')`;
}

/**
 * A customer-cell table (kpi_customer_monthly, _weekly, _daily): per period × customer (NULL:
 * walk-ins) × channel × rep × region, the sums of the lines there and the count of the simple orders
 * there. No unique key: several rows of a cell sum. Its index is the migration's own.
 */
export async function createCustomerCells(
  db: MigrationDb,
  ctx: MigrationContext,
  table: string,
  period: string,
): Promise<void> {
  await db.schema
    .createTable(table)
    .addColumn('tenant_id', 'integer', (c) => c.notNull())
    .addColumn(period, 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer')
    .addColumn('channel_id', 'integer')
    .addColumn('rep_id', 'integer')
    .addColumn('region_id', 'integer')
    .addColumn('amount_minor', bigint(ctx), (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull())
    .addColumn('line_count', bigint(ctx), (c) => c.notNull())
    .addColumn('campaign_amount_minor', bigint(ctx), (c) => c.notNull())
    .addColumn('order_count', bigint(ctx), (c) => c.notNull())
    .execute();
}

/**
 * Fills a customer-cell table from the lines already stored (after kpi_complex_orders: an order of
 * it is not simple), `periodOf` giving a line's period from `s.sale_date`; then its statistics on
 * PostgreSQL (SQLite's come with PRAGMA optimize).
 */
export async function fillCustomerCells(
  db: MigrationDb,
  ctx: MigrationContext,
  table: string,
  period: string,
  periodOf: RawBuilder<unknown>,
): Promise<void> {
  await sql`
    INSERT INTO ${sql.table(table)}
      (tenant_id, ${sql.ref(period)}, customer_id, channel_id, rep_id, region_id,
       amount_minor, quantity, line_count, campaign_amount_minor, order_count)
    SELECT s.tenant_id, ${periodOf}, s.customer_id, s.channel_id, s.rep_id, s.region_id,
      SUM(s.amount_minor), SUM(CAST(s.quantity AS double precision)), COUNT(*),
      SUM(CASE WHEN s.campaign_code IS NOT NULL AND s.campaign_code <> '' THEN s.amount_minor ELSE 0 END),
      COUNT(DISTINCT CASE WHEN c.order_id IS NULL THEN s.order_id END)
    FROM sales_lines s
    LEFT JOIN kpi_complex_orders c ON c.tenant_id = s.tenant_id AND c.order_id = s.order_id
    GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
  if (ctx.dialect === 'postgres') await sql`ANALYZE ${sql.table(table)}`.execute(db);
}

/**
 * The customer cells' covering index (since 2026120604): every read of them from the index alone,
 * the distinct-customer reads and the sums by customer segment alike.
 */
export async function coverCustomerCells(db: MigrationDb, table: string, period: string): Promise<void> {
  await db.schema
    .createIndex(`${table}_cover_idx`)
    .on(table)
    .columns([
      'tenant_id',
      period,
      'customer_id',
      'channel_id',
      'rep_id',
      'region_id',
      'order_count',
      'amount_minor',
      'quantity',
      'line_count',
      'campaign_amount_minor',
    ])
    .execute();
}
