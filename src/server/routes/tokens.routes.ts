import type { FastifyInstance } from 'fastify';
import { createApiToken, listApiTokens, revokeApiToken } from '../../app/team/api-tokens.ts';
import { listAuditLog } from '../../app/team/audit-log.ts';
import { auditEntrySchema, auditQuerySchema } from '../../contract/audit.ts';
import { companyParamsSchema } from '../../contract/common.ts';
import {
  apiTokenSchema,
  createApiTokenBodySchema,
  createdApiTokenSchema,
  tokenParamsSchema,
} from '../../contract/tokens.ts';
import { requireActor } from '../auth.ts';
import { type RouteDeps, zodApp } from './deps.ts';

export function tokenRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const r = zodApp(app);
  const { ctx } = deps;
  const config = { access: 'company' as const };
  const tags = ['api-tokens'];

  r.get(
    '/api/companies/:companyId/tokens',
    { config, schema: { tags, params: companyParamsSchema, response: { 200: apiTokenSchema.array() } } },
    async (req) => listApiTokens(ctx, requireActor(req), req.params.companyId),
  );

  r.post(
    '/api/companies/:companyId/tokens',
    {
      config,
      schema: {
        tags,
        params: companyParamsSchema,
        body: createApiTokenBodySchema,
        response: { 201: createdApiTokenSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createApiToken(ctx, requireActor(req), req.params.companyId, req.body.name)),
  );

  r.delete(
    '/api/companies/:companyId/tokens/:tokenId',
    { config, schema: { tags, params: tokenParamsSchema } },
    async (req, reply) => {
      await revokeApiToken(ctx, requireActor(req), req.params.companyId, req.params.tokenId);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/companies/:companyId/audit-log',
    {
      config,
      schema: {
        tags: ['audit'],
        params: companyParamsSchema,
        querystring: auditQuerySchema,
        response: { 200: auditEntrySchema.array() },
      },
    },
    async (req) =>
      listAuditLog(ctx, requireActor(req), req.params.companyId, req.query.limit, req.query.before),
  );
}
