import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/ports.ts';
import type { CookieSettings } from '../auth.ts';

export interface RouteDeps {
  /** The use cases' context (repositories, import files, clock): routes pass it on, never reach into it. */
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
