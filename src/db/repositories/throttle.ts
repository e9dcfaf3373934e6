import type { Kysely } from 'kysely';
import type { ThrottleRepository } from '../../app/auth/ports.ts';
import type { Database } from '../schema/index.ts';

/** Login failure counters live in the database so several server processes share them. */
export function createThrottleRepository(db: Kysely<Database>): ThrottleRepository {
  return {
    async get(key) {
      const r = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
      return r ? { failures: r.failures, windowStart: r.window_start, lockedUntil: r.locked_until } : null;
    },
    async put(key, rec) {
      await db
        .insertInto('login_throttle')
        .values({ key, failures: rec.failures, window_start: rec.windowStart, locked_until: rec.lockedUntil })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: rec.failures,
            window_start: rec.windowStart,
            locked_until: rec.lockedUntil,
          }),
        )
        .execute();
    },
    async clear(key) {
      await db.deleteFrom('login_throttle').where('key', '=', key).execute();
    },
  };
}
