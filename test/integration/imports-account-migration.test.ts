import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.ts';
import { olderCompany } from './older-database.ts';

describe.each(dialects())('migration 2026120306-import-accounts (%s)', (dialect) => {
  let tdb: TestDatabase | null = null;
  afterEach(async () => {
    await tdb?.drop();
    tdb = null;
  });

  it('gives older sales imports their per-day counts of the facts their mapping lacked', async () => {
    tdb = await createTestDatabase(dialect);
    const d = openDatabase(tdb.config);
    const { db, tenant } = await olderCompany(d, '2026120305-plan-nodes');
    const imp = (id: string, seq: number, mapping: Record<string, number | null>, status = 'committed') => ({
      id,
      seq,
      company_id: 'c-1',
      kind: 'sales',
      file_name: `${id}.csv`,
      file_sha256: 'x',
      file_bytes: 1,
      status,
      mapping: JSON.stringify({ mapping, headers: [] }),
      first_date: '2026-01-05',
      last_date: '2026-01-06',
      created_at: '2026-01-07T00:00:00Z',
    });
    // An order report (no product, quantity, customer), a complete file, and an undone order report.
    const orders = { date: 0, amount: 1, orderId: 2, product: null, quantity: null, customer: null };
    await db
      .insertInto('imports')
      .values([
        imp('orders', 11, orders),
        imp('full', 12, { date: 0, amount: 1, orderId: 2, product: 3, quantity: 4, customer: 5 }),
        imp('gone', 13, orders, 'undone'),
      ])
      .execute();
    const seqs = Object.fromEntries(
      (await db.selectFrom('imports').select(['id', 'seq']).execute()).map((r) => [r.id, Number(r.seq)]),
    );
    await db.insertInto('products').values({ company_id: 'c-1', name: 'p' }).execute();
    const line = (order: string, date: string, seq: number) => ({
      tenant_id: tenant,
      order_id: order,
      line_no: 1,
      sold_at: `${date}T10:00`,
      sale_date: date,
      product_id: 1,
      quantity: 1,
      unit_price_minor: 100,
      discount_minor: 0,
      amount_minor: 100,
      currency: 'TWD',
      import_seq: seq,
    });
    await db
      .insertInto('sales_lines')
      .values([
        line('M1', '2026-01-05', seqs.orders as number),
        line('M2', '2026-01-05', seqs.orders as number),
        line('M3', '2026-01-06', seqs.orders as number),
        line('F1', '2026-01-05', seqs.full as number),
        // A line of the complete file whose order-id cell was empty (stored under a content key).
        line('#content-key', '2026-01-05', seqs.full as number),
      ])
      .execute();

    expect(await migrateToLatest(d)).toContain('2026120306-import-accounts');
    const rows = await d.db
      .selectFrom('import_gap_lines')
      .select(['import_seq', 'day', 'gap', 'lines'])
      .orderBy('gap')
      .orderBy('day')
      .execute();
    // By hand: the order report's 3 lines (2 on the 5th, 1 on the 6th) for each of its 3 gaps; the
    // complete file's one line with an empty order id (2026120309).
    const report = (gap: string) => [
      [seqs.orders, '2026-01-05', gap, 2],
      [seqs.orders, '2026-01-06', gap, 1],
    ];
    expect(rows.map((r) => [Number(r.import_seq), r.day, r.gap, Number(r.lines)])).toEqual([
      ...report('assumedQuantity'),
      [seqs.full, '2026-01-05', 'blankOrderIds', 1],
      ...report('noCustomer'),
      ...report('noProduct'),
    ]);
    const accounts = await d.db.selectFrom('imports').select('account').execute();
    expect(accounts.every((a) => a.account === null)).toBe(true);
    await d.close();
  });
});
