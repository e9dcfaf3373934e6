import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectKind } from '../dialect-kind.ts';

/**
 * Migrations are written once for both dialects; these helpers hide the few differences.
 * Each migration receives the dialect kind through `migrationContext`.
 */
export interface MigrationContext {
  dialect: DialectKind;
}

// biome-ignore lint/suspicious/noExplicitAny: a migration works on an untyped database by design
export type MigrationDb = Kysely<any>;

export interface PacerMigration {
  up(db: MigrationDb, ctx: MigrationContext): Promise<void>;
}

/** An auto-incrementing integer primary key (SQLite INTEGER PRIMARY KEY / PostgreSQL identity). */
export function addSerialId<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
  ctx: MigrationContext,
  name = 'id',
): CreateTableBuilder<T, C> {
  return ctx.dialect === 'sqlite'
    ? table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn(name, 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}

/** 64-bit integer column (money in minor units, counts). */
export const bigint = (ctx: MigrationContext) => (ctx.dialect === 'sqlite' ? 'integer' : 'bigint');
