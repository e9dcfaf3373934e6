import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { KpiRepository, KpiScope } from '../../app/kpi/ports.ts';
import type { DateRange } from '../../core/calendar/periods.ts';
import type {
  ChannelFirstSale,
  CountFact,
  MarketingFact,
  MarketSizeRow,
  OrderFact,
  RetentionFact,
  SalesFact,
  SatisfactionFact,
} from '../../core/kpi/facts.ts';
import type { Dimension } from '../../core/kpi/types.ts';
import type { Database } from '../schema/index.ts';
import { tenantOf } from '../tenants.ts';
import {
  activityOrderCounts,
  cellSums,
  customerActivityServes,
  customerCounts,
  customerProductsServe,
  newCustomerCounts,
  productCustomerCounts,
  retentionAndCustomers,
  retentionCounts,
} from './customer-activity.ts';
import { readDataVersion } from './data-version.ts';
import {
  bucketCase,
  CUSTOMER_CELL_SOURCES,
  contiguousRuns,
  DATE_COLUMN,
  type FilterTarget,
  filterSql,
  inBuckets,
  involvesSegments,
  keyColumn,
  keySql,
  PERIOD_UNIT,
  type Piece,
  periodBuckets,
  piecesOf,
  type SalesSource,
  saleLine,
  saleOne,
  spanOf,
  splitByPeriod,
  splitCheapest,
  TABLES,
} from './kpi-sql.ts';
import { orderCounts, orderRollupServes } from './order-counts.ts';
import { productOrdersServe, productPinned, repeatedProductLines } from './product-orders.ts';
import { sharedRead } from './shared-read.ts';

const ID_TABLES: Partial<Record<Dimension, string>> = {
  product: 'products',
  category: 'product_categories',
  channel: 'channels',
  rep: 'sales_reps',
  region: 'regions',
};

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

interface Keyed {
  b: number;
  k: string;
}

/**
 * The KPI port over Kysely: roll-ups for additive sums, the raw lines for distinct counts and segments.
 * `db` runs the heavy reads (the read pool, see connect.ts openReadDatabase); `main` the data version.
 */
