import fc from 'fast-check';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeKpi } from '../../src/app/kpi/compute-kpi.ts';
import { addDays, type DateRange, daysBetween } from '../../src/core/calendar/periods.ts';
import { KPI_AGGREGATION } from '../../src/core/kpi/aggregation.ts';
import {
  type Bucket,
  comparisonBuckets,
  planBuckets,
  previousRanges,
  wholeRangeBucket,
} from '../../src/core/kpi/assemble.ts';
import { KPI_GLOSSARY } from '../../src/core/kpi/glossary.ts';
import {
  type Dimension,
  KPI_METRICS,
  type KpiMetric,
  type KpiPoint,
  type KpiQuery,
} from '../../src/core/kpi/types.ts';
import { rebuildAllRollups, refreshSalesRollups } from '../../src/db/kpi/refresh-sales-rollups.ts';
import type { Database } from '../../src/db/schema/index.ts';
import { ensureTenant, tenantOf } from '../../src/db/tenants.ts';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';

/**
 * The KPI engine against a direct SQL recomputation from the raw tables, for random data, scopes,
 * grains and breakdowns, on every dialect; and the KPI routes through inject().
 */

const NAMES = {
  category: ['咖啡', '甜點'],
  product: ['拿鐵', '美式', '蛋糕', '餅乾'],
  channel: ['門市', '線上商店', '外送平台'],
  rep: ['阿明', '小美', 'Ken'],
  region: ['台北', '新北'],
  customer_type: ['member', 'business'],
  age_band: ['18-24', '25-34', '35-44'],
  member_tier: ['一般', '金卡'],
} as const satisfies Record<Dimension, readonly string[]>;
const CUSTOMERS = 8;
const FIRST_DAY = '2025-01-01';
const DAYS = 540;
const SETTINGS = { fiscalYearStartMonth: 4, currency: 'TWD' };

interface Ids {
  products: number[];
  channels: number[];
  reps: number[];
  regions: number[];
  customers: number[];
}

async function seedDimensions(db: Kysely<Database>, companyId: string): Promise<Ids> {
  const named = async (
    table: 'product_categories' | 'channels' | 'sales_reps' | 'regions',
    names: readonly string[],
  ) =>
    (
      await db
        .insertInto(table)
        .values(names.map((name) => ({ company_id: companyId, name })))
        .returning('id')
        .execute()
    ).map((r) => Number(r.id));
  const categories = await named('product_categories', NAMES.category);
  const products = (
    await db
      .insertInto('products')
      .values(
        NAMES.product.map((name, i) => ({
          company_id: companyId,
          name,
          category_id: i < 2 ? (categories[0] ?? null) : (categories[1] ?? null),
          sku: null,
          list_price_minor: null,
        })),
      )
      .returning('id')
      .execute()
  ).map((r) => Number(r.id));
  const channels = await named('channels', NAMES.channel);
  const reps = await named('sales_reps', NAMES.rep);
  const regions = await named('regions', NAMES.region);
  const customers = (
    await db
      .insertInto('customers')
      .values(
        Array.from({ length: CUSTOMERS }, (_, i) => ({
          company_id: companyId,
          code: `C${i}`,
          name: `客戶${i}`,
          customer_type: i % 5 === 4 ? null : (NAMES.customer_type[i % 2] ?? null),
          age_band: NAMES.age_band[i % 3] ?? null,
          member_tier: i % 3 === 2 ? null : (NAMES.member_tier[i % 2] ?? null),
          region_id: regions[i % 2] ?? null,
          first_seen_on: null,
        })),
      )
      .returning('id')
      .execute()
  ).map((r) => Number(r.id));
  // The market analysis's yearly sizes: market share reads each year's SAM, else its TAM, in the
  // company's currency (a SOM, and a size in another currency, are never read).
  const size = (position: number, kind: string, year: number, amount: number, currency = 'TWD') => ({
    company_id: companyId,
    position,
    kind,
    year,
    amount_minor: amount,
    currency,
    source: 'test',
  });
  await db
    .insertInto('market_sizes')
    .values([
      size(0, 'TAM', 2025, 365_000_000),
      size(1, 'SAM', 2025, 36_500_000),
      size(2, 'SOM', 2025, 3_650_000),
      size(3, 'TAM', 2026, 36_000_000),
      size(4, 'SAM', 2026, 100, 'USD'),
    ])
    .execute();
  return { products, channels, reps, regions, customers };
}

const pick = <T>(list: readonly T[], i: number | null): T | null =>
  i === null ? null : (list[i % list.length] ?? null);

