import { sql } from 'kysely';
import type { PacerMigration } from './helpers.ts';

/**
 * Lines with an empty order-id cell in files that have the column (blankOrderIds, core/ingest/
 * data-gaps.ts): each is its own order, stored under a content key ('#…'). Committed sales imports
 * recorded before imports counted them get their per-day rows in `import_gap_lines` from their
 * mapping and their lines.
 */
export const blankOrderIds: PacerMigration = {
  async up(db) {
    const imports = (await db
      .selectFrom('imports')
      .innerJoin('tenants', 'tenants.company_id', 'imports.company_id')
      .select(['imports.seq', 'imports.mapping', 'tenants.id as tenant'])
      .where('imports.kind', '=', 'sales')
      .where('imports.status', '=', 'committed')
      .execute()) as { seq: number; mapping: string; tenant: number }[];
    for (const { seq, mapping, tenant } of imports) {
      let orderColumn: unknown = null;
      try {
        orderColumn = (JSON.parse(mapping) as { mapping?: { orderId?: unknown } }).mapping?.orderId ?? null;
      } catch {
        continue;
      }
      if (orderColumn === null) continue;
      await sql`
        INSERT INTO import_gap_lines (tenant_id, import_seq, day, gap, lines)
        SELECT tenant_id, import_seq, sale_date, 'blankOrderIds', COUNT(*) FROM sales_lines
        WHERE tenant_id = ${Number(tenant)} AND import_seq = ${Number(seq)} AND order_id LIKE '#%'
          AND NOT EXISTS (SELECT 1 FROM import_gap_lines g
            WHERE g.tenant_id = ${Number(tenant)} AND g.import_seq = ${Number(seq)} AND g.gap = 'blankOrderIds')
        GROUP BY tenant_id, import_seq, sale_date`.execute(db);
    }
  },
};
