import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, authorize } from '../../app/access.ts';
import type { ImportJobState } from '../../app/import/import-jobs.ts';
import { importFile, previewImport } from '../../app/import/run-import.ts';
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
import { describeProblem } from '../../core/ingest/problem-messages.ts';
import type { ImportKind } from '../../core/ingest/records.ts';
import { requireActor } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { problemMessage } from '../problem.ts';
import { type RouteDeps, zodApp } from './deps.ts';

const tags = ['imports'];

async function uploadOf(deps: RouteDeps, companyId: string, uploadId: string) {
  const upload = await deps.io.uploads.get(companyId, uploadId);
  if (!upload) throw new AppError('UPLOAD_NOT_FOUND');
  return { path: upload.path, fileName: upload.fileName, bytes: upload.bytes };
}

function jobView(req: FastifyRequest, job: ImportJobState) {
  const locale = requestLocale(req);
  return {
    jobId: job.jobId,
    state: job.state,
    linesRead: job.linesRead,
    bytesRead: job.bytesRead,
    totalBytes: job.totalBytes,
    importId: job.result?.importId ?? null,
    result: job.result
      ? {
          linesRead: job.result.linesRead,
          added: job.result.added,
          duplicates: job.result.duplicates,
          rejected: job.result.rejected,
          firstDate: job.result.firstDate,
          lastDate: job.result.lastDate,
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
      const actor = requireActor(req);
      await authorize(ctx, actor, req.params.companyId, 'data.import');
      if (!req.isMultipart())
        throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: 'multipart_required' }]);
      const part = await req.file({ limits: { fileSize: deps.io.maxUploadBytes + 1, files: 1 } });
      if (!part) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: 'file_required' }]);
      const stored = await deps.io.uploads.save(
        req.params.companyId,
        part.filename,
        part.file,
        deps.io.maxUploadBytes,
      );
      try {
        const sniff = await deps.io.reader.sniff(stored.path, stored.fileName);
        return reply.code(201).send({
          uploadId: stored.uploadId,
          fileName: stored.fileName,
          bytes: stored.bytes,
          format: sniff.format,
          encoding: sniff.encoding ?? null,
          delimiter: sniff.delimiter ?? null,
          sheets: sniff.sheets ?? [],
        });
      } catch (e) {
        await deps.io.uploads.remove(req.params.companyId, stored.uploadId);
        throw e;
      }
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
      const actor = requireActor(req);
      const file = await uploadOf(deps, req.params.companyId, req.body.uploadId);
      const p = await previewImport(ctx, deps.io.reader, actor, req.params.companyId, file, req.body);
      const locale = requestLocale(req);
      return {
        ...p,
        mapping: p.mapping as Record<string, number | null>,
        fields: p.fields.map((f) => ({ ...f, label: f.field })),
        rows: p.rows.map((row) => ({
          ...row,
          problems: row.problems.map((pr) => ({ ...pr, message: describeProblem(pr.code, locale) })),
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
      const actor = requireActor(req);
      const { companyId } = req.params;
      await authorize(ctx, actor, companyId, 'data.import');
      const file = await uploadOf(deps, companyId, req.body.uploadId);
      if (req.body.savePresetAs && req.body.mapping) {
        const preview = await previewImport(ctx, deps.io.reader, actor, companyId, file, req.body, 0);
        await ctx.repos.imports.savePreset(
          companyId,
          req.body.kind,
          req.body.savePresetAs,
          JSON.stringify({ mapping: preview.mapping, headers: preview.headers }),
          new Date().toISOString(),
        );
      }
      const job = deps.io.jobs.start(
        companyId,
        file.bytes,
        (progress) => importFile(ctx, deps.io.reader, actor, companyId, file, req.body, progress),
        () => void deps.io.uploads.remove(companyId, req.body.uploadId),
      );
      return reply.code(202).send(jobView(req, job));
    },
  );

  r.get(
    '/api/companies/:companyId/imports/jobs/:jobId',
    { config, schema: { tags, params: jobParamsSchema, response: { 200: importJobSchema } } },
    async (req) => {
      await authorize(ctx, requireActor(req), req.params.companyId, 'data.import');
      const job = deps.io.jobs.get(req.params.companyId, req.params.jobId);
      if (!job) throw new AppError('NOT_FOUND');
      return jobView(req, job);
    },
  );

  r.get(
    '/api/companies/:companyId/imports',
    { config, schema: { tags, params: companyParamsSchema, response: { 200: importRecordSchema.array() } } },
    async (req) => {
      await authorize(ctx, requireActor(req), req.params.companyId, 'data.import');
      return ctx.repos.imports.list(req.params.companyId, 200);
    },
  );

  r.get(
    '/api/companies/:companyId/imports/:importId',
    { config, schema: { tags, params: importParamsSchema, response: { 200: importRecordSchema } } },
    async (req) => {
      await authorize(ctx, requireActor(req), req.params.companyId, 'data.import');
      const rec = await ctx.repos.imports.get(req.params.companyId, req.params.importId);
      if (!rec) throw new AppError('IMPORT_NOT_FOUND');
      return rec;
    },
  );

  r.post(
    '/api/companies/:companyId/imports/:importId/undo',
    { config, schema: { tags, params: importParamsSchema, response: { 200: importRecordSchema } } },
    async (req) => undoImport(ctx, requireActor(req), req.params.companyId, req.params.importId),
  );

  r.get(
    '/api/companies/:companyId/imports/:importId/errors',
    { config, schema: { tags, params: importParamsSchema, querystring: reportQuerySchema } },
    async (req, reply) => sendErrorReport(req, reply, deps, requireActor(req), req.params, req.query.format),
  );

  r.get(
    '/api/companies/:companyId/mapping-presets',
    { config, schema: { tags, params: companyParamsSchema, response: { 200: presetSchema.array() } } },
    async (req) => {
      await authorize(ctx, requireActor(req), req.params.companyId, 'data.import');
      return (await ctx.repos.imports.listPresets(req.params.companyId)).map(presetView);
    },
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
    async (req, reply) => {
      await authorize(ctx, requireActor(req), req.params.companyId, 'data.import');
      const saved = await ctx.repos.imports.savePreset(
        req.params.companyId,
        req.body.kind,
        req.body.name,
        JSON.stringify({ mapping: req.body.mapping, headers: req.body.headers }),
        new Date().toISOString(),
      );
      return reply.code(201).send(presetView(saved));
    },
  );

  r.delete(
    '/api/companies/:companyId/mapping-presets/:presetId',
    { config, schema: { tags, params: presetParamsSchema } },
    async (req, reply) => {
      await authorize(ctx, requireActor(req), req.params.companyId, 'data.import');
      if (!(await ctx.repos.imports.deletePreset(req.params.companyId, req.params.presetId)))
        throw new AppError('NOT_FOUND');
      return reply.code(204).send();
    },
  );
}

function presetView(p: { id: string; kind: ImportKind; name: string; mapping: string; updatedAt: string }) {
  const saved = JSON.parse(p.mapping) as { mapping?: Record<string, number | null>; headers?: string[] };
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    mapping: saved.mapping ?? {},
    headers: saved.headers ?? [],
    updatedAt: p.updatedAt,
  };
}

