import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../schema/index.ts';

/** Per database handle, the reads running now, by statement and parameters. */
const running = new WeakMap<Kysely<Database>, Map<string, Promise<unknown[]>>>();

/**
 * Runs `query` on `db`, or joins the same statement with the same parameters already running there:
 * the readers of one KPI question ask for the same rows at once (AOV by a customer segment reads its
 * sales and its orders from the same customer cells; every figure names the breakdown's members), and
 * a statement asked twice at the same moment has one answer. Nothing is kept once it is answered.
 * The rows are shared: callers read them, never change them.
 */
export function sharedRead<R>(db: Kysely<Database>, query: RawBuilder<R>): Promise<readonly R[]> {
  const compiled = query.compile(db);
  const key = `${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
  let now = running.get(db);
  if (!now) {
    now = new Map();
    running.set(db, now);
  }
  const joined = now.get(key);
  if (joined) return joined as Promise<readonly R[]>;
  const map = now;
  const read = query.execute(db).then(
    (res) => {
      map.delete(key);
      return res.rows;
    },
    (e: unknown) => {
      map.delete(key);
      throw e;
    },
  );
  map.set(key, read);
  return read;
}
