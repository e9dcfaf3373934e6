import type SQLite from 'better-sqlite3';
import { SQLITE_BULK_INSERT } from '../bulk-insert.ts';
import type { RollupLine } from '../kpi/rollup-accumulator.ts';
import { sqliteOrderWriter, sqliteRollupWriter } from '../kpi/rollup-writers.ts';
import { DayAfterDay } from './day-after-day.ts';
import { LineRollups } from './line-rollups.ts';
import {
  DIM_TABLES,
  DIM_WIDTH,
  type DimTable,
  type NewDims,
  SALES_NUMBERS,
  SALES_STRINGS,
} from './sqlite-import-protocol.ts';

/** The columns of a written (or staged) line, in the order `sales` binds them. */
const LINE_COLUMNS = `order_id, line_no, sold_at, sale_date, product_id, customer_id, channel_id, rep_id, region_id,
  quantity, unit_price_minor, discount_minor, amount_minor, campaign_code`;

/**
 * Staged lines move into sales_lines this many at a time, each time sorted, so that inserts land in
 * runs along the indexes. A move of a part of the file touches pages along the whole of both line
 * indexes, so fewer, larger moves cost less: a million-line file moves once, after it is read (one
 * move 1.9 s against 2.4 s for five of 200,000, shuffled lines); the stage is SQLite's temp file, not
 * this process's memory. `PACER_IMPORT_MOVE_EVERY` sets another count (the property tests move every
 * few lines, to run every path on small files).
 */
const MOVE_EVERY = Math.max(1, Number(process.env.PACER_IMPORT_MOVE_EVERY) || 2_000_000);

/** Added lines are read back for the roll-ups this many row ids at a time. */
const REPLAY_CHUNK = 20_000;

/** Where roll() finds a line's values: in a written row (LINE_COLUMNS), or in a row read back. */
const STAGED = {
  order: 0,
  date: 3,
  product: 4,
  customer: 5,
  channel: 6,
  rep: 7,
  region: 8,
  quantity: 9,
  amount: 12,
  campaign: 13,
} as const;
const ADDED = {
  order: 0,
  date: 1,
  product: 2,
  customer: 3,
  channel: 4,
  rep: 5,
  region: 6,
  quantity: 7,
  amount: 8,
  campaign: 9,
} as const;

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

/**
 * Runs `values` (rows of `width`) through statements of up to `perStatement` rows (MULTI unless
 * said); returns the rows changed.
 */
function runRows(
  statement: (rows: number) => SQLite.Statement,
  values: readonly unknown[],
  width: number,
  perStatement = MULTI,
) {
  let changed = 0;
  const rows = values.length / width;
  for (let i = 0; i < rows; i += perStatement) {
    const n = Math.min(perStatement, rows - i);
    changed += statement(n).run(values.slice(i * width, (i + n) * width)).changes;
  }
  return changed;
}

export interface SqliteImportWriter {
  dims(rows: NewDims): void;
  /** Stages sales lines (they are added, and counted, by settle). */
  sales(strings: readonly (string | null)[], numbers: Float64Array, count: number): void;
  /**
   * Adds the staged lines that are new and keeps their roll-ups; says how many were added, and
   * whether the company's roll-ups must be rebuilt from its lines (a key repeated in the file).
   */
  settle(): { added: number; rebuild: boolean };
  marketing(rows: readonly unknown[]): number;
  satisfaction(rows: readonly unknown[]): number;
  problems(rows: readonly unknown[]): void;
  /** Settles the lines if that was not done yet; says whether the roll-ups must be rebuilt. */
  complete(): boolean;
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
  const writeRollups = sqliteRollupWriter(conn, tenantId);
  // Checked before this import writes a line: did the company have any?
  const priorLines =
    conn.prepare('select 1 from sales_lines where tenant_id = ? limit 1').get(tenantId) !== undefined;
  const rolling = new LineRollups(priorLines);
  const writeOrders = sqliteOrderWriter(conn, tenantId, importSeq);

  const dimStatements = Object.fromEntries(
    DIM_TABLES.map((t) => [
      t,
      multiRow(conn, `${SQLITE_BULK_INSERT} ${t} (company_id, ${DIM_COLUMNS[t]})`, '?, ', DIM_WIDTH[t], ''),
    ]),
  ) as Record<DimTable, (rows: number) => SQLite.Statement>;

