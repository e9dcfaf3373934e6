import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAllRollups } from '../../src/db/kpi/refresh-sales-rollups.ts';
import { salesWeeks } from '../../src/db/migrations/2026120403-sales-weeks.ts';
import type { Database } from '../../src/db/schema/index.ts';
import { tenantOf } from '../../src/db/tenants.ts';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';
import { mondayOf } from '../support/iso-week.ts';

// Staged lines move into the table every 7 lines (200,000 in use): small files run every path of
// the SQLite import writer — straight in, staged, moved mid-file and at the end.
process.env.PACER_IMPORT_MOVE_EVERY = '7';
// A few lines a batch and a drain every few roll-up cells: several batches are in a PostgreSQL sink at
// once, and the roll-ups of lines that come day after day are written in pieces (day-after-day.ts).
process.env.PACER_IMPORT_BATCH = '5';
process.env.PACER_IMPORT_ROLLING_CELLS = '4';

/**
 * Imports keep the KPI roll-ups current from the lines they add, as they add them (not by re-reading
 * the range): after any sequence of imports (overlapping, out of order, lines without order ids,
 * duplicates) and undos, every roll-up figure equals the one recomputed from the raw lines.
 */

const HEADER = '訂單編號,項次,交易時間,品名,數量,單價,金額,會員編號,通路,業務員,地區,活動代碼';

interface Line {
  order: number | null;
  lineNo: number;
  day: number;
  hour: number;
  product: number;
  qty: number;
  price: number;
  customer: number | null;
  channel: number | null;
  rep: number | null;
  region: number | null;
  campaign: boolean;
}

const date = (day: number) => {
  const d = new Date(Date.UTC(2026, 0, 28 + day));
  return d.toISOString().slice(0, 10);
};
const pick = (names: readonly string[], i: number | null) => (i === null ? '' : (names[i] ?? ''));
const PRODUCTS = ['拿鐵', '美式咖啡', '禮盒', '司康'];
const CHANNELS = ['門市', '線上商店'];
const REPS = ['小王', '阿明'];
const REGIONS = ['台北市', '新北市', '台中市'];

const csvLine = (l: Line) =>
  [
    l.order === null ? '' : `A${l.order}`,
    l.order === null ? '' : l.lineNo,
    `${date(l.day)} ${String(l.hour).padStart(2, '0')}:15`,
    pick(PRODUCTS, l.product),
    l.qty,
    l.price,
    l.qty * l.price,
    l.customer === null ? '' : `M${l.customer}`,
    pick(CHANNELS, l.channel),
    pick(REPS, l.rep),
    pick(REGIONS, l.region),
    l.campaign ? 'SPRING' : '',
  ].join(',');

const lineArb = fc.record({
  order: fc.option(fc.integer({ min: 1, max: 12 }), { freq: 5 }),
  lineNo: fc.integer({ min: 1, max: 3 }),
  day: fc.integer({ min: 0, max: 40 }),
  hour: fc.integer({ min: 8, max: 21 }),
  product: fc.integer({ min: 0, max: 3 }),
  qty: fc.integer({ min: 1, max: 4 }),
  price: fc.integer({ min: 30, max: 1500 }),
  customer: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 3 }),
  channel: fc.option(fc.integer({ min: 0, max: 1 }), { freq: 4 }),
  rep: fc.option(fc.integer({ min: 0, max: 1 }), { freq: 2 }),
  region: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 3 }),
  campaign: fc.boolean(),
});

async function importSales(client: Client, companyId: string, content: string) {
  const { job } = await importCsv(client, companyId, 'pos.csv', content);
  expect(job.state, JSON.stringify(job)).toBe('done');
  return { importId: job.importId as string, added: job.result.added as number };
}

