import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.ts';

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

  it('keeps tenant data apart: every company-owned table has company_id', async () => {
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
      expect(
        t.columns.map((c) => c.name),
        t.name,
      ).toContain('company_id');
    }
    await d.close();
  });
});
