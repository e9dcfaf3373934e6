import type SQLite from 'better-sqlite3';
import type { BatchResult, ImportMeta, ImportSink } from '../../app/import/ports.ts';
import type {
  LineProblem,
  MarketingRecord,
  SalesRecord,
  SatisfactionRecord,
} from '../../core/ingest/records.ts';
import { RollupAccumulator, type RollupLine } from '../kpi/rollup-accumulator.ts';
import { sqliteRollupWriter } from '../kpi/rollup-writers.ts';
import { contentKey, SalesLineKeyer } from './line-keys.ts';

/** An import sink that also keeps derived data (the KPI roll-ups) current; `complete` finishes it. */
export interface RollupSink extends ImportSink {
  /** Writes the roll-up rows still held; returns the sale-date range of the lines added (or null). */
  complete(): Promise<{ from: string; to: string } | null>;
}

/**
 * A string that owns its characters: names cut from a file's decoded chunk may share that chunk's
 * memory, and a cache of them would otherwise keep every chunk alive.
 */
const ownCopy = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

type NamedTable = 'product_categories' | 'products' | 'channels' | 'regions' | 'sales_reps';

/**
 * The SQLite import sink: prepared statements on the import's own connection, inside the
 * transaction the store opened. Dimension names are found or created once per import and cached.
 */
