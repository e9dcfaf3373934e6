import { type Insertable, type Kysely, sql } from 'kysely';
import type { BatchResult, ImportMeta, ImportSink } from '../../app/import/ports.ts';
import type { SalesRecord } from '../../core/ingest/records.ts';
import { arrayLiteral, type BulkColumn, unnestInsert } from '../bulk-insert.ts';
import { arrayView, type RollupLine } from '../kpi/rollup-accumulator.ts';
import { kyselyOrderWriter, kyselyRollupWriter } from '../kpi/rollup-writers.ts';
import type { Database } from '../schema/index.ts';
import { ResponseKeyer, SalesLineKeyer, unitPriceMinor } from './line-keys.ts';
import { LineRollups } from './line-rollups.ts';

/** An import sink that also keeps derived data (the KPI roll-ups) current; `complete` finishes it. */
export interface RollupSink extends ImportSink {
  /** Writes the roll-up rows still held. */
  complete(): Promise<void>;
}

type NamedTable = 'product_categories' | 'products' | 'channels' | 'regions' | 'sales_reps';

/** A line as the sink writes it (the tenant, currency and import are the same on every line). */
type LineRow = Omit<Insertable<Database['sales_lines']>, 'tenant_id' | 'currency' | 'import_seq'> & {
  order_id: string;
  line_no: number;
};
const LINE_COLUMNS: readonly BulkColumn<LineRow>[] = [
  ['order_id', 'text', (r) => r.order_id],
  ['line_no', 'integer', (r) => r.line_no],
  ['sold_at', 'text', (r) => r.sold_at],
  ['sale_date', 'text', (r) => r.sale_date],
  ['product_id', 'integer', (r) => r.product_id],
  ['customer_id', 'integer', (r) => r.customer_id],
  ['channel_id', 'integer', (r) => r.channel_id],
  ['rep_id', 'integer', (r) => r.rep_id],
  ['region_id', 'integer', (r) => r.region_id],
  ['quantity', 'double precision', (r) => r.quantity],
  ['unit_price_minor', 'bigint', (r) => r.unit_price_minor],
  ['discount_minor', 'bigint', (r) => r.discount_minor],
  ['amount_minor', 'bigint', (r) => r.amount_minor],
  ['campaign_code', 'text', (r) => r.campaign_code],
];
/** A new customer as the sink writes it, from the first line that names it. */
const CUSTOMER_COLUMNS = (regions: Map<string, number>): readonly BulkColumn<SalesRecord>[] => [
  ['code', 'text', (r) => r.customer],
  ['name', 'text', (r) => r.customerName ?? r.customer],
  ['customer_type', 'text', (r) => r.customerType],
  ['age_band', 'text', (r) => r.ageBand],
  ['member_tier', 'text', (r) => r.memberTier],
  [
    'region_id',
    'integer',
    (r) => (r.customerRegion === null ? null : (regions.get(r.customerRegion) ?? null)),
  ],
  ['first_seen_on', 'text', (r) => r.saleDate],
];
const codeArray = (codes: readonly string[]) => arrayLiteral(arrayView(codes), (c) => c, true);
/** Lines per statement: one array per column, so the count is not bound by the parameter limit. */
const LINES_PER_INSERT = 5000;

/**
 * The portable import sink (PostgreSQL): lines as one array per column (bulk-insert.ts) with ON
 * CONFLICT DO NOTHING RETURNING, inside the store's transaction; dimensions found or created in bulk
 * per batch.
 */
