import { type Kysely, sql } from 'kysely';
import type { ImportAccountView, ImportMeta, ImportSummary } from '../../app/import/ports.ts';
import { type GapLines, isDataGap } from '../../core/ingest/data-gaps.ts';
import type { Database } from '../schema/index.ts';
import { tenantOf } from '../tenants.ts';

/**
 * An import's account, written inside the import's transaction as its record closes: the JSON kept in
 * `imports.account` and, when the file lacked a fact, the lines it added per day in
 * `import_gap_lines` (one row per day × missing fact; migration 2026120306).
 */
export async function recordImportAccount(
  k: Kysely<Database>,
  meta: ImportMeta,
  s: ImportSummary,
): Promise<void> {
  const account = s.account;
  if (!account) return;
  const { sentPerDay, ...kept } = account;
  const head = await k
    .selectFrom('imports')
    .innerJoin('tenants', 'tenants.company_id', 'imports.company_id')
    .select(['imports.seq as seq', 'tenants.id as tenant'])
    .where('imports.id', '=', meta.id)
    .executeTakeFirstOrThrow();
  const seq = Number(head.seq);
  const tenant = Number(head.tenant);
  let perDay: [string, number][] = [];
  if (kept.gaps.length > 0 && s.added > 0) {
    if (s.duplicates === 0 && sentPerDay) {
      // Every line sent was added: the counts made while reading are the lines stored.
      perDay = Object.entries(sentPerDay);
    } else if (s.firstDate !== null && s.lastDate !== null) {
      // Some lines were already stored (by an earlier import): count this import's own lines.
      const rows = await k
        .selectFrom('sales_lines')
        .select(['sale_date', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('tenant_id', '=', tenant)
        .where('sale_date', '>=', s.firstDate)
        .where('sale_date', '<=', s.lastDate)
        .where('import_seq', '=', seq)
        .groupBy('sale_date')
        .execute();
      perDay = rows.map((r) => [r.sale_date, Number(r.n)]);
    }
  }
  const gapLines: GapLines = {};
  const total = perDay.reduce((a, [, n]) => a + n, 0);
  for (const gap of kept.gaps) if (total > 0) gapLines[gap] = total;
  const view: ImportAccountView = { ...kept, gapLines };
  await k
    .updateTable('imports')
    .set({ account: JSON.stringify(view) })
    .where('id', '=', meta.id)
    .execute();
  const rows = kept.gaps.flatMap((gap) =>
    perDay.map(([day, lines]) => ({ tenant_id: tenant, import_seq: seq, day, gap, lines })),
  );
  for (let i = 0; i < rows.length; i += 500)
    await k
      .insertInto('import_gap_lines')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** Removes an undone import's gap rows (inside the undo's transaction). */
export async function deleteImportGapLines(
  k: Kysely<Database>,
  companyId: string,
  importSeq: number,
): Promise<void> {
  await k
    .deleteFrom('import_gap_lines')
    .where('tenant_id', '=', tenantOf(companyId))
    .where('import_seq', '=', importSeq)
    .execute();
}

/** Lines dated `from`..`to` of the company's committed imports, per fact their files lacked. */
export async function gapLinesInRange(
  k: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
): Promise<GapLines> {
  const rows = await k
    .selectFrom('import_gap_lines')
    .select(['gap', sql<number | string>`SUM(lines)`.as('n')])
    .where('tenant_id', '=', tenantOf(companyId))
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('gap')
    .execute();
  const out: GapLines = {};
  for (const r of rows) if (isDataGap(r.gap) && Number(r.n) > 0) out[r.gap] = Number(r.n);
  return out;
}

/** The account kept with an import, as stored (null for imports recorded before accounts). */
export function parseImportAccount(text: string | null): ImportAccountView | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as ImportAccountView;
  } catch {
    return null;
  }
}
