import type { TestProject } from 'vitest/node';
import { findPostgresBin, type PostgresCluster, startPostgresCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a PostgreSQL server for integration tests, or '' when none is available. */
    pgAdminUrl: string;
  }
}

let cluster: PostgresCluster | null = null;

/**
 * Integration tests run over SQLite and PostgreSQL. PostgreSQL comes from DATABASE_URL when it is a
 * postgres:// URL, else from a throwaway cluster started here from the machine's binaries. Under CI a
 * missing PostgreSQL is a failure; on a laptop the PostgreSQL half is skipped, loudly.
 */
export default async function setup(project: TestProject) {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv && /^postgres(ql)?:\/\//.test(fromEnv)) {
    project.provide('pgAdminUrl', fromEnv);
    return;
  }
  const bin = findPostgresBin();
  if (!bin) {
    if (process.env.CI)
      throw new Error('PostgreSQL is required under CI but was not found (apt-get install postgresql).');
    console.warn(
      '\n*** PostgreSQL not found: the PostgreSQL half of the integration suite is SKIPPED. ***\n',
    );
    project.provide('pgAdminUrl', '');
    return;
  }
  cluster = await startPostgresCluster(bin);
  console.log(
    `integration: PostgreSQL throwaway cluster at ${cluster.url} (from ${bin}); every integration file runs over SQLite and PostgreSQL`,
  );
  project.provide('pgAdminUrl', cluster.url);
  return () => {
    cluster?.stop();
    cluster = null;
  };
}
