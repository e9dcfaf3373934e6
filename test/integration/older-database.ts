import type { Kysely } from 'kysely';
import type { PacerDatabase } from '../../src/db/connect.ts';
import { migrateTo } from '../../src/db/migrate.ts';

/** A database as an older Pacer left it: untyped, since its tables are not today's. */
export type OlderDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * Migrates `d` up to `name` (an older Pacer's schema) and adds company c-1 with its tenant: the
 * start of a migration test. Returns the untyped database and the tenant's id.
 */
export async function olderCompany(d: PacerDatabase, name: string): Promise<{ db: OlderDb; tenant: number }> {
  await migrateTo(d, name);
  const db = d.db as unknown as OlderDb;
  await db
    .insertInto('companies')
    .values({ id: 'c-1', name: 'c-1', created_at: '2026-01-01T00:00:00Z' })
    .execute();
  await db.insertInto('tenants').values({ company_id: 'c-1' }).execute();
  const tenant = Number((await db.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id);
  return { db, tenant };
}
