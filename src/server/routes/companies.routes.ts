import type { FastifyInstance } from 'fastify';
import { createCompany, getCompany, renameCompany } from '../../app/company/companies.ts';
import { companyParamsSchema } from '../../contract/common.ts';
import { companySchema, createCompanyBodySchema, renameCompanyBodySchema } from '../../contract/companies.ts';
import { requireActor } from '../auth.ts';
import { type RouteDeps, zodApp } from './deps.ts';

const tags = ['companies'];

export function companyRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const r = zodApp(app);
  const { ctx } = deps;

  r.post(
    '/api/companies',
    {
      config: { access: 'user' },
      schema: { tags, body: createCompanyBodySchema, response: { 201: companySchema } },
    },
    async (req, reply) => {
      const sessionIdHash = req.session?.session.idHash ?? null;
      const company = await createCompany(ctx, requireActor(req), req.body.name, sessionIdHash);
      return reply.code(201).send(company);
    },
  );

  r.get(
    '/api/companies/:companyId',
    {
      config: { access: 'company' },
      schema: { tags, params: companyParamsSchema, response: { 200: companySchema } },
    },
    async (req) => getCompany(ctx, requireActor(req), req.params.companyId),
  );

  r.patch(
    '/api/companies/:companyId',
    {
      config: { access: 'company' },
      schema: {
        tags,
        params: companyParamsSchema,
        body: renameCompanyBodySchema,
        response: { 200: companySchema },
      },
    },
    async (req) => renameCompany(ctx, requireActor(req), req.params.companyId, req.body.name),
  );
}