export function createSqliteSink(
  conn: SQLite.Database,
  meta: ImportMeta,
  tenantId: number,
  importSeq: number,
): RollupSink {
  const company = meta.companyId;
  const rollups = new RollupAccumulator();
  const writeRollups = sqliteRollupWriter(conn, tenantId);
  const cache = new Map<NamedTable | 'customers', Map<string, number>>();
  const keyer = new SalesLineKeyer();

  const load = (table: NamedTable | 'customers'): Map<string, number> => {
    let m = cache.get(table);
    if (!m) {
      const col = table === 'customers' ? 'code' : 'name';
      const rows = conn.prepare(`select id, ${col} as k from ${table} where company_id = ?`).all(company) as {
        id: number;
        k: string;
      }[];
      m = new Map(rows.map((r) => [r.k, r.id]));
      cache.set(table, m);
    }
    return m;
  };
  const insertNamed = new Map<NamedTable, SQLite.Statement>();
  const named = (
    table: NamedTable,
    name: string | null,
    extra?: { categoryId?: number | null },
  ): number | null => {
    if (name === null) return null;
    const m = load(table);
    const hit = m.get(name);
    if (hit !== undefined) return hit;
    let stmt = insertNamed.get(table);
    if (!stmt) {
      stmt =
        table === 'products'
          ? conn.prepare('insert into products (company_id, name, category_id) values (?, ?, ?) returning id')
          : conn.prepare(`insert into ${table} (company_id, name) values (?, ?) returning id`);
      insertNamed.set(table, stmt);
    }
    const row = (
      table === 'products' ? stmt.get(company, name, extra?.categoryId ?? null) : stmt.get(company, name)
    ) as {
      id: number;
    };
    m.set(ownCopy(name), row.id);
    return row.id;
  };

  /** Rows go in 100 at a time: one statement call per 100 rows keeps the per-call cost out of the hot path. */
  const MULTI = 100;

  // New customers get their ids here (this connection is the only writer: BEGIN IMMEDIATE) and are
  // written 100 at a time; every one is written before the import commits (flushCustomers).
  const CUSTOMER_COLUMNS =
    '(id, company_id, code, name, customer_type, age_band, member_tier, region_id, first_seen_on)';
  const CUSTOMER_ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?)';
  const CUSTOMER_WIDTH = 9;
  const insertCustomers = (rows: number) =>
    conn.prepare(
      `insert into customers ${CUSTOMER_COLUMNS} values ${Array.from({ length: rows }, () => CUSTOMER_ROW).join(', ')}`,
    );
  const insertCustomersMany = insertCustomers(MULTI);
  const insertCustomerOne = insertCustomers(1);
  let nextCustomerId: number | null = null;
  const pendingCustomers: unknown[] = [];
  const flushCustomers = () => {
    let i = 0;
    for (; i + MULTI * CUSTOMER_WIDTH <= pendingCustomers.length; i += MULTI * CUSTOMER_WIDTH)
      insertCustomersMany.run(pendingCustomers.slice(i, i + MULTI * CUSTOMER_WIDTH));
    for (; i < pendingCustomers.length; i += CUSTOMER_WIDTH)
      insertCustomerOne.run(pendingCustomers.slice(i, i + CUSTOMER_WIDTH));
    pendingCustomers.length = 0;
  };
  const customerId = (r: SalesRecord): number | null => {
    if (r.customer === null) return null;
    const m = load('customers');
    const hit = m.get(r.customer);
    if (hit !== undefined) return hit;
    if (nextCustomerId === null) {
      // Above every id used so far, deleted ones included (AUTOINCREMENT's sequence).
      const top = conn
        .prepare(
          `select max(coalesce((select seq from sqlite_sequence where name = 'customers'), 0),
                      coalesce((select max(id) from customers), 0)) as top`,
        )
        .get() as { top: number };
      nextCustomerId = Number(top.top) + 1;
    }
    const id = nextCustomerId++;
    pendingCustomers.push(
      id,
      company,
      r.customer,
      r.customerName ?? r.customer,
      r.customerType,
      r.ageBand,
      r.memberTier,
      named('regions', r.customerRegion),
      r.saleDate,
    );
    if (pendingCustomers.length >= MULTI * CUSTOMER_WIDTH) flushCustomers();
    m.set(ownCopy(r.customer), id);
    return id;
  };

  // The tenant, currency and import are the same on every line: literals in the statement, not
  // parameters (14 bound values a line instead of 17). All three are integers or a checked code.
  const currency = meta.currency;
  if (!/^[A-Z]{3}$/.test(currency)) throw new Error(`not an ISO 4217 code: ${currency}`);
  const LINE_COLUMNS = `(tenant_id, currency, import_seq, order_id, line_no, sold_at, sale_date, product_id, customer_id,
       channel_id, rep_id, region_id, quantity, unit_price_minor, discount_minor, amount_minor, campaign_code)`;
  const ROW = `(${Math.trunc(tenantId)}, '${currency}', ${Math.trunc(importSeq)}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  const WIDTH = 14;
  const insertLines = (rows: number) =>
    conn.prepare(
      `insert into sales_lines ${LINE_COLUMNS} values ${Array.from({ length: rows }, () => ROW).join(', ')}
       on conflict (tenant_id, order_id, line_no) do nothing`,
    );
  const insertMany = insertLines(MULTI);
  const insertOne = insertLines(1);
  /** The keys of the lines one statement added: its rowids are consecutive, ending at lastInsertRowid. */
  const addedKeys = conn.prepare('select order_id, line_no from sales_lines where id > ? and id <= ?');

  /**
   * Runs one insert of `lines` rows and feeds the lines it added (not the duplicates it skipped) to
   * the roll-ups. Returns how many it added.
   */
  const insertAndRoll = (stmt: SQLite.Statement, params: unknown[], lines: RollupLine[]): number => {
    const info = stmt.run(params);
    const added = info.changes;
    if (added === lines.length) {
      for (const l of lines) rollups.add(l);
    } else if (added > 0) {
      const last = Number(info.lastInsertRowid);
      const keys = new Set(
        (addedKeys.all(last - added, last) as { order_id: string; line_no: number }[]).map(
          (k) => `${k.order_id}\u0000${k.line_no}`,
        ),
      );
      lines.forEach((l, i) => {
        const key = `${l.orderId}\u0000${params[i * WIDTH + 1] as number}`;
        if (keys.delete(key)) rollups.add(l);
      });
    }
    if (rollups.full) writeRollups(rollups.drain());
    return added;
  };

  const insertMarketing = conn.prepare(
    `insert into marketing_daily (company_id, day, channel_id, campaign, impressions, visits, leads, opportunities,
       spend_minor, currency, import_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (company_id, day, channel_id, campaign) do nothing`,
  );
  const insertResponse = conn.prepare(
    `insert into satisfaction_responses (company_id, response_key, responded_on, customer_id, channel_id, csat, nps,
       comment, import_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (company_id, response_key) do nothing`,
  );
  const insertProblem = conn.prepare(
    'insert into import_errors (company_id, import_id, line, column_name, code, value) values (?, ?, ?, ?, ?, ?)',
  );

  return {
    async writeSales(records) {
      let added = 0;
      const params: unknown[] = [];
      let lines: RollupLine[] = [];
      for (const r of records) {
        const categoryId = named('product_categories', r.category);
        const productId = named('products', r.product, { categoryId }) as number;
        const { orderId, lineNo } = keyer.key(r);
        const unitPrice =
          r.unitPriceMinor ??
          (r.quantity !== 0 ? Math.round((r.amountMinor + r.discountMinor) / r.quantity) : 0);
        const line: RollupLine = {
          saleDate: r.saleDate,
          orderId,
          productId,
          customerId: customerId(r),
          channelId: named('channels', r.channel),
          repId: named('sales_reps', r.rep),
          regionId: named('regions', r.region),
          quantity: r.quantity,
          amountMinor: r.amountMinor,
          hasCampaign: r.campaignCode !== null && r.campaignCode !== '',
        };
        params.push(
          orderId,
          lineNo,
          r.soldAt,
          r.saleDate,
          productId,
          line.customerId,
          line.channelId,
          line.repId,
          line.regionId,
          r.quantity,
          unitPrice,
          r.discountMinor,
          r.amountMinor,
          r.campaignCode,
        );
        lines.push(line);
        if (lines.length === MULTI) {
          added += insertAndRoll(insertMany, params, lines);
          params.length = 0;
          lines = [];
        }
      }
      for (let i = 0; i < lines.length; i++)
        added += insertAndRoll(insertOne, params.slice(i * WIDTH, (i + 1) * WIDTH), [lines[i] as RollupLine]);
      flushCustomers();
      return { added, duplicates: records.length - added } satisfies BatchResult;
    },
    async complete() {
      writeRollups(rollups.drain());
      return rollups.firstDate !== null && rollups.lastDate !== null
        ? { from: rollups.firstDate, to: rollups.lastDate }
        : null;
    },
    async writeMarketing(records: readonly MarketingRecord[]) {
      let added = 0;
      for (const r of records) {
        const info = insertMarketing.run(
          company,
          r.day,
          named('channels', r.channel),
          r.campaign,
          r.impressions,
          r.visits,
          r.leads,
          r.opportunities,
          r.spendMinor,
          meta.currency,
          meta.id,
        );
        added += info.changes;
      }
      return { added, duplicates: records.length - added };
    },
    async writeSatisfaction(records: readonly SatisfactionRecord[]) {
      let added = 0;
      for (const r of records) {
        const key =
          r.responseId ?? contentKey([r.respondedOn, r.customer, r.channel, r.csat, r.nps, r.comment]);
        const cust = r.customer === null ? null : (load('customers').get(r.customer) ?? null);
        const info = insertResponse.run(
          company,
          key,
          r.respondedOn,
          cust,
          named('channels', r.channel),
          r.csat,
          r.nps,
          r.comment,
          meta.id,
        );
        added += info.changes;
      }
      return { added, duplicates: records.length - added };
    },
    async recordProblems(problems: readonly LineProblem[]) {
      for (const p of problems) insertProblem.run(company, meta.id, p.line, p.column, p.code, p.value);
    },
  };
}
