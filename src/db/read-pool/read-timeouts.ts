import type { KpiRepository } from '../../app/kpi/ports.ts';
import { AppError } from '../../core/errors/app-error.ts';

/** PostgreSQL's query_canceled: statement_timeout stopped the query. */
const PG_QUERY_CANCELED = '57014';

const mapped = (e: unknown): unknown =>
  (e as { code?: unknown } | null)?.code === PG_QUERY_CANCELED ? new AppError('QUERY_TIMEOUT') : e;

/**
 * The KPI repository with a runaway query's failure told as QUERY_TIMEOUT (503, in the reader's
 * language) on both databases (the SQLite read pool throws it itself).
 */
export function withReadTimeouts(repo: KpiRepository): KpiRepository {
  const out = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(repo) as [string, (...a: unknown[]) => Promise<unknown>][])
    out[name] = (...args: unknown[]) => fn(...args).catch((e: unknown) => Promise.reject(mapped(e)));
  return out as unknown as KpiRepository;
}
