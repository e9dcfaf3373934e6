import {
  Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  SqliteAdapter,
  SqliteDialect,
} from 'kysely';
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
 * SQLite runs DDL in transactions, but Kysely's SQLite adapter says it does not, so its migrator
 * would apply each migration (and record it) outside any transaction: a crash in the middle of one
 * would leave it half done. This adapter lets the migrator wrap the whole run in one transaction.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}

function migrator(database: PacerDatabase): Migrator {
  // The migrator's own Kysely over the same SQLite handle (not destroyed: the handle stays open).
  const db = database.sqlite
    ? new Kysely<unknown>({ dialect: new TransactionalSqliteDialect({ database: database.sqlite }) })
    : database.db;
  return new Migrator({
    db,
    provider: new StaticMigrationProvider(database),
    migrationTableName: 'pacer_migrations',
    migrationLockTableName: 'pacer_migrations_lock',
  });
}

function applied(result: MigrationResultSet): string[] {
  if (result.error) {
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`Database migration failed: ${message}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Brings the schema up to date. Kysely checks the recorded history against the list: a database
 * migrated by a newer Pacer (an unknown migration) or out of order refuses to start.
 */
export async function migrateToLatest(database: PacerDatabase): Promise<string[]> {
  return applied(await migrator(database).migrateToLatest());
}

/** Brings the schema up to migration `name` (inclusive): tests of later migrations over older data. */
export async function migrateTo(database: PacerDatabase, name: string): Promise<string[]> {
  return applied(await migrator(database).migrateTo(name));
}
