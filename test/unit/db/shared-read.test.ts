import SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedRead } from '../../../src/db/kpi/shared-read.ts';
import type { Database } from '../../../src/db/schema/index.ts';

describe('sharedRead (one reading for the same statement asked at once)', () => {
  let db: Kysely<Database>;
  const ran: string[] = [];
  const open = () => {
    const log = (e: LogEvent) => {
      ran.push(e.query.sql);
    };
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }), log });
    return db;
  };
  afterEach(async () => {
    ran.length = 0;
    await db?.destroy();
  });

  it('runs a statement asked twice at once one time, both askers getting its rows', async () => {
    open();
    const q = (n: number) => sql<{ n: number }>`SELECT ${n} AS n`;
    const [a, b, c] = await Promise.all([sharedRead(db, q(1)), sharedRead(db, q(1)), sharedRead(db, q(2))]);
    expect(a).toEqual([{ n: 1 }]);
    expect(b).toBe(a);
    expect(c).toEqual([{ n: 2 }]);
    expect(ran).toHaveLength(2);
  });

  it('keeps nothing once answered: the same statement later runs again and sees new rows', async () => {
    open();
    await sql`CREATE TABLE t (x INTEGER)`.execute(db);
    const count = sql<{ n: number }>`SELECT COUNT(*) AS n FROM t`;
    expect(await sharedRead(db, count)).toEqual([{ n: 0 }]);
    await sql`INSERT INTO t VALUES (1)`.execute(db);
    expect(await sharedRead(db, count)).toEqual([{ n: 1 }]);
  });

  it('gives a failure to every asker, and the next ask runs again', async () => {
    open();
    const bad = sql`SELECT * FROM missing`;
    const both = await Promise.allSettled([sharedRead(db, bad), sharedRead(db, bad)]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(ran).toHaveLength(1);
    await expect(sharedRead(db, bad)).rejects.toThrow(/missing/);
    expect(ran).toHaveLength(2);
  });
});
