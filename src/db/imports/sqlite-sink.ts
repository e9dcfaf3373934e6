import type SQLite from 'better-sqlite3';
import type { BatchResult, ImportMeta, ImportSink } from '../../app/import/ports.ts';
import type {
  LineProblem,
  MarketingRecord,
  SalesRecord,
  SatisfactionRecord,
} from '../../core/ingest/records.ts';
import { contentKey, SalesLineKeyer } from './line-keys.ts';

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
export function createSqliteSink(conn: SQLite.Database, meta: ImportMeta): ImportSink {
  const company = meta.companyId;
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

  const insertCustomer = conn.prepare(
    `insert into customers (company_id, code, name, customer_type, age_band, member_tier, region_id, first_seen_on)
     values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
  );
  const customerId = (r: SalesRecord): number | null => {
    if (r.customer === null) return null;
    const m = load('customers');
    const hit = m.get(r.customer);
    if (hit !== undefined) return hit;
    const regionId = named('regions', r.customerRegion);
    const row = insertCustomer.get(
      company,
      r.customer,
      r.customerName ?? r.customer,
      r.customerType,
      r.ageBand,
      r.memberTier,
      regionId,
      r.saleDate,
    ) as { id: number };
    m.set(ownCopy(r.customer), row.id);
    return row.id;
  };

  const LINE_COLUMNS = `(company_id, order_id, line_no, sold_at, sale_date, product_id, customer_id, channel_id,
       rep_id, region_id, quantity, unit_price_minor, discount_minor, amount_minor, currency, campaign_code, import_id)`;
  const ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
  /** Lines go in 100 at a time: one statement call per 100 rows keeps the per-call cost out of the hot path. */
  const MULTI = 100;
  const insertLines = (rows: number) =>
    conn.prepare(
      `insert into sales_lines ${LINE_COLUMNS} values ${Array.from({ length: rows }, () => ROW).join(', ')}
       on conflict (company_id, order_id, line_no) do nothing`,
    );
  const insertMany = insertLines(MULTI);
  const insertOne = insertLines(1);
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
      let pending = 0;
      for (const r of records) {
        const categoryId = named('product_categories', r.category);
        const productId = named('products', r.product, { categoryId }) as number;
        const { orderId, lineNo } = keyer.key(r);
        const unitPrice =
          r.unitPriceMinor ??
          (r.quantity !== 0 ? Math.round((r.amountMinor + r.discountMinor) / r.quantity) : 0);
        params.push(
          company,
          orderId,
          lineNo,
          r.soldAt,
          r.saleDate,
          productId,
          customerId(r),
          named('channels', r.channel),
          named('sales_reps', r.rep),
          named('regions', r.region),
          r.quantity,
          unitPrice,
          r.discountMinor,
          r.amountMinor,
          meta.currency,
          r.campaignCode,
          meta.id,
        );
        pending += 1;
        if (pending === MULTI) {
          added += insertMany.run(params).changes;
          params.length = 0;
          pending = 0;
        }
      }
      const width = params.length / pending || 0;
      for (let i = 0; i < pending; i++)
        added += insertOne.run(params.slice(i * width, (i + 1) * width)).changes;
      return { added, duplicates: records.length - added } satisfies BatchResult;
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
