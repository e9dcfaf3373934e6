import { type Kysely, SqliteAdapter, sql } from 'kysely';
import type { Database } from './schema/index.ts';

const BUSY = /^SQLITE_BUSY|^SQLITE_LOCKED/;
/** PostgreSQL's lock_not_available (lock_timeout reached). */
const PG_LOCK_NOT_AVAILABLE = '55P03';

/**
 * A write that may be skipped (a session's or an API token's last-used time). On SQLite, while an
 * import holds the write lock, a write on the server's connection would wait its busy timeout —
 * synchronously, holding every request of every company (better-sqlite3 blocks the event loop).
 * Here it runs with busy_timeout 0 on the one connection (held for the three statements) and is
 * skipped when the database is busy. On PostgreSQL it waits at most 200 ms for a row another
 * transaction holds, then is skipped too.
 */
export async function bestEffortWrite(
  db: Kysely<Database>,
  write: (db: Kysely<Database>) => Promise<unknown>,
): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    try {
      await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL lock_timeout = '200ms'`.execute(trx);
        await write(trx);
      });
    } catch (e) {
      if ((e as { code?: unknown } | null)?.code !== PG_LOCK_NOT_AVAILABLE) throw e;
    }
    return;
  }
  await db.connection().execute(async (conn) => {
    await sql`PRAGMA busy_timeout = 0`.execute(conn);
    try {
      await write(conn);
    } catch (e) {
      const code = (e as { code?: unknown } | null)?.code;
      if (!(typeof code === 'string' && BUSY.test(code))) throw e;
    } finally {
      await sql`PRAGMA busy_timeout = 5000`.execute(conn);
    }
  });
}
