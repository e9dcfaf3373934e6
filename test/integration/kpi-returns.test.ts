import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKpiRepository } from '../../src/db/kpi/kpi-repository.ts';
import { returnOnlyOrders } from '../../src/db/migrations/2026120801-return-only-orders.ts';
import { tenantOf } from '../../src/db/tenants.ts';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

/**
 * A return written as an order of its own (a POS return slip, a 銷退單 with its own order number:
 * every line negative, or marked 退貨) nets against revenue but is no order: it adds no order, does
 * not lower AOV (net revenue ÷ orders), and makes no customer active, new, repeat or retained
 * (src/core/kpi/glossary.ts). An order of returns that later gains a sale line is an order; undo
 * takes that back.
 */

const HEADER = '訂單編號,項次,交易時間,品名,數量,單價,金額,會員編號';
const WITH_STATUS = '訂單編號,項次,交易時間,品名,數量,單價,金額,會員編號,狀態';

const text = (res: { rows: Record<string, unknown>[] }) =>
  res.rows
    .map((r) =>
      Object.values(r)
        .map((v) => (typeof v === 'string' ? v : String(Number(v))))
        .join(' '),
    )
    .sort();

interface Point {
  period: string;
  value: number | null;
}

async function importSales(client: Client, companyId: string, lines: readonly string[], header = HEADER) {
  const { job } = await importCsv(client, companyId, 'pos.csv', [header, ...lines].join('\n'));
  expect(job.state, JSON.stringify(job)).toBe('done');
  return job.importId as string;
}

