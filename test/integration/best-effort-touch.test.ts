import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';

/**
 * Last-used times of API tokens and sessions are best-effort writes: while another writer (an
 * import) holds the lock, a request that would touch them is served at once and the touch skipped,
 * instead of waiting the busy timeout on the server's connection (holding every request) and failing.
 */
describe.each(dialects())('best-effort touches (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('a token request is served while another writer holds the lock; its touch is skipped', async () => {
    const a = await signUp(h.app);
    const created = (await a.client.post(`/api/companies/${a.companyId}/tokens`, { name: 'POS' })).json();
    const db = h.runtime.database.db;
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
        await sql`SELECT id FROM api_tokens WHERE id = ${created.id} FOR UPDATE`.execute(trx);
        await sql`SELECT id_hash FROM sessions FOR UPDATE`.execute(trx);
        locked();
        await released;
      });
      await isLocked;
    }
    try {
      const bot = new Client(h.app);
      bot.bearer = created.token;
      // The token was never used: this request touches it. Three in a row, each served.
      for (let i = 0; i < 3; i++) {
        const res = await bot.get(`/api/companies/${a.companyId}/profile`);
        expect(res.statusCode, res.body).toBe(200);
      }
      const session = await a.client.get(`/api/companies/${a.companyId}/profile`);
      expect(session.statusCode, session.body).toBe(200);
    } finally {
      release();
      await holder;
    }
    const row = await db
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).toBeNull();
    // Once the lock is gone the touch is written again.
    const bot = new Client(h.app);
    bot.bearer = created.token;
    expect((await bot.get(`/api/companies/${a.companyId}/profile`)).statusCode).toBe(200);
    const after = await db
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(after.last_used_at).not.toBeNull();
  }, 60_000);
});
