import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema/index.ts';

/**
 * A company's tenant key as a scalar subquery, for the fact tables' `tenant_id` (evaluated once per
 * statement; an index on tenant_id is used as for a constant). A company without a tenant row has no
 * facts: the subquery gives NULL and matches nothing.
 */
export const tenantOf = (companyId: string): RawBuilder<number> =>
  sql<number>`(SELECT id FROM tenants WHERE company_id = ${companyId})`;

/** The company's tenant key, created on first use (inside the caller's transaction when given one). */
export async function ensureTenant(db: Kysely<Database>, companyId: string): Promise<number> {
  const found = await db
    .selectFrom('tenants')
    .select('id')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  if (found) return Number(found.id);
  await db
    .insertInto('tenants')
    .values({ company_id: companyId })
    .onConflict((oc) => oc.column('company_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('tenants')
    .select('id')
    .where('company_id', '=', companyId)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
