import { type Kysely, type Selectable, sql } from 'kysely';
import type { ImportRecordView, ImportStore, MappingPresetRecord } from '../../app/import/ports.ts';
import type { ImportKind } from '../../core/ingest/records.ts';
import type { PacerDatabase } from '../connect.ts';
import { bumpDataVersion } from '../kpi/data-version.ts';
import { analyzeKpiTables, vacuumKpiTables } from '../kpi/table-upkeep.ts';
import type { Database } from '../schema/index.ts';
import { tenantOf } from '../tenants.ts';
import { deleteImportGapLines, gapLinesInRange, parseImportAccount } from './import-account.ts';
import { closeImportRecord, openImportRecord } from './import-lifecycle.ts';
import { createKyselySink } from './kysely-sink.ts';
import { runSqliteImport, SqliteImportThread } from './sqlite-import-client.ts';
import { asImportStorageError } from './storage-errors.ts';

/** Recomputes derived data (KPI roll-ups) for a company's date range, inside the caller's transaction. */
export type AfterWrite = (db: Kysely<Database>, companyId: string, from: string, to: string) => Promise<void>;

const asKind = (k: string): ImportKind => (k === 'marketing' || k === 'satisfaction' ? k : 'sales');

/**
 * Imports are all-or-nothing. On SQLite an import writes through its own connection, in a writer
 * thread, in one `BEGIN IMMEDIATE` transaction (readers on the server's connection keep seeing the
 * last committed state, WAL); on PostgreSQL in one Kysely transaction. Imports in one process run
 * one at a time. `close` stops the writer thread.
 */
export function createImportStore(
  database: PacerDatabase,
  afterWrite: AfterWrite,
): ImportStore & { close(): Promise<void> } {
  const { db } = database;
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  // SQLite imports write in their own thread, on their own connection (see sqlite-import-client.ts).
  const thread = database.kind === 'sqlite' ? new SqliteImportThread() : null;

  async function listViews(companyId: string, limit: number, id?: string): Promise<ImportRecordView[]> {
    let q = db
      .selectFrom('imports')
      .leftJoin('users', 'users.id', 'imports.created_by')
      .selectAll('imports')
      .select('users.name as user_name')
      .where('imports.company_id', '=', companyId)
      .where('imports.status', 'in', ['committed', 'undone'])
      .orderBy('imports.created_at', 'desc')
      .limit(limit);
    if (id) q = q.where('imports.id', '=', id);
    const rows = await q.execute();
    return rows.map((r) => ({
      id: r.id,
      kind: asKind(r.kind),
      fileName: r.file_name,
      fileBytes: Number(r.file_bytes),
      status: r.status === 'undone' ? 'undone' : 'committed',
      linesRead: r.lines_read,
      added: r.added,
      duplicates: r.duplicates,
      rejected: r.rejected,
      firstDate: r.first_date,
      lastDate: r.last_date,
      createdBy: r.created_by,
      createdByName: r.user_name,
      createdAt: r.created_at,
      finishedAt: r.finished_at,
      undoneAt: r.undone_at,
      mapping: r.mapping,
      account: parseImportAccount(r.account),
    }));
  }

  return {
    run(meta, fn) {
      return serially(async () => {
        try {
          if (thread) return await runSqliteImport(thread, database.location, meta, fn);
          const summary = await db.transaction().execute(async (trx) => {
            // As SQLite's busy timeout: a table another writer keeps locked fails the import after
            // 10 s with a clear error instead of waiting without end.
            await sql`SET LOCAL lock_timeout = '10s'`.execute(trx);
            const { tenantId, seq } = await openImportRecord(trx, database.kind, meta);
            const sink = createKyselySink(trx, meta, tenantId, seq);
            const summary = await fn(sink);
            await sink.complete();
            await closeImportRecord(trx, meta, summary);
            // Statistics fresh before the import reports done (a new database had none: bad plans).
            await analyzeKpiTables(trx);
            return summary;
          });
          await vacuumKpiTables(db, false);
          return summary;
        } catch (e) {
          throw asImportStorageError(e);
        }
      });
    },

    close: async () => {
      await thread?.close();
    },

    undo(companyId, importId, by, at) {
      return serially(async () => {
        const undone = await db.transaction().execute(async (trx) => {
          const head = await trx
            .selectFrom('imports')
            .selectAll()
            .where('company_id', '=', companyId)
            .where('id', '=', importId)
            .where('status', '=', 'committed')
            .executeTakeFirst();
          if (!head) return false;
          // Through (tenant_id, sale_date): no index on import_seq (see the imports migration).
          if (head.first_date && head.last_date) {
            await trx
              .deleteFrom('sales_lines')
              .where('tenant_id', '=', tenantOf(companyId))
              .where('sale_date', '>=', head.first_date)
              .where('sale_date', '<=', head.last_date)
              .where('import_seq', '=', head.seq)
              .execute();
          }
          await deleteImportGapLines(trx, companyId, Number(head.seq));
          await trx
            .deleteFrom('marketing_daily')
            .where('company_id', '=', companyId)
            .where('import_id', '=', importId)
            .execute();
          await trx
            .deleteFrom('satisfaction_responses')
            .where('company_id', '=', companyId)
            .where('import_id', '=', importId)
            .execute();
          await trx
            .updateTable('imports')
            .set({ status: 'undone', undone_at: at, undone_by: by })
            .where('id', '=', importId)
            .execute();
          await bumpDataVersion(trx, companyId);
          if (head.first_date && head.last_date)
            await afterWrite(trx, companyId, head.first_date, head.last_date);
          return true;
        });
        if (undone) await vacuumKpiTables(db, true);
        return undone;
      });
    },

    list: (companyId, limit) => listViews(companyId, limit),
    async get(companyId, importId) {
      return (await listViews(companyId, 1, importId))[0] ?? null;
    },
    async problems(companyId, importId, limit) {
      const rows = await db
        .selectFrom('import_errors')
        .select(['line', 'column_name', 'code', 'value'])
        .where('company_id', '=', companyId)
        .where('import_id', '=', importId)
        .orderBy('line')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ line: r.line, column: r.column_name, code: r.code, value: r.value }));
    },

    gapLines: (companyId, from, to) => gapLinesInRange(db, companyId, from, to),

    async listPresets(companyId, kind) {
      let q = db
        .selectFrom('mapping_presets')
        .selectAll()
        .where('company_id', '=', companyId)
        .orderBy('name');
      if (kind) q = q.where('kind', '=', kind);
      return (await q.execute()).map(toPreset);
    },
    async savePreset(companyId, kind, name, mapping, at) {
      await db
        .insertInto('mapping_presets')
        .values({ company_id: companyId, kind, name, mapping, created_at: at, updated_at: at })
        .onConflict((oc) =>
          oc.columns(['company_id', 'kind', 'name']).doUpdateSet({ mapping, updated_at: at }),
        )
        .execute();
      const row = await db
        .selectFrom('mapping_presets')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('kind', '=', kind)
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      return toPreset(row);
    },
    async deletePreset(companyId, presetId) {
      if (!/^\d+$/.test(presetId)) return false;
      const r = await db
        .deleteFrom('mapping_presets')
        .where('company_id', '=', companyId)
        .where('id', '=', Number(presetId))
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

function toPreset(r: Selectable<Database['mapping_presets']>): MappingPresetRecord {
  return {
    id: String(r.id),
    kind: asKind(r.kind),
    name: r.name,
    mapping: r.mapping,
    updatedAt: r.updated_at,
  };
}
