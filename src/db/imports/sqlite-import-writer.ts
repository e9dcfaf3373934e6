import type SQLite from 'better-sqlite3';
import { type OrderLine, OrderTracker } from '../kpi/order-rollup.ts';
import { RollupAccumulator, type RollupLine } from '../kpi/rollup-accumulator.ts';
import { sqliteOrderWriter, sqliteRollupWriter } from '../kpi/rollup-writers.ts';
import {
  DIM_TABLES,
  DIM_WIDTH,
  type DimTable,
  type NewDims,
  SALES_NUMBERS,
  SALES_STRINGS,
} from './sqlite-import-protocol.ts';

/** Rows go in 100 at a time: one statement call per 100 rows keeps the per-call cost out of the hot path. */
const MULTI = 100;

const DIM_COLUMNS: Record<DimTable, string> = {
  product_categories: 'id, name',
  products: 'id, name, category_id',
  channels: 'id, name',
  regions: 'id, name',
  sales_reps: 'id, name',
  customers: 'id, code, name, customer_type, age_band, member_tier, region_id, first_seen_on',
};

const nullable = (n: number): number | null => (Number.isNaN(n) ? null : n);

/** A statement of `rows` rows of `width` values each, prefixed by the given literals. */
function multiRow(
  conn: SQLite.Database,
  head: string,
  literals: string,
  width: number,
  tail: string,
): (rows: number) => SQLite.Statement {
  const row = `(${literals}${Array.from({ length: width }, () => '?').join(', ')})`;
  const cache = new Map<number, SQLite.Statement>();
  return (rows) => {
    let stmt = cache.get(rows);
    if (!stmt) {
      stmt = conn.prepare(`${head} values ${Array.from({ length: rows }, () => row).join(', ')} ${tail}`);
      cache.set(rows, stmt);
    }
    return stmt;
  };
}

/** Runs `values` (rows of `width`) through statements of up to MULTI rows; returns the rows changed. */
function runRows(statement: (rows: number) => SQLite.Statement, values: readonly unknown[], width: number) {
  let changed = 0;
  const rows = values.length / width;
  for (let i = 0; i < rows; i += MULTI) {
    const n = Math.min(MULTI, rows - i);
    changed += statement(n).run(values.slice(i * width, (i + n) * width)).changes;
  }
  return changed;
}

export interface SqliteImportWriter {
  dims(rows: NewDims): void;
  sales(strings: readonly (string | null)[], numbers: Float64Array, count: number): number;
  marketing(rows: readonly unknown[]): number;
  satisfaction(rows: readonly unknown[]): number;
  problems(rows: readonly unknown[]): void;
  /** Writes the roll-up rows still held. */
  complete(): void;
}

/**
 * The writing half of an SQLite import, on the connection that holds the import's transaction:
 * dimension rows (ids given), sales lines with their roll-ups, marketing, responses, problems.
 */
