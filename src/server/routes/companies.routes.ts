import type { FastifyInstance } from 'fastify';
import { createCompanyForUser, getCompany, renameCompany } from '../../app/company/companies.ts';
import { companyParamsSchema } from '../../contract/common.ts';
import { companySchema, createCompanyBodySchema, renameCompanyBodySchema } from '../../contract/companies.ts';
import { AppError } from '../../core/errors/app-error.ts';
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
      const actor = requireActor(req);
      // An API token is scoped to one company: it cannot create others.
      if (actor.tokenCompanyId) throw new AppError('FORBIDDEN');
      const company = await createCompanyForUser(ctx, actor.userId, req.body.name);
      if (req.session) await ctx.repos.sessions.setCurrentCompany(req.session.session.idHash, company.id);
      return reply.code(201).send({ ...company, role: 'owner' as const });
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
