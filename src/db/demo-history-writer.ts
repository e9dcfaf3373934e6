import type { Insertable, Kysely } from 'kysely';
import type { DemoExtras, DemoHistoryWriter } from '../app/demo/seed-demo-company.ts';
import type { DemoCatalog, DemoSalesLine } from '../core/demo/index.ts';
import type { PacerDatabase } from './connect.ts';
import { rebuildAllRollups } from './kpi/refresh-sales-rollups.ts';
import { vacuumKpiTables } from './kpi/table-upkeep.ts';
import type { Database } from './schema/index.ts';
import { ensureTenant } from './tenants.ts';

type Ids = Map<string, number>;
interface DimensionIds {
  products: Ids;
  channels: Ids;
  regions: Ids;
  reps: Ids;
  customers: Ids;
}

const CHUNK = 500;

/** Bulk writer of the demo history: one transaction, batched inserts, progress every chunk. */
export function createDemoHistoryWriter(database: PacerDatabase): DemoHistoryWriter {
  const { db } = database;
  return {
    async hasAnyCompany() {
      return (await db.selectFrom('companies').select('id').limit(1).executeTakeFirst()) !== undefined;
    },
    async writeHistory(companyId, catalog, lines, onProgress, extras) {
      const count = await db.transaction().execute(async (trx) => {
        const ids = await insertCatalog(trx, companyId, catalog);
        const tenantId = await ensureTenant(trx, companyId);
        let written = 0;
        let batch: Insertable<Database['sales_lines']>[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          await trx.insertInto('sales_lines').values(batch).execute();
          written += batch.length;
          batch = [];
          onProgress(written);
        };
        for (const line of lines) {
          batch.push(toRow(tenantId, line, ids));
          if (batch.length >= CHUNK) await flush();
        }
        await flush();
        await insertExtras(trx, companyId, ids, extras());
        await rebuildAllRollups(trx, companyId);
        return written;
      });
      await vacuumKpiTables(db, true);
      return count;
    },
  };
}

function idOf(map: Ids, key: string | null, what: string): number | null {
  if (key === null) return null;
  const id = map.get(key);
  if (id === undefined) throw new Error(`demo history references an unknown ${what}: ${key}`);
  return id;
}

function toRow(tenantId: number, l: DemoSalesLine, ids: DimensionIds): Insertable<Database['sales_lines']> {
  return {
    tenant_id: tenantId,
    order_id: l.orderId,
    line_no: l.lineNo,
    sold_at: l.soldAt,
    sale_date: l.saleDate,
    product_id: idOf(ids.products, l.product, 'product') as number,
    customer_id: idOf(ids.customers, l.customer, 'customer'),
    channel_id: idOf(ids.channels, l.channel, 'channel'),
    rep_id: idOf(ids.reps, l.rep, 'sales rep'),
    region_id: idOf(ids.regions, l.region, 'region'),
    quantity: l.quantity,
    unit_price_minor: l.unitPriceMinor,
    discount_minor: l.discountMinor,
    amount_minor: l.amountMinor,
    currency: l.currency,
    campaign_code: l.campaignCode,
    import_seq: null,
  };
}

async function insertNamed(
  trx: Kysely<Database>,
  table: 'product_categories' | 'regions',
  companyId: string,
  names: readonly string[],
): Promise<Ids> {
  const rows = await trx
    .insertInto(table)
    .values(names.map((name) => ({ company_id: companyId, name })))
    .returning(['id', 'name'])
    .execute();
  return new Map(rows.map((r) => [r.name, Number(r.id)]));
}

async function insertCatalog(
  trx: Kysely<Database>,
  companyId: string,
  c: DemoCatalog,
): Promise<DimensionIds> {
  const categories = await insertNamed(
    trx,
    'product_categories',
    companyId,
    c.categories.map((x) => x.name),
  );
  const regions = await insertNamed(
    trx,
    'regions',
    companyId,
    c.regions.map((x) => x.name),
  );
  const products = await trx
    .insertInto('products')
    .values(
      c.products.map((p) => ({
        company_id: companyId,
        name: p.name,
        category_id: categories.get(p.category) ?? null,
        sku: p.sku,
        list_price_minor: p.listPriceMinor,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const channels = await trx
    .insertInto('channels')
    .values(c.channels.map((ch) => ({ company_id: companyId, name: ch.name, kind: ch.kind })))
    .returning(['id', 'name'])
    .execute();
  const reps = await trx
    .insertInto('sales_reps')
    .values(
      c.salesReps.map((r) => ({
        company_id: companyId,
        name: r.name,
        user_id: null,
        active_from: r.activeFrom,
        active_to: r.activeTo,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const customers: Ids = new Map();
  for (let i = 0; i < c.customers.length; i += CHUNK) {
    const rows = await trx
      .insertInto('customers')
      .values(
        c.customers.slice(i, i + CHUNK).map((cu) => ({
          company_id: companyId,
          code: cu.code,
          name: cu.name,
          customer_type: cu.customerType,
          age_band: cu.ageBand,
          member_tier: cu.memberTier,
          region_id: regions.get(cu.region) ?? null,
          first_seen_on: cu.firstSeenOn,
        })),
      )
      .returning(['id', 'code'])
      .execute();
    for (const r of rows) customers.set(r.code, Number(r.id));
  }
  return {
    products: new Map(products.map((r) => [r.name, Number(r.id)])),
    channels: new Map(channels.map((r) => [r.name, Number(r.id)])),
    regions,
    reps: new Map(reps.map((r) => [r.name, Number(r.id)])),
    customers,
  };
}

/** The demo's marketing figures and survey answers (derived from its sales), in chunks. */
async function insertExtras(
  trx: Kysely<Database>,
  companyId: string,
  ids: DimensionIds,
  extras: DemoExtras,
): Promise<void> {
  for (let i = 0; i < extras.marketing.length; i += CHUNK) {
    await trx
      .insertInto('marketing_daily')
      .values(
        extras.marketing.slice(i, i + CHUNK).map((m) => ({
          company_id: companyId,
          day: m.day,
          channel_id: idOf(ids.channels, m.channel, 'channel') as number,
          campaign: m.campaign,
          impressions: m.impressions,
          visits: m.visits,
          leads: m.leads,
          opportunities: m.opportunities,
          spend_minor: m.spendMinor,
          currency: 'TWD',
          import_id: null,
        })),
      )
      .execute();
  }
  for (let i = 0; i < extras.satisfaction.length; i += CHUNK) {
    await trx
      .insertInto('satisfaction_responses')
      .values(
        extras.satisfaction.slice(i, i + CHUNK).map((r) => ({
          company_id: companyId,
          response_key: r.responseId,
          responded_on: r.day,
          customer_id: idOf(ids.customers, r.customer, 'customer'),
          channel_id: idOf(ids.channels, r.channel, 'channel'),
          csat: r.csat,
          nps: r.nps,
          comment: r.comment,
          import_id: null,
        })),
      )
      .execute();
  }
}