export function createSqliteImportWriter(
  conn: SQLite.Database,
  opts: { companyId: string; tenantId: number; importSeq: number; importId: string; currency: string },
): SqliteImportWriter {
  const { companyId, tenantId, importSeq, importId, currency } = opts;
  if (!/^[A-Z]{3}$/.test(currency)) throw new Error(`not an ISO 4217 code: ${currency}`);
  const rollups = new RollupAccumulator();
  const writeRollups = sqliteRollupWriter(conn, tenantId);
  // Checked before this import writes a line: did the company have any?
  const priorLines =
    conn.prepare('select 1 from sales_lines where tenant_id = ? limit 1').get(tenantId) !== undefined;
  const orders = new OrderTracker(priorLines, rollups);
  const writeOrders = sqliteOrderWriter(conn, tenantId, importSeq);

  const dimStatements = Object.fromEntries(
    DIM_TABLES.map((t) => [
      t,
      multiRow(conn, `insert into ${t} (company_id, ${DIM_COLUMNS[t]})`, '?, ', DIM_WIDTH[t], ''),
    ]),
  ) as Record<DimTable, (rows: number) => SQLite.Statement>;

  // The tenant, currency and import are the same on every line: literals in the statement, not
  // parameters (14 bound values a line instead of 17). All three are integers or a checked code.
  const WIDTH = 14;
  const insertLines = multiRow(
    conn,
    `insert into sales_lines (tenant_id, currency, import_seq, order_id, line_no, sold_at, sale_date, product_id,
       customer_id, channel_id, rep_id, region_id, quantity, unit_price_minor, discount_minor, amount_minor,
       campaign_code)`,
    `${Math.trunc(tenantId)}, '${currency}', ${Math.trunc(importSeq)}, `,
    WIDTH,
    'on conflict (tenant_id, order_id, line_no) do nothing',
  );
  /** The keys of the lines one statement added: its rowids are consecutive, ending at lastInsertRowid. */
  const addedKeys = conn.prepare('select id, order_id, line_no from sales_lines where id > ? and id <= ?');

  // One line's roll-up input, refilled for every line (the accumulator copies what it keeps).
  const scratch: RollupLine = {
    saleDate: '',
    productId: 0,
    customerId: null,
    channelId: null,
    repId: null,
    regionId: null,
    quantity: 0,
    amountMinor: 0,
    hasCampaign: false,
  };
  const orderLine: OrderLine = {
    orderId: '',
    rowid: 0,
    saleDate: '',
    channelId: null,
    repId: null,
    regionId: null,
    customerId: null,
  };
  /** Feeds line `i` of `p` (WIDTH values a line, in the insert's column order), row `rowid`, to the roll-ups. */
  const roll = (p: readonly unknown[], i: number, rowid: number) => {
    const at = i * WIDTH;
    scratch.saleDate = p[at + 3] as string;
    scratch.productId = p[at + 4] as number;
    scratch.customerId = p[at + 5] as number | null;
    scratch.channelId = p[at + 6] as number | null;
    scratch.repId = p[at + 7] as number | null;
    scratch.regionId = p[at + 8] as number | null;
    scratch.quantity = p[at + 9] as number;
    scratch.amountMinor = p[at + 12] as number;
    const campaign = p[at + 13] as string | null;
    scratch.hasCampaign = campaign !== null && campaign !== '';
    rollups.add(scratch);
    orderLine.orderId = p[at] as string;
    orderLine.rowid = rowid;
    orderLine.saleDate = scratch.saleDate;
    orderLine.channelId = scratch.channelId;
    orderLine.repId = scratch.repId;
    orderLine.regionId = scratch.regionId;
    orderLine.customerId = scratch.customerId;
    orders.add(orderLine);
  };

  /**
   * Inserts the first `n` lines of `params` and feeds the lines it added (not the duplicates it
   * skipped) to the roll-ups. Returns how many it added.
   */
  const insertAndRoll = (params: unknown[], n: number): number => {
    const info = insertLines(n).run(n * WIDTH === params.length ? params : params.slice(0, n * WIDTH));
    const added = info.changes;
    const last = Number(info.lastInsertRowid);
    if (added === n) {
      for (let i = 0; i < n; i++) roll(params, i, last - n + 1 + i);
    } else if (added > 0) {
      const keys = new Map(
        (addedKeys.all(last - added, last) as { id: number; order_id: string; line_no: number }[]).map(
          (k) => [`${k.order_id}\u0000${k.line_no}`, Number(k.id)],
        ),
      );
      for (let i = 0; i < n; i++) {
        const key = `${params[i * WIDTH] as string}\u0000${params[i * WIDTH + 1] as number}`;
        const rowid = keys.get(key);
        if (rowid !== undefined) {
          keys.delete(key);
          roll(params, i, rowid);
        }
      }
    }
    if (rollups.full) writeRollups(rollups.drain());
    if (orders.full) writeOrders.flush(orders);
    return added;
  };

  const marketingStatement = multiRow(
    conn,
    `insert into marketing_daily (company_id, currency, import_id, day, channel_id, campaign, impressions, visits,
       leads, opportunities, spend_minor)`,
    '?, ?, ?, ',
    8,
    'on conflict (company_id, day, channel_id, campaign) do nothing',
  );
  const responseStatement = multiRow(
    conn,
    `insert into satisfaction_responses (company_id, import_id, response_key, responded_on, customer_id, channel_id,
       csat, nps, comment)`,
    '?, ?, ',
    7,
    'on conflict (company_id, response_key) do nothing',
  );
  const problemStatement = multiRow(
    conn,
    'insert into import_errors (company_id, import_id, line, column_name, code, value)',
    '?, ?, ',
    4,
    '',
  );
  /** Runs rows of `width` values with the given leading values bound once per row. */
  const withLeading = (leading: readonly unknown[], rows: readonly unknown[], width: number) => {
    const out: unknown[] = [];
    for (let i = 0; i < rows.length; i += width) out.push(...leading, ...rows.slice(i, i + width));
    return out;
  };

  return {
    dims(rows) {
      for (const t of DIM_TABLES) {
        const values = rows[t];
        if (values && values.length > 0)
          runRows(dimStatements[t], withLeading([companyId], values, DIM_WIDTH[t]), DIM_WIDTH[t] + 1);
      }
    },
    sales(strings, numbers, count) {
      let added = 0;
      const params: unknown[] = new Array(MULTI * WIDTH);
      let n = 0;
      for (let i = 0; i < count; i++) {
        const s = i * SALES_STRINGS;
        const x = i * SALES_NUMBERS;
        const at = n * WIDTH;
        params[at] = strings[s];
        params[at + 1] = numbers[x];
        params[at + 2] = strings[s + 1];
        params[at + 3] = strings[s + 2];
        params[at + 4] = numbers[x + 1];
        params[at + 5] = nullable(numbers[x + 2] as number);
        params[at + 6] = nullable(numbers[x + 3] as number);
        params[at + 7] = nullable(numbers[x + 4] as number);
        params[at + 8] = nullable(numbers[x + 5] as number);
        params[at + 9] = numbers[x + 6];
        params[at + 10] = numbers[x + 7];
        params[at + 11] = numbers[x + 8];
        params[at + 12] = numbers[x + 9];
        params[at + 13] = strings[s + 3] ?? null;
        n += 1;
        if (n === MULTI) {
          added += insertAndRoll(params, n);
          n = 0;
        }
      }
      if (n > 0) added += insertAndRoll(params, n);
      return added;
    },
    marketing(rows) {
      return runRows(marketingStatement, withLeading([companyId, currency, importId], rows, 8), 11);
    },
    satisfaction(rows) {
      return runRows(responseStatement, withLeading([companyId, importId], rows, 7), 9);
    },
    problems(rows) {
      runRows(problemStatement, withLeading([companyId, importId], rows, 4), 6);
    },
    complete() {
      writeRollups(rollups.drain());
      writeOrders.resolve(orders);
    },
  };
}