export function createKyselySink(
  trx: Kysely<Database>,
  meta: ImportMeta,
  tenantId: number,
  importSeq: number,
): RollupSink {
  const company = meta.companyId;
  const writeRollups = kyselyRollupWriter(trx, tenantId);
  const writeOrders = kyselyOrderWriter(trx, tenantId, importSeq);
  /** Created at the first batch, once it is known whether the company had lines before. */
  let rolled: LineRollups | null = null;
  const cache = new Map<NamedTable | 'customers', Map<string, number>>();
  const keyer = new SalesLineKeyer();
  const responseKeys = new ResponseKeyer();

  async function load(table: NamedTable): Promise<Map<string, number>> {
    let m = cache.get(table);
    if (!m) {
      const rows = await trx
        .selectFrom(table)
        .select(['id', 'name'])
        .where('company_id', '=', company)
        .execute();
      m = new Map(rows.map((r) => [r.name, Number(r.id)]));
      cache.set(table, m);
    }
    return m;
  }

  /**
   * The ids of the names `pick` finds in `items`, the names not known yet created first (one round
   * trip when there are any, none otherwise).
   */
  async function ensure<T>(
    table: NamedTable,
    items: readonly T[],
    pick: (item: T) => string | null,
    categoryOf?: (name: string) => number | null,
  ) {
    const m = await load(table);
    let missing: Set<string> | null = null;
    for (const item of items) {
      const n = pick(item);
      if (n === null || m.has(n)) continue;
      missing ??= new Set();
      missing.add(n);
    }
    if (missing === null) return m;
    const names = [...missing];
    const values = names.map((name) =>
      table === 'products'
        ? { company_id: company, name, category_id: categoryOf?.(name) ?? null }
        : { company_id: company, name },
    );
    await trx
      .insertInto(table)
      .values(values as Insertable<Database['regions']>[])
      .onConflict((oc) => oc.columns(['company_id', 'name']).doNothing())
      .execute();
    const rows = await trx
      .selectFrom(table)
      .select(['id', 'name'])
      .where('company_id', '=', company)
      .where('name', 'in', names)
      .execute();
    for (const r of rows) m.set(r.name, Number(r.id));
    return m;
  }

  async function ensureCustomers(records: readonly SalesRecord[]) {
    let m = cache.get('customers');
    if (!m) {
      const rows = await trx
        .selectFrom('customers')
        .select(['id', 'code'])
        .where('company_id', '=', company)
        .execute();
      m = new Map(rows.map((r) => [r.code, Number(r.id)]));
      cache.set('customers', m);
    }
    const firstByCode = new Map<string, SalesRecord>();
    for (const r of records)
      if (r.customer !== null && !m.has(r.customer) && !firstByCode.has(r.customer))
        firstByCode.set(r.customer, r);
    if (firstByCode.size === 0) return m;
    const firsts = [...firstByCode.values()];
    const regions = await ensure('regions', firsts, (r) => r.customerRegion);
    const codes = [...firstByCode.keys()];
    // One round trip: the customers this statement adds, and those that were there (a row of another
    // import of the company, found by the conflict). Both halves read the snapshot the statement
    // started with; a customer committed by another transaction in between is looked up after.
    const insert = unnestInsert<SalesRecord>(
      'customers',
      [['company_id', 'text', company]],
      CUSTOMER_COLUMNS(regions),
      arrayView(firsts),
      sql`ON CONFLICT (company_id, code) DO NOTHING RETURNING id, code`,
    );
    const { rows } = await sql<{ id: unknown; code: string }>`WITH added AS (${insert})
      SELECT id, code FROM added
      UNION ALL SELECT id, code FROM customers WHERE company_id = ${company} AND code = ANY(${codeArray(codes)}::text[])`.execute(
      trx,
    );
    for (const r of rows) m.set(r.code, Number(r.id));
    const late = codes.filter((c) => !m.has(c));
    if (late.length > 0) {
      const found = await trx
        .selectFrom('customers')
        .select(['id', 'code'])
        .where('company_id', '=', company)
        .where('code', 'in', late)
        .execute();
      for (const r of found) m.set(r.code, Number(r.id));
    }
    return m;
  }

  const idOf = (m: Map<string, number>, name: string | null) =>
    name === null ? null : (m.get(name) ?? null);

  /** A batch's lines, their roll-up input, and the inserts that write them (in flight). */
  interface SentBatch {
    rows: LineRow[];
    lines: RollupLine[];
    /** Lines whose order id and line number an earlier line of the file has: never added, not duplicates. */
    repeatedKeys: number;
    inserts: Promise<{ id: unknown; order_id: string; line_no: unknown }[]>[];
  }

  /**
   * Finds or creates the batch's dimensions, then hands its line inserts to the connection (in file
   * order, after the batch before); does not wait for them.
   */
  async function sendSales(records: readonly SalesRecord[]): Promise<SentBatch> {
    const categories = await ensure('product_categories', records, (r) => r.category);
    let categoryByProduct: Map<string, number | null> | null = null;
    const products = await ensure(
      'products',
      records,
      (r) => r.product,
      (n) => {
        categoryByProduct ??= new Map(
          records.map((r) => [r.product, r.category === null ? null : (categories.get(r.category) ?? null)]),
        );
        return categoryByProduct.get(n) ?? null;
      },
    );
    const channels = await ensure('channels', records, (r) => r.channel);
    const reps = await ensure('sales_reps', records, (r) => r.rep);
    const regions = await ensure('regions', records, (r) => r.region);
    const customers = await ensureCustomers(records);
    if (rolled === null) {
      const prior = await trx
        .selectFrom('sales_lines')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .limit(1)
        .executeTakeFirst();
      rolled = new LineRollups(prior !== undefined);
    }
    const lines: RollupLine[] = [];
    const repeatedBefore = keyer.repeatedKeys.count;
    const rows: LineRow[] = records.map((r) => {
      const { orderId, lineNo } = keyer.key(r);
      const line: RollupLine = {
        saleDate: r.saleDate,
        productId: idOf(products, r.product) as number,
        customerId: idOf(customers, r.customer),
        channelId: idOf(channels, r.channel),
        repId: idOf(reps, r.rep),
        regionId: idOf(regions, r.region),
        quantity: r.quantity,
        amountMinor: r.amountMinor,
        hasCampaign: r.campaignCode !== null && r.campaignCode !== '',
      };
      lines.push(line);
      return {
        order_id: orderId,
        line_no: lineNo,
        sold_at: r.soldAt,
        sale_date: r.saleDate,
        product_id: line.productId,
        customer_id: line.customerId,
        channel_id: line.channelId,
        rep_id: line.repId,
        region_id: line.regionId,
        quantity: r.quantity,
        unit_price_minor: unitPriceMinor(r),
        discount_minor: r.discountMinor,
        amount_minor: r.amountMinor,
        campaign_code: r.campaignCode,
      };
    });
    const inserts: SentBatch['inserts'] = [];
    for (let i = 0; i < rows.length; i += LINES_PER_INSERT) {
      // Built now (the arrays are written as the statement is made), run after the insert before.
      const insert = unnestInsert<LineRow, { id: unknown; order_id: string; line_no: unknown }>(
        'sales_lines',
        [
          ['tenant_id', 'integer', tenantId],
          ['currency', 'text', meta.currency],
          ['import_seq', 'bigint', importSeq],
        ],
        LINE_COLUMNS,
        arrayView(rows.slice(i, i + LINES_PER_INSERT)),
        sql`ON CONFLICT (tenant_id, order_id, line_no) DO NOTHING RETURNING id, order_id, line_no`,
      );
      const done = lineInserts.then(async () => (await insert.execute(trx)).rows);
      // A failed insert fails the batch that waits for it; the chain only orders the inserts.
      lineInserts = done.catch(() => undefined);
      done.catch(() => undefined);
      inserts.push(done);
    }
    return { rows, lines, inserts, repeatedKeys: keyer.repeatedKeys.count - repeatedBefore };
  }

  /**
   * Feeds the lines the batch's inserts added (not the duplicates they skipped) to the roll-ups, in
   * file order, writing the roll-ups held when the accumulator is full (or, while the lines come day
   * after day, every rollingCells() cells: those days are done with).
   */
  async function rollSales(batch: SentBatch): Promise<BatchResult> {
    try {
      return await rollInserted(batch);
    } catch (e) {
      // Every statement this batch queued ends before its failure goes on, so that the store's
      // rollback comes after them on the connection, never before.
      await Promise.allSettled(batch.inserts);
      throw e;
    }
  }

  async function rollInserted(batch: SentBatch): Promise<BatchResult> {
    const roll = rolled as LineRollups;
    let added = 0;
    for (let c = 0; c < batch.inserts.length; c++) {
      const inserted = await (batch.inserts[c] as SentBatch['inserts'][number]);
      // The statements queued behind this insert are handed to the server first (a few microtasks
      // away), so that it works while the lines are rolled up here.
      await new Promise(setImmediate);
      added += inserted.length;
      const from = c * LINES_PER_INSERT;
      const to = Math.min(batch.rows.length, from + LINES_PER_INSERT);
      // Which lines were added, with their row ids: RETURNING gives the rows as the insert took them
      // (unnest's order), so when every line was added, row j is line j (checked, line by line);
      // otherwise they are matched by order id and line number.
      let inOrder = inserted.length === to - from;
      for (let j = 0; inOrder && j < inserted.length; j++) {
        const k = inserted[j] as (typeof inserted)[number];
        const row = batch.rows[from + j] as LineRow;
        inOrder = k.order_id === row.order_id && Number(k.line_no) === row.line_no;
      }
      const keys = inOrder
        ? null
        : new Map(inserted.map((k) => [`${k.order_id}\u0000${Number(k.line_no)}`, Number(k.id)]));
      for (let j = from; j < to; j++) {
        const row = batch.rows[j] as LineRow;
        let rowid: number | undefined;
        if (keys === null) rowid = Number((inserted[j - from] as (typeof inserted)[number]).id);
        else {
          const key = `${row.order_id}\u0000${row.line_no}`;
          rowid = keys.get(key);
          if (rowid === undefined) continue;
          keys.delete(key);
        }
        roll.add(batch.lines[j] as RollupLine, row.order_id, rowid);
      }
      if (roll.rollupsDue) await writeRollups(roll.rollups.drain());
      if (roll.ordersDue) await writeOrders.flush(roll.orders);
    }
    return { added, duplicates: batch.rows.length - added - batch.repeatedKeys } satisfies BatchResult;
  }

  /**
   * A batch of sales lines goes through two turns. The sending turn (dimensions, then the line inserts
   * handed to the connection) is left as soon as the inserts are queued, so the next batch is checked
   * and built while the server writes this one; the rolling turn takes the batches' results in file
   * order. The connection runs one statement at a time (Kysely's transaction): the next batch's
   * dimension look-up waits behind this batch's inserts, but the JavaScript around it does not.
   */
  let lineInserts: Promise<unknown> = Promise.resolve();
  let sending: Promise<unknown> = Promise.resolve();
  let rolling: Promise<unknown> = Promise.resolve();
  function writeSales(records: readonly SalesRecord[]): Promise<BatchResult> {
    if (records.length === 0) return Promise.resolve({ added: 0, duplicates: 0 });
    const sent = sending.then(() => sendSales(records));
    sending = sent.catch(() => undefined);
    const done = rolling.then(async () => rollSales(await sent));
    rolling = done.catch(() => undefined);
    return done;
  }

  // Other writes run one at a time, after the sales batches handed over before them (a write after a
  // failed one fails too: the transaction is aborted; the import reports the first failure).
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const done = rolling.then(work);
    rolling = done.catch(() => undefined);
    return done;
  };

  return {
    pipeline: 2,
    writeSales,
    repeats: () => (meta.kind === 'satisfaction' ? responseKeys.repeats() : keyer.repeats()),
    async complete() {
      await rolling;
      if (rolled === null) return;
      await writeRollups(rolled.rollups.drain());
      await writeOrders.resolve(rolled.orders);
    },
    writeMarketing: (records) =>
      inTurn(async () => {
        if (records.length === 0) return { added: 0, duplicates: 0 };
        const channels = await ensure('channels', records, (r) => r.channel);
        const inserted = await trx
          .insertInto('marketing_daily')
          .values(
            records.map((r) => ({
              company_id: company,
              day: r.day,
              channel_id: idOf(channels, r.channel) as number,
              campaign: r.campaign,
              impressions: r.impressions,
              visits: r.visits,
              leads: r.leads,
              opportunities: r.opportunities,
              spend_minor: r.spendMinor,
              currency: meta.currency,
              import_id: meta.id,
            })),
          )
          .onConflict((oc) => oc.columns(['company_id', 'day', 'channel_id', 'campaign']).doNothing())
          .returning('id')
          .execute();
        return { added: inserted.length, duplicates: records.length - inserted.length };
      }),
    writeSatisfaction: (batch) =>
      inTurn(async () => {
        // A response repeating an earlier line of the file is not written (told by `repeats`).
        const keyed = batch.flatMap((r) => {
          const key = responseKeys.key(r);
          return key === null ? [] : [{ r, key }];
        });
        const records = keyed.map((k) => k.r);
        if (records.length === 0) return { added: 0, duplicates: 0 };
        const channels = await ensure('channels', records, (r) => r.channel);
        const codes = [...new Set(records.map((r) => r.customer).filter((c): c is string => c !== null))];
        const known = codes.length
          ? await trx
              .selectFrom('customers')
              .select(['id', 'code'])
              .where('company_id', '=', company)
              .where('code', 'in', codes)
              .execute()
          : [];
        const customers = new Map(known.map((k) => [k.code, Number(k.id)]));
        const inserted = await trx
          .insertInto('satisfaction_responses')
          .values(
            keyed.map(({ r, key }) => ({
              company_id: company,
              response_key: key,
              responded_on: r.respondedOn,
              customer_id: idOf(customers, r.customer),
              channel_id: idOf(channels, r.channel),
              csat: r.csat,
              nps: r.nps,
              comment: r.comment,
              import_id: meta.id,
            })),
          )
          .onConflict((oc) => oc.columns(['company_id', 'response_key']).doNothing())
          .returning('id')
          .execute();
        return { added: inserted.length, duplicates: records.length - inserted.length };
      }),
    recordProblems: (problems) =>
      inTurn(async () => {
        for (let i = 0; i < problems.length; i += 1000) {
          await trx
            .insertInto('import_errors')
            .values(
              problems.slice(i, i + 1000).map((p) => ({
                company_id: company,
                import_id: meta.id,
                line: p.line,
                column_name: p.column,
                code: p.code,
                value: p.value,
              })),
            )
            .execute();
        }
      }),
  };
}
