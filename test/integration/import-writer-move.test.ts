import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type PacerDatabase } from '../../src/db/connect.ts';
import { SALES_NUMBERS, SALES_STRINGS } from '../../src/db/imports/sqlite-import-protocol.ts';
import { createSqliteImportWriter } from '../../src/db/imports/sqlite-import-writer.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

// SQLite only: the writer thread of SQLite imports.
describe('the SQLite import writer', () => {
  let dir: string;
  let database: PacerDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pacer-writer-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves staged lines sorted on two sorter threads and a small cache, then puts both settings back', () => {
    const conn = database.sqlite;
    if (!conn) throw new Error('SQLite expected');
    conn.pragma('cache_size = -16384');
    conn.exec('BEGIN IMMEDIATE');
    const writer = createSqliteImportWriter(conn, {
      companyId: 'c1',
      tenantId: 41,
      importSeq: 1,
      importId: 'i1',
      currency: 'TWD',
    });
    // Dates going back and forth: staged, then moved.
    const days = ['2026-03-05', '2026-01-02', '2026-02-10', '2026-01-20'];
    const strings: (string | null)[] = [];
    const numbers = new Float64Array(days.length * SALES_NUMBERS);
    days.forEach((day, i) => {
      strings.push(`O${i}`, `${day} 10:00`, day, null);
      numbers.set([1, 1, 2, Number.NaN, Number.NaN, Number.NaN, 1, 100, 0, 100], i * SALES_NUMBERS);
    });
    expect(strings).toHaveLength(days.length * SALES_STRINGS);
    writer.sales(strings, numbers, days.length);
    // The sorter's settings are the move's alone.
    expect(conn.pragma('threads', { simple: true })).toBe(0);
    expect(writer.settle()).toEqual({ added: 4, rebuild: false });
    expect(conn.pragma('cache_size', { simple: true })).toBe(-16384);
    expect(conn.pragma('threads', { simple: true })).toBe(0);
    conn.exec('COMMIT');
    const rows = conn
      .prepare('select sale_date from sales_lines where tenant_id = 41 order by id')
      .pluck()
      .all();
    expect(rows).toEqual([...days].sort());
    const daily = conn
      .prepare('select sum(amount_minor) from kpi_sales_daily where tenant_id = 41')
      .pluck()
      .get();
    expect(daily).toBe(400);
  });
});
