import { type Kysely, sql } from 'kysely';
import type { CatalogStore, CatalogTable } from '../../app/data/ports.ts';
import { bumpDataVersion } from '../kpi/data-version.ts';
import { rebuildAllRollups } from '../kpi/refresh-sales-rollups.ts';
import { vacuumKpiTables } from '../kpi/table-upkeep.ts';
import type { Database } from '../schema/index.ts';
import { tenantOf } from '../tenants.ts';

type Named = 'products' | 'product_categories' | 'channels' | 'sales_reps' | 'regions';
const TABLE: Record<CatalogTable, Named> = {
  products: 'products',
  categories: 'product_categories',
  channels: 'channels',
  reps: 'sales_reps',
  regions: 'regions',
};
/** Which columns point at each table. */
const REFERENCES: Record<
  CatalogTable,
  {
    table: 'sales_lines' | 'products' | 'customers' | 'marketing_daily' | 'satisfaction_responses';
    column: string;
  }[]
> = {
  products: [{ table: 'sales_lines', column: 'product_id' }],
  categories: [{ table: 'products', column: 'category_id' }],
  channels: [
    { table: 'sales_lines', column: 'channel_id' },
    { table: 'marketing_daily', column: 'channel_id' },
    { table: 'satisfaction_responses', column: 'channel_id' },
  ],
  reps: [{ table: 'sales_lines', column: 'rep_id' }],
  regions: [
    { table: 'sales_lines', column: 'region_id' },
    { table: 'customers', column: 'region_id' },
  ],
};

const asId = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : null);

export function createCatalogStore(db: Kysely<Database>): CatalogStore {
  return {
    async list(companyId, table) {
      const t = TABLE[table];
      const counts =
        table === 'categories'
          ? sql<{ id: number; name: string; lines: number }>`
              select c.id, c.name, (select count(*) from sales_lines s join products p on p.id = s.product_id
                where s.tenant_id = ${tenantOf(companyId)} and p.category_id = c.id) as lines
              from product_categories c where c.company_id = ${companyId} order by c.name`
          : sql<{ id: number; name: string; lines: number }>`
              select d.id, d.name, (select count(*) from sales_lines s where s.tenant_id = ${tenantOf(companyId)}
                and s.${sql.ref(REFERENCES[table][0]?.column ?? 'product_id')} = d.id) as lines
              from ${sql.table(t)} d where d.company_id = ${companyId} order by d.name`;
      const rows = (await counts.execute(db)).rows;
      return rows.map((r) => ({ id: String(r.id), name: r.name, lines: Number(r.lines) }));
    },
    async rename(companyId, table, id, name) {
      const n = asId(id);
      if (n === null) return 'not_found';
      const t = TABLE[table];
      const clash = await db
        .selectFrom(t)
        .select('id')
        .where('company_id', '=', companyId)
        .where('name', '=', name)
        .executeTakeFirst();
      if (clash && Number(clash.id) !== n) return 'taken';
      const r = await db
        .updateTable(t)
        .set({ name })
        .where('company_id', '=', companyId)
        .where('id', '=', n)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return 'not_found';
      // KPI results name the members: a cached one must not show the old name.
      await bumpDataVersion(db, companyId);
      return 'ok';
    },
    async merge(companyId, table, fromId, intoId) {
      const from = asId(fromId);
      const into = asId(intoId);
      if (from === null || into === null) return false;
      const t = TABLE[table];
      const merged = await db.transaction().execute(async (trx) => {
        const found = await trx
          .selectFrom(t)
          .select('id')
          .where('company_id', '=', companyId)
          .where('id', 'in', [from, into])
          .execute();
        if (found.length !== 2) return false;
        if (table === 'channels') await foldMarketingRows(trx, companyId, from, into);
        for (const ref of REFERENCES[table]) {
          // Sales lines are keyed by tenant, the other tables by company.
          const owner =
            ref.table === 'sales_lines'
              ? sql`tenant_id = ${tenantOf(companyId)}`
              : sql`company_id = ${companyId}`;
          await sql`update ${sql.table(ref.table)} set ${sql.ref(ref.column)} = ${into}
            where ${owner} and ${sql.ref(ref.column)} = ${from}`.execute(trx);
        }
        await trx.deleteFrom(t).where('company_id', '=', companyId).where('id', '=', from).execute();
        await rebuildAllRollups(trx, companyId);
        await bumpDataVersion(trx, companyId);
        return true;
      });
      // Every roll-up row of the company was deleted and written again.
      if (merged) await vacuumKpiTables(db, true);
      return merged;
    },
  };
}

/** Marketing rows of both channels on the same day and campaign are added together before the move. */
async function foldMarketingRows(trx: Kysely<Database>, companyId: string, from: number, into: number) {
  const clashes = await trx
    .selectFrom('marketing_daily as f')
    .innerJoin('marketing_daily as i', (j) =>
      j
        .onRef('i.company_id', '=', 'f.company_id')
        .onRef('i.day', '=', 'f.day')
        .onRef('i.campaign', '=', 'f.campaign'),
    )
    .select([
      'f.id as fromRow',
      'i.id as intoRow',
      'f.impressions',
      'f.visits',
      'f.leads',
      'f.opportunities',
      'f.spend_minor',
    ])
    .where('f.company_id', '=', companyId)
    .where('f.channel_id', '=', from)
    .where('i.channel_id', '=', into)
    .execute();
  for (const c of clashes) {
    await trx
      .updateTable('marketing_daily')
      .set((eb) => ({
        impressions: eb('impressions', '+', c.impressions),
        visits: eb('visits', '+', c.visits),
        leads: eb('leads', '+', c.leads),
        opportunities: eb('opportunities', '+', c.opportunities),
        spend_minor: eb('spend_minor', '+', c.spend_minor),
      }))
      .where('id', '=', c.intoRow)
      .execute();
    await trx.deleteFrom('marketing_daily').where('id', '=', c.fromRow).execute();
  }
}
