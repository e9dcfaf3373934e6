import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tenantOf } from '../../src/db/tenants.ts';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

/**
 * A statement the database refuses in the middle of a long import (here a trigger on one line; in
 * life a constraint, a full disk, a killed backend): the import fails and leaves nothing, even with
 * later batches already handed to the sink (the PostgreSQL sink queues a batch's inserts before the
 * batch before it is rolled up, kysely-sink.ts), and the next import of the same file adds every line.
 */

const LINES = 12_000;
const BAD = 'B07000';

function csv(): string {
  const out = ['訂單編號,交易日期,品名,數量,金額'];
  for (let i = 1; i <= LINES; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    out.push(`B${String(i).padStart(5, '0')},2026-02-${day},拿鐵,1,${100 + (i % 7)}`);
  }
  return out.join('\n');
}
const TOTAL = Array.from({ length: LINES }, (_, i) => 100 + ((i + 1) % 7)).reduce((a, b) => a + b, 0);

describe.each(dialects())('a statement refused in the middle of an import (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());
  afterEach(() => {
    delete process.env.PACER_IMPORT_BATCH;
  });

  /**
   * On SQLite, ABORT undoes the refused statement's own rows; FAIL keeps the rows it wrote before the
   * refused one (as the import's multi-row inserts do, INSERT OR FAIL: bulk-insert.ts), so only the
   * import's rollback takes them away.
   */
  const refuse = async (how: 'ABORT' | 'FAIL') => {
    const db = h.runtime.database.db;
    if (dialect === 'sqlite')
      await sql
        .raw(`CREATE TRIGGER refuse_line BEFORE INSERT ON sales_lines WHEN NEW.order_id = '${BAD}'
          BEGIN SELECT RAISE(${how}, 'test: a line the database refuses'); END`)
        .execute(db);
    else {
      await sql
        .raw(`CREATE OR REPLACE FUNCTION refuse_line() RETURNS trigger AS $$
          BEGIN IF NEW.order_id = '${BAD}' THEN RAISE EXCEPTION 'test: a line the database refuses'; END IF;
          RETURN NEW; END $$ LANGUAGE plpgsql`)
        .execute(db);
      await sql`CREATE TRIGGER refuse_line BEFORE INSERT ON sales_lines FOR EACH ROW EXECUTE FUNCTION refuse_line()`.execute(
        db,
      );
    }
  };
  const allow = () =>
    sql
      .raw(dialect === 'sqlite' ? 'DROP TRIGGER refuse_line' : 'DROP TRIGGER refuse_line ON sales_lines')
      .execute(h.runtime.database.db);

  // Several batches in the sink at once (the sink's own size: 1,000 lines on SQLite, 2,000 on PostgreSQL),
  // and one batch of several inserts.
  // RAISE(FAIL) is SQLite's; the PostgreSQL trigger raises one way.
  const cases = (
    [
      ["the sink's own batches", undefined, 'ABORT'],
      ['one batch of 12,000 lines', String(LINES), 'ABORT'],
      ['one batch, the statement keeping the rows before the refused one', String(LINES), 'FAIL'],
    ] as const
  ).filter(([, , how]) => how === 'ABORT' || dialect === 'sqlite');
  it.each(cases)(
    'fails the import and leaves nothing (%s); the same file then adds every line',
    async (_, batch, how) => {
      if (batch) process.env.PACER_IMPORT_BATCH = batch;
      const { client, companyId } = await signUp(h.app);
      const db = h.runtime.database.db;
      const content = csv();
      await refuse(how);
      try {
        const job = await importCsv(client, companyId, 'pos.csv', content).then((r) => r.job);
        expect(job.state, JSON.stringify(job)).toBe('failed');
      } finally {
        await allow();
      }
      const count = async () =>
        Number(
          (
            await db
              .selectFrom('sales_lines')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('tenant_id', '=', tenantOf(companyId))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count()).toBe(0);
      expect(
        await db.selectFrom('imports').select('id').where('company_id', '=', companyId).execute(),
      ).toEqual([]);
      const rolled = await db
        .selectFrom('kpi_sales_daily')
        .select('sale_date')
        .where('tenant_id', '=', tenantOf(companyId))
        .execute();
      expect(rolled).toEqual([]);

      const again = await importCsv(client, companyId, 'pos.csv', content).then((r) => r.job);
      expect(again.state, JSON.stringify(again)).toBe('done');
      expect(again.result.added).toBe(LINES);
      expect(await count()).toBe(LINES);
      const kpi = await client.get(
        `/api/companies/${companyId}/kpi?metric=revenue&from=2026-02-01&to=2026-02-28&grain=month`,
      );
      expect(kpi.statusCode, kpi.body).toBe(200);
      expect(kpi.json().total.map((p: { value: number }) => p.value)).toEqual([TOTAL]);
    },
    120_000,
  );
});
