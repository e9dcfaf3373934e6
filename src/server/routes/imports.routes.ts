import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  deleteMappingPreset,
  getImport,
  getImportJob,
  importErrorReport,
  listImports,
  listMappingPresets,
  previewUpload,
  receiveUpload,
  saveMappingPreset,
  startImport,
} from '../../app/import/import-use-cases.ts';
import type { ImportJobState, ImportRecordView } from '../../app/import/ports.ts';
import { undoImport } from '../../app/import/undo-import.ts';
import { companyParamsSchema } from '../../contract/common.ts';
import {
  importJobSchema,
  importParamsSchema,
  importRecordSchema,
  jobParamsSchema,
  presetParamsSchema,
  presetSchema,
  previewBodySchema,
  previewSchema,
  reportQuerySchema,
  savePresetBodySchema,
  startImportBodySchema,
  uploadSchema,
} from '../../contract/imports.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { UseCaseFieldMessageCode } from '../../core/errors/field-messages.ts';
import type { OrderTotals } from '../../core/ingest/order-facts.ts';
import { describeLineProblem, describeProblem } from '../../core/ingest/problem-messages.ts';
import { fromMinorUnits, isCurrency } from '../../core/money/currency.ts';
import { exporter } from '../../ingest/exporter.ts';
import { requireActor } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { problemMessage } from '../problem.ts';
import { type RouteDeps, zodApp } from './deps.ts';

const tags = ['imports'];