export function createKpiRepository(db: Kysely<Database>, main: Kysely<Database> = db): KpiRepository {
  /** Maps SQL keys ('' = none; ids as text for id dimensions) to members' names. */
  async function keyNamer(scope: KpiScope, target: FilterTarget): Promise<(k: string) => string | null> {
    if (!scope.by) return () => null;
    const table = scope.by === 'region' && target === 'satisfaction' ? 'regions' : ID_TABLES[scope.by];
    if (!table) return (k) => (k === '' ? null : k);
    // (Each figure of a question names the members: one reading for those asking at once.)
    const rows = await sharedRead(
      db,
      sql<{
        id: unknown;
        name: string;
      }>`SELECT id, name FROM ${sql.table(table)} WHERE company_id = ${scope.companyId}`,
    );
    const names = new Map(rows.map((r) => [String(r.id), r.name]));
    return (k) => (k === '' ? null : (names.get(k) ?? k));
  }

  /** FROM … WHERE … for a source table on alias s, bounded to the pieces' span. */
  function body(source: SalesSource, scope: KpiScope, pieces: readonly Piece[], joins: RawBuilder<unknown>) {
    const span = spanOf(pieces);
    const dateCol = sql.ref(`s.${DATE_COLUMN[source]}`);
    return sql`FROM ${sql.table(TABLES[source])} s${joins} WHERE s.tenant_id = ${tenantOf(scope.companyId)} AND ${dateCol} BETWEEN ${span.start} AND ${span.end}${filterSql(scope, 'sales')}`;
  }

  /**
   * The roll-ups without segments (monthly or weekly for whole periods, daily for the other days);
   * with segments (not product or category), the customer cells for whole months (or weeks, for
   * buckets of weeks) and the daily customer cells for the other days; else the lines.
   */
  function salesSource(scope: KpiScope): 'rollup' | 'segments' | 'lines' {
    if (!involvesSegments(scope)) return 'rollup';
    return customerActivityServes(scope) ? 'segments' : 'lines';
  }

  async function salesRows(
    source: SalesSource,
    scope: KpiScope,
    pieces: readonly Piece[],
    perChannel: boolean,
  ): Promise<(Keyed & { rev: unknown; qty: unknown; n: unknown; camp: unknown; ch: unknown })[]> {
    if (pieces.length === 0) return [];
    const { key: keyText, joins } = keySql(scope, 'sales');
    // A period table's rows are grouped by their period and summed into buckets here (a bucket CASE
    // per row cost a third of a year of weeks by customer segment: 42 against 27 ms at 1M lines).
    const unit = PERIOD_UNIT[source];
    // There, a line member's id column as it is (its text below): the grouping follows the covering
    // index's order (migration 2026120603), not a sort of the rows by their text.
    const column = unit ? keyColumn(scope) : null;
    const key = column ? sql.ref(column) : keyText;
    const bucket = unit
      ? sql.ref(`s.${DATE_COLUMN[source]}`)
      : bucketCase(sql.ref(`s.${DATE_COLUMN[source]}`), pieces);
    const measures =
      source === 'lines'
        ? sql`SUM(s.amount_minor) AS rev, SUM(s.quantity) AS qty, SUM(${saleOne()}) AS n,
              SUM(CASE WHEN s.campaign_code IS NOT NULL AND s.campaign_code <> '' THEN s.amount_minor ELSE 0 END) AS camp`
        : sql`SUM(s.amount_minor) AS rev, SUM(s.quantity) AS qty, SUM(s.line_count) AS n, SUM(s.campaign_amount_minor) AS camp`;
    const channel = perChannel ? sql`s.channel_id` : sql`NULL`;
    const group = perChannel ? sql`GROUP BY 1, 2, 3` : sql`GROUP BY 1, 2`;
    type Row = Keyed & { ch: unknown; rev: unknown; qty: unknown; n: unknown; camp: unknown };
    // The customer cells of a segment scope: the statement the order counts read too (cellSums), one
    // reading for both (AOV asks for both at once).
    const rows: readonly Row[] =
      CUSTOMER_CELL_SOURCES.has(source) && unit && !perChannel
        ? (await cellSums(db, scope, unit, pieces)).map(
            (r) => ({ b: r.m, k: r.k, ch: null, rev: r.rev, qty: r.qty, n: r.n, camp: r.camp }) as Row,
          )
        : (
            await sql<Row>`
              SELECT ${bucket} AS b, ${key} AS k, ${channel} AS ch, ${measures}
              ${body(source, scope, pieces, joins)} ${group}`.execute(db)
          ).rows;
    if (!unit) return [...rows];
    const bucketOf = periodBuckets(unit, pieces);
    const sums = new Map<
      string,
      Keyed & { rev: number; qty: number; n: number; camp: number; ch: unknown }
    >();
    for (const r of rows) {
      const b = bucketOf.get(String(r.b));
      if (b === undefined) continue;
      const k = r.k === null || r.k === undefined ? '' : String(r.k);
      const slot = `${b}\u0000${k}\u0000${String(r.ch)}`;
      const sum = sums.get(slot);
      if (sum) {
        sum.rev += num(r.rev);
        sum.qty += num(r.qty);
        sum.n += num(r.n);
        sum.camp += num(r.camp);
      } else
        sums.set(slot, {
          b,
          k,
          ch: r.ch,
          rev: num(r.rev),
          qty: num(r.qty),
          n: num(r.n),
          camp: num(r.camp),
        });
    }
    return [...sums.values()];
  }

  /**
   * Distinct orders per bucket × key for scopes productOrdersServe (product-orders.ts): the roll-ups'
   * line counts (whole months or weeks from the monthly or weekly one, other days from the daily one) less the extra
   * lines of the listed orders that repeat a product.
   */
  async function productOrderCounts(scope: KpiScope, buckets: readonly DateRange[]) {
    const { unit, periods, days } = splitByPeriod(buckets, true);
    const lines = await salesRows(unit === 'week' ? 'weekly' : 'monthly', scope, periods, false);
    for (const run of contiguousRuns(days)) lines.push(...(await salesRows('daily', scope, run, false)));
    const extra = await sql<Keyed & { x: unknown }>`
      SELECT b, k, COUNT(*) - COUNT(DISTINCT o) AS x ${repeatedProductLines(scope, piecesOf(buckets), false)}
      GROUP BY b, k`.execute(db);
    const counts = new Map<string, { b: number; k: string; n: number }>();
    const at = (b: number, k: string) => {
      const slot = `${b}\u0000${k}`;
      let row = counts.get(slot);
      if (!row) {
        row = { b, k, n: 0 };
        counts.set(slot, row);
      }
      return row;
    };
    for (const r of inBuckets(lines)) at(num(r.b), String(r.k)).n += num(r.n);
    for (const r of inBuckets(extra.rows)) at(num(r.b), String(r.k)).n -= num(r.x);
    return [...counts.values()].filter((r) => r.n !== 0);
  }

  return {
    async salesFacts(scope, buckets, opts = {}) {
      const perChannel = opts.perChannel ?? false;
      const source = salesSource(scope);
      const rows =
        source === 'lines'
          ? await salesRows(source, scope, piecesOf(buckets), perChannel)
          : await (async () => {
              // Whole months, or whole weeks for buckets of weeks: the sales roll-ups, or (segments)
              // the customer cells.
              const { unit, periods, days } = splitByPeriod(buckets, true);
              // Segments: the cheapest cover reads the whole ISO weeks around the days months leave
              // from the weekly cells first, as the customer figures do, then the days left from the
              // daily customer cells.
              const cheapest = source === 'segments' && unit === 'month' ? splitCheapest(buckets) : null;
              const table: Record<typeof source, Record<typeof unit, SalesSource>> = {
                rollup: { month: 'monthly', week: 'weekly' },
                segments: { month: 'customerMonthly', week: 'customerWeekly' },
              };
              const out = await salesRows(
                table[source][unit],
                scope,
                cheapest?.months ?? periods,
                perChannel,
              );
              for (const run of contiguousRuns(cheapest?.weeks ?? [], 7))
                out.push(...(await salesRows('customerWeekly', scope, run, perChannel)));
              // Leftover days come in short runs (a partial first and last month): one indexed read each.
              for (const run of contiguousRuns(cheapest?.days ?? days))
                out.push(
                  ...(await salesRows(
                    source === 'rollup' ? 'daily' : 'customerDaily',
                    scope,
                    run,
                    perChannel,
                  )),
                );
              return out;
            })();
      const name = await keyNamer(scope, 'sales');
      const out: SalesFact[] = [];
      for (const r of rows) {
        const b = num(r.b);
        if (b < 0) continue;
        const fact: SalesFact = {
          bucket: b,
          key: name(String(r.k)),
          revenueMinor: num(r.rev),
          units: num(r.qty),
          lines: num(r.n),
          campaignRevenueMinor: num(r.camp),
        };
        if (perChannel) fact.channelId = r.ch === null || r.ch === undefined ? null : Number(r.ch);
        out.push(fact);
      }
      return out;
    },

    async orderFacts(
      scope,
      buckets,
      need = { orders: true, customers: true, repeaters: true, customerOrders: true },
    ) {
      const pieces = piecesOf(buckets);
      if (pieces.length === 0) return [];
      const source: SalesSource = 'lines';
      const { key, joins } = keySql(scope, 'sales');
      const bucket = bucketCase(sql.ref(`s.${DATE_COLUMN[source]}`), pieces);
      const from = body(source, scope, pieces, joins);
      const facts = new Map<string, OrderFact>();
      const name = await keyNamer(scope, 'sales');
      const factOf = (b: number, k: string): OrderFact => {
        const slot = `${b}\u0000${k}`;
        let fact = facts.get(slot);
        if (!fact) {
          fact = {
            bucket: b,
            key: name(k),
            orders: 0,
            customers: 0,
            repeatCustomers: 0,
            customerOrders: 0,
            customerRevenueMinor: 0,
          };
          facts.set(slot, fact);
        }
        return fact;
      };
      // Distinct orders from the order roll-up where it carries the scope's dimensions, else (segments)
      // from the customer-month activity; customers from the activity (customer-activity.ts).
      const activity = customerActivityServes(scope);
      // Customers and their orders of a customer-segment scope (CLV): one reading of the customer
      // cells gives both (customerCounts), instead of the cells grouped by customer twice.
      const withCustomers =
        activity && need.customers === true && need.customerOrders === true && !orderRollupServes(scope);
      const rolled =
        (need.orders || (need.customerOrders && !withCustomers)) && (orderRollupServes(scope) || activity);
      if (rolled) {
        const counts = orderRollupServes(scope)
          ? await orderCounts(db, scope, pieces)
          : await activityOrderCounts(db, scope, buckets);
        for (const r of counts) {
          if (r.orders === 0 && r.customerOrders === 0) continue;
          const f = factOf(r.bucket, r.key);
          if (need.orders) f.orders = r.orders;
          if (need.customerOrders) f.customerOrders = r.customerOrders;
        }
      }
      if (need.customers && activity) {
        const want = { repeaters: need.repeaters === true, customerOrders: withCustomers };
        for (const r of await customerCounts(db, scope, buckets, want)) {
          const f = factOf(r.bucket, r.key);
          f.customers = r.customers;
          f.repeatCustomers = r.repeaters;
          f.customerRevenueMinor = r.revenueMinor;
          if (withCustomers) f.customerOrders = r.customerOrders;
        }
      }
      // Product and category scopes: customers and their revenue from the customer × product months;
      // where every group is of one product, their orders too (repeat customers, customers' orders);
      // else those from the lines.
      const pinned = !rolled && productPinned(scope) && customerProductsServe(scope);
      const products = need.customers === true && customerProductsServe(scope) && (!need.repeaters || pinned);
      const productCustomerOrders = need.customerOrders === true && pinned;
      if (products || productCustomerOrders) {
        const want = {
          repeaters: pinned && products && need.repeaters === true,
          customerOrders: productCustomerOrders,
        };
        for (const r of await productCustomerCounts(db, scope, buckets, want)) {
          const f = factOf(r.bucket, r.key);
          if (products) {
            f.customers = r.customers;
            f.customerRevenueMinor = r.revenueMinor;
            if (need.repeaters) f.repeatCustomers = r.repeaters;
          }
          if (productCustomerOrders) f.customerOrders = r.customerOrders;
        }
      }
      // A product's orders: its line counts less repeated products' extra lines (product-orders.ts).
      const productOrders = need.orders === true && !rolled && productOrdersServe(scope);
      if (productOrders)
        for (const r of await productOrderCounts(scope, buckets)) factOf(r.b, r.k).orders = r.n;
      // One scan per figure family, each a single GROUP BY (no self-joins).
      if (need.orders && !rolled && !productOrders) {
        const res = await sql<Keyed & { n: unknown }>`
          SELECT ${bucket} AS b, ${key} AS k, COUNT(DISTINCT s.order_id) AS n ${from} AND ${saleLine()}
          GROUP BY 1, 2`.execute(db);
        for (const r of inBuckets(res.rows)) factOf(num(r.b), String(r.k)).orders = num(r.n);
      }
      // Other scopes, and repeat customers of product and category scopes: from the lines.
      if (need.customers && !activity && !products) {
        const res = await sql<Keyed & { customers: unknown; repeaters: unknown; rev: unknown }>`
          SELECT b, k, SUM(CASE WHEN n >= 1 THEN 1 ELSE 0 END) AS customers,
            SUM(CASE WHEN n >= 2 THEN 1 ELSE 0 END) AS repeaters, SUM(rev) AS rev
          FROM (
            SELECT ${bucket} AS b, ${key} AS k, s.customer_id AS c,
              COUNT(DISTINCT CASE WHEN ${saleLine()} THEN s.order_id END) AS n, SUM(s.amount_minor) AS rev
            ${from} AND s.customer_id IS NOT NULL GROUP BY 1, 2, 3
          ) t GROUP BY b, k`.execute(db);
        for (const r of inBuckets(res.rows)) {
          const f = factOf(num(r.b), String(r.k));
          f.customers = num(r.customers);
          f.repeatCustomers = num(r.repeaters);
          f.customerRevenueMinor = num(r.rev);
        }
      }
      if (need.customerOrders && !rolled && !withCustomers && !productCustomerOrders) {
        const res = await sql<Keyed & { n: unknown }>`
          SELECT ${bucket} AS b, ${key} AS k, COUNT(DISTINCT s.order_id) AS n ${from}
            AND s.customer_id IS NOT NULL AND ${saleLine()} GROUP BY 1, 2`.execute(db);
        for (const r of inBuckets(res.rows)) factOf(num(r.b), String(r.k)).customerOrders = num(r.n);
      }
      return [...facts.values()];
    },

    async newCustomerFacts(scope, buckets) {
      const pieces = piecesOf(buckets);
      if (pieces.length === 0) return [];
      if (customerActivityServes(scope) || customerProductsServe(scope)) {
        const name = await keyNamer(scope, 'sales');
        return (await newCustomerCounts(db, scope, buckets)).map(
          (r): CountFact => ({ bucket: r.bucket, key: name(r.key), count: r.count }),
        );
      }
      const source: SalesSource = 'lines';
      const { key, joins } = keySql(scope, 'sales');
      const span = spanOf(pieces);
      const res = await sql<Keyed & { n: unknown }>`
        SELECT b, k, COUNT(DISTINCT customer_id) AS n FROM (
          SELECT ${bucketCase(sql.ref('s.sale_date'), pieces)} AS b, ${bucketCase(sql.ref('f.first_date'), pieces)} AS fb,
            ${key} AS k, s.customer_id AS customer_id
          ${body(source, scope, pieces, sql`${joins} JOIN kpi_customer_first f ON f.tenant_id = s.tenant_id AND f.customer_id = s.customer_id`)}
            AND f.first_date BETWEEN ${span.start} AND ${span.end} AND ${saleLine()}
        ) t WHERE b = fb GROUP BY b, k`.execute(db);
      const name = await keyNamer(scope, 'sales');
      return inBuckets(res.rows).map(
        (r): CountFact => ({ bucket: num(r.b), key: name(String(r.k)), count: num(r.n) }),
      );
    },

    async repFacts(scope, buckets) {
      const pieces = piecesOf(buckets);
      if (pieces.length === 0) return [];
      const table: SalesSource = involvesSegments(scope) ? 'lines' : 'daily';
      const { key, joins } = keySql(scope, 'sales');
      // A rep sells where it has a sale line (a rep with returns alone in a period sold nothing there).
      const selling = table === 'daily' ? sql`s.line_count > 0` : saleLine();
      const res = await sql<Keyed & { n: unknown }>`
        SELECT ${bucketCase(sql.ref('s.sale_date'), pieces)} AS b, ${key} AS k,
          COUNT(DISTINCT CASE WHEN ${selling} THEN s.rep_id END) AS n
        ${body(table, scope, pieces, joins)} GROUP BY 1, 2`.execute(db);
      const name = await keyNamer(scope, 'sales');
      return inBuckets(res.rows).map(
        (r): CountFact => ({ bucket: num(r.b), key: name(String(r.k)), count: num(r.n) }),
      );
    },

    async retentionFacts(scope, buckets, previous) {
      const cur = piecesOf(buckets);
      const prev = piecesOf(previous);
      if (cur.length === 0) return [];
      if (customerActivityServes(scope) || customerProductsServe(scope)) {
        const name = await keyNamer(scope, 'sales');
        return (await retentionCounts(db, scope, buckets, previous)).map(
          (r): RetentionFact => ({
            bucket: r.bucket,
            key: name(r.key),
            previousCustomers: r.previousCustomers,
            retained: r.retained,
          }),
        );
      }
      // Scopes of a product and a channel, rep or region: from the lines.
      const source: SalesSource = 'lines';
      const { key, joins } = keySql(scope, 'sales');
      // Sort-based (no join): each customer once per bucket and key, flagged active before and/or now.
      const res = await sql<Keyed & { prev: unknown; kept: unknown }>`
        SELECT b, k, SUM(was) AS prev, SUM(was * is_now) AS kept FROM (
          SELECT b, k, customer_id, MAX(was) AS was, MAX(is_now) AS is_now FROM (
            SELECT ${bucketCase(sql.ref('s.sale_date'), prev)} AS b, ${key} AS k, s.customer_id AS customer_id,
              1 AS was, 0 AS is_now
            ${body(source, scope, prev, joins)} AND s.customer_id IS NOT NULL AND ${saleLine()}
            UNION ALL
            SELECT ${bucketCase(sql.ref('s.sale_date'), cur)} AS b, ${key} AS k, s.customer_id AS customer_id,
              0 AS was, 1 AS is_now
            ${body(source, scope, cur, joins)} AND s.customer_id IS NOT NULL AND ${saleLine()}
          ) u GROUP BY b, k, customer_id
        ) t WHERE was = 1 GROUP BY b, k`.execute(db);
      const name = await keyNamer(scope, 'sales');
      return inBuckets(res.rows).map(
        (r): RetentionFact => ({
          bucket: num(r.b),
          key: name(String(r.k)),
          previousCustomers: num(r.prev),
          retained: num(r.kept),
        }),
      );
    },

    async retentionWithCustomers(scope, buckets, previous) {
      if (!(customerActivityServes(scope) || customerProductsServe(scope))) return null;
      const name = await keyNamer(scope, 'sales');
      const read = await retentionAndCustomers(db, scope, buckets, previous);
      return {
        retention: read.retention.map(
          (r): RetentionFact => ({
            bucket: r.bucket,
            key: name(r.key),
            previousCustomers: r.previousCustomers,
            retained: r.retained,
          }),
        ),
        customers: read.customers.map(
          (r): OrderFact => ({
            bucket: r.bucket,
            key: name(r.key),
            orders: 0,
            customers: r.customers,
            repeatCustomers: 0,
            customerOrders: 0,
            customerRevenueMinor: r.revenueMinor,
          }),
        ),
      };
    },

    async marketingFacts(scope, buckets) {
      const pieces = piecesOf(buckets);
      if (pieces.length === 0) return [];
      const span = spanOf(pieces);
      const { key } = keySql(scope, 'marketing');
      const res = await sql<
        Keyed & {
          impressions: unknown;
          visits: unknown;
          leads: unknown;
          opportunities: unknown;
          spend: unknown;
        }
      >`
        SELECT ${bucketCase(sql.ref('s.day'), pieces)} AS b, ${key} AS k,
          SUM(s.impressions) AS impressions, SUM(s.visits) AS visits, SUM(s.leads) AS leads,
          SUM(s.opportunities) AS opportunities, SUM(s.spend_minor) AS spend
        FROM marketing_daily s
        WHERE s.company_id = ${scope.companyId} AND s.day BETWEEN ${span.start} AND ${span.end}${filterSql(scope, 'marketing')}
        GROUP BY 1, 2`.execute(db);
      const name = await keyNamer(scope, 'marketing');
      return inBuckets(res.rows).map(
        (r): MarketingFact => ({
          bucket: num(r.b),
          key: name(String(r.k)),
          impressions: num(r.impressions),
          visits: num(r.visits),
          leads: num(r.leads),
          opportunities: num(r.opportunities),
          spendMinor: num(r.spend),
        }),
      );
    },

    async satisfactionFacts(scope, buckets) {
      const pieces = piecesOf(buckets);
      if (pieces.length === 0) return [];
      const span = spanOf(pieces);
      const { key, joins } = keySql(scope, 'satisfaction');
      const res = await sql<
        Keyed & { cn: unknown; cs: unknown; sat: unknown; nn: unknown; pro: unknown; det: unknown }
      >`
        SELECT ${bucketCase(sql.ref('s.responded_on'), pieces)} AS b, ${key} AS k,
          COUNT(s.csat) AS cn, SUM(s.csat) AS cs, SUM(CASE WHEN s.csat >= 4 THEN 1 ELSE 0 END) AS sat,
          COUNT(s.nps) AS nn, SUM(CASE WHEN s.nps >= 9 THEN 1 ELSE 0 END) AS pro,
          SUM(CASE WHEN s.nps <= 6 THEN 1 ELSE 0 END) AS det
        FROM satisfaction_responses s${joins}
        WHERE s.company_id = ${scope.companyId} AND s.responded_on BETWEEN ${span.start} AND ${span.end}${filterSql(scope, 'satisfaction')}
        GROUP BY 1, 2`.execute(db);
      const name = await keyNamer(scope, 'satisfaction');
      return inBuckets(res.rows).map(
        (r): SatisfactionFact => ({
          bucket: num(r.b),
          key: name(String(r.k)),
          csatCount: num(r.cn),
          csatSum: num(r.cs),
          csatSatisfied: num(r.sat),
          npsCount: num(r.nn),
          promoters: num(r.pro),
          detractors: num(r.det),
        }),
      );
    },

    async marketSizes(companyId, range: DateRange): Promise<MarketSizeRow[]> {
      // The market analysis's yearly sizes in the company's currency: each year's SAM (the market the
      // company serves), its TAM when the year has no SAM.
      const rows = await db
        .selectFrom('market_sizes as m')
        .innerJoin('company_profiles as p', 'p.company_id', 'm.company_id')
        .select(['m.kind as kind', 'm.year as year', 'm.amount_minor as amount_minor'])
        .where('m.company_id', '=', companyId)
        .whereRef('m.currency', '=', 'p.currency')
        .where('m.kind', 'in', ['SAM', 'TAM'])
        .where('m.amount_minor', '>', 0)
        .where('m.year', '>=', Number(range.start.slice(0, 4)))
        .where('m.year', '<=', Number(range.end.slice(0, 4)))
        .execute();
      const byYear = new Map<number, { kind: string; amountMinor: number }>();
      for (const r of rows) {
        const year = Number(r.year);
        const held = byYear.get(year);
        if (!held || (held.kind !== 'SAM' && r.kind === 'SAM'))
          byYear.set(year, { kind: r.kind, amountMinor: Number(r.amount_minor) });
      }
      return [...byYear]
        .sort(([a], [b]) => a - b)
        .map(([year, s]) => ({ start: `${year}-01-01`, end: `${year}-12-31`, amountMinor: s.amountMinor }));
    },

    async channelFirstSales(companyId): Promise<ChannelFirstSale[]> {
      const rows = await db
        .selectFrom('kpi_sales_monthly')
        .select((eb) => ['channel_id', eb.fn.min('month_start').as('first_month')])
        .where('tenant_id', '=', tenantOf(companyId))
        .where('channel_id', 'is not', null)
        // A channel's first sale, not its first return (line counts are of sale lines).
        .where('line_count', '>', 0)
        .groupBy('channel_id')
        .execute();
      const out: ChannelFirstSale[] = [];
      for (const r of rows) {
        if (r.channel_id === null) continue;
        const firstMonth = String(r.first_month);
        const day = await db
          .selectFrom('kpi_sales_daily')
          .select((eb) => eb.fn.min('sale_date').as('first'))
          .where('tenant_id', '=', tenantOf(companyId))
          .where('channel_id', '=', r.channel_id)
          .where('line_count', '>', 0)
          .where('sale_date', '>=', firstMonth)
          .where('sale_date', '<=', `${firstMonth.slice(0, 7)}-31`)
          .executeTakeFirst();
        if (day?.first) out.push({ channelId: Number(r.channel_id), firstDate: String(day.first) });
      }
      return out;
    },

    async salesDateRange(companyId) {
      const row = await db
        .selectFrom('kpi_sales_daily')
        .select((eb) => [eb.fn.min('sale_date').as('first'), eb.fn.max('sale_date').as('last')])
        .where('tenant_id', '=', tenantOf(companyId))
        .executeTakeFirst();
      return {
        first: row?.first ? String(row.first).slice(0, 10) : null,
        last: row?.last ? String(row.last).slice(0, 10) : null,
      };
    },

    dataVersion: (companyId) => readDataVersion(main, companyId),

    async dimensionMembers(companyId, dimension) {
      const table = ID_TABLES[dimension];
      if (table) {
        const rows = await sql<{
          name: string;
        }>`SELECT name FROM ${sql.table(table)} WHERE company_id = ${companyId} ORDER BY name`.execute(db);
        return rows.rows.map((r) => r.name);
      }
      const rows = await sql<{ v: string }>`
        SELECT DISTINCT ${sql.ref(dimension)} AS v FROM customers
        WHERE company_id = ${companyId} AND ${sql.ref(dimension)} IS NOT NULL ORDER BY 1`.execute(db);
      return rows.rows.map((r) => r.v);
    },
  };
}
