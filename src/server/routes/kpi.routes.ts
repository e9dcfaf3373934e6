import type { FastifyInstance } from 'fastify';
import { getKpi, getKpiGlossary, listDimensionMembers } from '../../app/kpi/kpi-use-cases.ts';
import { companyParamsSchema } from '../../contract/common.ts';
import {
  dimensionMembersSchema,
  dimensionParamsSchema,
  kpiGlossarySchema,
  kpiQuerystringSchema,
  kpiResultSchema,
} from '../../contract/kpi.ts';
import { requireActor } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { type RouteDeps, zodApp } from './deps.ts';
import { kpiQueryOf } from './kpi-query.ts';

export function kpiRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const r = zodApp(app);
  const { ctx } = deps;
  const config = { access: 'company' as const };

  r.get(
    '/api/companies/:companyId/kpi',
    {
      config,
      schema: {
        tags: ['kpi'],
        params: companyParamsSchema,
        querystring: kpiQuerystringSchema,
        response: { 200: kpiResultSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return getKpi(ctx, actor, req.params.companyId, kpiQueryOf(req.query));
    },
  );

  r.get(
    '/api/companies/:companyId/kpi/glossary',
    { config, schema: { tags: ['kpi'], params: companyParamsSchema, response: { 200: kpiGlossarySchema } } },
    async (req) => getKpiGlossary(ctx, requireActor(req), req.params.companyId, requestLocale(req)),
  );

  r.get(
    '/api/companies/:companyId/dimensions/:kind',
    {
      config,
      schema: { tags: ['kpi'], params: dimensionParamsSchema, response: { 200: dimensionMembersSchema } },
    },
    async (req) => ({
      kind: req.params.kind,
      names: await listDimensionMembers(ctx, requireActor(req), req.params.companyId, req.params.kind),
    }),
  );
}
