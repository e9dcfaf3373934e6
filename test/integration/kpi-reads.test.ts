import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors/app-error.ts';
import { openReadDatabase } from '../../src/db/connect.ts';
import { createKpiRepository } from '../../src/db/kpi/kpi-repository.ts';
import { vacuumKpiTables } from '../../src/db/kpi/table-upkeep.ts';
import { withReadTimeouts } from '../../src/db/read-pool/read-timeouts.ts';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

/**
 * KPI reads run off the event loop (read threads on SQLite, a pool on PostgreSQL) with a time limit,
 * and their results are cached under the company's data version, which every import, undo and
 * catalog merge changes.
 */

const HEADER = '訂單編號,項次,交易時間,品名,數量,單價,金額,會員編號,通路';
const lines = (prefix: string, n: number, channel: (i: number) => string) =>
  Array.from(
    { length: n },
    (_, i) =>
      `${prefix}${i},1,2026-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00,拿鐵,1,100,100,M${i % 4},${channel(i)}`,
  );

async function importSales(client: Client, companyId: string, rows: readonly string[]) {
  const { job } = await importCsv(client, companyId, 'pos.csv', [HEADER, ...rows].join('\n'));
  expect(job.state, JSON.stringify(job)).toBe('done');
  return job.importId as string;
}

