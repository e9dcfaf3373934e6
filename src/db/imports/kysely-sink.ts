import { type Insertable, type Kysely, sql } from 'kysely';
import type { BatchResult, ImportMeta, ImportSink } from '../../app/import/ports.ts';
import type { SalesRecord } from '../../core/ingest/records.ts';
import { type BulkColumn, unnestInsert } from '../bulk-insert.ts';
import { OrderTracker } from '../kpi/order-rollup.ts';
import { arrayView, RollupAccumulator, type RollupLine } from '../kpi/rollup-accumulator.ts';
import { kyselyOrderWriter, kyselyRollupWriter } from '../kpi/rollup-writers.ts';
import type { Database } from '../schema/index.ts';
import { contentKey, SalesLineKeyer, unitPriceMinor } from './line-keys.ts';

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
  const rollups = new RollupAccumulator();
  const writeRollups = kyselyRollupWriter(trx, tenantId);
  const writeOrders = kyselyOrderWriter(trx, tenantId, importSeq);
  /** Created at the first batch, once it is known whether the company had lines before. */
  let orders: OrderTracker | null = null;
  const cache = new Map<NamedTable | 'customers', Map<string, number>>();
  const keyer = new SalesLineKeyer();

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

  async function ensure(
    table: NamedTable,
    names: Iterable<string | null>,
    categoryOf?: (name: string) => number | null,
  ) {
    const m = await load(table);
    const missing = [...new Set([...names].filter((n): n is string => n !== null && !m.has(n)))];
    if (missing.length === 0) return m;
    const values = missing.map((name) =>
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
      .where('name', 'in', missing)
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
    const regions = await ensure(
      'regions',
      [...firstByCode.values()].map((r) => r.customerRegion),
    );
    await trx
      .insertInto('customers')
      .values(
        [...firstByCode.values()].map((r) => ({
          company_id: company,
          code: r.customer as string,
          name: r.customerName ?? (r.customer as string),
          customer_type: r.customerType,
          age_band: r.ageBand,
          member_tier: r.memberTier,
          region_id: r.customerRegion === null ? null : (regions.get(r.customerRegion) ?? null),
          first_seen_on: r.saleDate,
        })),
      )
      .onConflict((oc) => oc.columns(['company_id', 'code']).doNothing())
      .execute();
    const rows = await trx
      .selectFrom('customers')
      .select(['id', 'code'])
      .where('company_id', '=', company)
      .where('code', 'in', [...firstByCode.keys()])
      .execute();
    for (const r of rows) m.set(r.code, Number(r.id));
    return m;
  }

  const idOf = (m: Map<string, number>, name: string | null) =>
    name === null ? null : (m.get(name) ?? null);

  async function writeSales(records: readonly SalesRecord[]): Promise<BatchResult> {
    if (records.length === 0) return { added: 0, duplicates: 0 };
    const categories = await ensure(
      'product_categories',
      records.map((r) => r.category),
    );
    const categoryByProduct = new Map(
      records.map((r) => [r.product, r.category === null ? null : (categories.get(r.category) ?? null)]),
    );
    const products = await ensure(
      'products',
      records.map((r) => r.product),
      (n) => categoryByProduct.get(n) ?? null,
    );
    const channels = await ensure(
      'channels',
      records.map((r) => r.channel),
    );
    const reps = await ensure(
      'sales_reps',
      records.map((r) => r.rep),
    );
    const regions = await ensure(
      'regions',
      records.map((r) => r.region),
    );
    const customers = await ensureCustomers(records);
    if (orders === null) {
      const prior = await trx
        .selectFrom('sales_lines')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .limit(1)
        .executeTakeFirst();
      orders = new OrderTracker(prior !== undefined, rollups);
    }
    const tracker = orders;
    const lines: RollupLine[] = [];
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
    let added = 0;
    for (let i = 0; i < rows.length; i += LINES_PER_INSERT) {
      const chunk = rows.slice(i, i + LINES_PER_INSERT);
      const { rows: inserted } = await unnestInsert<
        LineRow,
        { id: unknown; order_id: string; line_no: unknown }
      >(
        'sales_lines',
        [
          ['tenant_id', 'integer', tenantId],
          ['currency', 'text', meta.currency],
          ['import_seq', 'bigint', importSeq],
        ],
        LINE_COLUMNS,
        arrayView(chunk),
        sql`ON CONFLICT (tenant_id, order_id, line_no) DO NOTHING RETURNING id, order_id, line_no`,
      ).execute(trx);
      added += inserted.length;
      // The lines this insert added (not the duplicates it skipped) go to the roll-ups.
      const keys = new Map(inserted.map((k) => [`${k.order_id}\u0000${Number(k.line_no)}`, Number(k.id)]));
      chunk.forEach((row, j) => {
        const key = `${row.order_id}\u0000${row.line_no}`;
        const rowid = keys.get(key);
        if (rowid === undefined) return;
        keys.delete(key);
        const line = lines[i + j] as RollupLine;
        rollups.add(line);
        tracker.add({
          orderId: row.order_id,
          productId: line.productId,
          rowid,
          saleDate: line.saleDate,
          channelId: line.channelId,
          repId: line.repId,
          regionId: line.regionId,
          customerId: line.customerId,
        });
      });
      if (rollups.full) await writeRollups(rollups.drain());
      if (tracker.full) await writeOrders.flush(tracker);
    }
    return { added, duplicates: records.length - added } satisfies BatchResult;
  }

  // Writes run one at a time, in the order they are handed over (the roll-ups and the order tracker
  // follow the lines as the file has them), while the reader prepares the next batch (pipeline 2):
  // reading and checking a batch overlaps the server's work on the one before. A write after a
  // failed one fails too (the transaction is aborted); the import reports the first failure.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const done = turn.then(work);
    turn = done.catch(() => undefined);
    return done;
  };

  return {
    pipeline: 2,
    writeSales: (records) => inTurn(() => writeSales(records)),
    async complete() {
      await turn;
      await writeRollups(rollups.drain());
      if (orders !== null) await writeOrders.resolve(orders);
    },
    writeMarketing: (records) =>
      inTurn(async () => {
        if (records.length === 0) return { added: 0, duplicates: 0 };
        const channels = await ensure(
          'channels',
          records.map((r) => r.channel),
        );
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
    writeSatisfaction: (records) =>
      inTurn(async () => {
        if (records.length === 0) return { added: 0, duplicates: 0 };
        const channels = await ensure(
          'channels',
          records.map((r) => r.channel),
        );
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
            records.map((r) => ({
              company_id: company,
              response_key:
                r.responseId ?? contentKey([r.respondedOn, r.customer, r.channel, r.csat, r.nps, r.comment]),
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