/** The orders' totals of a finished import, money in currency units. */
function ordersView(o: OrderTotals | null, currency: string | undefined) {
  if (o === null || currency === undefined || !isCurrency(currency)) return null;
  const { refundedMinor, orderDiscountMinor, ...counts } = o;
  return {
    ...counts,
    refunded: fromMinorUnits(refundedMinor, currency),
    orderDiscount: fromMinorUnits(orderDiscountMinor, currency),
  };
}
/** An import's record, with what it left out (money in currency units). */
function recordView(req: FastifyRequest, r: ImportRecordView) {
  const { account, ...rest } = r;
  if (account === null) return { ...rest, account: null };
  const { orders, rejectedByCode, ...kept } = account;
  const locale = requestLocale(req);
  const rejectedReasons = Object.entries(rejectedByCode)
    .map(([code, lines]) => ({ code, lines, message: describeProblem(code, locale) }))
    .sort((a, b) => b.lines - a.lines);
  return { ...rest, orders: ordersView(orders, account.currency), account: { ...kept, rejectedReasons } };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function jobView(req: FastifyRequest, job: ImportJobState) {
  const locale = requestLocale(req);
  return {
    jobId: job.jobId,
    state: job.state,
    linesRead: job.linesRead,
    bytesRead: job.bytesRead,
    totalBytes: job.totalBytes,
    phase: job.phase,
    importId: job.result?.importId ?? null,
    result: job.result
      ? {
          linesRead: job.result.linesRead,
          headerLine: job.result.headerLine,
          titleLines: job.result.titleLines,
          added: job.result.added,
          duplicates: job.result.duplicates,
          rejected: job.result.rejected,
          firstDate: job.result.firstDate,
          lastDate: job.result.lastDate,
          repeatedLines: job.result.repeatedLines,
          repeatedKeys: job.result.repeatedKeys,
          orders: ordersView(job.result.orders ?? null, job.result.currency),
        }
      : null,
    error: job.error
      ? {
          code: job.error.code,
          message: problemMessage(job.error.code, locale, job.error.params),
          line: typeof job.error.params?.line === 'number' ? job.error.params.line : null,
        }
      : null,
  };
}

export function importRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const r = zodApp(app);
  const { ctx } = deps;
  const config = { access: 'company' as const };

  // Multipart upload, streamed to disk with the size limit enforced while it arrives.
  r.post(
    '/api/companies/:companyId/imports/uploads',
    { config, schema: { tags, params: companyParamsSchema, response: { 201: uploadSchema } } },
    async (req, reply) => {
      const upload = await receiveUpload(ctx, requireActor(req), req.params.companyId, async (maxBytes) => {
        if (!req.isMultipart())
          throw new AppError('VALIDATION_FAILED', [
            { path: 'file', message: 'multipart_required' satisfies UseCaseFieldMessageCode },
          ]);
        const part = await req.file({ limits: { fileSize: maxBytes + 1, files: 1 } });
        return part ? { fileName: part.filename, content: part.file } : null;
      });
      return reply.code(201).send(upload);
    },
  );

  r.post(
    '/api/companies/:companyId/imports/preview',
    {
      config,
      schema: {
        tags,
        params: companyParamsSchema,
        body: previewBodySchema,
        response: { 200: previewSchema },
      },
    },
    async (req) => {
      const p = await previewUpload(ctx, requireActor(req), req.params.companyId, req.body);
      const locale = requestLocale(req);
      return {
        ...p,
        mapping: p.mapping as Record<string, number | null>,
        fields: p.fields.map((f) => ({ ...f, label: f.field })),
        rows: p.rows.map((row) => ({
          ...row,
          problems: row.problems.map((pr) => ({ ...pr, message: describeLineProblem(pr, locale) })),
        })),
      };
    },
  );

  r.post(
    '/api/companies/:companyId/imports',
    {
      config,
      schema: {
        tags,
        params: companyParamsSchema,
        body: startImportBodySchema,
        response: { 202: importJobSchema },
      },
    },
    async (req, reply) => {
      const job = await startImport(ctx, requireActor(req), req.params.companyId, req.body);
      return reply.code(202).send(jobView(req, job));
    },
  );

  r.get(
    '/api/companies/:companyId/imports/jobs/:jobId',
    { config, schema: { tags, params: jobParamsSchema, response: { 200: importJobSchema } } },
    async (req) =>
      jobView(req, await getImportJob(ctx, requireActor(req), req.params.companyId, req.params.jobId)),
  );

  r.get(
    '/api/companies/:companyId/imports',
    { config, schema: { tags, params: companyParamsSchema, response: { 200: importRecordSchema.array() } } },
    async (req) =>
      (await listImports(ctx, requireActor(req), req.params.companyId)).map((r) => recordView(req, r)),
  );

  r.get(
    '/api/companies/:companyId/imports/:importId',
    { config, schema: { tags, params: importParamsSchema, response: { 200: importRecordSchema } } },
    async (req) =>
      recordView(req, await getImport(ctx, requireActor(req), req.params.companyId, req.params.importId)),
  );

  r.post(
    '/api/companies/:companyId/imports/:importId/undo',
    { config, schema: { tags, params: importParamsSchema, response: { 200: importRecordSchema } } },
    async (req) =>
      recordView(req, await undoImport(ctx, requireActor(req), req.params.companyId, req.params.importId)),
  );

  r.get(
    '/api/companies/:companyId/imports/:importId/errors',
    { config, schema: { tags, params: importParamsSchema, querystring: reportQuerySchema } },
    async (req, reply) => {
      const { companyId, importId } = req.params;
      const format = req.query.format;
      const report = await importErrorReport(ctx, requireActor(req), companyId, importId, requestLocale(req));
      reply.header(
        'content-disposition',
        `attachment; filename="errors.${format}"; filename*=UTF-8''${encodeURIComponent(`${report.name}.${format}`)}`,
      );
      reply.header('cache-control', 'no-store');
      if (format === 'xlsx')
        return reply.type(XLSX_TYPE).send(await exporter.xlsx(report.rows, report.sheet));
      return reply.type('text/csv; charset=utf-8').send(await exporter.csv(report.rows));
    },
  );

  r.get(
    '/api/companies/:companyId/mapping-presets',
    { config, schema: { tags, params: companyParamsSchema, response: { 200: presetSchema.array() } } },
    async (req) => listMappingPresets(ctx, requireActor(req), req.params.companyId),
  );

  r.post(
    '/api/companies/:companyId/mapping-presets',
    {
      config,
      schema: {
        tags,
        params: companyParamsSchema,
        body: savePresetBodySchema,
        response: { 201: presetSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await saveMappingPreset(ctx, requireActor(req), req.params.companyId, req.body)),
  );

  r.delete(
    '/api/companies/:companyId/mapping-presets/:presetId',
    { config, schema: { tags, params: presetParamsSchema } },
    async (req, reply) => {
      await deleteMappingPreset(ctx, requireActor(req), req.params.companyId, req.params.presetId);
      return reply.code(204).send();
    },
  );
}
