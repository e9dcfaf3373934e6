import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { ImportMeta } from '../../app/import/ports.ts';
import { rebuildAllRollups } from '../kpi/refresh-sales-rollups.ts';
import type { Database } from '../schema/index.ts';
import { closeImportRecord, openImportRecord } from './import-lifecycle.ts';
import {
  type BeginReply,
  DIM_TABLES,
  type DimTable,
  unpackStrings,
  type WorkerReply,
  type WorkerRequest,
} from './sqlite-import-protocol.ts';
import { createSqliteImportWriter, type SqliteImportWriter } from './sqlite-import-writer.ts';

/**
 * The writer thread of SQLite imports: owns the import connection and its one `BEGIN IMMEDIATE`
 * transaction, and writes what the main thread prepares. Requests are handled strictly in order.
 */

const port = parentPort;
if (!port) throw new Error('sqlite-import-worker runs as a worker thread');

/**
 * The writer yields the CPU to the server's reads: where a thread has a priority of its own (Linux:
 * setpriority on the calling thread), this one runs at nice 10, so KPI reads (their own threads, at
 * the server's priority) come first while an import runs beside them. Alone on the machine an import
 * runs as fast as before. Elsewhere the priority is the whole process's, and is left alone.
 */
const IMPORT_NICE = 10;
if (process.platform === 'linux') {
  try {
    setPriority(0, Math.max(IMPORT_NICE, getPriority(0)));
  } catch {
    // Not allowed here (a container's policy): the import runs at the process's priority.
  }
}

let connection: { file: string; conn: SQLite.Database; kysely: Kysely<Database> } | null = null;
let current: { meta: ImportMeta; writer: SqliteImportWriter } | null = null;

function open(file: string) {
  if (connection?.file === file) return connection;
  connection?.conn.close();
  const conn = new SQLite(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 10000');
  // Lines go into the indexes in order (straight in, or moved sorted from the stage), so a 16 MB page
  // cache does (32 MB measured no faster). Temporary storage (the staged lines, the sort that moves
  // them) goes to SQLite's temp files, not this process's memory: the OS caches them, and the
  // import's memory stays flat in the size of the file.
  conn.pragma('cache_size = -16384');
  conn.pragma('temp_store = FILE');
  conn.pragma('temp.cache_size = -4096');
  connection = {
    file,
    conn,
    kysely: new Kysely<Database>({ dialect: new SqliteDialect({ database: conn }) }),
  };
  return connection;
}

const KEY_COLUMN: Record<DimTable, string> = {
  product_categories: 'name',
  products: 'name',
  channels: 'name',
  regions: 'name',
  sales_reps: 'name',
  customers: 'code',
};

async function begin(file: string, meta: ImportMeta): Promise<BeginReply> {
  const { conn, kysely } = open(file);
  conn.exec('BEGIN IMMEDIATE');
  const { tenantId, seq } = await openImportRecord(kysely, 'sqlite', meta);
  const dims = {} as BeginReply['dims'];
  const nextIds = {} as BeginReply['nextIds'];
  for (const t of DIM_TABLES) {
    const rows = conn
      .prepare(`select id, ${KEY_COLUMN[t]} as k from ${t} where company_id = ?`)
      .all(meta.companyId) as { id: number; k: string }[];
    dims[t] = { keys: rows.map((r) => r.k), ids: rows.map((r) => r.id) };
    // Above every id used so far, deleted ones included (AUTOINCREMENT's sequence): this transaction
    // is the only writer, so the ids the main thread hands out are free.
    const top = conn
      .prepare(
        `select max(coalesce((select seq from sqlite_sequence where name = ?), 0),
                    coalesce((select max(id) from ${t}), 0)) as top`,
      )
      .get(t) as { top: number };
    nextIds[t] = Number(top.top) + 1;
  }
  current = {
    meta,
    writer: createSqliteImportWriter(conn, {
      companyId: meta.companyId,
      tenantId,
      importSeq: seq,
      importId: meta.id,
      currency: meta.currency,
    }),
  };
  return { tenantId, seq, dims, nextIds };
}

function active() {
  if (!current) throw new Error('no import is running');
  return current;
}

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.op) {
    case 'begin':
      return begin(req.file, req.meta);
    case 'sales': {
      const { writer } = active();
      writer.dims(req.dims);
      writer.sales(unpackStrings(req.strings), req.numbers, req.count);
      return null;
    }
    case 'settle': {
      const { meta, writer } = active();
      const { added, rebuild } = writer.settle();
      if (rebuild && connection) await rebuildAllRollups(connection.kysely, meta.companyId);
      return added;
    }
    case 'marketing': {
      const { writer } = active();
      writer.dims(req.dims);
      return writer.marketing(req.rows);
    }
    case 'satisfaction': {
      const { writer } = active();
      writer.dims(req.dims);
      return writer.satisfaction(req.rows);
    }
    case 'problems':
      active().writer.problems(req.rows);
      return null;
    case 'finish': {
      const { meta, writer } = active();
      const conn = connection;
      if (!conn) throw new Error('no import connection');
      if (writer.complete()) await rebuildAllRollups(conn.kysely, meta.companyId);
      await closeImportRecord(conn.kysely, meta, req.summary);
      conn.conn.exec('COMMIT');
      current = null;
      // Statistics fresh before the import reports done: the planner sees the new lines' spread.
      conn.conn.pragma('analysis_limit = 1000');
      conn.conn.exec('PRAGMA optimize');
      return null;
    }
    case 'rollback':
      if (connection?.conn.inTransaction) connection.conn.exec('ROLLBACK');
      current = null;
      return null;
  }
}

let queue: Promise<unknown> = Promise.resolve();
port.on('message', (msg: { id: number; req: WorkerRequest }) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      reply = { id: msg.id, ok: true, value: await handle(msg.req) };
    } catch (e) {
      const err = e as { message?: string; code?: string };
      reply = { id: msg.id, ok: false, error: { message: err.message ?? String(e), code: err.code } };
    }
    port.postMessage(reply);
  });
});