  // Lines that come day after day (dates never going back, or, in a newest-first export, never
  // forward) go straight into sales_lines: each insert lands beside the one before in both line
  // indexes, whatever the order within a day. From the first line that breaks that, lines are staged,
  // unindexed, in a temporary table (SQLite's temp file, not this process's memory) and move into
  // sales_lines every MOVE_EVERY lines, sorted: inserted in the file's order, a file sorted by
  // customer, product or order number, or not at all, would send each line to a random place of the
  // two line indexes, each costing page reads and WAL writes once the indexes outgrow the page cache.
  // Created inside the import's transaction: a rollback takes it away too.
  // (A stage left by an import that failed is dropped first: a rollback takes it away, but the
  // connection outlives any one import.)
  conn.exec('drop table if exists temp.import_stage');
  conn.exec(`create temp table import_stage (order_id text, line_no integer, sold_at text, sale_date text,
    product_id integer, customer_id integer, channel_id integer, rep_id integer, region_id integer, quantity real,
    unit_price_minor integer, discount_minor integer, amount_minor integer, campaign_code text)`);
  const WIDTH = 14;
  const stageLines = multiRow(
    conn,
    `${SQLITE_BULK_INSERT} temp.import_stage (${LINE_COLUMNS})`,
    '',
    WIDTH,
    '',
  );
  // The tenant, currency and import are the same on every line: literals in the statement, not
  // parameters. All three are integers or a checked code.
  const insertLines = multiRow(
    conn,
    `${SQLITE_BULK_INSERT} sales_lines (tenant_id, currency, import_seq, ${LINE_COLUMNS})`,
    `${Math.trunc(tenantId)}, '${currency}', ${Math.trunc(importSeq)}, `,
    WIDTH,
    'on conflict (tenant_id, order_id, line_no) do nothing',
  );
  /** Lines handed to the writer, lines added, rows staged (the stage's largest rowid). */
  let lines = 0;
  let added = 0;
  let staged = 0;
  /** Every line so far came day after day and went straight in. */
  let direct = true;
  const dates = new DayAfterDay();
  /**
   * A company's first lines (nothing to collide with) are rolled up as they are written, beside the
   * reading thread; only a key repeated inside the file could then leave a line out, and the roll-ups
   * are rebuilt from the lines if one did. A company with lines rolls up only the lines the inserts
   * added (a re-import adds none).
   */
  const rollAsStaged = !priorLines;
  let settled = false;
  let rebuild = false;

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
  /**
   * Feeds one line to the roll-ups: `r[at …]` holds order id, sale date, product, customer, channel,
   * rep, region, quantity, amount, campaign code at the offsets of `o`; `rowid` is its row (staged or
   * added).
   */
  const roll = (r: readonly unknown[], at: number, o: typeof STAGED | typeof ADDED, rowid: number) => {
    scratch.saleDate = r[at + o.date] as string;
    scratch.productId = r[at + o.product] as number;
    scratch.customerId = r[at + o.customer] as number | null;
    scratch.channelId = r[at + o.channel] as number | null;
    scratch.repId = r[at + o.rep] as number | null;
    scratch.regionId = r[at + o.region] as number | null;
    scratch.quantity = r[at + o.quantity] as number;
    scratch.amountMinor = r[at + o.amount] as number;
    const campaign = r[at + o.campaign] as string | null;
    scratch.hasCampaign = campaign !== null && campaign !== '';
    rolling.add(scratch, r[at + o.order] as string, rowid);
  };
  const drainIfFull = () => {
    if (rolling.rollupsDue) writeRollups(rolling.rollups.drain());
    if (rolling.ordersDue) writeOrders.flush(rolling.orders);
  };

  /** The largest line id (prepared once: a later import asks before every batch it writes). */
  const maxId = conn.prepare('select coalesce(max(id), 0) as m from sales_lines');
  const top = () => Number((maxId.get() as { m: number }).m);
  const replay = conn
    .prepare(
      `select order_id, sale_date, product_id, customer_id, channel_id, rep_id, region_id, quantity, amount_minor,
         campaign_code, id
       from sales_lines where id > ? and id <= ? order by id`,
    )
    .raw(true);
  /** Feeds the lines with row ids in (from, to] to the roll-ups, read back. */
  const readBack = (from: number, to: number) => {
    for (let at = from; at < to; at += REPLAY_CHUNK) {
      for (const r of replay.all(at, Math.min(to, at + REPLAY_CHUNK)) as unknown[][])
        roll(r, 0, ADDED, r[10] as number);
      drainIfFull();
    }
  };
  // The rowid range is the WHERE clause SQLite's upsert after INSERT … SELECT requires.
  const moveSorted = conn.prepare(
    `${SQLITE_BULK_INSERT} sales_lines (tenant_id, currency, import_seq, ${LINE_COLUMNS})
     select ${Math.trunc(tenantId)}, '${currency}', ${Math.trunc(importSeq)}, ${LINE_COLUMNS}
     from temp.import_stage where rowid > ? and rowid <= ?
     order by sale_date, order_id, line_no, rowid
     on conflict (tenant_id, order_id, line_no) do nothing`,
  );
  /**
   * Runs a move with SQLite's sorter on two threads and a 4 MB page cache (then as before): the
   * sort of a million staged lines takes 1.4 s instead of 2.1, in less memory (peak RSS of the move
   * 82 MB, against 89 MB on one thread with 16 MB); the sorted inserts walk the indexes in order and
   * need no larger cache.
   */
  const sorting = <T>(run: () => T): T => {
    const cache = conn.pragma('cache_size', { simple: true }) as number;
    const threads = conn.pragma('threads', { simple: true }) as number;
    conn.pragma('threads = 2');
    conn.pragma('cache_size = -4096');
    try {
      return run();
    } finally {
      conn.pragma(`cache_size = ${Math.trunc(cache)}`);
      conn.pragma(`threads = ${Math.trunc(threads)}`);
    }
  };
  /** Staged rows up to this rowid are in sales_lines (or were found there). */
  let movedUpTo = 0;

