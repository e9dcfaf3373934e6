import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import type { PacerDatabase } from './connect.ts';
import type { MigrationDb } from './migrations/helpers.ts';
import { migrations } from './migrations/index.ts';

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly database: PacerDatabase) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const ctx = { dialect: this.database.kind };
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(migrations)) {
      out[name] = { up: (db: MigrationDb) => m.up(db, ctx) };
    }
    return out;
  }
}

export class MigrationError extends Error {}

/**
 * Brings the schema up to date. Kysely checks the recorded history against the list: a database
 * migrated by a newer Pacer (an unknown migration) or out of order refuses to start.
 */
export async function migrateToLatest(database: PacerDatabase): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: new StaticMigrationProvider(database),
    migrationTableName: 'pacer_migrations',
    migrationLockTableName: 'pacer_migrations_lock',
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`Database migration failed: ${message}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
