import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiScope } from '../../src/app/kpi/ports.ts';
import type { DateRange } from '../../src/core/calendar/index.ts';
import { createKpiRepository } from '../../src/db/kpi/kpi-repository.ts';
import { repeatProductOrders } from '../../src/db/migrations/2026120311-repeat-product-orders.ts';
import type { Database } from '../../src/db/schema/index.ts';
import { tenantOf } from '../../src/db/tenants.ts';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';
import { CHANNELS, type Line, orderFileArb, PRODUCTS, pick, REGIONS, REPS } from '../support/order-files.ts';

// Staged lines move into the table every 7 lines (200,000 in use): small files run every path of
// the SQLite import writer — straight in, staged, moved mid-file and at the end.
process.env.PACER_IMPORT_MOVE_EVERY = '7';
// A few lines a batch and a drain every few roll-up cells: several batches are in a PostgreSQL sink at
// once, and the roll-ups of lines that come day after day are written in pieces (day-after-day.ts).
process.env.PACER_IMPORT_BATCH = '5';
process.env.PACER_IMPORT_ROLLING_CELLS = '4';

/**
 * Distinct orders read from the structures imports keep (kpi_orders_daily and kpi_complex_orders)
 * equal a direct recomputation from the raw lines, for any buckets, breakdown and filter the order
 * roll-up serves: after random files in any line order (orders whose lines span days or members,
 * orders split across the file), overlapping imports, undo and catalog merges.
 */

const HEADER = '訂單編號,項次,交易時間,品名,數量,單價,金額,會員編號,通路,業務員,地區';
const DAYS = 20;

const date = (day: number) => new Date(Date.UTC(2026, 1, 20 + day)).toISOString().slice(0, 10);
const csvLine = (l: Line) =>
  [
    l.order === null ? '' : `B${l.order}`,
    l.order === null ? '' : l.lineNo,
    `${date(l.day)} 10:00`,
    pick(PRODUCTS, l.product),
    l.qty,
    100,
    l.qty * 100,
    l.customer === null ? '' : `M${l.customer}`,
    pick(CHANNELS, l.channel),
    pick(REPS, l.rep),
    pick(REGIONS, l.region),
  ].join(',');

const fileArb = orderFileArb({ days: DAYS, maxOrder: 30, maxCustomer: 5, customerFreq: 2, maxOrders: 25 });

/** Buckets: consecutive day ranges (with a gap sometimes) over the file's days. */
const bucketsArb = fc.uniqueArray(fc.integer({ min: 1, max: DAYS - 1 }), { maxLength: 5 }).chain((cuts) => {
  const edges = [0, ...[...cuts].sort((a, b) => a - b), DAYS];
  return fc.array(fc.boolean(), { minLength: edges.length, maxLength: edges.length }).map((skip) => {
    const out: DateRange[] = [];
    for (let i = 0; i + 1 < edges.length; i++)
      if (!skip[i] || out.length === 0)
        out.push({ start: date(edges[i] as number), end: date((edges[i + 1] as number) - 1) });
    return out;
  });
});

async function importSales(client: Client, companyId: string, lines: readonly Line[]) {
  const { job } = await importCsv(client, companyId, 'pos.csv', [HEADER, ...lines.map(csvLine)].join('\n'));
  expect(job.state, JSON.stringify(job)).toBe('done');
  return job.importId as string;
}

/**
 * The direct recomputation: distinct orders (and orders with a customer) per bucket × key, from the
 * lines: an order counts where it has a sale line (a return line, negative, is no purchase).
 */
async function fromLines(db: Kysely<Database>, scope: KpiScope, buckets: readonly DateRange[]) {
  const rows = (
    await sql<{
      order_id: string;
      sale_date: string;
      customer_id: unknown;
      product: string | null;
      category: string | null;
      channel: string | null;
      rep: string | null;
      region: string | null;
      sale: unknown;
    }>`SELECT s.order_id, s.sale_date, s.customer_id, p.name AS product, pc.name AS category, ch.name AS channel,
        r.name AS rep, g.name AS region, CASE WHEN s.quantity >= 0 AND s.amount_minor >= 0 THEN 1 ELSE 0 END AS sale
      FROM sales_lines s JOIN products p ON p.id = s.product_id LEFT JOIN product_categories pc ON pc.id = p.category_id
      LEFT JOIN channels ch ON ch.id = s.channel_id LEFT JOIN sales_reps r ON r.id = s.rep_id
      LEFT JOIN regions g ON g.id = s.region_id WHERE s.tenant_id = ${tenantOf(scope.companyId)}`.execute(db)
  ).rows;
  type Member = 'product' | 'category' | 'channel' | 'rep' | 'region';
  const out = new Map<string, { orders: Set<string>; customerOrders: Set<string> }>();
  for (const r of rows) {
    const bucket = buckets.findIndex((b) => r.sale_date >= b.start && r.sale_date <= b.end);
    if (bucket < 0 || Number(r.sale) !== 1) continue;
    const kept = Object.entries(scope.where).every(([dim, names]) => names?.includes(r[dim as Member] ?? ''));
    if (!kept) continue;
    const key = scope.by === null ? null : r[scope.by as Member];
    const slot = `${bucket}|${key}`;
    const cell = out.get(slot) ?? { orders: new Set(), customerOrders: new Set() };
    cell.orders.add(r.order_id);
    if (r.customer_id !== null) cell.customerOrders.add(r.order_id);
    out.set(slot, cell);
  }
  return [...out].map(([slot, c]) => `${slot}=${c.orders.size}/${c.customerOrders.size}`).sort();
}

