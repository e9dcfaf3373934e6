import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/errors/app-error.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { runSqliteImport, SqliteImportThread } from '../../src/db/imports/sqlite-import-client.ts';
import { asImportStorageError } from '../../src/db/imports/storage-errors.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { tenantOf } from '../../src/db/tenants.ts';
import { type Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { createTestDatabase, dialects } from '../support/databases.ts';

/**
 * BENCHMARKS.md's reliability cases "database locked during an import" and "disk full": a clear
 * error in the user's language, nothing half-written, reads keep working.
 */

const CSV = [
  '訂單編號,交易日期,品名,數量,金額',
  'A001,2026-01-05,拿鐵,2,240',
  'A002,2026-01-06,司康,1,90',
].join('\n');

async function startImport(client: Client, companyId: string) {
  const up = await client.upload(`/api/companies/${companyId}/imports/uploads`, 'pos.csv', CSV);
  expect(up.statusCode, up.body).toBe(201);
  const started = await client.post(`/api/companies/${companyId}/imports`, {
    uploadId: up.json().uploadId,
    kind: 'sales',
  });
  expect(started.statusCode, started.body).toBe(202);
  return started.json().jobId as string;
}

async function waitFor(client: Client, companyId: string, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await client.get(`/api/companies/${companyId}/imports/jobs/${jobId}`)).json();
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the import did not end');
}

describe.each(dialects())('import faults (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('a database another writer keeps locked fails the import with a clear message, nothing written, reads still served', async () => {
    const { client, companyId } = await signUp(h.app);
    const db = h.runtime.database.db;
    // Another writer holds the lock for longer than an import waits (10 s).
    let release = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    let holder: Promise<unknown>;
    if (dialect === 'sqlite') {
      const other = new SQLite(h.runtime.database.location);
      other.exec('BEGIN IMMEDIATE');
      holder = released.then(() => {
        other.exec('ROLLBACK');
        other.close();
      });
    } else {
      let locked = () => {};
      const isLocked = new Promise<void>((r) => {
        locked = r;
      });
      holder = db.transaction().execute(async (trx) => {
        await sql`LOCK TABLE sales_lines IN SHARE MODE`.execute(trx);
        locked();
        await released;
      });
      await isLocked;
    }
    try {
      const jobId = await startImport(client, companyId);
      // Reads are served while the import waits.
      const kpi = await client.get(
        `/api/companies/${companyId}/kpi?metric=revenue&from=2026-01-01&to=2026-01-31&grain=month`,
      );
      expect(kpi.statusCode, kpi.body).toBe(200);
      const job = await waitFor(client, companyId, jobId);
      expect(job.state).toBe('failed');
      expect(job.error.code).toBe('IMPORT_DATABASE_BUSY');
      expect(job.error.message).toMatch(/資料庫|database/);
    } finally {
      release();
      await holder;
    }
    const lines = await db
      .selectFrom('sales_lines')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('tenant_id', '=', tenantOf(companyId))
      .executeTakeFirstOrThrow();
    expect(Number(lines.n)).toBe(0);
    const imports = await db.selectFrom('imports').select('id').where('company_id', '=', companyId).execute();
    expect(imports).toEqual([]);
    // Once the lock is gone the same file imports.
    const again = await waitFor(client, companyId, await startImport(client, companyId));
    expect(again.state, JSON.stringify(again)).toBe('done');
    expect(again.result.added).toBe(2);
  }, 60_000);
});

describe('a writer thread that stops in the middle of an import (SQLite)', () => {
  it('fails that import, leaves nothing, and the next import on a new thread commits', async () => {
    const tdb = await createTestDatabase('sqlite');
    const d = openDatabase(tdb.config);
    try {
      await migrateToLatest(d);
      await d.db
        .insertInto('companies')
        .values({ id: 'c-1', name: 'C', created_at: '2026-01-01T00:00:00Z' })
        .execute();
      const thread = new SqliteImportThread();
      const meta = (id: string) => ({
        id,
        companyId: 'c-1',
        kind: 'sales' as const,
        fileName: 'pos.csv',
        mapping: '{}',
        createdBy: null,
        createdAt: '2026-01-02T00:00:00Z',
        currency: 'TWD',
      });
      const record = (orderId: string) => ({
        line: 2,
        orderId,
        lineNo: 1,
        saleDate: '2026-01-05',
        soldAt: '2026-01-05T10:00',
        product: '拿鐵',
        category: null,
        customer: 'M1',
        customerName: null,
        customerType: null,
        ageBand: null,
        memberTier: null,
        customerRegion: null,
        channel: '門市',
        rep: null,
        region: null,
        quantity: 1,
        unitPriceMinor: 12000,
        discountMinor: 0,
        amountMinor: 12000,
        campaignCode: null,
      });
      const summary = {
        linesRead: 1,
        added: 1,
        duplicates: 0,
        rejected: 0,
        firstDate: '2026-01-05',
        lastDate: '2026-01-05',
      };
      const file = { fileSha256: 'x', fileBytes: 1 };
      await expect(
        runSqliteImport(thread, d.location, meta('i-1'), async (sink) => {
          await sink.writeSales([record('A1')]);
          await thread.close(); // the thread dies with the transaction open
          await sink.writeSales([record('A2')]);
          return { ...summary, ...file };
        }),
      ).rejects.toThrow();
      const lines = async () =>
        Number(
          (
            await d.db
              .selectFrom('sales_lines')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await lines()).toBe(0);
      expect(await d.db.selectFrom('imports').select('id').execute()).toEqual([]);
      const done = await runSqliteImport(thread, d.location, meta('i-2'), async (sink) => {
        await sink.writeSales([record('A1'), record('A2')]);
        return { ...summary, added: 2, ...file };
      });
      expect(done.added).toBe(2);
      expect(await lines()).toBe(2);
      expect(d.sqlite?.pragma('integrity_check', { simple: true })).toBe('ok');
      await thread.close();
    } finally {
      await d.close();
      await tdb.drop();
    }
  }, 60_000);
});

describe('a full disk', () => {
  it('is reported as IMPORT_DISK_FULL (a real SQLITE_FULL from a database at its size limit)', () => {
    const db = new SQLite(':memory:');
    db.pragma('max_page_count = 8');
    db.exec('create table t (x text)');
    let failure: unknown = null;
    try {
      const insert = db.prepare('insert into t values (?)');
      for (let i = 0; i < 10_000; i++) insert.run('x'.repeat(500));
    } catch (e) {
      failure = e;
    }
    db.close();
    expect((failure as { code?: string }).code).toBe('SQLITE_FULL');
    const mapped = asImportStorageError(failure);
    expect(isAppError(mapped) && mapped.code).toBe('IMPORT_DISK_FULL');
    const other = new Error('something else');
    expect(asImportStorageError(other)).toBe(other);
  });
});