  /**
   * Moves the lines staged since the last move into sales_lines, sorted by day, order and line (a
   * line already there, or seen earlier in the file, is skipped); without roll-ups kept as staged,
   * reads the lines it added back for them.
   */
  const move = () => {
    if (staged === movedUpTo) return;
    const before = rollAsStaged ? 0 : top();
    const changes = sorting(() => moveSorted.run(movedUpTo, staged).changes);
    added += changes;
    movedUpTo = staged;
    if (!rollAsStaged && changes > 0) readBack(before, top());
  };

  /** Whether `n` lines keep going day after day in the way the lines before them went. */
  const continuesOrder = (params: readonly unknown[], n: number): boolean => {
    for (let i = 0; i < n; i++) if (!dates.see(params[i * WIDTH + 3] as string)) return false;
    return true;
  };

  /** Writes `n` lines (WIDTH values each, in LINE_COLUMNS' order): straight in, or staged. */
  const write = (params: unknown[], n: number) => {
    lines += n;
    if (direct && continuesOrder(params, n)) {
      const before = rollAsStaged ? 0 : top();
      const info = insertLines(n).run(params);
      added += info.changes;
      if (rollAsStaged || info.changes === n) {
        // One statement's new rows have consecutive row ids, ending at lastInsertRowid (with a line
        // left out, the roll-ups are rebuilt, or the lines are read back: the ids are not used).
        const last = Number(info.lastInsertRowid);
        for (let i = 0; i < n; i++) roll(params, i * WIDTH, STAGED, last - n + 1 + i);
      } else if (info.changes > 0) readBack(before, top());
      drainIfFull();
      return;
    }
    direct = false;
    const last = Number(stageLines(n).run(params).lastInsertRowid);
    staged = last;
    if (rollAsStaged) {
      // The order tracker's row ids of staged lines are negative: rows of the stage (rollup-writers.ts).
      for (let i = 0; i < n; i++) roll(params, i * WIDTH, STAGED, -(last - n + 1 + i));
      drainIfFull();
    }
    if (staged - movedUpTo >= MOVE_EVERY) move();
  };

  /**
   * The last move; the order counts' suspects are resolved while the staged rows can still be read.
   * Returns how many lines were added.
   */
  const settleLines = (): number => {
    settled = true;
    move();
    writeRollups(rolling.rollups.drain());
    if (rollAsStaged && added !== lines) rebuild = true;
    else writeOrders.resolve(rolling.orders);
    conn.exec('drop table temp.import_stage');
    return added;
  };

  const marketingStatement = multiRow(
    conn,
    `${SQLITE_BULK_INSERT} marketing_daily (company_id, currency, import_id, day, channel_id, campaign, impressions, visits,
       leads, opportunities, spend_minor)`,
    '?, ?, ?, ',
    8,
    'on conflict (company_id, day, channel_id, campaign) do nothing',
  );
  const responseStatement = multiRow(
    conn,
    `${SQLITE_BULK_INSERT} satisfaction_responses (company_id, import_id, response_key, responded_on, customer_id, channel_id,
       csat, nps, comment)`,
    '?, ?, ',
    7,
    'on conflict (company_id, response_key) do nothing',
  );
  const problemStatement = multiRow(
    conn,
    `${SQLITE_BULK_INSERT} import_errors (company_id, import_id, line, column_name, code, value)`,
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
      // One row a statement: every dimension table has foreign keys, and a many-row insert checked
      // against immediate foreign keys may abort halfway whatever its conflict algorithm, so SQLite
      // copies every page it changes to a statement journal first. New customers land all over their
      // (company, code) index: a million-line file of 128,000 new customers journaled 31,000 pages
      // (243 MB) that way.
      for (const t of DIM_TABLES) {
        const values = rows[t];
        if (values && values.length > 0)
          runRows(dimStatements[t], withLeading([companyId], values, DIM_WIDTH[t]), DIM_WIDTH[t] + 1, 1);
      }
    },
    sales(strings, numbers, count) {
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
          write(params, n);
          n = 0;
        }
      }
      if (n > 0) write(params.slice(0, n * WIDTH), n);
    },
    settle() {
      const added = settleLines();
      return { added, rebuild };
    },
    // Marketing days, responses and problem lines go one a statement too: their tables have foreign
    // keys (see dims).
    marketing(rows) {
      return runRows(marketingStatement, withLeading([companyId, currency, importId], rows, 8), 11, 1);
    },
    satisfaction(rows) {
      return runRows(responseStatement, withLeading([companyId, importId], rows, 7), 9, 1);
    },
    problems(rows) {
      runRows(problemStatement, withLeading([companyId, importId], rows, 4), 6, 1);
    },
    complete() {
      if (!settled) settleLines();
      return rebuild;
    },
  };
}