describe.each(dialects())('returns written as orders of their own (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  /** The values of `metric` by month, January and February 2026 (`extra`: more of the query string). */
  async function monthly(client: Client, companyId: string, metric: string, extra = '') {
    const res = await client.get(
      `/api/companies/${companyId}/kpi?metric=${metric}&from=2026-01-01&to=2026-02-28&grain=month${extra}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries((res.json() as { series: Point[] }).series.map((p) => [p.period, p.value]));
  }

  it('a sale and a return slip of one customer in a month: one order, AOV of the net sales, one customer, no repeat', async () => {
    const { client, companyId } = await signUp(h.app);
    await importSales(client, companyId, [
      // M1 buys once in February (two lines) and brings a cup back on a return slip of its own.
      'S1,1,2026-02-03 10:00,拿鐵,2,100,200,M1',
      'S1,2,2026-02-03 10:00,美式咖啡,1,100,100,M1',
      'R1,1,2026-02-10 11:00,拿鐵,-1,100,-100,M1',
      // M2 bought in January, returned in February only; M3 only ever returned.
      'S2,1,2026-01-15 10:00,禮盒,1,500,500,M2',
      'R2,1,2026-02-12 10:00,禮盒,-1,500,-500,M2',
      'R3,1,2026-02-14 10:00,拿鐵,-1,100,-100,M3',
    ]);
    const feb = async (metric: string, extra = '') =>
      (await monthly(client, companyId, metric, extra))['2026-02'];
    expect(await feb('revenue')).toBe(300 - 100 - 500 - 100);
    expect(await feb('orders')).toBe(1);
    // AOV = net sales ÷ orders: the returns net in the numerator, add nothing to the denominator.
    expect(await feb('aov')).toBe(-400);
    expect(await feb('customers')).toBe(1);
    expect(await feb('repeat_purchase_rate')).toBe(0);
    expect(await feb('new_customers')).toBe(1);
    // M2 bought in January and only returned goods in February: not retained.
    expect(await feb('retention_rate')).toBe(0);
    // By product and for one product: a return of 拿鐵 or 禮盒 is no order of it, its customer none of its.
    for (const metric of ['orders', 'customers']) {
      const byProduct = await client.get(
        `/api/companies/${companyId}/kpi?metric=${metric}&from=2026-02-01&to=2026-02-28&grain=month&by=product`,
      );
      expect(byProduct.statusCode, byProduct.body).toBe(200);
      const points = (byProduct.json() as { series: (Point & { key?: string | null })[] }).series;
      const values = Object.fromEntries(points.map((p) => [p.key, p.value]));
      expect(values.拿鐵, metric).toBe(1);
      expect(values.美式咖啡, metric).toBe(1);
      expect(values.禮盒 ?? 0, metric).toBe(0);
    }
    const giftBox = `&where=${encodeURIComponent('product=禮盒')}`;
    expect(await feb('customers', giftBox)).toBe(0);
    expect(await feb('orders', giftBox)).toBe(0);
    expect(await feb('revenue', giftBox)).toBe(-500);
  });

  it('an order of returns alone that a later import gives a sale line becomes an order; undo takes it back', async () => {
    const { client, companyId } = await signUp(h.app);
    await importSales(client, companyId, [
      'S1,1,2026-02-03 10:00,拿鐵,1,100,100,M1',
      'X1,1,2026-02-05 10:00,拿鐵,-1,100,-100,M1',
    ]);
    const feb = async (metric: string) => (await monthly(client, companyId, metric))['2026-02'];
    expect(await feb('orders')).toBe(1);
    expect(await feb('repeat_purchase_rate')).toBe(0);
    // The same order number, a sale line: an exchange completed in a second file.
    const second = await importSales(client, companyId, ['X1,2,2026-02-05 10:00,美式咖啡,1,120,120,M1']);
    expect(await feb('orders')).toBe(2);
    expect(await feb('customers')).toBe(1);
    expect(await feb('repeat_purchase_rate')).toBe(1);
    expect(await feb('revenue')).toBe(120);
    const undo = await client.post(`/api/companies/${companyId}/imports/${second}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await feb('orders')).toBe(1);
    expect(await feb('repeat_purchase_rate')).toBe(0);
    expect(await feb('revenue')).toBe(0);
  });

  it('a return slip marked 退貨 (positive quantities, the status says it): the same', async () => {
    const { client, companyId } = await signUp(h.app);
    await importSales(
      client,
      companyId,
      [
        'S1,1,2026-02-03 10:00,拿鐵,2,100,200,M1,已完成',
        'R1,1,2026-02-10 11:00,拿鐵,1,100,100,M1,退貨',
        'R2,1,2026-02-11 11:00,拿鐵,1,100,100,M9,銷退',
      ],
      WITH_STATUS,
    );
    const feb = async (metric: string) => (await monthly(client, companyId, metric))['2026-02'];
    expect(await feb('revenue')).toBe(0);
    expect(await feb('orders')).toBe(1);
    expect(await feb('aov')).toBe(0);
    expect(await feb('customers')).toBe(1);
    expect(await feb('new_customers')).toBe(1);
    expect(await feb('repeat_purchase_rate')).toBe(0);
  });

  it('a rep with returns alone made no sale: revenue per rep divides by the reps who sold', async () => {
    const { client, companyId } = await signUp(h.app);
    await importSales(
      client,
      companyId,
      [
        'S1,1,2026-02-03 10:00,拿鐵,3,100,300,M1,阿明',
        // 小華's only line in February is a return slip of January's sale.
        'S2,1,2026-01-20 10:00,禮盒,1,500,500,M2,小華',
        'R2,1,2026-02-12 10:00,禮盒,-1,100,-100,M2,小華',
      ],
      `${HEADER},業務`,
    );
    const months = await monthly(client, companyId, 'revenue_per_rep');
    expect(months['2026-01']).toBe(500);
    expect(months['2026-02']).toBe(300 - 100);
  });

  it('the migration rebuilds the structures of lines already stored by the rule: as imports keep them', async () => {
    const { client, companyId } = await signUp(h.app);
    await importSales(client, companyId, [
      'S1,1,2026-01-03 10:00,拿鐵,2,100,200,M1',
      'S1,2,2026-01-04 10:00,美式咖啡,1,100,100,M1',
      'R1,1,2026-02-10 11:00,拿鐵,-1,100,-100,M1',
      'S2,1,2026-02-15 10:00,禮盒,1,500,500,M2',
      'S2,2,2026-02-15 10:00,禮盒,-1,500,-500,M2',
      'R3,1,2026-02-14 10:00,拿鐵,-1,100,-100,M3',
    ]);
    const db = h.runtime.database.db;
    const t = tenantOf(companyId);
    /** The order counts folded per cell, the complex orders and the first purchases, as text. */
    const tables = async () => ({
      orders: text(
        await sql<Record<string, unknown>>`
          SELECT sale_date, COALESCE(channel_id, -1) AS ch, COALESCE(rep_id, -1) AS rp, COALESCE(region_id, -1) AS rg,
            SUM(order_count) AS n, SUM(customer_order_count) AS c
          FROM kpi_orders_daily WHERE tenant_id = ${t} GROUP BY 1, 2, 3, 4
          HAVING SUM(order_count) <> 0 OR SUM(customer_order_count) <> 0`.execute(db),
      ),
      complex: text(
        await sql<
          Record<string, unknown>
        >`SELECT order_id FROM kpi_complex_orders WHERE tenant_id = ${t}`.execute(db),
      ),
      first: text(
        await sql<
          Record<string, unknown>
        >`SELECT customer_id, first_date FROM kpi_customer_first WHERE tenant_id = ${t}`.execute(db),
      ),
    });
    /** The distinct figures of January and February, read from the structures (no results cache). */
    const figures = async () => {
      const repo = createKpiRepository(db);
      const months = [
        { start: '2026-01-01', end: '2026-01-31' },
        { start: '2026-02-01', end: '2026-02-28' },
      ];
      const facts = (await repo.orderFacts({ companyId, by: null, where: {} }, months))
        .map(
          (f) =>
            `${f.bucket}=${f.orders}/${f.customers}/${f.repeatCustomers}/${f.customerOrders}/${f.customerRevenueMinor}`,
        )
        .sort();
      const fresh = (await repo.newCustomerFacts({ companyId, by: 'channel', where: {} }, months)).map(
        (f) => `${f.bucket}=${f.count}`,
      );
      return { facts, fresh };
    };
    const before = await figures();
    expect(before.facts).toEqual(['0=1/1/0/1/30000', '1=1/1/0/1/-20000']);
    const kept = await tables();
    await returnOnlyOrders.up(db, { dialect: h.runtime.database.kind });
    // Rebuilt from the lines: the same figures and the same counts, complex orders and first purchases.
    expect(await figures()).toEqual(before);
    expect(await tables()).toEqual(kept);
  });
});
