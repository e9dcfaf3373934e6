import type SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, SqliteDialect } from 'kysely';
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

/**
 * The SQL statements a KPI question runs (bench/kpi-load.ts, bench/kpi-statements.ts), in the order
 * they ran, each timed again alone on `conn`: the durations logged while the question ran include the
 * time a statement waited behind the others (its reads run side by side on the one connection).
 */
export async function timedStatements(
  conn: SQLite.Database,
  companyId: string,
  query: KpiQuery,
): Promise<TimedStatement[]> {
  const statements: TimedStatement[] = [];
  const logged = new Kysely<Database>({
    dialect: new SqliteDialect({ database: conn }),
    log: (e: LogEvent) => {
      if (e.level === 'query') statements.push({ sql: e.query.sql, params: e.query.parameters, ms: 0 });
    },
  });
  await computeKpi(createKpiRepository(logged), companyId, query, {
    fiscalYearStartMonth: 1,
    currency: 'TWD',
  });
  for (const st of statements) {
    const run = () => conn.prepare(st.sql).all(...(st.params as unknown[]));
    run();
    const started = performance.now();
    run();
    st.ms = performance.now() - started;
  }
  return statements;
}