/** Every roll-up, folded to one row per key (several rows of one key are one figure). */
async function snapshot(db: Kysely<Database>, companyId: string) {
  const t = tenantOf(companyId);
  // Named columns: PostgreSQL names every unnamed COALESCE "coalesce" and every SUM "sum" (one key each).
  const dims = sql`COALESCE(channel_id, -1) AS ch, COALESCE(rep_id, -1) AS rep, COALESCE(region_id, -1) AS reg`;
  const sums = sql`SUM(amount_minor) AS a, SUM(quantity) AS q, SUM(line_count) AS n, SUM(campaign_amount_minor) AS c`;
  const rows = async (q: ReturnType<typeof sql>) =>
    (await q.execute(db)).rows.map((r) =>
      // Dates stay text; numbers (bigint strings on PostgreSQL) are compared as numbers.
      Object.values(r as Record<string, unknown>).map((v) =>
        typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) ? v : String(Number(v)),
      ),
    );
  return {
    daily: await rows(sql`SELECT sale_date, product_id, ${dims}, ${sums} FROM kpi_sales_daily
      WHERE tenant_id = ${t} GROUP BY sale_date, product_id, 3, 4, 5 HAVING SUM(line_count) > 0 ORDER BY 1, 2, 3, 4, 5`),
    monthly: await rows(sql`SELECT month_start, product_id, ${dims}, ${sums} FROM kpi_sales_monthly
      WHERE tenant_id = ${t} GROUP BY month_start, product_id, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`),
    weekly: await rows(sql`SELECT week_start, product_id, ${dims}, ${sums} FROM kpi_sales_weekly
      WHERE tenant_id = ${t} GROUP BY week_start, product_id, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`),
    first: await rows(
      sql`SELECT customer_id, first_date FROM kpi_customer_first WHERE tenant_id = ${t} ORDER BY 1`,
    ),
  };
}

/** Daily snapshot rows (day, product, channel, rep, region, four sums) summed by the day's Monday. */
function weeksOfDays(daily: readonly string[][]): string[][] {
  const weeks = new Map<string, number[]>();
  for (const [day, ...rest] of daily) {
    const key = [mondayOf(day as string), ...rest.slice(0, 4)].join('|');
    const sums = rest.slice(4).map(Number);
    const cur = weeks.get(key);
    weeks.set(key, cur ? cur.map((x, i) => x + (sums[i] as number)) : sums);
  }
  // Ordered as the snapshot's SQL orders them: by week, then numerically by product and members.
  return [...weeks]
    .map(([key, sums]) => [...key.split('|'), ...sums.map(String)])
    .sort((a, b) => {
      for (let i = 0; i < 5; i++) {
        const c = i === 0 ? (a[0] as string).localeCompare(b[0] as string) : Number(a[i]) - Number(b[i]);
        if (c !== 0) return c;
      }
      return 0;
    });
}

