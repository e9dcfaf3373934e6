import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/errors/app-error.ts';
import type { DatabaseConfig } from '../db/connect.ts';
import { isReadOnlyFailure } from '../db/connect.ts';
import { openRuntime, type Runtime } from '../db/runtime.ts';
import { buildApp } from './build-app.ts';
import { PACKAGE_ROOT } from './package-root.ts';

export interface StartOptions {
  database: DatabaseConfig;
  port: number;
  host: string;
  publicUrl?: string | null;
  webDir?: string | null;
  logLevel?: string;
  /** Runs before listening, with the migrated database (the CLI seeds the demo company here). */
  beforeListen?: (runtime: Runtime) => Promise<void>;
}

export interface RunningServer {
  app: FastifyInstance;
  runtime: Runtime;
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_WEB_DIR = join(PACKAGE_ROOT, 'dist', 'web');

/**
 * Empties the uploads folder (files of a wizard or an import that a stop or a kill interrupted: the
 * jobs that would import them lived in the stopped process) and checks that it can be written.
 */
export async function resetUploads(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const probe = join(dir, '.write-check');
    await writeFile(probe, '');
    await rm(probe);
  } catch (e) {
    if (isReadOnlyFailure(e)) throw new AppError('DATA_READ_ONLY', undefined, { location: dir });
    throw e;
  }
}

/** Opens the database, migrates, builds the app and listens. Closes cleanly on close(). */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const runtime = await openRuntime(opts.database);
  try {
    await resetUploads(runtime.uploadsDir);
    if (opts.beforeListen) await opts.beforeListen(runtime);
    const webDir = opts.webDir === undefined ? DEFAULT_WEB_DIR : opts.webDir;
    const app = await buildApp({
      ctx: runtime.ctx,
      databaseKind: runtime.database.kind,
      publicUrl: opts.publicUrl ?? null,
      webDir: webDir && existsSync(webDir) ? webDir : null,
      logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel ?? 'info' },
    });
    const address = await app.listen({ port: opts.port, host: opts.host });
    // The KPI read threads or connections open now, not on the first request (best effort: a read
    // opens them anyway).
    await runtime.reads.warm().catch(() => 0);
    const url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
    return {
      app,
      runtime,
      url,
      close: async () => {
        await app.close();
        await runtime.close();
      },
    };
  } catch (e) {
    await runtime.close();
    throw e;
  }
}