const lineArb = fc.record({
  day: fc.integer({ min: 0, max: DAYS - 1 }),
  order: fc.integer({ min: 0, max: 40 }),
  product: fc.integer({ min: 0, max: 3 }),
  customer: fc.option(fc.integer({ min: 0, max: CUSTOMERS - 1 }), { nil: null, freq: 4 }),
  channel: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null, freq: 6 }),
  rep: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null, freq: 4 }),
  region: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null, freq: 6 }),
  // Sometimes a return (a negative quantity): an order of returns alone is no order, its customer no
  // buying customer; its amount nets in revenue.
  quantity: fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 6 }), weight: 5 },
    { arbitrary: fc.integer({ min: -2, max: -1 }), weight: 1 },
  ),
  price: fc.integer({ min: 100, max: 90_000 }),
  campaign: fc.boolean(),
});
type Line = typeof lineArb extends fc.Arbitrary<infer T> ? T : never;

const marketingArb = fc.uniqueArray(
  fc.record({
    day: fc.integer({ min: 0, max: DAYS - 1 }),
    channel: fc.integer({ min: 0, max: 2 }),
    visits: fc.integer({ min: 0, max: 500 }),
    leads: fc.integer({ min: 0, max: 50 }),
    spend: fc.integer({ min: 0, max: 2_000_000 }),
  }),
  { selector: (m) => `${m.day}/${m.channel}`, maxLength: 40 },
);
const responseArb = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: DAYS - 1 }),
    customer: fc.option(fc.integer({ min: 0, max: CUSTOMERS - 1 }), { nil: null }),
    channel: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
    csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  }),
  { maxLength: 40 },
);

/** A random question shape (range, grain, breakdown, filters), made concrete for any metric. */
const queryArb = fc
  .record({
    start: fc.integer({ min: 0, max: DAYS - 1 }),
    length: fc.integer({ min: 0, max: 420 }),
    grain: fc.constantFrom('day', 'week', 'month', 'quarter', 'fiscal_year', 'total' as const),
    byIndex: fc.integer({ min: -3, max: 7 }),
    filters: fc.array(
      fc.record({
        dim: fc.integer({ min: 0, max: 7 }),
        names: fc.array(fc.nat(3), { minLength: 1, maxLength: 2 }),
      }),
      {
        maxLength: 2,
      },
    ),
  })
  .map((r) => (metric: KpiMetric): KpiQuery => {
    const allowed = KPI_GLOSSARY[metric].dimensions;
    const from = addDays(FIRST_DAY, r.start);
    const length = r.grain === 'day' ? Math.min(r.length, 60) : r.length;
    const by = r.byIndex >= 0 ? allowed[r.byIndex % allowed.length] : undefined;
    const where: Partial<Record<Dimension, string[]>> = {};
    for (const f of r.filters) {
      const dim = allowed[f.dim % allowed.length];
      if (!dim) continue;
      where[dim] = [...new Set(f.names.map((n) => NAMES[dim][n % NAMES[dim].length] ?? 'none'))];
    }
    return {
      metric,
      from,
      to: addDays(from, length),
      grain: r.grain,
      ...(by ? { by } : {}),
      ...(Object.keys(where).length ? { where } : {}),
    } as KpiQuery;
  });

// ---------- the reference: direct SQL over the raw tables ----------

const LINE_KEY: Record<Dimension, string> = {
  product: 'p.name',
  category: 'pc.name',
  channel: 'ch.name',
  rep: 'r.name',
  region: 'rg.name',
  customer_type: 'cu.customer_type',
  age_band: 'cu.age_band',
  member_tier: 'cu.member_tier',
};
const RESPONSE_KEY: Partial<Record<Dimension, string>> = {
  channel: 'ch.name',
  region: 'rg.name',
  customer_type: 'cu.customer_type',
  age_band: 'cu.age_band',
  member_tier: 'cu.member_tier',
};
/** A sale line (not a return): orders and customers count where they have one. */
const SALE = sql`(l.quantity >= 0 AND l.amount_minor >= 0)`;
const LINES_FROM = sql`FROM sales_lines l JOIN products p ON p.id = l.product_id
  LEFT JOIN product_categories pc ON pc.id = p.category_id LEFT JOIN channels ch ON ch.id = l.channel_id
  LEFT JOIN sales_reps r ON r.id = l.rep_id LEFT JOIN regions rg ON rg.id = l.region_id
  LEFT JOIN customers cu ON cu.id = l.customer_id`;

type Values = Map<string | null, Record<string, number>>;