describe.each(dialects())('import roll-ups (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('roll-ups kept by imports and undos equal the roll-ups recomputed from the lines', async () => {
    const db = h.runtime.database.db;
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb, { minLength: 1, maxLength: 60 }),
        fc.array(lineArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 60 }),
        fc.boolean(),
        async (first, extra, overlap, undoSecond) => {
          const { client, companyId } = await signUp(h.app);
          // The second file repeats part of the first (duplicates) and adds lines of its own.
          const second = [...first.slice(0, overlap), ...extra];
          const a = await importSales(client, companyId, [HEADER, ...first.map(csvLine)].join('\n'));
          if (second.length > 0) {
            const b = await importSales(client, companyId, [HEADER, ...second.map(csvLine)].join('\n'));
            if (undoSecond) {
              const res = await client.post(`/api/companies/${companyId}/imports/${b.importId}/undo`);
              expect(res.statusCode, res.body).toBe(200);
            }
          }
          expect(a.added).toBeGreaterThan(0);
          const kept = await snapshot(db, companyId);
          // The weekly rows are the daily ones summed by ISO week (the Monday computed here).
          expect(kept.weekly).toEqual(weeksOfDays(kept.daily));
          await rebuildAllRollups(db, companyId);
          const rebuilt = await snapshot(db, companyId);
          expect(kept).toEqual(rebuilt);
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);

  it('a file of several batches (orders across the batch edges) keeps the same roll-ups and order counts', async () => {
    const db = h.runtime.database.db;
    const { client, companyId } = await signUp(h.app);
    // 7,000 lines, three per order: orders 666, 1333 and 1999 straddle the reader's 2,000-line
    // batches, which the sink writes while the next ones are read.
    const lines: Line[] = Array.from({ length: 7000 }, (_, i) => {
      const k = Math.floor(i / 3);
      return {
        order: 100_000 + k,
        lineNo: (i % 3) + 1,
        day: k % 40,
        hour: 8 + (k % 12),
        product: i % 4,
        qty: 1 + (i % 3),
        price: 50 + (i % 7) * 10,
        customer: k % 5 === 0 ? null : (k % 6) + 1,
        channel: k % 2,
        rep: k % 3 === 0 ? null : k % 2,
        region: k % 3,
        campaign: i % 5 === 0,
      };
    });
    const { added } = await importSales(client, companyId, [HEADER, ...lines.map(csvLine)].join('\n'));
    expect(added).toBe(7000);
    const kept = await snapshot(db, companyId);
    const res = await client.get(
      `/api/companies/${companyId}/kpi?metric=orders&from=${date(0)}&to=${date(39)}&grain=month`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const orders = (res.json() as { series: { value: number | null }[] }).series.reduce(
      (n, p) => n + (p.value ?? 0),
      0,
    );
    expect(orders).toBe(Math.ceil(7000 / 3));
    await rebuildAllRollups(db, companyId);
    expect(kept).toEqual(await snapshot(db, companyId));
  }, 120_000);

  it("keeps each customer's earliest first purchase: newest-first files, and an older file after a newer one", async () => {
    const db = h.runtime.database.db;
    const CUSTOMERS = 300;
    // Customer c buys on days d and d + 20 (d from 0 to 9), orders of one line each.
    const line = (i: number, day: number): Line => ({
      order: i,
      lineNo: 1,
      day,
      hour: 9,
      product: i % 4,
      qty: 1,
      price: 100 + (i % 9),
      customer: null,
      channel: i % 2,
      rep: null,
      region: i % 3,
      campaign: false,
    });
    const csv = (lines: readonly Line[]) => [HEADER, ...lines.map(csvLine)].join('\n');
    const withCustomer = (l: Line, c: number) => ({ ...l, customer: c });
    const newer = Array.from({ length: CUSTOMERS }, (_, c) => withCustomer(line(1000 + c, 20 + (c % 10)), c));
    const older = Array.from({ length: CUSTOMERS }, (_, c) =>
      // Half the customers bought earlier than the first file says, half later.
      withCustomer(line(5000 + c, c % 2 === 0 ? c % 10 : 30 + (c % 10)), c),
    );

    // Newest first, in one file: the roll-ups are written day after day going back, so each later
    // piece holds earlier first purchases of customers an earlier piece wrote.
    {
      const { client, companyId } = await signUp(h.app);
      const lines = [...newer, ...older].sort((a, b) => b.day - a.day || (a.order ?? 0) - (b.order ?? 0));
      expect((await importSales(client, companyId, csv(lines))).added).toBe(2 * CUSTOMERS);
      const kept = await snapshot(db, companyId);
      expect(kept.first).toHaveLength(CUSTOMERS);
      await rebuildAllRollups(db, companyId);
      expect(kept).toEqual(await snapshot(db, companyId));
    }
    // The newer file first, then the older one, its lines not in date order (one piece of roll-ups
    // with hundreds of customers whose first purchase is written already).
    {
      const { client, companyId } = await signUp(h.app);
      await importSales(client, companyId, csv(newer));
      const shuffled = fc.sample(fc.shuffledSubarray(older, { minLength: CUSTOMERS }), {
        numRuns: 1,
        seed: 3,
      })[0];
      expect((await importSales(client, companyId, csv(shuffled ?? []))).added).toBe(CUSTOMERS);
      const kept = await snapshot(db, companyId);
      expect(kept.first).toHaveLength(CUSTOMERS);
      await rebuildAllRollups(db, companyId);
      expect(kept).toEqual(await snapshot(db, companyId));
    }
  }, 120_000);

  it('migration 2026120403 fills the weekly roll-up of data imported before it with the rows an import keeps', async () => {
    const db = h.runtime.database.db;
    const { client, companyId } = await signUp(h.app);
    const lines = fc.sample(lineArb, { numRuns: 80, seed: 7 });
    await importSales(client, companyId, [HEADER, ...lines.map(csvLine)].join('\n'));
    const kept = await snapshot(db, companyId);
    expect(kept.weekly.length).toBeGreaterThan(1);
    await sql`DROP TABLE kpi_sales_weekly`.execute(db);
    await salesWeeks.up(db, { dialect: h.runtime.database.kind });
    expect((await snapshot(db, companyId)).weekly).toEqual(kept.weekly);
  });
});
