import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getDataFreshness } from '../../app/data/freshness.ts';
import {
  archiveGoal,
  createGoal,
  getGoal,
  gradeGoalDraft,
  listGoals,
  listGoalVersions,
  parseGoalDraft,
  restoreGoal,
  updateGoal,
} from '../../app/goals/goal-use-cases.ts';
import { companyParamsSchema } from '../../contract/common.ts';
import { dataFreshnessSchema } from '../../contract/freshness.ts';
import {
  createGoalBodySchema,
  type GoalInput,
  goalListQuerySchema,
  goalParamsSchema,
  goalSchema,
  goalVersionSchema,
  goalWithGradingSchema,
  gradeDraftBodySchema,
  gradingSchema,
  parsedGoalSchema,
  parseGoalBodySchema,
  updateGoalBodySchema,
} from '../../contract/goals.ts';
import type { GoalSpec } from '../../core/goals/index.ts';
import { requireActor } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { type RouteDeps, zodApp } from './deps.ts';

const tags = ['goals'];

/** The contract's goal input as the core's goal (the scope's dimension keys are checked by the schema). */
function toSpec(input: GoalInput): GoalSpec {
  return { ...input, scope: input.scope as GoalSpec['scope'] };
}

export function goalRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const r = zodApp(app);
  const { ctx } = deps;
  const config = { access: 'company' as const };
  const base = '/api/companies/:companyId/goals';

  // How old the company's sales data is (the goal grading carries the same figures).
  r.get(
    '/api/companies/:companyId/data-freshness',
    {
      config,
      schema: { tags: ['data'], params: companyParamsSchema, response: { 200: dataFreshnessSchema } },
    },
    async (req) => getDataFreshness(ctx, requireActor(req), req.params.companyId),
  );

  r.get(
    base,
    {
      config,
      schema: {
        tags,
        params: companyParamsSchema,
        querystring: goalListQuerySchema,
        response: { 200: z.array(goalSchema) },
      },
    },
    async (req) => listGoals(ctx, requireActor(req), req.params.companyId, req.query),
  );

  r.post(
    base,
    {
      config,
      schema: {
        tags,
        params: companyParamsSchema,
        body: createGoalBodySchema,
        response: { 201: goalWithGradingSchema },
      },
    },
    async (req, reply) => {
      const { today, ...input } = req.body;
      const goal = await createGoal(
        ctx,
        requireActor(req),
        req.params.companyId,
        toSpec(input),
        requestLocale(req),
        today,
      );
      return reply.code(201).send(goal);
    },
  );

  r.post(
    `${base}/parse`,
    {
      config,
      schema: {
        tags,
        params: companyParamsSchema,
        body: parseGoalBodySchema,
        response: { 200: parsedGoalSchema },
      },
    },
    async (req) =>
      parseGoalDraft(
        ctx,
        requireActor(req),
        req.params.companyId,
        req.body.statement,
        req.body.today,
        requestLocale(req),
      ),
  );

  r.post(
    `${base}/grade`,
    {
      config,
      schema: {
        tags,
        params: companyParamsSchema,
        body: gradeDraftBodySchema,
        response: { 200: gradingSchema },
      },
    },
    async (req) => {
      const { today, ...input } = req.body;
      return gradeGoalDraft(
        ctx,
        requireActor(req),
        req.params.companyId,
        toSpec(input),
        requestLocale(req),
        today,
      );
    },
  );

  r.get(
    `${base}/:goalId`,
    { config, schema: { tags, params: goalParamsSchema, response: { 200: goalWithGradingSchema } } },
    async (req) =>
      getGoal(ctx, requireActor(req), req.params.companyId, req.params.goalId, requestLocale(req)),
  );

  r.put(
    `${base}/:goalId`,
    {
      config,
      schema: {
        tags,
        params: goalParamsSchema,
        body: updateGoalBodySchema,
        response: { 200: goalWithGradingSchema },
      },
    },
    async (req) => {
      const { version, reason, ...input } = req.body;
      return updateGoal(
        ctx,
        requireActor(req),
        req.params.companyId,
        req.params.goalId,
        toSpec(input),
        version,
        reason,
        requestLocale(req),
      );
    },
  );

  r.post(
    `${base}/:goalId/archive`,
    { config, schema: { tags, params: goalParamsSchema, response: { 200: goalSchema } } },
    async (req) => archiveGoal(ctx, requireActor(req), req.params.companyId, req.params.goalId),
  );

  r.post(
    `${base}/:goalId/restore`,
    { config, schema: { tags, params: goalParamsSchema, response: { 200: goalSchema } } },
    async (req) => restoreGoal(ctx, requireActor(req), req.params.companyId, req.params.goalId),
  );

  r.get(
    `${base}/:goalId/versions`,
    { config, schema: { tags, params: goalParamsSchema, response: { 200: z.array(goalVersionSchema) } } },
    async (req) => listGoalVersions(ctx, requireActor(req), req.params.companyId, req.params.goalId),
  );
}
