import SQLite from 'better-sqlite3';
import { Kysely, type Selectable, SqliteDialect } from 'kysely';
import type {
  ImportMeta,
  ImportRecordView,
  ImportStore,
  ImportSummary,
  MappingPresetRecord,
} from '../../app/import/ports.ts';
import type { ImportKind } from '../../core/ingest/records.ts';
import type { PacerDatabase } from '../connect.ts';
import { refreshMonthlyRollup } from '../kpi/refresh-sales-rollups.ts';
import type { Database } from '../schema/index.ts';
import { ensureTenant, tenantOf } from '../tenants.ts';
import { createKyselySink } from './kysely-sink.ts';
import { createSqliteSink, type RollupSink } from './sqlite-sink.ts';

/** Recomputes derived data (KPI roll-ups) for a company's date range, inside the caller's transaction. */
export type AfterWrite = (db: Kysely<Database>, companyId: string, from: string, to: string) => Promise<void>;

const asKind = (k: string): ImportKind => (k === 'marketing' || k === 'satisfaction' ? k : 'sales');

/**
 * Imports are all-or-nothing. On SQLite an import writes through its own connection in one
 * `BEGIN IMMEDIATE` transaction (readers on the server's connection keep seeing the last committed
 * state, WAL); on PostgreSQL in one Kysely transaction. Imports in one process run one at a time.
 */
export function createImportStore(database: PacerDatabase, afterWrite: AfterWrite): ImportStore {
  const { db } = database;
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  let importConn: { conn: SQLite.Database; kysely: Kysely<Database> } | null = null;
  const sqliteImportConnection = () => {
    if (!importConn) {
      const conn = new SQLite(database.location);
      conn.pragma('journal_mode = WAL');
      conn.pragma('synchronous = FULL');
      conn.pragma('foreign_keys = ON');
      conn.pragma('busy_timeout = 10000');
      // Imports touch large index ranges (lines, roll-ups): a 32 MB page cache and in-memory temp
      // b-trees (GROUP BY of the roll-up refresh) keep them off the disk.
      conn.pragma('cache_size = -32768');
      conn.pragma('temp_store = MEMORY');
      importConn = { conn, kysely: new Kysely<Database>({ dialect: new SqliteDialect({ database: conn }) }) };
    }
    return importConn;
  };

  const insertHead = (meta: ImportMeta) => ({
    id: meta.id,
    company_id: meta.companyId,
    kind: meta.kind,
    file_name: meta.fileName,
    file_sha256: meta.fileSha256,
    file_bytes: meta.fileBytes,
    status: 'running',
    mapping: meta.mapping,
    created_by: meta.createdBy,
    created_at: meta.createdAt,
  });

  /** Opens the import's record; returns the company's tenant key and the import's seq. */
  async function start(k: Kysely<Database>, meta: ImportMeta): Promise<{ tenantId: number; seq: number }> {
    const tenantId = await ensureTenant(k, meta.companyId);
    if (database.kind === 'sqlite') {
      // Writers are serialized (BEGIN IMMEDIATE), so the next number cannot be taken twice.
      const top = await k
        .selectFrom('imports')
        .select((eb) => eb.fn.max('seq').as('top'))
        .executeTakeFirst();
      const seq = Number(top?.top ?? 0) + 1;
      await k
        .insertInto('imports')
        .values({ ...insertHead(meta), seq })
        .execute();
      return { tenantId, seq };
    }
    const row = await k
      .insertInto('imports')
      .values(insertHead(meta))
      .returning('seq')
      .executeTakeFirstOrThrow();
    return { tenantId, seq: Number(row.seq) };
  }

  async function finish(k: Kysely<Database>, meta: ImportMeta, s: ImportSummary, sink: RollupSink) {
    // The sink kept the daily and order roll-ups and first purchases current as it wrote lines;
    // months are re-summed from the daily roll-up.
    const added = await sink.complete();
    if (added) await refreshMonthlyRollup(k, meta.companyId, added.from, added.to);
    await k
      .updateTable('imports')
      .set({
        status: 'committed',
        lines_read: s.linesRead,
        added: s.added,
        duplicates: s.duplicates,
        rejected: s.rejected,
        first_date: s.firstDate,
        last_date: s.lastDate,
        finished_at: new Date().toISOString(),
      })
      .where('id', '=', meta.id)
      .execute();
  }

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
    }));
  }

  return {
    run(meta, fn) {
      return serially(async () => {
        if (database.kind === 'sqlite') {
          const { conn, kysely } = sqliteImportConnection();
          conn.exec('BEGIN IMMEDIATE');
          try {
            const { tenantId, seq } = await start(kysely, meta);
            const sink = createSqliteSink(conn, meta, tenantId, seq);
            const summary = await fn(sink);
            await finish(kysely, meta, summary, sink);
            conn.exec('COMMIT');
            return summary;
          } catch (e) {
            if (conn.inTransaction) conn.exec('ROLLBACK');
            throw e;
          }
        }
        return db.transaction().execute(async (trx) => {
          const { tenantId, seq } = await start(trx, meta);
          const sink = createKyselySink(trx, meta, tenantId, seq);
          const summary = await fn(sink);
          await finish(trx, meta, summary, sink);
          return summary;
        });
      });
    },

    undo(companyId, importId, by, at) {
      return serially(() =>
        db.transaction().execute(async (trx) => {
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
          if (head.first_date && head.last_date)
            await afterWrite(trx, companyId, head.first_date, head.last_date);
          return true;
        }),
      );
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
