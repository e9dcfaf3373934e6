import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../../src/db/connect.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface TestDatabase {
  dialect: DialectName;
  config: DatabaseConfig;
  /** Drops the database / removes the folder. */
  drop(): Promise<void>;
}

/** The dialects this run covers: SQLite always, PostgreSQL when global-setup found one. */
export function dialects(): DialectName[] {
  return inject('pgAdminUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh, empty database of the given dialect: a new SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'pacer-sqlite-'));
    return {
      dialect,
      config: { dataDir: dir },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = inject('pgAdminUrl');
  const name = `pacer_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  // The data folder still holds uploads waiting to be imported.
  const dir = mkdtempSync(join(tmpdir(), 'pacer-pg-data-'));
  return {
    dialect,
    config: { databaseUrl: url.toString(), dataDir: dir },
    drop: async () => {
      rmSync(dir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