async function fromStructures(db: Kysely<Database>, scope: KpiScope, buckets: readonly DateRange[]) {
  const facts = await createKpiRepository(db).orderFacts(scope, buckets, {
    orders: true,
    customerOrders: true,
  });
  return facts
    .filter((f) => f.orders > 0)
    .map((f) => `${f.bucket}|${f.key}=${f.orders}/${f.customerOrders}`)
    .sort();
}

describe.each(dialects())('distinct orders from the order roll-up (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('equal the distinct orders of the lines after imports, overlaps, undo and merges', async () => {
    const db = h.runtime.database.db;
    await fc.assert(
      fc.asyncProperty(
        fileArb,
        fc.option(fileArb, { freq: 3 }),
        fc.constantFrom('none', 'undo', 'merge', 'merge-product'),
        bucketsArb,
        async (first, second, after, buckets) => {
          const { client, companyId } = await signUp(h.app);
          await importSales(client, companyId, first);
          if (second) {
            const b = await importSales(client, companyId, [
              // Repeats (duplicates), new lines of the first file's orders, then lines of its own.
              ...first.slice(0, 5),
              // (A sale each: an order of returns alone in the first file becomes an order.)
              ...first.slice(0, 2).map((l) => ({ ...l, lineNo: l.lineNo + 6, qty: Math.abs(l.qty) + 1 })),
              ...second,
            ]);
            if (after === 'undo') {
              const res = await client.post(`/api/companies/${companyId}/imports/${b}/undo`);
              expect(res.statusCode, res.body).toBe(200);
            }
          }
          if (after === 'merge' || after === 'merge-product') {
            // Merging two products can make an order hold two lines of one product.
            const table = after === 'merge' ? 'channels' : 'products';
            const ids = await db
              .selectFrom(table)
              .select(['id', 'name'])
              .where('company_id', '=', companyId)
              .orderBy('id')
              .execute();
            if (ids.length >= 2) {
              const [into, from] = ids;
              const res = await client.post(
                `/api/companies/${companyId}/catalog/${table}/${from?.id}/merge`,
                { intoId: String(into?.id) },
              );
              expect(res.statusCode, res.body).toBe(200);
            }
          }
          for (const by of [null, 'channel', 'rep', 'region'] as const)
            for (const where of [{}, { channel: [CHANNELS[0] as string] }]) {
              const scope: KpiScope = { companyId, by, where };
              expect(await fromStructures(db, scope, buckets), `${by} ${JSON.stringify(where)}`).toEqual(
                await fromLines(db, scope, buckets),
              );
            }
          // A product's orders from the roll-ups' line counts (product-orders.ts), and a scope of
          // two products (the lines).
          const [p0, p1] = PRODUCTS as [string, string];
          for (const [by, where] of [
            ['product', {}],
            ['product', { channel: [CHANNELS[0] as string] }],
            [null, { product: [p0] }],
            ['channel', { product: [p1] }],
            ['category', { product: [p0] }],
            [null, { product: [p0, p1] }],
          ] as const) {
            const scope: KpiScope = { companyId, by, where };
            expect(await fromStructures(db, scope, buckets), `${by} ${JSON.stringify(where)}`).toEqual(
              await fromLines(db, scope, buckets),
            );
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 300_000);

  it('the migration lists the orders already stored that repeat a product', async () => {
    const db = h.runtime.database.db;
    const { client, companyId } = await signUp(h.app);
    const base: Line = {
      order: 1,
      lineNo: 1,
      day: 2,
      product: 0,
      qty: 1,
      customer: 1,
      channel: 0,
      rep: 0,
      region: 0,
    };
    await importSales(client, companyId, [
      base,
      { ...base, lineNo: 2 },
      { ...base, lineNo: 3, product: 1 },
      { ...base, order: 2 },
      { ...base, order: 2, lineNo: 2, product: 2 },
    ]);
    const listed = async () =>
      (
        await db
          .selectFrom('kpi_repeat_product_orders')
          .select('order_id')
          .where('tenant_id', '=', tenantOf(companyId))
          .execute()
      ).map((r) => r.order_id);
    expect(await listed()).toEqual(['B1']);
    await sql`DROP TABLE kpi_repeat_product_orders`.execute(db);
    await repeatProductOrders.up(db, { dialect: h.runtime.database.kind });
    expect(await listed()).toEqual(['B1']);
    const scope: KpiScope = { companyId, by: 'product', where: {} };
    const whole = [{ start: date(0), end: date(DAYS - 1) }];
    expect(await fromStructures(db, scope, whole)).toEqual(await fromLines(db, scope, whole));
  });
});
