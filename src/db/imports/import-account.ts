import { type Kysely, sql } from 'kysely';
import type { ImportAccountView, ImportMeta, ImportSummary } from '../../app/import/ports.ts';
import { type DataGap, type GapLines, isDataGap, LINE_GAPS } from '../../core/ingest/data-gaps.ts';
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
  const { sentPerDay, blankOrderIdsPerDay, ...kept } = account;
  const head = await k
    .selectFrom('imports')
    .innerJoin('tenants', 'tenants.company_id', 'imports.company_id')
    .select(['imports.seq as seq', 'tenants.id as tenant'])
    .where('imports.id', '=', meta.id)
    .executeTakeFirstOrThrow();
  const seq = Number(head.seq);
  const tenant = Number(head.tenant);
  /**
   * Lines added per day: those counted while reading when every line sent was added, else this
   * import's own stored lines (some were already there, from an earlier import); `blank`: only the
   * lines without an order id (stored under a content key, '#…').
   */
  const addedPerDay = async (sent: Record<string, number> | undefined, blank: boolean) => {
    if (s.added === 0 || (sent && Object.keys(sent).length === 0)) return [];
    // Every line sent was added: none was there before, none repeated an earlier line's key.
    if (s.duplicates === 0 && (s.repeatedKeys?.count ?? 0) === 0 && sent) return Object.entries(sent);
    if (s.firstDate === null || s.lastDate === null) return [];
    let q = k
      .selectFrom('sales_lines')
      .select(['sale_date', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('tenant_id', '=', tenant)
      .where('sale_date', '>=', s.firstDate)
      .where('sale_date', '<=', s.lastDate)
      .where('import_seq', '=', seq);
    if (blank) q = q.where('order_id', 'like', '#%');
    const rows = await q.groupBy('sale_date').execute();
    return rows.map((r): [string, number] => [r.sale_date, Number(r.n)]);
  };
  const fileGaps = kept.gaps.filter((g) => !LINE_GAPS.includes(g));
  const perGap = new Map<DataGap, [string, number][]>();
  if (fileGaps.length > 0) {
    const perDay = await addedPerDay(sentPerDay, false);
    for (const gap of fileGaps) perGap.set(gap, perDay);
  }
  if (kept.gaps.includes('blankOrderIds'))
    perGap.set('blankOrderIds', await addedPerDay(blankOrderIdsPerDay, true));
  const gapLines: GapLines = {};
  for (const [gap, perDay] of perGap) {
    const total = perDay.reduce((a, [, n]) => a + n, 0);
    if (total > 0) gapLines[gap] = total;
  }
  // A gap of some lines only is listed when some line added had it.
  const view: ImportAccountView = {
    ...kept,
    gaps: kept.gaps.filter((g) => !LINE_GAPS.includes(g) || (gapLines[g] ?? 0) > 0),
    gapLines,
    // The file's repeated lines, so that the history says them as the result did.
    ...(s.repeatedLines && s.repeatedLines.count > 0 ? { repeatedLines: s.repeatedLines } : {}),
    ...(s.repeatedKeys && s.repeatedKeys.count > 0 ? { repeatedKeys: s.repeatedKeys } : {}),
  };
  await k
    .updateTable('imports')
    .set({ account: JSON.stringify(view) })
    .where('id', '=', meta.id)
    .execute();
  const rows = [...perGap].flatMap(([gap, perDay]) =>
    perDay
      .filter(([, lines]) => lines > 0)
      .map(([day, lines]) => ({ tenant_id: tenant, import_seq: seq, day, gap, lines })),
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
