import type SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import { computeKpi } from '../src/app/kpi/compute-kpi.ts';
import type { KpiQuery } from '../src/core/kpi/types.ts';
import { createKpiRepository } from '../src/db/kpi/kpi-repository.ts';
import type { Database } from '../src/db/schema/index.ts';

export interface TimedStatement {
  sql: string;
  params: readonly unknown[];
  /** Run alone on the connection, warm (run once, then timed). */
  ms: number;
}

/** Where the statements run: an SQLite connection, or a PostgreSQL pool (one client at a time). */
export type StatementDatabase = { sqlite: SQLite.Database } | { postgres: pg.Pool };

/**
 * The SQL statements a KPI question runs (bench/kpi-load.ts, bench/kpi-statements.ts), in the order
 * they ran, each timed again alone on `on`: the durations logged while the question ran include the
 * time a statement waited behind the others (its reads run side by side).
 */
export async function timedStatements(
  on: StatementDatabase,
  companyId: string,
  query: KpiQuery,
): Promise<TimedStatement[]> {
  const statements: TimedStatement[] = [];
  const log = (e: LogEvent) => {
    if (e.level === 'query') statements.push({ sql: e.query.sql, params: e.query.parameters, ms: 0 });
  };
  const logged = new Kysely<Database>({
    dialect:
      'sqlite' in on
        ? new SqliteDialect({ database: on.sqlite })
        : new PostgresDialect({ pool: on.postgres }),
    log,
  });
  await computeKpi(createKpiRepository(logged), companyId, query, {
    fiscalYearStartMonth: 1,
    currency: 'TWD',
  });
  for (const st of statements) {
    await runStatement(on, st.sql, st.params);
    const started = performance.now();
    await runStatement(on, st.sql, st.params);
    st.ms = performance.now() - started;
  }
  return statements;
}

/** Runs one statement (all its rows read); returns the rows. */
export async function runStatement(
  on: StatementDatabase,
  sql: string,
  params: readonly unknown[],
): Promise<Record<string, unknown>[]> {
  if ('sqlite' in on)
    return on.sqlite.prepare(sql).all(...(params as unknown[])) as Record<string, unknown>[];
  return (await on.postgres.query(sql, params as unknown[])).rows as Record<string, unknown>[];
}
