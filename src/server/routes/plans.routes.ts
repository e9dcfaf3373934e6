import type { FastifyInstance } from 'fastify';
import { exportPlan } from '../../app/plan/plan-export.ts';
import { editPlanChild, getPlanTree, rebalancePlan } from '../../app/plan/plan-tree.ts';
import { replanGoal } from '../../app/plan/replan-goal.ts';
import { splitGoal } from '../../app/plan/split-goal.ts';
import { createStagePlan } from '../../app/plan/stage-plan.ts';
import { companyParamsSchema } from '../../contract/common.ts';
import {
  childEditBodySchema,
  planChildParamsSchema,
  planExportQuerySchema,
  planParamsSchema,
  planTreeQuerySchema,
  planTreeSchema,
  rebalanceBodySchema,
  replanBodySchema,
  replanViewSchema,
  splitBodySchema,
  splitViewSchema,
  stageBodySchema,
  stagePlanSchema,
} from '../../contract/plans.ts';
import { exporter } from '../../ingest/exporter.ts';
import { requireActor } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { type RouteDeps, zodApp } from './deps.ts';

const tags = ['plans'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Phase goals: thin routes over the app's plan use cases. */
export function planRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const r = zodApp(app);
  const { ctx } = deps;
  const config = { access: 'company' as const };
  const base = '/api/companies/:companyId/plans';

  r.post(
    `${base}/stage`,
    {
      config,
      schema: {
        tags,
        params: companyParamsSchema,
        body: stageBodySchema,
        response: { 200: stagePlanSchema },
      },
    },
    async (req) =>
      createStagePlan(ctx, requireActor(req), req.params.companyId, req.body, requestLocale(req)),
  );

  r.get(
    `${base}/:goalId`,
    {
      config,
      schema: {
        tags,
        params: planParamsSchema,
        querystring: planTreeQuerySchema,
        response: { 200: planTreeSchema },
      },
    },
    async (req) =>
      getPlanTree(ctx, requireActor(req), req.params.companyId, req.params.goalId, req.query.today),
  );

  r.get(
    `${base}/:goalId/export`,
    { config, schema: { tags, params: planParamsSchema, querystring: planExportQuerySchema } },
    async (req, reply) => {
      const { format, today } = req.query;
      const file = await exportPlan(
        ctx,
        requireActor(req),
        req.params.companyId,
        req.params.goalId,
        requestLocale(req),
        today,
      );
      reply.header(
        'content-disposition',
        `attachment; filename="plan.${format}"; filename*=UTF-8''${encodeURIComponent(`${file.name}.${format}`)}`,
      );
      reply.header('cache-control', 'no-store');
      if (format === 'xlsx')
        return reply.type(XLSX_TYPE).send(await exporter.xlsx(file.rows, file.sheet, file.columns));
      return reply.type('text/csv; charset=utf-8').send(await exporter.csv(file.rows, file.columns));
    },
  );

  r.post(
    `${base}/:goalId/split`,
    {
      config,
      schema: { tags, params: planParamsSchema, body: splitBodySchema, response: { 200: splitViewSchema } },
    },
    async (req) => {
      const { today, ...rest } = req.body;
      return splitGoal(
        ctx,
        requireActor(req),
        req.params.companyId,
        req.params.goalId,
        { ...rest, ...(today ? { today } : {}) },
        requestLocale(req),
      );
    },
  );

  r.patch(
    `${base}/:goalId/children/:childId`,
    {
      config,
      schema: {
        tags,
        params: planChildParamsSchema,
        body: childEditBodySchema,
        response: { 200: planTreeSchema },
      },
    },
    async (req) => {
      const { target, locked, reason } = req.body;
      return editPlanChild(
        ctx,
        requireActor(req),
        req.params.companyId,
        req.params.goalId,
        req.params.childId,
        {
          reason,
          ...(target !== undefined ? { target } : {}),
          ...(locked !== undefined ? { locked } : {}),
        },
      );
    },
  );

  r.post(
    `${base}/:goalId/rebalance`,
    {
      config,
      schema: {
        tags,
        params: planParamsSchema,
        body: rebalanceBodySchema,
        response: { 200: planTreeSchema },
      },
    },
    async (req) =>
      rebalancePlan(ctx, requireActor(req), req.params.companyId, req.params.goalId, req.body.reason),
  );

  r.post(
    `${base}/:goalId/replan`,
    {
      config,
      schema: { tags, params: planParamsSchema, body: replanBodySchema, response: { 200: replanViewSchema } },
    },
    async (req) => {
      const { today, ...rest } = req.body;
      return replanGoal(ctx, requireActor(req), req.params.companyId, req.params.goalId, {
        ...rest,
        ...(today ? { today } : {}),
      });
    },
  );
}
