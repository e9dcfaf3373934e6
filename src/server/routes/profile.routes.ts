import type { FastifyInstance } from 'fastify';
import { getMarketAnalysis, saveMarketAnalysis } from '../../app/company/market.ts';
import { getProfile, saveProfile } from '../../app/company/profile.ts';
import { companyParamsSchema } from '../../contract/common.ts';
import { marketAnalysisSchema, saveMarketAnalysisBodySchema } from '../../contract/market.ts';
import { profileSchema, saveProfileBodySchema } from '../../contract/profile.ts';
import { requireActor } from '../auth.ts';
import { type RouteDeps, zodApp } from './deps.ts';

export function profileRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const r = zodApp(app);
  const { ctx } = deps;
  const config = { access: 'company' as const };

  r.get(
    '/api/companies/:companyId/profile',
    { config, schema: { tags: ['profile'], params: companyParamsSchema, response: { 200: profileSchema } } },
    async (req) => getProfile(ctx, requireActor(req), req.params.companyId),
  );

  r.put(
    '/api/companies/:companyId/profile',
    {
      config,
      schema: {
        tags: ['profile'],
        params: companyParamsSchema,
        body: saveProfileBodySchema,
        response: { 200: profileSchema },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return saveProfile(ctx, requireActor(req), req.params.companyId, input, version);
    },
  );

  r.get(
    '/api/companies/:companyId/market-analysis',
    {
      config,
      schema: { tags: ['market'], params: companyParamsSchema, response: { 200: marketAnalysisSchema } },
    },
    async (req) => getMarketAnalysis(ctx, requireActor(req), req.params.companyId),
  );

  r.put(
    '/api/companies/:companyId/market-analysis',
    {
      config,
      schema: {
        tags: ['market'],
        params: companyParamsSchema,
        body: saveMarketAnalysisBodySchema,
        response: { 200: marketAnalysisSchema },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return saveMarketAnalysis(ctx, requireActor(req), req.params.companyId, input, version);
    },
  );
}