class Reference {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly companyId: string,
    private readonly q: KpiQuery,
  ) {}

  private filters(keys: Partial<Record<Dimension, string>>): RawBuilder<unknown> {
    const parts = Object.entries(this.q.where ?? {}).map(([dim, names]) => {
      const col = keys[dim as Dimension];
      if (!col) throw new Error(`no column for ${dim}`);
      return sql` AND ${sql.raw(col)} IN (${sql.join((names as string[]).map((n) => sql`${n}`))})`;
    });
    return sql.join(parts, sql``);
  }

  private key(keys: Partial<Record<Dimension, string>>): RawBuilder<unknown> {
    const col = this.q.by ? keys[this.q.by] : undefined;
    return col ? sql.raw(col) : sql`NULL`;
  }

  private lineWhere(range: DateRange): RawBuilder<unknown> {
    return sql`WHERE l.tenant_id = (SELECT id FROM tenants WHERE company_id = ${this.companyId}) AND l.sale_date BETWEEN ${range.start} AND ${range.end}${this.filters(LINE_KEY)}`;
  }

  private async rows(query: RawBuilder<{ k: string | null } & Record<string, unknown>>): Promise<Values> {
    const out: Values = new Map();
    for (const row of (await query.execute(this.db)).rows) {
      const values: Record<string, number> = {};
      for (const [name, v] of Object.entries(row))
        if (name !== 'k') values[name] = v === null ? 0 : Number(v);
      out.set(row.k ?? null, values);
    }
    return out;
  }

  sales(range: DateRange): Promise<Values> {
    return this.rows(sql<{ k: string | null }>`
      SELECT ${this.key(LINE_KEY)} AS k, SUM(l.amount_minor) AS rev, SUM(l.quantity) AS qty,
        COUNT(DISTINCT CASE WHEN ${SALE} THEN l.order_id END) AS orders,
        COUNT(DISTINCT CASE WHEN ${SALE} THEN l.customer_id END) AS customers,
        COUNT(DISTINCT CASE WHEN ${SALE} THEN l.rep_id END) AS reps,
        SUM(CASE WHEN l.campaign_code IS NOT NULL THEN l.amount_minor ELSE 0 END) AS camp,
        SUM(CASE WHEN l.customer_id IS NOT NULL THEN l.amount_minor ELSE 0 END) AS cust_rev,
        COUNT(DISTINCT CASE WHEN l.customer_id IS NOT NULL AND ${SALE} THEN l.order_id END) AS cust_orders
      ${LINES_FROM} ${this.lineWhere(range)} GROUP BY 1`);
  }

  repeaters(range: DateRange): Promise<Values> {
    return this.rows(sql<{ k: string | null }>`
      SELECT k, COUNT(*) AS n FROM (
        SELECT ${this.key(LINE_KEY)} AS k, l.customer_id AS c ${LINES_FROM} ${this.lineWhere(range)}
          AND l.customer_id IS NOT NULL AND ${SALE} GROUP BY 1, 2 HAVING COUNT(DISTINCT l.order_id) >= 2) t
      GROUP BY k`);
  }

  newCustomers(range: DateRange): Promise<Values> {
    return this.rows(sql<{ k: string | null }>`
      SELECT ${this.key(LINE_KEY)} AS k, COUNT(DISTINCT l.customer_id) AS n ${LINES_FROM} ${this.lineWhere(range)}
        AND ${SALE} AND (SELECT MIN(x.sale_date) FROM sales_lines x WHERE x.tenant_id = l.tenant_id
          AND x.customer_id = l.customer_id AND x.quantity >= 0 AND x.amount_minor >= 0)
          BETWEEN ${range.start} AND ${range.end}
      GROUP BY 1`);
  }

  async activeCustomers(range: DateRange): Promise<Map<string | null, Set<number>>> {
    const res = await sql<{ k: string | null; c: unknown }>`
      SELECT DISTINCT ${this.key(LINE_KEY)} AS k, l.customer_id AS c ${LINES_FROM} ${this.lineWhere(range)}
        AND l.customer_id IS NOT NULL AND ${SALE}`.execute(this.db);
    const out = new Map<string | null, Set<number>>();
    for (const r of res.rows) {
      const set = out.get(r.k ?? null) ?? new Set<number>();
      set.add(Number(r.c));
      out.set(r.k ?? null, set);
    }
    return out;
  }

  async newChannelRevenue(range: DateRange): Promise<Values> {
    const firsts = await sql<{ id: unknown; first: string }>`
      SELECT channel_id AS id, MIN(sale_date) AS first FROM sales_lines
      WHERE tenant_id = (SELECT id FROM tenants WHERE company_id = ${this.companyId}) AND channel_id IS NOT NULL
        AND quantity >= 0 AND amount_minor >= 0 GROUP BY channel_id`.execute(this.db);
    const after = addDays(range.end, 0);
    const yearBefore = `${Number(after.slice(0, 4)) - 1}${after.slice(4)}`;
    const limit = yearBefore.endsWith('02-29') ? `${yearBefore.slice(0, 8)}28` : yearBefore;
    const ids = firsts.rows.filter((f) => f.first > limit && f.first <= range.end).map((f) => Number(f.id));
    if (ids.length === 0) return new Map();
    return this.rows(sql<{ k: string | null }>`
      SELECT ${this.key(LINE_KEY)} AS k, SUM(l.amount_minor) AS rev ${LINES_FROM} ${this.lineWhere(range)}
        AND l.channel_id IN (${sql.join(ids.map((i) => sql`${i}`))}) GROUP BY 1`);
  }

  marketing(range: DateRange): Promise<Values> {
    return this.rows(sql<{ k: string | null }>`
      SELECT ${this.key({ channel: 'ch.name' })} AS k, SUM(m.visits) AS visits, SUM(m.leads) AS leads, SUM(m.spend_minor) AS spend
      FROM marketing_daily m LEFT JOIN channels ch ON ch.id = m.channel_id
      WHERE m.company_id = ${this.companyId} AND m.day BETWEEN ${range.start} AND ${range.end}${this.filters({ channel: 'ch.name' })}
      GROUP BY 1`);
  }

  satisfaction(range: DateRange): Promise<Values> {
    return this.rows(sql<{ k: string | null }>`
      SELECT ${this.key(RESPONSE_KEY)} AS k, COUNT(s.csat) AS cn, SUM(s.csat) AS cs, COUNT(s.nps) AS nn,
        SUM(CASE WHEN s.nps >= 9 THEN 1 ELSE 0 END) AS pro, SUM(CASE WHEN s.nps <= 6 THEN 1 ELSE 0 END) AS det
      FROM satisfaction_responses s LEFT JOIN channels ch ON ch.id = s.channel_id
        LEFT JOIN customers cu ON cu.id = s.customer_id LEFT JOIN regions rg ON rg.id = cu.region_id
      WHERE s.company_id = ${this.companyId} AND s.responded_on BETWEEN ${range.start} AND ${range.end}${this.filters(RESPONSE_KEY)}
      GROUP BY 1`);
  }

  async marketSize(range: DateRange): Promise<number> {
    const rows = await this.db
      .selectFrom('market_sizes')
      .selectAll()
      .where('company_id', '=', this.companyId)
      .where('currency', '=', 'TWD')
      .execute();
    const ofYear = new Map<number, number>();
    for (const kind of ['TAM', 'SAM'])
      for (const r of rows) if (r.kind === kind) ofYear.set(Number(r.year), Number(r.amount_minor));
    let total = 0;
    for (const [year, amount] of ofYear) {
      const [first, last] = [`${year}-01-01`, `${year}-12-31`];
      const start = first > range.start ? first : range.start;
      const end = last < range.end ? last : range.end;
      if (start <= end) total += (amount * daysBetween(start, end)) / daysBetween(first, last);
    }
    return total;
  }

  /** Every breakdown member's value in one bucket. */
  async bucket(
    metric: KpiMetric,
    bucket: Bucket,
    previous: DateRange,
  ): Promise<Map<string | null, number | null>> {
    const range = bucket.range;
    const out = new Map<string | null, number | null>();
    const div = (a: number, b: number) => (b === 0 ? null : a / b);
    const each = (values: Values, f: (v: Record<string, number>) => number | null) => {
      for (const [k, v] of values) out.set(k, f(v));
    };
    const get = (values: Values, k: string | null, name: string) => values.get(k)?.[name] ?? 0;
    const keysOf = (...maps: Map<string | null, unknown>[]) => new Set(maps.flatMap((m) => [...m.keys()]));
    switch (metric) {
      case 'revenue':
        each(await this.sales(range), (v) => v.rev ?? 0);
        break;
      case 'units':
        each(await this.sales(range), (v) => v.qty ?? 0);
        break;
      case 'orders':
        each(await this.sales(range), (v) => v.orders ?? 0);
        break;
      case 'customers':
        each(await this.sales(range), (v) => v.customers ?? 0);
        break;
      case 'aov':
        each(await this.sales(range), (v) => div(v.rev ?? 0, v.orders ?? 0));
        break;
      case 'revenue_per_rep':
        each(await this.sales(range), (v) => div(v.rev ?? 0, v.reps ?? 0));
        break;
      case 'new_customers':
        each(await this.newCustomers(range), (v) => v.n ?? 0);
        break;
      case 'new_channel_revenue':
        each(await this.newChannelRevenue(range), (v) => v.rev ?? 0);
        break;
      case 'leads':
        each(await this.marketing(range), (v) => v.leads ?? 0);
        break;
      case 'market_share': {
        const size = await this.marketSize(range);
        each(await this.sales(range), (v) => div(v.rev ?? 0, size));
        break;
      }
      case 'repeat_purchase_rate': {
        const sales = await this.sales(range);
        const rep = await this.repeaters(range);
        for (const k of keysOf(sales, rep)) out.set(k, div(get(rep, k, 'n'), get(sales, k, 'customers')));
        break;
      }
      case 'conversion_rate': {
        const sales = await this.sales(range);
        const m = await this.marketing(range);
        for (const k of keysOf(sales, m)) out.set(k, div(get(sales, k, 'orders'), get(m, k, 'visits')));
        break;
      }
      case 'roas': {
        const sales = await this.sales(range);
        const m = await this.marketing(range);
        for (const k of keysOf(sales, m)) out.set(k, div(get(sales, k, 'camp'), get(m, k, 'spend')));
        break;
      }
      case 'cac': {
        const n = await this.newCustomers(range);
        const m = await this.marketing(range);
        for (const k of keysOf(n, m)) out.set(k, div(get(m, k, 'spend'), get(n, k, 'n')));
        break;
      }
      case 'csat': {
        each(await this.satisfaction(range), (v) => div(v.cs ?? 0, v.cn ?? 0));
        break;
      }
      case 'nps': {
        each(await this.satisfaction(range), (v) => {
          const n = v.nn ?? 0;
          return n === 0 ? null : (((v.pro ?? 0) - (v.det ?? 0)) / n) * 100;
        });
        break;
      }
      case 'retention_rate':
      case 'churn_rate':
      case 'clv': {
        const before = await this.activeCustomers(previous);
        const now = await this.activeCustomers(range);
        const sales = metric === 'clv' ? await this.sales(range) : new Map();
        for (const k of keysOf(before, now, sales)) {
          const prev = before.get(k) ?? new Set<number>();
          const kept = [...prev].filter((c) => now.get(k)?.has(c)).length;
          const churn = div(prev.size - kept, prev.size);
          if (metric === 'retention_rate') out.set(k, div(kept, prev.size));
          else if (metric === 'churn_rate') out.set(k, churn);
          else {
            const customers = get(sales, k, 'customers');
            const orders = get(sales, k, 'cust_orders');
            out.set(
              k,
              customers === 0 || orders === 0 || churn === null || churn === 0
                ? null
                : (get(sales, k, 'cust_rev') / orders) * (orders / customers) * (1 / churn),
            );
          }
        }
        break;
      }
    }
    return out;
  }
}

