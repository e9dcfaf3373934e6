import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/db/runtime.ts';
import { tenantOf } from '../../src/db/tenants.ts';
import { buildApp } from '../../src/server/build-app.ts';
import { Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

/**
 * Two server processes on one database (README: several may share one PostgreSQL) import files of
 * one company at once, both naming the same new customers. Each process runs its own imports one at
 * a time, so the two transactions meet in the database: on PostgreSQL the second waits on the first's
 * new customers, and its one-statement look-up (kysely-sink.ts) cannot see rows committed after the
 * statement began, so it looks them up again. Every line keeps its customer, and the customer counts
 * equal the lines'.
 */

const CUSTOMERS = 400;
function file(prefix: string): string {
  const out = ['訂單編號,交易日期,品名,數量,金額,會員編號'];
  for (let i = 1; i <= 3000; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    out.push(`${prefix}${i},2026-03-${day},拿鐵,1,120,M${1 + (i % CUSTOMERS)}`);
  }
  return out.join('\n');
}

describe.each(dialects())('two server processes import one company at once (%s)', (dialect) => {
  let h: Harness;
  let other: Runtime;
  beforeAll(async () => {
    h = await startHarness(dialect);
    other = await openRuntime(h.db.config);
  });
  afterAll(async () => {
    await other?.close();
    await h?.close();
  });

  it('keeps every line its customer when both files create the same customers', async () => {
    const { client, companyId } = await signUp(h.app);
    const app2 = await buildApp({
      ctx: other.ctx,
      databaseKind: other.database.kind,
      webDir: null,
      authRateLimitPerMinute: 100_000,
    });
    try {
      // The same session, served by the other process (sessions live in the database).
      const client2 = new Client(app2);
      client2.cookie = client.cookie;
      client2.csrf = client.csrf;
      const db = h.runtime.database.db;
      // An earlier import (other customers): the company's tenant row exists, so the two imports
      // do not wait on its creation.
      const earlier = await importCsv(
        client,
        companyId,
        'earlier.csv',
        '訂單編號,交易日期,品名,數量,金額,會員編號\nE1,2026-02-01,拿鐵,1,120,X1',
      );
      expect(earlier.job.state, JSON.stringify(earlier.job)).toBe('done');
      if (dialect === 'postgres') {
        // The first import's last line holds its transaction open for two seconds, after its new
        // customers are written: the second import starts meanwhile and meets them uncommitted.
        await sql
          .raw(`CREATE OR REPLACE FUNCTION hold_line() RETURNS trigger AS $$
            BEGIN IF NEW.order_id = 'A3000' THEN PERFORM pg_sleep(2); END IF; RETURN NEW; END $$ LANGUAGE plpgsql`)
          .execute(db);
        await sql`CREATE TRIGGER hold_line BEFORE INSERT ON sales_lines FOR EACH ROW EXECUTE FUNCTION hold_line()`.execute(
          db,
        );
      }
      const first = importCsv(client, companyId, 'a.csv', file('A'));
      if (dialect === 'postgres')
        for (let i = 0; i < 200; i++) {
          const held = await sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM pg_stat_activity
            WHERE wait_event = 'PgSleep'`.execute(db);
          if (Number(held.rows[0]?.n) > 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
      const [a, b] = await Promise.all([first, importCsv(client2, companyId, 'b.csv', file('B'))]);
      if (dialect === 'postgres') await sql`DROP TRIGGER hold_line ON sales_lines`.execute(db);
      expect(a.job.state, JSON.stringify(a.job)).toBe('done');
      expect(b.job.state, JSON.stringify(b.job)).toBe('done');
      expect(a.job.result.added + b.job.result.added).toBe(6000);
    } finally {
      await app2.close();
    }
    const db = h.runtime.database.db;
    const lines = await sql<{ n: unknown; unknown: unknown; customers: unknown }>`
      SELECT COUNT(*) AS n, COUNT(*) - COUNT(customer_id) AS unknown, COUNT(DISTINCT customer_id) AS customers
      FROM sales_lines WHERE tenant_id = ${tenantOf(companyId)} AND sale_date >= '2026-03-01'`.execute(db);
    expect(lines.rows.map((r) => [Number(r.n), Number(r.unknown), Number(r.customers)])).toEqual([
      [6000, 0, CUSTOMERS],
    ]);
    const kpi = await client.get(
      `/api/companies/${companyId}/kpi?metric=customers&from=2026-03-01&to=2026-03-31&grain=month`,
    );
    expect(kpi.statusCode, kpi.body).toBe(200);
    expect(kpi.json().total.map((p: { value: number }) => p.value)).toEqual([CUSTOMERS]);
  }, 120_000);
});
