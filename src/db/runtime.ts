import type { AppContext, Clock } from '../app/ports.ts';
import { systemClock } from '../app/system-clock.ts';
import { type DatabaseConfig, openDatabase, type PacerDatabase } from './connect.ts';
import { createImportStore } from './imports/import-store.ts';
import { refreshSalesRollups } from './kpi/refresh-sales-rollups.ts';
import { migrateToLatest } from './migrate.ts';
import { createRepositories } from './repositories/index.ts';

export interface Runtime {
  database: PacerDatabase;
  ctx: AppContext;
  /** Migrations applied by this start (empty when the schema was current). */
  applied: string[];
  close(): Promise<void>;
}

/** Opens the database, brings its schema up to date and wires the repositories: the composition root. */
export async function openRuntime(config: DatabaseConfig, clock: Clock = systemClock): Promise<Runtime> {
  const database = openDatabase(config);
  try {
    const applied = await migrateToLatest(database);
    const imports = createImportStore(database, refreshSalesRollups);
    const repos = createRepositories(database.db, { imports });
    const close = async () => {
      await imports.close();
      await database.close();
    };
    return { database, ctx: { repos, clock }, applied, close };
  } catch (e) {
    await database.close();
    throw e;
  }
}
