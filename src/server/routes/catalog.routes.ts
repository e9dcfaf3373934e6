import type { FastifyInstance } from 'fastify';
import { listCatalog, mergeCatalogEntries, renameCatalogEntry } from '../../app/data/catalog.ts';
import {
  catalogEntryParamsSchema,
  catalogEntrySchema,
  catalogParamsSchema,
  mergeEntryBodySchema,
  renameEntryBodySchema,
} from '../../contract/catalog.ts';
import { requireActor } from '../auth.ts';
import { type RouteDeps, zodApp } from './deps.ts';

export function catalogRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const r = zodApp(app);
  const { ctx } = deps;
  const config = { access: 'company' as const };
  const tags = ['catalog'];
  const list = catalogEntrySchema.array();

  r.get(
    '/api/companies/:companyId/catalog/:table',
    { config, schema: { tags, params: catalogParamsSchema, response: { 200: list } } },
    async (req) => listCatalog(ctx, requireActor(req), req.params.companyId, req.params.table),
  );
  r.patch(
    '/api/companies/:companyId/catalog/:table/:entryId',
    {
      config,
      schema: {
        tags,
        params: catalogEntryParamsSchema,
        body: renameEntryBodySchema,
        response: { 200: list },
      },
    },
    async (req) =>
      renameCatalogEntry(
        ctx,
        requireActor(req),
        req.params.companyId,
        req.params.table,
        req.params.entryId,
        req.body.name,
      ),
  );
  r.post(
    '/api/companies/:companyId/catalog/:table/:entryId/merge',
    {
      config,
      schema: { tags, params: catalogEntryParamsSchema, body: mergeEntryBodySchema, response: { 200: list } },
    },
    async (req) =>
      mergeCatalogEntries(
        ctx,
        requireActor(req),
        req.params.companyId,
        req.params.table,
        req.params.entryId,
        req.body.intoId,
      ),
  );
}
