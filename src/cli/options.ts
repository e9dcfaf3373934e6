import type { Command } from 'commander';
import type { DatabaseConfig } from '../db/connect.ts';
import { openRuntime, type Runtime } from '../db/runtime.ts';

export interface DatabaseOptions {
  data?: string;
}

/** Adds --data to a command; DATABASE_URL=postgres://... in the environment selects PostgreSQL instead. */
export function withDatabaseOption(cmd: Command): Command {
  return cmd.option(
    '--data <dir>',
    'SQLite data folder / SQLite 資料夾 (ignored when DATABASE_URL is set)',
    './data',
  );
}

export function databaseConfig(opts: DatabaseOptions): DatabaseConfig {
  return { databaseUrl: process.env.DATABASE_URL, dataDir: opts.data ?? './data' };
}

export async function withRuntime<T>(opts: DatabaseOptions, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(databaseConfig(opts));
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** Prints a result as JSON (--json) or as text; errors go to stderr with a non-zero exit code. */
export function output(json: boolean | undefined, data: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
}

export class CliError extends Error {}

export function fail(message: string): never {
  throw new CliError(message);
}
