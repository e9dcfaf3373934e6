import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type PgModule from 'pg';
import { AppError } from '../core/errors/app-error.ts';
import type { DialectKind } from './dialect-kind.ts';
import { readPoolKysely, SqliteReadPool } from './read-pool/sqlite-read-pool.ts';
import type { Database } from './schema/index.ts';

export interface DatabaseConfig {
  /** postgres://... selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder of the SQLite file (default ./data). */
  dataDir?: string | undefined;
  /** SQLite file name inside dataDir (default pacer.sqlite). */
  fileName?: string | undefined;
}

export interface PacerDatabase {
  db: Kysely<Database>;
  kind: DialectKind;
  /** Human-readable location (file path or host/db), never the password. */
  location: string;
  /** The raw SQLite handle (backups, integrity checks); null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_FILE = 'pacer.sqlite';

export function sqliteFilePath(config: DatabaseConfig): string {
  return resolve(join(config.dataDir ?? './data', config.fileName ?? DEFAULT_SQLITE_FILE));
}

/** Opens the configured database: PostgreSQL when a postgres:// URL is given, else embedded SQLite. */
export function openDatabase(config: DatabaseConfig): PacerDatabase {
  const url = config.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  return openSqlite(sqliteFilePath(config));
}

/** SQLite's and the file system's ways of saying "you may not write here". */
const READ_ONLY_CODES = new Set(['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'EACCES', 'EPERM', 'EROFS']);

export function isReadOnlyFailure(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && [...READ_ONLY_CODES].some((c) => code.startsWith(c));
}

function readOnly(location: string): AppError {
  return new AppError('DATA_READ_ONLY', undefined, { location });
}

/**
 * Refuses a database this process cannot write (a read-only data folder or database file, a
 * read-only PostgreSQL server): otherwise the server would start and every login would fail.
 */
export async function assertWritable(database: PacerDatabase): Promise<void> {
  if (database.sqlite) {
    try {
      // A schema change inside a transaction that is rolled back: it needs every write permission.
      database.sqlite.exec('BEGIN IMMEDIATE; CREATE TABLE _pacer_write_check (x INTEGER); ROLLBACK');
    } catch (e) {
      if (database.sqlite.inTransaction) database.sqlite.exec('ROLLBACK');
      if (isReadOnlyFailure(e)) throw readOnly(database.location);
      // Busy: another process is writing (an import); the file is writable, the check is moot.
      if ((e as { code?: unknown }).code !== 'SQLITE_BUSY') throw e;
    }
    return;
  }
  const r = await sql<{ transaction_read_only: string }>`SHOW transaction_read_only`.execute(database.db);
  if (r.rows[0]?.transaction_read_only === 'on') throw readOnly(database.location);
}

function openSqlite(file: string): PacerDatabase {
  try {
    return openSqliteFile(file);
  } catch (e) {
    if (isReadOnlyFailure(e)) throw readOnly(file);
    throw e;
  }
}

function openSqliteFile(file: string): PacerDatabase {
  mkdirSync(resolve(file, '..'), { recursive: true });
  const sqlite = new SQLite(file);
  try {
    configureSqlite(sqlite);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    kind: 'sqlite',
    location: file,
    sqlite,
    close: () => db.destroy(),
  };
}

function configureSqlite(sqlite: SQLite.Database): void {
  // 8 KiB pages (SQLite's default is 4 KiB): a 1M-line import inserts and commits about 15 % faster
  // (bench/RESULTS.md). Takes effect only on a new, empty file; an older database keeps its size.
  sqlite.pragma('page_size = 8192');
  sqlite.pragma('journal_mode = WAL');
  // FULL: a committed write survives a power loss, not only a process crash (SECURITY.md).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB page cache: KPI queries read roll-ups of millions of rows.
  sqlite.pragma('cache_size = -65536');
}

const requireModule = createRequire(import.meta.url);
let pgModule: typeof PgModule | undefined;
/**
 * node-postgres, loaded when a PostgreSQL database is first opened: an SQLite deployment never needs
 * it, and loading it (with the HTTP client it pulls in) took 60 ms of every command's start.
 */
const pg = (): typeof PgModule => {
  pgModule ??= requireModule('pg') as typeof PgModule;
  return pgModule;
};

/** int8 (bigint) and numeric come back as JS numbers: money in minor units stays below 2^53. */
const PG_TYPES = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700
      ? (v: string) => Number(v)
      : // biome-ignore lint/suspicious/noExplicitAny: pg's typings overload by format
        pg().types.getTypeParser(oid, format as any),
};

export interface ReadDatabase {
  /** Queries only. */
  db: Kysely<Database>;
  /**
   * Opens the read threads or connections now rather than at the first reads (a server, once
   * listening); resolves with how many are open.
   */
  warm(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The session settings of the PostgreSQL KPI reads. KPI reads are many short aggregations over
 * roll-ups: JIT compilation (on by default past a plan cost that a 10M-line database's reads exceed)
 * cost 536 of a 539 ms statement there, and 4 MB of work_mem sent 2 MB sorts of a year's product cells
 * to disk; the roll-ups a read touches are in memory, where a random page costs about what a
 * sequential one does (random_page_cost 4, the default for spinning disks, chose a scan of the whole
 * customer cells and a hash of every row over their covering index read in order: bench/RESULTS.md).
 * The benchmarks explain their slowest statement under the same settings.
 */
export const PG_READ_SETTINGS = '-c jit=off -c work_mem=64MB -c random_page_cost=1.1';

export interface ReadOptions {
  /** SQLite read threads / PostgreSQL read connections. */
  size?: number;
  /** Longest a read may run (default 15 s); past it the query fails with QUERY_TIMEOUT. */
  timeoutMs?: number;
  /**
   * PostgreSQL: how long an idle read connection beyond the `size` kept open may stay (pg's default,
   * 10 s). The `size` connections themselves stay open however long the server is idle.
   */
  idleTimeoutMs?: number;
}

/**
 * Where the heavy reads (KPIs) run, off the event loop: on SQLite a pool of read-only connections
 * in worker threads (WAL lets them read beside the server's connection and an import's writer); on
 * PostgreSQL a pool of its own whose statement_timeout stops a runaway query. An in-memory SQLite
 * database has no file to share: its reads stay on the main connection.
 */
export function openReadDatabase(
  config: DatabaseConfig,
  database: PacerDatabase,
  opts: ReadOptions = {},
): ReadDatabase {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  if (database.kind === 'sqlite') {
    if (database.location === ':memory:' || !database.sqlite)
      return { db: database.db, warm: async () => 1, close: async () => {} };
    const pool = new SqliteReadPool(database.location, { size: opts.size ?? 2, timeoutMs });
    const db = readPoolKysely(pool);
    return { db, warm: () => pool.warm(), close: () => db.destroy() };
  }
  const size = opts.size ?? 5;
  const pool = new (pg().Pool)({
    connectionString: config.databaseUrl,
    max: size,
    // Every read connection stays open: a new backend's first statements run two to three times
    // slower than a warm one's (it loads the catalog and maps each shared buffer it touches: 35–60
    // against 18–20 ms for a year of customer weeks at 1M lines, bench/RESULTS.md), and with pg's
    // default (none kept, idle ones closed after 10 s) every dashboard opened after a pause paid it.
    min: size,
    idleTimeoutMillis: opts.idleTimeoutMs ?? 10_000,
    statement_timeout: timeoutMs,
    options: PG_READ_SETTINGS,
    types: PG_TYPES,
  });
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL idle connection closed: ${err.message}`, 'PacerDatabaseWarning');
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const warm = async () => {
    // Each connection opened (and its session settings applied), then back to the pool; on each, the
    // tables the reads use planned once (their catalog entries, indexes and statistics loaded): a new
    // backend plans its first statement on a table in 5–20 ms, then in under 1 ms.
    const clients = await Promise.all(Array.from({ length: size }, () => pool.connect()));
    try {
      const tables = clients[0] ? await readTables(clients[0]) : [];
      await Promise.all(clients.map((c) => planTables(c, tables)));
    } finally {
      for (const c of clients) c.release();
    }
    return pool.totalCount;
  };
  return { db, warm, close: () => db.destroy() };
}

type QueryClient = { query: (text: string) => Promise<{ rows: unknown[] }> };

/** The tables the KPI reads use: the roll-ups (kpi_*) and the sales lines, each with a tenant_id. */
async function readTables(client: QueryClient): Promise<string[]> {
  const res = await client.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
     WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
       AND (c.relname LIKE 'kpi\\_%' OR c.relname = 'sales_lines')`,
  );
  return (res.rows as { name: string }[]).map((r) => r.name);
}

/** Plans a query of each table on one connection (its catalog entries, indexes and statistics loaded). */
async function planTables(client: QueryClient, tables: readonly string[]) {
  for (const name of tables)
    await client.query(`EXPLAIN SELECT * FROM "${name.replaceAll('"', '""')}" WHERE tenant_id = 0`);
}

function openPostgres(url: string): PacerDatabase {
  const pool = new (pg().Pool)({
    connectionString: url,
    max: 10,
    types: PG_TYPES,
  });
  // An idle connection the server ends (a restart, an administrator, a dropped test database) must
  // not crash the process: the pool drops that client and opens another on the next query.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL idle connection closed: ${err.message}`, 'PacerDatabaseWarning');
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let location = 'postgres';
  try {
    const u = new URL(url);
    location = `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    // keep the generic label
  }
  return { db, kind: 'postgres', location, sqlite: null, close: () => db.destroy() };
}
