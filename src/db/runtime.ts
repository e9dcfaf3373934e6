import { join, resolve } from 'node:path';
import { ImportJobs } from '../app/import/import-jobs.ts';
import type { AppContext, Clock } from '../app/ports.ts';
import { systemClock } from '../app/system-clock.ts';
import { createFileReader } from '../ingest/file-reader.ts';
import { createUploadStore } from '../ingest/upload-store.ts';
import {
  assertWritable,
  type DatabaseConfig,
  openDatabase,
  openReadDatabase,
  type PacerDatabase,
  type ReadDatabase,
  type ReadOptions,
} from './connect.ts';
import { createImportStore } from './imports/import-store.ts';
import { createKpiRepository } from './kpi/kpi-repository.ts';
import { refreshSalesRollups } from './kpi/refresh-sales-rollups.ts';
import { migrateToLatest } from './migrate.ts';
import { withReadTimeouts } from './read-pool/read-timeouts.ts';
import { createRepositories } from './repositories/index.ts';

export interface Runtime {
  database: PacerDatabase;
  ctx: AppContext;
  /** Migrations applied by this start (empty when the schema was current). */
  applied: string[];
  /** Folder of uploads waiting to be imported (inside the data folder). */
  uploadsDir: string;
  /** Where KPI reads run (read threads on SQLite, a read pool on PostgreSQL). */
  reads: ReadDatabase;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  clock?: Clock;
  /** Largest uploaded file, in bytes (default 200 MB). */
  maxUploadBytes?: number;
  /** Default: `uploads` in the data folder (also with PostgreSQL). */
  uploadsDir?: string;
  /** KPI reads: threads or connections, and the longest a query may run. */
  reads?: ReadOptions;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/**
 * The composition root, shared by `pacer start` and every CLI command: opens the database, brings its
 * schema up to date and wires the repositories, the file reader, the upload store, the import jobs
 * and the clock into the one AppContext the use cases receive.
 */
export async function openRuntime(config: DatabaseConfig, opts: RuntimeOptions = {}): Promise<Runtime> {
  const clock = opts.clock ?? systemClock;
  const database = openDatabase(config);
  let reads: ReadDatabase | null = null;
  try {
    await assertWritable(database);
    const applied = await migrateToLatest(database);
    const imports = createImportStore(database, refreshSalesRollups);
    const repos = createRepositories(database.db, { imports });
    // KPI reads off the event loop: read threads on SQLite, a pool with a statement timeout on PostgreSQL.
    reads = openReadDatabase(config, database, opts.reads);
    repos.kpi = withReadTimeouts(createKpiRepository(reads.db, database.db));
    const maxUploadBytes = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    const uploadsDir = resolve(opts.uploadsDir ?? join(config.dataDir ?? './data', 'uploads'));
    const files = {
      reader: createFileReader({ maxFileBytes: maxUploadBytes }),
      uploads: createUploadStore(uploadsDir),
      // SQLite has one writer: imports into the database wait their turn; PostgreSQL queues per company.
      jobs: new ImportJobs(clock, database.kind === 'sqlite' ? 'database' : 'company'),
      maxUploadBytes,
    };
    const readsOpen = reads;
    const close = async () => {
      await readsOpen.close();
      await imports.close();
      await database.close();
    };
    return { database, ctx: { repos, files, clock }, applied, uploadsDir, reads: readsOpen, close };
  } catch (e) {
    await reads?.close();
    await database.close();
    throw e;
  }
}
