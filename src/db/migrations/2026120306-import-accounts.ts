import { sql } from 'kysely';
import { dataGapsOf, LINE_GAPS } from '../../core/ingest/data-gaps.ts';
import { bigint, type PacerMigration } from './helpers.ts';

/**
 * What an import left out and the facts its file lacked (src/db/imports/import-account.ts):
 * - `imports.account`: JSON of the lines left out by their order's status, returns, refunds, order
 *   discounts, rejected lines by reason, and the facts the file lacked (null for older imports);
 * - `import_gap_lines`: per import × day × missing fact, how many of the lines it added lack it
 *   (no product → the placeholder product, no quantity → 1, no order id → one order per line, no
 *   customer). The KPIs that depend on a fact sum it over their range; undo deletes the import's rows.
 * Older sales imports get their rows from their recorded mapping and their lines.
 */
export const importAccounts: PacerMigration = {
  async up(db, ctx) {
    await db.schema.alterTable('imports').addColumn('account', 'text').execute();
    await db.schema
      .createTable('import_gap_lines')
      .addColumn('tenant_id', 'integer', (c) => c.notNull())
      .addColumn('import_seq', bigint(ctx), (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('gap', 'text', (c) => c.notNull())
      .addColumn('lines', bigint(ctx), (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('import_gap_lines_tenant_day_idx')
      .on('import_gap_lines')
      .columns(['tenant_id', 'day'])
      .execute();

    const older = await db
      .selectFrom('imports')
      .innerJoin('tenants', 'tenants.company_id', 'imports.company_id')
      .select([
        'imports.seq',
        'imports.mapping',
        'imports.first_date',
        'imports.last_date',
        'tenants.id as tenant',
      ])
      .where('imports.kind', '=', 'sales')
      .where('imports.status', '=', 'committed')
      .execute();
    for (const imp of older as {
      seq: number;
      mapping: string;
      first_date: string | null;
      last_date: string | null;
      tenant: number;
    }[]) {
      if (imp.first_date === null || imp.last_date === null) continue;
      let mapping: Record<string, number | null> = {};
      try {
        mapping = (JSON.parse(imp.mapping) as { mapping?: Record<string, number | null> }).mapping ?? {};
      } catch {
        continue;
      }
      // The facts a file lacked on every line (blankOrderIds, of some lines: 2026120309).
      for (const gap of dataGapsOf(mapping).filter((g) => !LINE_GAPS.includes(g)))
        await sql`
          INSERT INTO import_gap_lines (tenant_id, import_seq, day, gap, lines)
          SELECT tenant_id, import_seq, sale_date, ${gap}, COUNT(*) FROM sales_lines
          WHERE tenant_id = ${Number(imp.tenant)} AND sale_date >= ${imp.first_date}
            AND sale_date <= ${imp.last_date} AND import_seq = ${Number(imp.seq)}
          GROUP BY tenant_id, import_seq, sale_date`.execute(db);
    }
  },
};
