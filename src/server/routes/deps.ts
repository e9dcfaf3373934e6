import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ImportJobs } from '../../app/import/import-jobs.ts';
import type { FileReader, UploadStore } from '../../app/import/ports.ts';
import type { AppContext } from '../../app/ports.ts';
import type { Exporter } from '../../ingest/exporter.ts';
import type { CookieSettings } from '../auth.ts';

/** Files: uploads waiting to be imported, the reader, background import jobs, exports. */
export interface ImportIo {
  reader: FileReader;
  uploads: UploadStore;
  jobs: ImportJobs;
  exporter: Exporter;
  maxUploadBytes: number;
}

export interface RouteDeps {
  io: ImportIo;
  ctx: AppContext;
  cookie: CookieSettings;
  /** Public base URL used in invitation links, e.g. https://pacer.example.com */
  publicUrl: string | null;
  version: string;
  databaseKind: 'sqlite' | 'postgres';
  /** Per-IP limit on the routes that take passwords. */
  authRateLimit: { max: number; timeWindow: string };
}

export function zodApp(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}
