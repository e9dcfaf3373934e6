import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import type { ReadReply, ReadRequest } from './sqlite-read-protocol.ts';

/**
 * One read-only connection to the database file, in its own thread (sqlite-read-pool.ts): WAL lets
 * it read the last committed state beside the server's connection and an import's writer.
 */
const port = parentPort;
if (!port) throw new Error('sqlite-read-worker runs as a worker thread');
const { file } = workerData as { file: string };
const conn = new SQLite(file, { readonly: true, fileMustExist: true });
conn.pragma('busy_timeout = 5000');
// KPI reads go through roll-ups of millions of rows.
conn.pragma('cache_size = -32768');
conn.pragma('temp_store = MEMORY');
// Pages read through a memory map (up to 1 GiB of the file): the threads of the pool share the
// mapped pages instead of each copying them into its own cache, so a thread's first reads after a
// start are cheaper (the slowest first asks of the cold KPI bench at 1M lines: 109–135 → 88–106 ms,
// bench/RESULTS.md). Read-only: writes still go through the writer's connection.
conn.pragma('mmap_size = 1073741824');

/** Prepared statements by text (the KPI repository builds a few dozen shapes). */
const statements = new Map<string, SQLite.Statement>();
const MAX_STATEMENTS = 500;

port.on('message', (m: ReadRequest) => {
  let reply: ReadReply;
  try {
    let stmt = statements.get(m.sql);
    if (!stmt) {
      stmt = conn.prepare(m.sql);
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statements.set(m.sql, stmt);
    }
    if (!stmt.reader)
      throw Object.assign(new Error('the read pool runs only queries'), { code: 'READ_ONLY' });
    reply = { id: m.id, ok: true, rows: stmt.all(...m.params) as unknown[] };
  } catch (e) {
    const err = e as { message?: string; code?: string };
    reply = { id: m.id, ok: false, error: { message: String(err.message), code: err.code } };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
