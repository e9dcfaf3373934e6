import type { FastifyInstance } from 'fastify';
import { healthSchema } from '../../contract/health.ts';
import { type RouteDeps, zodApp } from './deps.ts';

export function healthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  zodApp(app).get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: healthSchema } } },
    async () => ({ status: 'ok' as const, database: deps.databaseKind, version: deps.version }),
  );
}
