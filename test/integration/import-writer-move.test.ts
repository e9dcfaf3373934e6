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
  it('writes many rows a statement only where it cannot abort: no statement journal (a copy of every page it changes)', () => {
    const conn = database.sqlite;
    if (!conn) throw new Error('SQLite expected');
    const prepared: string[] = [];
    const prepare = conn.prepare;
    conn.prepare = ((source: string) => {
      prepared.push(source);
      return prepare.call(conn, source);
    }) as typeof conn.prepare;
    try {
      conn.exec('BEGIN IMMEDIATE');
      const writer = createSqliteImportWriter(conn, {
        companyId: 'c2',
        tenantId: 42,
        importSeq: 1,
        importId: 'i2',
        currency: 'TWD',
      });
      // New customers, more than one statement's worth (their table has foreign keys).
      conn
        .prepare("insert into companies (id, name, created_at) values ('c2', 'C2', '2026-01-01T00:00:00Z')")
        .run();
      conn
        .prepare(
          `insert into imports (id, company_id, kind, file_name, file_sha256, file_bytes, status, mapping, created_at, seq)
           values ('i2', 'c2', 'sales', 'f.csv', 'x', 1, 'running', '{}', '2026-01-01T00:00:00Z', 2)`,
        )
        .run();
      const channel = conn.prepare("insert into channels (company_id, name) values ('c2', '門市')").run();
      const customers: unknown[] = [];
      for (let c = 1; c <= 150; c++)
        customers.push(c, `M${c}`, `M${c}`, null, null, null, null, '2026-01-01');
      writer.dims({ customers });
      // Enough lines, back and forth in time, for the stage, the sorted move and full roll-up statements.
      const n = 450;
      const strings: (string | null)[] = [];
      const numbers = new Float64Array(n * SALES_NUMBERS);
      for (let i = 0; i < n; i++) {
        const day = `2026-0${1 + (i % 3)}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
        strings.push(`P${i}`, `${day} 10:00`, day, null);
        numbers.set(
          [1, 1 + (i % 5), 1 + (i % 150), Number.NaN, Number.NaN, Number.NaN, 1, 100, 0, 100],
          i * SALES_NUMBERS,
        );
      }
      writer.sales(strings, numbers, n);
      expect(writer.settle()).toEqual({ added: n, rebuild: false });
      // Marketing days, survey responses and problem lines, more than one statement's worth each (their
      // tables have foreign keys too).
      const marketing: unknown[] = [];
      const responses: unknown[] = [];
      const problems: unknown[] = [];
      for (let i = 0; i < 150; i++) {
        const day = `2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`;
        marketing.push(day, Number(channel.lastInsertRowid), `C${i}`, 1000, 100, 10, 1, 50_000);
        responses.push(`R${i}`, day, null, null, 1 + (i % 5), i % 11, null);
        problems.push(i + 2, 'date', 'INVALID_DATE', `2026-02-3${i % 2}`);
      }
      expect(writer.marketing(marketing)).toBe(150);
      expect(writer.satisfaction(responses)).toBe(150);
      writer.problems(problems);
      conn.exec('COMMIT');
    } finally {
      conn.prepare = prepare;
    }
    const manyRows = prepared.filter(
      (s) => /^\s*insert\b/i.test(s) && (/\)\s*,\s*\(/.test(s) || /\bselect\b/i.test(s)),
    );
    // The stage, the move, and the daily, weekly and monthly sales and customer roll-ups at least.
    expect(manyRows.length).toBeGreaterThanOrEqual(8);
    expect(manyRows.filter((s) => !/^\s*INSERT OR FAIL INTO\b/.test(s))).toEqual([]);
    // Statements that may abort whatever their conflict algorithm: an upsert's UPDATE (it aborts on a
    // conflict) and an insert checked against immediate foreign keys.
    expect(manyRows.filter((s) => /\bdo\s+update\b/i.test(s))).toEqual([]);
    const checked = manyRows.filter((s) => {
      const table = /^\s*INSERT OR FAIL INTO\s+([\w.]+)/.exec(s)?.[1] ?? '';
      return conn.prepare('select count(*) from pragma_foreign_key_list(?)').pluck().get(table) !== 0;
    });
    expect(checked).toEqual([]);
    expect(prepared.some((s) => /^\s*INSERT OR FAIL INTO customers\b/.test(s))).toBe(true);
    expect(conn.prepare("select count(*) from customers where company_id = 'c2'").pluck().get()).toBe(150);
    for (const table of ['marketing_daily', 'satisfaction_responses', 'import_errors'])
      expect(conn.prepare(`select count(*) from ${table} where company_id = 'c2'`).pluck().get()).toBe(150);
  });
});