const kpi = async (client: Client, companyId: string, query: string) => {
  const res = await client.get(`/api/companies/${companyId}/kpi?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { series: { key: string | null; value: number | null }[] };
  return body.series.map((p) => `${p.key ?? ''}=${p.value}`).sort();
};

/** A query that keeps its connection busy for a few seconds. */
const slowQuery = (dialect: string) =>
  dialect === 'postgres'
    ? sql`SELECT pg_sleep(3) AS x`
    : sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000000) SELECT COUNT(*) AS x FROM n`;

describe.each(dialects())('KPI reads (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  /** Merges the channel named `from` into the one named `into`, through the API. */
  const mergeChannel = async (client: Client, companyId: string, from: string, into: string) => {
    const channels = await h.runtime.database.db
      .selectFrom('channels')
      .select(['id', 'name'])
      .where('company_id', '=', companyId)
      .execute();
    const id = (name: string) => channels.find((c) => c.name === name)?.id;
    const merged = await client.post(`/api/companies/${companyId}/catalog/channels/${id(from)}/merge`, {
      intoId: String(id(into)),
    });
    expect(merged.statusCode, merged.body).toBe(200);
  };

  it('a slow read does not hold other requests: health is served meanwhile', async () => {
    let done = false;
    // Settles either way (on a very busy machine the read may reach its time limit).
    const slow = slowQuery(dialect)
      .execute(h.runtime.reads.db)
      .catch(() => null)
      .finally(() => {
        done = true;
      });
    let served = 0;
    // Bounded by requests, not by time: at most 5,000 health checks while the query runs.
    while (!done && served < 5000) {
      const res = await h.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      served += 1;
    }
    await slow;
    // On the server's own connection the query would have held the event loop: none served.
    expect(served).toBeGreaterThanOrEqual(20);
  }, 120_000);

  // Linux gives each thread a priority of its own (elsewhere the import's priority is left alone).
  it.runIf(dialect === 'sqlite' && process.platform === 'linux')(
    'the SQLite import writer yields the CPU to reads: its thread runs at nice 10, the server at its own',
    async () => {
      const { client, companyId } = await signUp(h.app);
      await importSales(
        client,
        companyId,
        lines('P', 3, () => '門市'),
      );
      // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice (after the command's parentheses).
      const nice = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      const tasks = readdirSync('/proc/self/task').map((tid) =>
        nice(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')),
      );
      expect(tasks.filter((n) => n >= 10).length).toBeGreaterThanOrEqual(1);
      expect(nice(readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'))).toBe(getPriority(0));
    },
  );

  it('warm() opens every read thread or connection before the first read', async () => {
    const reads = openReadDatabase(h.db.config, h.runtime.database, { size: 2 });
    try {
      expect(await reads.warm()).toBe(2);
      // Again: nothing more to open.
      expect(await reads.warm()).toBe(2);
      const after = await sql<{ x: unknown }>`SELECT 1 AS x`.execute(reads.db);
      expect(Number(after.rows[0]?.x)).toBe(1);
    } finally {
      await reads.close();
    }
  }, 60_000);

  it.runIf(dialect === 'sqlite')(
    'the SQLite read threads read the database file through a memory map',
    async () => {
      const reads = openReadDatabase(h.db.config, h.runtime.database, { size: 1 });
      try {
        const res = await sql<{ mmap_size: unknown }>`PRAGMA mmap_size`.execute(reads.db);
        expect(Number(res.rows[0]?.mmap_size)).toBeGreaterThanOrEqual(256 * 1024 * 1024);
      } finally {
        await reads.close();
      }
    },
  );

  it.runIf(dialect === 'postgres')(
    'PostgreSQL read connections stay open while the server is idle (the same backends serve later reads)',
    async () => {
      // An idle timeout far shorter than the wait: only connections beyond the kept ones may close.
      const reads = openReadDatabase(h.db.config, h.runtime.database, { size: 3, idleTimeoutMs: 40 });
      try {
        expect(await reads.warm()).toBe(3);
        // Three reads at once hold the three connections: their backends' process ids.
        const backends = async () =>
          new Set(
            await Promise.all(
              [0, 1, 2].map(async () =>
                Number(
                  (
                    await sql<{ pid: unknown }>`SELECT pg_backend_pid() AS pid, pg_sleep(0.1)`.execute(
                      reads.db,
                    )
                  ).rows[0]?.pid,
                ),
              ),
            ),
          );
        const before = await backends();
        expect(before.size).toBe(3);
        await new Promise((done) => setTimeout(done, 400));
        expect(await backends()).toEqual(before);
      } finally {
        await reads.close();
      }
    },
    60_000,
  );

  it('a read past the time limit fails with QUERY_TIMEOUT, and the next read is served', async () => {
    const reads = openReadDatabase(h.db.config, h.runtime.database, { size: 1, timeoutMs: 300 });
    try {
      const repo = withReadTimeouts(createKpiRepository(reads.db, h.runtime.database.db));
      const err = await slowQuery(dialect)
        .execute(reads.db)
        .then(
          () => null,
          (e: unknown) => e,
        );
      // The repository tells PostgreSQL's statement timeout as the same error the read threads give.
      const told = await withReadTimeouts({
        ...repo,
        dataVersion: () => Promise.reject(err),
      })
        .dataVersion('x')
        .catch((e: unknown) => e);
      expect(told).toBeInstanceOf(AppError);
      expect((told as AppError).code).toBe('QUERY_TIMEOUT');
      const after = await sql<{ x: unknown }>`SELECT 1 AS x`.execute(reads.db);
      expect(Number(after.rows[0]?.x)).toBe(1);
    } finally {
      await reads.close();
    }
  }, 60_000);

  it.runIf(dialect === 'postgres')(
    'PostgreSQL reads run without JIT compilation and sort a year of cells in memory',
    async () => {
      const setting = async (name: string) =>
        String(
          (await sql<{ v: unknown }>`SELECT current_setting(${name}) AS v`.execute(h.runtime.reads.db))
            .rows[0]?.v,
        );
      expect(await setting('jit')).toBe('off');
      expect(await setting('work_mem')).toBe('64MB');
    },
  );

  it.runIf(dialect === 'postgres')(
    'PostgreSQL: after an import, an undo and a merge, the KPI tables are vacuumed (index-only scans read no table page)',
    async () => {
      const { client, companyId } = await signUp(h.app);
      const db = h.runtime.database.db;
      // The table pages a read of the company's cells visits beside the index (an index-only scan
      // visits none once VACUUM has marked the pages all-visible; ANALYZE alone does not).
      const heapFetches = (table: string) =>
        db.transaction().execute(async (trx) => {
          await sql`SET LOCAL enable_seqscan = off`.execute(trx);
          await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
          const plan = await sql<{ 'QUERY PLAN': unknown }>`
            EXPLAIN (ANALYZE, FORMAT JSON)
            SELECT month_start, customer_id FROM ${sql.table(table)}
            WHERE tenant_id = (SELECT id FROM tenants WHERE company_id = ${companyId})
              AND month_start BETWEEN '2026-01-01' AND '2026-12-01'`.execute(trx);
          const text = JSON.stringify(plan.rows[0]?.['QUERY PLAN']);
          expect(text).toContain('Index Only Scan');
          return [...text.matchAll(/"Heap Fetches":(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
        });
      const hidden = async () => ({
        customers: await heapFetches('kpi_customer_monthly'),
        products: await heapFetches('kpi_customer_product_monthly'),
      });
      const none = { customers: 0, products: 0 };
      await importSales(
        client,
        companyId,
        lines('V', 400, (i) => (i % 2 ? '門市' : '線上商店')),
      );
      expect(await hidden()).toEqual(none);
      const second = await importSales(
        client,
        companyId,
        lines('W', 50, () => '外送'),
      );
      expect(await hidden()).toEqual(none);
      const undo = await client.post(`/api/companies/${companyId}/imports/${second}/undo`);
      expect(undo.statusCode, undo.body).toBe(200);
      expect(await hidden()).toEqual(none);
      await mergeChannel(client, companyId, '線上商店', '門市');
      expect(await hidden()).toEqual(none);
    },
    120_000,
  );

  it.runIf(dialect === 'postgres')(
    'PostgreSQL: a VACUUM that fails after the write committed is a process warning, not a failed write',
    async () => {
      const warnings: string[] = [];
      const listen = (w: Error) => warnings.push(w.message);
      process.on('warning', listen);
      try {
        // VACUUM cannot run inside a transaction block: this one fails.
        await h.runtime.database.db.connection().execute(async (conn) => {
          await sql`BEGIN`.execute(conn);
          await vacuumKpiTables(conn, false);
          await sql`ROLLBACK`.execute(conn);
        });
        await new Promise((r) => setImmediate(r));
      } finally {
        process.off('warning', listen);
      }
      expect(warnings.filter((w) => w.includes('VACUUM of the KPI tables failed'))).toHaveLength(1);
    },
  );

  it('cached results change with every import, undo and merge, and never before', async () => {
    const { client, companyId } = await signUp(h.app);
    const q = 'metric=orders&from=2026-03-01&to=2026-03-31&grain=month&by=channel';
    await importSales(
      client,
      companyId,
      lines('A', 20, (i) => (i % 2 ? '門市' : '線上商店')),
    );
    const first = await kpi(client, companyId, q);
    expect(first).toEqual(['線上商店=10', '門市=10']);
    expect(await kpi(client, companyId, q)).toEqual(first);

    const second = await importSales(
      client,
      companyId,
      lines('B', 6, () => '外送'),
    );
    expect(await kpi(client, companyId, q)).toEqual(['外送=6', '線上商店=10', '門市=10']);

    const undo = await client.post(`/api/companies/${companyId}/imports/${second}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await kpi(client, companyId, q)).toEqual(first);

    await mergeChannel(client, companyId, '線上商店', '門市');
    expect(await kpi(client, companyId, q)).toEqual(['門市=20']);
  }, 120_000);
});