const ZERO_WHEN_ABSENT: readonly KpiMetric[] = [
  'revenue',
  'units',
  'orders',
  'customers',
  'new_customers',
  'new_channel_revenue',
  'leads',
];

function close(actual: number | null, expected: number | null): boolean {
  if (actual === null || expected === null) return actual === expected;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

// ---------- the data ----------

async function clearData(db: Kysely<Database>, companyId: string): Promise<void> {
  await db.deleteFrom('sales_lines').where('tenant_id', '=', tenantOf(companyId)).execute();
  await db.deleteFrom('marketing_daily').where('company_id', '=', companyId).execute();
  await db.deleteFrom('satisfaction_responses').where('company_id', '=', companyId).execute();
  await rebuildAllRollups(db, companyId);
}

let lineSeq = 0;
function lineRows(tenantId: number, ids: Ids, lines: readonly Line[]) {
  return lines.map((l) => {
    const date = addDays(FIRST_DAY, l.day);
    const discount = l.campaign ? Math.floor(l.price / 10) : 0;
    return {
      tenant_id: tenantId,
      order_id: `O${l.order}`,
      line_no: ++lineSeq,
      sold_at: `${date}T10:00`,
      sale_date: date,
      product_id: pick(ids.products, l.product) ?? 0,
      customer_id: pick(ids.customers, l.customer),
      channel_id: pick(ids.channels, l.channel),
      rep_id: pick(ids.reps, l.rep),
      region_id: pick(ids.regions, l.region),
      quantity: l.quantity,
      unit_price_minor: l.price,
      discount_minor: discount,
      amount_minor: l.quantity * l.price - discount,
      currency: 'TWD',
      campaign_code: l.campaign ? 'SPRING' : null,
      import_seq: null,
    };
  });
}

/**
 * A seed whose first four runs ask distinct KPIs with last year's totals to check (15 such totals on
 * both databases when it was chosen; see the property).
 */
const LAST_YEAR_SEED = 1;

function spanOfDays(days: readonly number[]): DateRange | null {
  if (days.length === 0) return null;
  return { start: addDays(FIRST_DAY, Math.min(...days)), end: addDays(FIRST_DAY, Math.max(...days)) };
}

describe.each(dialects())('KPI engine and routes (%s)', (dialect) => {
  let h: Harness;
  let companyId: string;
  let ids: Ids;
  let client: Awaited<ReturnType<typeof signUp>>['client'];
  let db: Kysely<Database>;

  beforeAll(async () => {
    h = await startHarness(dialect);
    const owner = await signUp(h.app);
    companyId = owner.companyId;
    client = owner.client;
    db = h.runtime.database.db;
    ids = await seedDimensions(db, companyId);
  });
  afterAll(async () => h?.close());

  it('every KPI equals a direct SQL recomputation from the raw tables (property)', async () => {
    /** Last year's distinct totals checked against a value (some must be). */
    let checkedLastYear = 0;
    const property = fc.asyncProperty(
      fc.array(lineArb, { minLength: 10, maxLength: 90 }),
      fc.array(lineArb, { maxLength: 30 }),
      fc.array(fc.boolean(), { maxLength: 60 }),
      marketingArb,
      responseArb,
      queryArb,
      async (first, second, dropMask, marketing, responses, shape) => {
        await clearData(db, companyId);
        // Two imports, each refreshing its own date range inside its transaction, then an undo of some lines.
        const inserted: { id: number; day: number }[] = [];
        for (const batch of [first, second]) {
          if (batch.length === 0) continue;
          await db.transaction().execute(async (trx) => {
            const rows = await trx
              .insertInto('sales_lines')
              .values(lineRows(await ensureTenant(trx, companyId), ids, batch))
              .returning('id')
              .execute();
            for (const [i, r] of rows.entries()) inserted.push({ id: Number(r.id), day: batch[i]?.day ?? 0 });
            const span = spanOfDays(batch.map((l) => l.day));
            if (span) await refreshSalesRollups(trx, companyId, span.start, span.end);
          });
        }
        const dropped = inserted.filter((_, i) => dropMask[i]);
        if (dropped.length > 0) {
          await db.transaction().execute(async (trx) => {
            await trx
              .deleteFrom('sales_lines')
              .where(
                'id',
                'in',
                dropped.map((d) => d.id),
              )
              .execute();
            const span = spanOfDays(dropped.map((d) => d.day));
            if (span) await refreshSalesRollups(trx, companyId, span.start, span.end);
          });
        }
        if (marketing.length > 0)
          await db
            .insertInto('marketing_daily')
            .values(
              marketing.map((m) => ({
                company_id: companyId,
                day: addDays(FIRST_DAY, m.day),
                channel_id: ids.channels[m.channel] ?? 0,
                campaign: '',
                visits: m.visits,
                leads: m.leads,
                spend_minor: m.spend,
                currency: 'TWD',
              })),
            )
            .execute();
        if (responses.length > 0)
          await db
            .insertInto('satisfaction_responses')
            .values(
              responses.map((r, i) => ({
                company_id: companyId,
                response_key: `R${i}`,
                responded_on: addDays(FIRST_DAY, r.day),
                customer_id: pick(ids.customers, r.customer),
                channel_id: pick(ids.channels, r.channel),
                csat: r.csat,
                nps: r.nps,
              })),
            )
            .execute();

        for (const metric of KPI_METRICS) {
          const q = shape(metric);
          const result = await computeKpi(h.runtime.ctx.repos.kpi, companyId, q, SETTINGS);
          const buckets = planBuckets({ start: q.from, end: q.to }, q.grain, SETTINGS);
          const previous = previousRanges(buckets, SETTINGS);
          const reference = new Reference(db, companyId, q);
          expect(result.series.length % buckets.length).toBe(0);
          const byBucket = new Map<string, KpiPoint[]>();
          for (const p of result.series) byBucket.set(p.period, [...(byBucket.get(p.period) ?? []), p]);
          for (const [i, bucket] of buckets.entries()) {
            const expected = await reference.bucket(q.metric, bucket, previous[i] ?? bucket.range);
            if (
              process.env.KPI_DEBUG &&
              q.metric === 'repeat_purchase_rate' &&
              [...expected.values()].some((v) => v)
            )
              console.log(
                'DBG',
                q.grain,
                q.by,
                bucket.period.id,
                [...expected],
                JSON.stringify(byBucket.get(bucket.period.id)),
              );
            const points = byBucket.get(bucket.period.id) ?? [];
            const label = `${JSON.stringify(q)} ${bucket.period.id}`;
            for (const p of points) {
              const key = q.by ? (p.key ?? null) : null;
              const want = expected.has(key)
                ? (expected.get(key) ?? null)
                : ZERO_WHEN_ABSENT.includes(q.metric)
                  ? 0
                  : null;
              const got = p.value;
              // Ratios with nothing recorded may be null (no denominator) where the reference has no row.
              if (!expected.has(key) && !ZERO_WHEN_ABSENT.includes(q.metric) && (got === null || got === 0))
                continue;
              if (process.env.KPI_DEBUG && !close(got, want)) console.log('MISMATCH', label, key, got, want);
              expect(close(got, want), `${label} key=${key} got ${got} want ${want}`).toBe(true);
            }
            const seen = new Set(points.map((p) => (q.by ? (p.key ?? null) : null)));
            for (const [k, v] of expected) {
              if (v !== null && v !== 0) expect(seen.has(k), `${label} missing key ${k}`).toBe(true);
            }
          }
          // The whole-range total per member, by the metric's kind: sums total their periods; ratios
          // divide the summed numerators by the summed denominators; distinct counts (customers,
          // retention, CLV…) equal the KPI read over [from, to] at once (one period: its own value).
          const whole = wholeRangeBucket(buckets);
          const kind = KPI_AGGREGATION[q.metric];
          const expectedTotal =
            whole && kind === 'distinct' && buckets.length > 1
              ? await reference.bucket(q.metric, whole, previousRanges([whole], SETTINGS)[0] ?? whole.range)
              : null;
          for (const p of result.total) {
            const key = q.by ? (p.key ?? null) : null;
            const label = `${JSON.stringify(q)} total key=${key}`;
            const own = result.series.filter((s) => (q.by ? (s.key ?? null) : null) === key);
            if (kind === 'sum') {
              const sum = own.reduce((a, s) => a + (s.value ?? 0), 0);
              expect(close(p.value, sum), `${label} got ${p.value} want ${sum}`).toBe(true);
            } else if (kind === 'ratio') {
              const num = own.reduce((a, s) => a + (s.numerator ?? 0), 0);
              const den = own.reduce((a, s) => a + (s.denominator ?? 0), 0);
              expect(close(p.numerator ?? 0, num) && close(p.denominator ?? 0, den), label).toBe(true);
              const want = den === 0 ? null : (num / den) * (q.metric === 'nps' ? 100 : 1);
              expect(close(p.value, want), `${label} got ${p.value} want ${want}`).toBe(true);
            } else if (!expectedTotal) {
              expect(close(p.value, own[0]?.value ?? null), `${label} got ${p.value}`).toBe(true);
            } else if (!expectedTotal.has(key)) {
              expect(p.value === null || p.value === 0, `${label} got ${p.value}`).toBe(true);
            } else {
              const want = expectedTotal.get(key) ?? null;
              expect(close(p.value, want), `${label} got ${p.value} want ${want}`).toBe(true);
            }
          }
          // Last year's distinct total too (read with this year's as a second bucket when the two
          // ranges do not overlap): the KPI read over last year's range at once.
          const lastYear = comparisonBuckets(buckets, SETTINGS);
          const wholeLastYear = wholeRangeBucket(lastYear);
          if (wholeLastYear && kind === 'distinct' && lastYear.length > 1) {
            const expectedLastYear = await reference.bucket(
              q.metric,
              wholeLastYear,
              previousRanges([wholeLastYear], SETTINGS)[0] ?? wholeLastYear.range,
            );
            for (const p of result.comparisonTotal) {
              const key = q.by ? (p.key ?? null) : null;
              const label = `${JSON.stringify(q)} last year's total key=${key}`;
              if (!expectedLastYear.has(key)) {
                expect(p.value === null || p.value === 0, `${label} got ${p.value}`).toBe(true);
                continue;
              }
              const want = expectedLastYear.get(key) ?? null;
              expect(close(p.value, want), `${label} got ${p.value} want ${want}`).toBe(true);
              if (want !== null && want !== 0) checkedLastYear += 1;
            }
          }
        }
      },
    );
    await fc.assert(property, { numRuns: 15 });
    // Fifteen random runs may ask no distinct KPI whose last year spans several buckets with data
    // (CI met such a draw): a few runs from a seed that does ask one keep that check alive every time.
    const random = checkedLastYear;
    await fc.assert(property, { numRuns: 4, seed: LAST_YEAR_SEED });
    expect(checkedLastYear - random).toBeGreaterThan(0);
  }, 240_000);

  it('rollups rebuilt from scratch equal the incrementally refreshed ones', async () => {
    const snapshot = async () =>
      (
        await sql<{ d: string; rev: unknown; n: unknown }>`
        SELECT sale_date AS d, SUM(amount_minor) AS rev, SUM(line_count) AS n FROM kpi_sales_daily
        WHERE tenant_id = ${tenantOf(companyId)} GROUP BY sale_date ORDER BY sale_date`.execute(db)
      ).rows.map((r) => [r.d, Number(r.rev), Number(r.n)]);
    const before = await snapshot();
    await rebuildAllRollups(db, companyId);
    expect(await snapshot()).toEqual(before);
  });

  it('serves KPIs through the API: money in currency units, last year alongside, filters by name', async () => {
    await clearData(db, companyId);
    const rows = lineRows(await ensureTenant(db, companyId), ids, [
      {
        day: 0,
        order: 1,
        product: 0,
        customer: 0,
        channel: 0,
        rep: 0,
        region: 0,
        quantity: 2,
        price: 7525,
        campaign: false,
      },
      {
        day: 0,
        order: 1,
        product: 2,
        customer: 0,
        channel: 0,
        rep: 0,
        region: 0,
        quantity: 1,
        price: 10000,
        campaign: false,
      },
      {
        day: 40,
        order: 2,
        product: 1,
        customer: 1,
        channel: 1,
        rep: 1,
        region: 1,
        quantity: 1,
        price: 5000,
        campaign: true,
      },
      {
        day: 365,
        order: 3,
        product: 0,
        customer: null,
        channel: 0,
        rep: null,
        region: 0,
        quantity: 1,
        price: 12000,
        campaign: false,
      },
    ]);
    await db.insertInto('sales_lines').values(rows).execute();
    await rebuildAllRollups(db, companyId);
    const base = `/api/companies/${companyId}/kpi`;
    const res = await client.get(
      `${base}?metric=revenue&from=2026-01-01&to=2026-03-31&grain=month&by=channel`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json() as { series: KpiPoint[]; comparison: KpiPoint[]; unit: string; currency: string };
    expect(body).toMatchObject({ unit: 'money', currency: 'TWD' });
    expect(body.series.find((p) => p.period === '2026-01' && p.key === '門市')?.value).toBe(120);
    expect(body.comparison.find((p) => p.period === '2025-01' && p.key === '門市')?.value).toBe(250.5);
    expect(body.series.filter((p) => p.period === '2026-02').every((p) => p.value === 0)).toBe(true);

    const aov = await client.get(
      `${base}?metric=aov&from=2025-01-01&to=2025-03-31&grain=total&where=${encodeURIComponent('category=咖啡,channel=門市')}`,
    );
    expect(aov.statusCode).toBe(200);
    expect((aov.json() as { series: KpiPoint[] }).series[0]).toMatchObject({
      value: 150.5,
      numerator: 150.5,
      denominator: 1,
    });

    // A filter name with a kind word after it is the data's member; one the data lacks is said, with the closest.
    const spelled = await client.get(
      `${base}?metric=aov&from=2025-01-01&to=2025-03-31&grain=total&where=${encodeURIComponent('category=咖啡類別,channel=門市')}`,
    );
    expect(spelled.json()).toMatchObject({ series: [{ value: 150.5 }], unknownFilters: [] });
    const typo = await client.get(
      `${base}?metric=revenue&from=2025-01-01&to=2025-03-31&grain=total&where=${encodeURIComponent('category=咖啡豆')}`,
    );
    expect(typo.statusCode).toBe(200);
    const typoBody = typo.json() as {
      series: KpiPoint[];
      unknownFilters: {
        dimension: string;
        name: string;
        suggestions: { dimension: string; name: string }[];
      }[];
    };
    expect(typoBody.series[0]?.value).toBe(0);
    expect(typoBody.unknownFilters).toEqual([
      {
        dimension: 'category',
        name: '咖啡豆',
        suggestions: expect.arrayContaining([{ dimension: 'category', name: '咖啡' }]),
      },
    ]);

    const fy = await client.get(`${base}?metric=orders&from=2025-01-01&to=2026-01-31&grain=fiscal_year`);
    // The company's fiscal year starts in January by default.
    expect((fy.json() as { series: KpiPoint[] }).series.map((p) => [p.period, p.value])).toEqual([
      ['FY2025', 2],
      ['FY2026', 1],
    ]);

    // A large answer (a year of days by product) arrives whole as UTF-8, its length said right; each
    // product's total is the sum of its days.
    const daily = await client.get(
      `${base}?metric=revenue&from=2025-01-01&to=2025-12-31&grain=day&by=product`,
    );
    expect(daily.statusCode).toBe(200);
    expect(daily.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
    expect(daily.body.length).toBeGreaterThan(16 * 1024);
    expect(Number(daily.headers['content-length'])).toBe(Buffer.byteLength(daily.body));
    const dailyBody = daily.json() as { series: KpiPoint[]; total: KpiPoint[] };
    const keys = [...new Set(dailyBody.series.map((p) => p.key))];
    expect(keys.length).toBeGreaterThan(1);
    expect(dailyBody.total.map((t) => [t.key, t.value])).toEqual(
      keys.map((key) => [
        key,
        dailyBody.series.filter((p) => p.key === key).reduce((sum, p) => sum + (p.value ?? 0), 0),
      ]),
    );
    expect(dailyBody.total.find((t) => t.key === '拿鐵')?.value).toBe(150.5);

    const bad = await client.get(`${base}?metric=leads&from=2026-02-30&to=2026-01-01&by=product&where=x`);
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { code: string }).code).toBe('VALIDATION_FAILED');
    const badWhere = await client.get(`${base}?metric=leads&from=2026-01-01&to=2026-01-31&by=product`);
    expect(badWhere.statusCode).toBe(400);
    expect((badWhere.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['by']);
  });

  it('serves the glossary in the reader’s language and the dimension members', async () => {
    client.locale = 'zh-TW';
    const zh = await client.get(`/api/companies/${companyId}/kpi/glossary`);
    expect(zh.statusCode).toBe(200);
    const entries = zh.json() as { metric: string; name: string; formula: string; definition: string }[];
    expect(entries.find((e) => e.metric === 'aov')).toMatchObject({
      name: '客單價',
      formula: '淨營收 ÷ 訂單數',
    });
    // The rule for returns written as orders of their own, said where orders are defined.
    expect(entries.find((e) => e.metric === 'orders')?.definition).toContain('不算一筆訂單');
    expect(entries.map((e) => e.metric)).toEqual([...KPI_METRICS]);
    client.locale = 'en';
    const en = await client.get(`/api/companies/${companyId}/kpi/glossary`);
    expect((en.json() as { metric: string; name: string }[]).find((e) => e.metric === 'nps')?.name).toBe(
      'Net Promoter Score',
    );
    expect(
      (en.json() as { metric: string; definition: string }[]).find((e) => e.metric === 'orders')?.definition,
    ).toContain('is not an order');
    const channels = await client.get(`/api/companies/${companyId}/dimensions/channel`);
    expect(channels.json()).toEqual({ kind: 'channel', names: [...NAMES.channel].sort() });
    const tiers = await client.get(`/api/companies/${companyId}/dimensions/member_tier`);
    expect((tiers.json() as { names: string[] }).names.sort()).toEqual([...NAMES.member_tier].sort());
    expect((await client.get(`/api/companies/${companyId}/dimensions/colour`)).statusCode).toBe(400);
  });
});
