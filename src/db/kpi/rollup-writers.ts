import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/index.ts';
import type { DailyRow, FirstPurchase, Measures, MonthlyRow, RollupBatch } from './rollup-accumulator.ts';

/** The members and sums a daily and a monthly row share. */
type SalesRollupRow = Measures & {
  productId: number;
  channelId: number | null;
  repId: number | null;
  regionId: number | null;
};
const sharedColumns = (r: SalesRollupRow) => ({
  product_id: r.productId,
  channel_id: r.channelId,
  rep_id: r.repId,
  region_id: r.regionId,
  amount_minor: r.amountMinor,
  quantity: r.quantity,
  line_count: r.lines,
  campaign_amount_minor: r.campaignAmountMinor,
});

/** sharedColumns' keys, in its order. */
const SHARED =
  'product_id, channel_id, rep_id, region_id, amount_minor, quantity, line_count, campaign_amount_minor';
const DAILY = `INSERT INTO kpi_sales_daily (tenant_id, sale_date, ${SHARED}) VALUES `;
const MONTHLY = `INSERT INTO kpi_sales_monthly (tenant_id, month_start, ${SHARED}) VALUES `;
const FIRST = 'INSERT INTO kpi_customer_first (tenant_id, customer_id, first_date) VALUES ';
/** An earlier first purchase wins; a later one leaves the row as it is. */
const FIRST_CONFLICT = ` ON CONFLICT (tenant_id, customer_id) DO UPDATE SET first_date = excluded.first_date
  WHERE excluded.first_date < kpi_customer_first.first_date`;

const placeholders = (columns: number, rows: number) =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

/** Writes roll-up rows through prepared multi-row statements on the import's SQLite connection. */
export function sqliteRollupWriter(conn: SQLite.Database, tenantId: number): (batch: RollupBatch) => void {
  const ROWS = 100;
  const table = <R>(
    head: string,
    columns: number,
    tail: string,
    fill: (p: unknown[], at: number, r: R) => void,
  ) => {
    const many = conn.prepare(`${head}${placeholders(columns, ROWS)}${tail}`);
    const one = conn.prepare(`${head}${placeholders(columns, 1)}${tail}`);
    const params: unknown[] = new Array(columns * ROWS);
    const single: unknown[] = new Array(columns);
    return (rows: readonly R[]) => {
      let i = 0;
      for (; i + ROWS <= rows.length; i += ROWS) {
        for (let j = 0; j < ROWS; j++) fill(params, j * columns, rows[i + j] as R);
        many.run(params);
      }
      for (; i < rows.length; i++) {
        fill(single, 0, rows[i] as R);
        one.run(single);
      }
    };
  };
  /** tenant, the date (day or month), then the shared columns in sharedColumns' order. */
  const fillSales = (p: unknown[], at: number, date: string, r: SalesRollupRow) => {
    p[at] = tenantId;
    p[at + 1] = date;
    let k = at + 2;
    for (const v of Object.values(sharedColumns(r))) p[k++] = v;
  };
  const daily = table<DailyRow>(DAILY, 10, '', (p, at, r) => fillSales(p, at, r.saleDate, r));
  const monthly = table<MonthlyRow>(MONTHLY, 10, '', (p, at, r) => fillSales(p, at, r.monthStart, r));
  const first = table<FirstPurchase>(FIRST, 3, FIRST_CONFLICT, (p, at, r) => {
    p[at] = tenantId;
    p[at + 1] = r.customerId;
    p[at + 2] = r.firstDate;
  });
  return (batch) => {
    daily(batch.daily);
    monthly(batch.monthly);
    first(batch.firstPurchases);
  };
}

/** Writes roll-up rows through Kysely (PostgreSQL), in chunks under the bind-parameter limit. */
export function kyselyRollupWriter(
  db: Kysely<Database>,
  tenantId: number,
): (batch: RollupBatch) => Promise<void> {
  const CHUNK = 2000;
  return async (batch) => {
    for (let i = 0; i < batch.daily.length; i += CHUNK) {
      await db
        .insertInto('kpi_sales_daily')
        .values(
          batch.daily
            .slice(i, i + CHUNK)
            .map((r) => ({ tenant_id: tenantId, sale_date: r.saleDate, ...sharedColumns(r) })),
        )
        .execute();
    }
    for (let i = 0; i < batch.monthly.length; i += CHUNK) {
      await db
        .insertInto('kpi_sales_monthly')
        .values(
          batch.monthly
            .slice(i, i + CHUNK)
            .map((r) => ({ tenant_id: tenantId, month_start: r.monthStart, ...sharedColumns(r) })),
        )
        .execute();
    }
    for (let i = 0; i < batch.firstPurchases.length; i += CHUNK) {
      await db
        .insertInto('kpi_customer_first')
        .values(
          batch.firstPurchases.slice(i, i + CHUNK).map((r) => ({
            tenant_id: tenantId,
            customer_id: r.customerId,
            first_date: r.firstDate,
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['tenant_id', 'customer_id'])
            .doUpdateSet((eb) => ({ first_date: eb.ref('excluded.first_date') }))
            .whereRef('excluded.first_date', '<', 'kpi_customer_first.first_date'),
        )
        .execute();
    }
  };
}