async function sendErrorReport(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: RouteDeps,
  actor: Actor,
  params: { companyId: string; importId: string },
  format: 'csv' | 'xlsx',
) {
  await authorize(deps.ctx, actor, params.companyId, 'data.import');
  const rec = await deps.ctx.repos.imports.get(params.companyId, params.importId);
  if (!rec) throw new AppError('IMPORT_NOT_FOUND');
  const locale = requestLocale(req);
  const problems = await deps.ctx.repos.imports.problems(params.companyId, params.importId, 100_000);
  const header =
    locale === 'en'
      ? ['Line', 'Column', 'Reason', 'Value', 'Code']
      : ['行號', '欄位', '原因', '內容', '代碼'];
  const rows = [
    header,
    ...problems.map((p) => [p.line, p.column ?? '', describeProblem(p.code, locale), p.value ?? '', p.code]),
  ];
  const base = rec.fileName.replace(/\.[^.]+$/, '').replace(/[^\w\u4e00-\u9fff.-]+/g, '_') || 'import';
  const name = `${base}-${locale === 'en' ? 'errors' : '錯誤報告'}.${format}`;
  reply.header(
    'content-disposition',
    `attachment; filename="errors.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  reply.header('cache-control', 'no-store');
  if (format === 'xlsx') {
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply.send(await deps.io.exporter.xlsx(rows, locale === 'en' ? 'Errors' : '錯誤'));
  }
  reply.type('text/csv; charset=utf-8');
  return reply.send(await deps.io.exporter.csv(rows));
}
