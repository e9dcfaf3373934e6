import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/index.ts';

/**
 * Each company's data version: bumped in the same transaction as every change of its sales,
 * marketing or satisfaction data and of the names KPIs show (import, undo, catalog rename and merge),
 * so a KPI result cached under (company, version, query) is never served after its data changed.
 */
export async function bumpDataVersion(db: Kysely<Database>, companyId: string): Promise<void> {
  await sql`INSERT INTO data_versions (company_id, version) VALUES (${companyId}, 1)
    ON CONFLICT (company_id) DO UPDATE SET version = data_versions.version + 1`.execute(db);
}

export async function readDataVersion(db: Kysely<Database>, companyId: string): Promise<number> {
  const row = await db
    .selectFrom('data_versions')
    .select('version')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row ? Number(row.version) : 0;
}
