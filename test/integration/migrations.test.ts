import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.ts';
import { olderCompany } from './older-database.ts';

describe.each(dialects())('migrations (%s)', (dialect) => {
  let tdb: TestDatabase | null = null;
  afterEach(async () => {
    await tdb?.drop();
    tdb = null;
  });

  it('applies every migration once, records them, and is a no-op the second time', async () => {
    tdb = await createTestDatabase(dialect);
    const d1 = openDatabase(tdb.config);
    expect(await migrateToLatest(d1)).toEqual(Object.keys(migrations));
    const rows = await d1.db
      .selectFrom(sql<{ name: string }>`pacer_migrations`.as('m'))
      .select('name')
      .orderBy('name')
      .execute();
    expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations));
    await d1.close();
    const d2 = openDatabase(tdb.config);
    expect(await migrateToLatest(d2)).toEqual([]);
    await d2.close();
  });

  it('refuses to start on a database whose history holds a migration this version does not know', async () => {
    tdb = await createTestDatabase(dialect);
    const d = openDatabase(tdb.config);
    await migrateToLatest(d);
    await sql`insert into pacer_migrations (name, timestamp) values ('2099010100-from-the-future', '2099-01-01T00:00:00Z')`.execute(
      d.db,
    );
    await expect(migrateToLatest(d)).rejects.toThrow(/2099010100-from-the-future/);
    await d.close();
  });

  it('keeps tenant data apart: every company-owned table has company_id (fact tables: tenant_id)', async () => {
    tdb = await createTestDatabase(dialect);
    const d = openDatabase(tdb.config);
    await migrateToLatest(d);
    const tables = await d.db.introspection.getTables();
    const global = new Set([
      'companies',
      'users',
      'sessions',
      'login_throttle',
      'pacer_migrations',
      'pacer_migrations_lock',
    ]);
    for (const t of tables) {
      if (global.has(t.name)) continue;
      const columns = t.columns.map((c) => c.name);
      expect(columns.includes('company_id') || columns.includes('tenant_id'), t.name).toBe(true);
    }
    await d.close();
  });

  it('2026112706-lean-facts keeps every sales line, import number and roll-up figure of an older database', async () => {
    tdb = await createTestDatabase(dialect);
    const d = openDatabase(tdb.config);
    await migrateTo(d, '2026112705-goals');
    // An older database: two companies, lines from an import and from the demo writer, roll-ups.
    const db = d.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    for (const [id, at] of [
      ['c-1', '2026-01-01T00:00:00Z'],
      ['c-2', '2026-01-02T00:00:00Z'],
    ])
      await db.insertInto('companies').values({ id, name: id, created_at: at }).execute();
    await db
      .insertInto('imports')
      .values({
        id: 'imp-1',
        company_id: 'c-2',
        kind: 'sales',
        file_name: 'pos.csv',
        file_sha256: 'x',
        file_bytes: 1,
        status: 'committed',
        mapping: '{}',
        created_at: '2026-01-03T00:00:00Z',
      })
      .execute();
    await db.insertInto('products').values({ company_id: 'c-2', name: '拿鐵' }).execute();
    const line = (company: string, order: string, importId: string | null) => ({
      company_id: company,
      order_id: order,
      line_no: 1,
      sold_at: '2026-01-05T10:00',
      sale_date: '2026-01-05',
      product_id: 1,
      quantity: 2,
      unit_price_minor: 12000,
      discount_minor: 0,
      amount_minor: 24000,
      currency: 'TWD',
      import_id: importId,
    });
    await db
      .insertInto('sales_lines')
      .values([line('c-2', 'A1', 'imp-1'), line('c-2', 'A2', null), line('c-1', 'A1', null)])
      .execute();
    await db
      .insertInto('kpi_sales_daily')
      .values({
        company_id: 'c-2',
        sale_date: '2026-01-05',
        product_id: 1,
        amount_minor: 48000,
        quantity: 4,
        line_count: 2,
        campaign_amount_minor: 0,
      })
      .execute();
    await db
      .insertInto('kpi_customer_first')
      .values({ company_id: 'c-2', customer_id: 9, first_date: '2026-01-05' })
      .execute();

    expect(await migrateToLatest(d)).toContain('2026112706-lean-facts');
    const tenants = await d.db.selectFrom('tenants').select(['id', 'company_id']).orderBy('id').execute();
    expect(tenants.map((t) => t.company_id)).toEqual(['c-1', 'c-2']);
    const c2 = Number(tenants[1]?.id);
    const lines = await d.db
      .selectFrom('sales_lines')
      .select(['tenant_id', 'order_id', 'import_seq', 'amount_minor'])
      .orderBy('id')
      .execute();
    const seq = Number((await d.db.selectFrom('imports').select('seq').executeTakeFirstOrThrow()).seq);
    expect(
      lines.map((l) => [
        Number(l.tenant_id),
        l.order_id,
        l.import_seq === null ? null : Number(l.import_seq),
      ]),
    ).toEqual([
      [c2, 'A1', seq],
      [c2, 'A2', null],
      [Number(tenants[0]?.id), 'A1', null],
    ]);
    const daily = await d.db.selectFrom('kpi_sales_daily').selectAll().execute();
    expect(daily.map((r) => [Number(r.tenant_id), Number(r.amount_minor), Number(r.line_count)])).toEqual([
      [c2, 48000, 2],
    ]);
    const first = await d.db.selectFrom('kpi_customer_first').selectAll().execute();
    expect(first.map((r) => [Number(r.tenant_id), Number(r.customer_id), r.first_date])).toEqual([
      [c2, 9, '2026-01-05'],
    ]);
    // New lines and imports continue after the copied ones.
    const next = await d.db
      .insertInto('sales_lines')
      .values({
        tenant_id: c2,
        order_id: 'A3',
        line_no: 1,
        sold_at: '2026-01-06T10:00',
        sale_date: '2026-01-06',
        product_id: 1,
        quantity: 1,
        unit_price_minor: 100,
        discount_minor: 0,
        amount_minor: 100,
        currency: 'TWD',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(Number(next.id)).toBe(4);
    await d.close();
  });

  it('2026120601-line-quantity-double keeps a line quantity as it was written (0.1, not 0.10000000149011612)', async () => {
    tdb = await createTestDatabase(dialect);
    const d = openDatabase(tdb.config);
    const { db, tenant } = await olderCompany(d, '2026120403-sales-weeks');
    await db.insertInto('products').values({ company_id: 'c-1', name: '散裝咖啡豆' }).execute();
    const line = (order: string, quantity: number) => ({
      tenant_id: tenant,
      order_id: order,
      line_no: 1,
      sold_at: '2026-01-05T10:00',
      sale_date: '2026-01-05',
      product_id: 1,
      quantity,
      unit_price_minor: 100,
      discount_minor: 0,
      amount_minor: 100,
      currency: 'TWD',
    });
    await db
      .insertInto('sales_lines')
      .values([line('A1', 0.1), line('A2', 1234.5)])
      .execute();

    expect(await migrateToLatest(d)).toContain('2026120601-line-quantity-double');
    const read = async () =>
      (
        await d.db.selectFrom('sales_lines').select(['order_id', 'quantity']).orderBy('order_id').execute()
      ).map((r) => [r.order_id, Number(r.quantity)]);
    expect(await read()).toEqual([
      ['A1', 0.1],
      ['A2', 1234.5],
    ]);
    // New lines keep every digit a double holds.
    await db.insertInto('sales_lines').values(line('A3', 16777217.25)).execute();
    expect((await read())[2]).toEqual(['A3', 16777217.25]);
    await d.close();
  });
});

describe('new SQLite databases', () => {
  let tdb: TestDatabase | null = null;
  afterEach(async () => {
    await tdb?.drop();
    tdb = null;
  });

  it('use 8 KiB pages', async () => {
    tdb = await createTestDatabase('sqlite');
    const d = openDatabase(tdb.config);
    await migrateToLatest(d);
    expect(d.sqlite?.pragma('page_size', { simple: true })).toBe(8192);
    await d.close();
  });
});
