import { AppError } from '../../core/errors/app-error.ts';
import type { UseCaseFieldMessageCode } from '../../core/errors/field-messages.ts';
import { describeLineProblem, type ProblemLocale } from '../../core/ingest/problem-messages.ts';
import type { ImportKind } from '../../core/ingest/records.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import type { AppContext } from '../ports.ts';
import type {
  FileSniff,
  ImportJobState,
  ImportRecordView,
  MappingPresetRecord,
  StoredUpload,
} from './ports.ts';
import {
  type ImportRequest,
  importFile,
  type PreviewResult,
  previewImport,
  suggestSheet,
} from './run-import.ts';

/**
 * The import use cases the API and the wizard call: uploads, preview, background imports and their
 * progress, history, error reports and mapping presets. Each checks `data.import` first.
 */

export interface UploadView {
  uploadId: string;
  fileName: string;
  bytes: number;
  format: FileSniff['format'];
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  /** The sheet imported unless another is chosen (suggestSheet), for a workbook. */
  sheet: string | null;
}

/** An incoming file: its name and its bytes as they arrive. */
export interface IncomingFile {
  fileName: string;
  content: AsyncIterable<Uint8Array>;
}

/**
 * Keeps an uploaded file on disk for a later preview and import. `take` opens the incoming file with
 * the size limit (called only once the caller is known to be allowed); null when none was sent.
 */
export async function receiveUpload(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  take: (maxBytes: number) => Promise<IncomingFile | null>,
): Promise<UploadView> {
  await authorize(ctx, actor, companyId, 'data.import');
  const { uploads, reader, maxUploadBytes } = ctx.files;
  const incoming = await take(maxUploadBytes);
  if (!incoming)
    throw new AppError('VALIDATION_FAILED', [
      { path: 'file', message: 'file_required' satisfies UseCaseFieldMessageCode },
    ]);
  const stored = await uploads.save(companyId, incoming.fileName, incoming.content, maxUploadBytes);
  try {
    const sniff = await reader.sniff(stored.path, stored.fileName);
    return {
      uploadId: stored.uploadId,
      fileName: stored.fileName,
      bytes: stored.bytes,
      format: sniff.format,
      encoding: sniff.encoding ?? null,
      delimiter: sniff.delimiter ?? null,
      sheets: sniff.sheets ?? [],
      sheet:
        sniff.format === 'xlsx'
          ? ((await suggestSheet(reader, stored.path, sniff.sheets ?? [])) ?? null)
          : null,
    };
  } catch (e) {
    await uploads.remove(companyId, stored.uploadId);
    throw e;
  }
}

async function uploadOf(ctx: AppContext, companyId: string, uploadId: string): Promise<StoredUpload> {
  const upload = await ctx.files.uploads.get(companyId, uploadId);
  if (!upload) throw new AppError('UPLOAD_NOT_FOUND');
  return upload;
}

/** The header, the suggested (or given) mapping and the first lines of an upload with their problems. */
export async function previewUpload(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  req: ImportRequest & { uploadId: string },
): Promise<PreviewResult> {
  await authorize(ctx, actor, companyId, 'data.import');
  const upload = await uploadOf(ctx, companyId, req.uploadId);
  return previewImport(ctx, ctx.files.reader, actor, companyId, upload, req);
}

/**
 * Starts importing an upload in the background (the upload is removed when it settles); optionally
 * saves the mapping as a preset first. Imports into one database wait their turn.
 */
export async function startImport(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  req: ImportRequest & { uploadId: string; savePresetAs?: string | undefined },
): Promise<ImportJobState> {
  await authorize(ctx, actor, companyId, 'data.import');
  const upload = await uploadOf(ctx, companyId, req.uploadId);
  if (req.savePresetAs && req.mapping) {
    const preview = await previewImport(ctx, ctx.files.reader, actor, companyId, upload, req, 0);
    await ctx.repos.imports.savePreset(
      companyId,
      req.kind,
      req.savePresetAs,
      JSON.stringify({ mapping: preview.mapping, headers: preview.headers }),
      nowIso(ctx),
    );
  }
  const { uploads, reader, jobs } = ctx.files;
  return jobs.start(
    companyId,
    upload.bytes,
    (progress) => importFile(ctx, reader, actor, companyId, upload, req, progress),
    () => void uploads.remove(companyId, upload.uploadId).catch(() => undefined),
  );
}

export async function getImportJob(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  jobId: string,
): Promise<ImportJobState> {
  await authorize(ctx, actor, companyId, 'data.import');
  const job = ctx.files.jobs.get(companyId, jobId);
  if (!job) throw new AppError('NOT_FOUND');
  return job;
}

/** The company's imports, newest first. */
export async function listImports(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
): Promise<ImportRecordView[]> {
  await authorize(ctx, actor, companyId, 'data.import');
  return ctx.repos.imports.list(companyId, 200);
}

export async function getImport(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  importId: string,
): Promise<ImportRecordView> {
  await authorize(ctx, actor, companyId, 'data.import');
  const rec = await ctx.repos.imports.get(companyId, importId);
  if (!rec) throw new AppError('IMPORT_NOT_FOUND');
  return rec;
}

export interface ErrorReport {
  /** A download name without extension, e.g. 「sales-錯誤報告」. */
  name: string;
  sheet: string;
  rows: (string | number)[][];
}

/** Every rejected line of an import (line, column, reason in `locale`, value, code), as table rows. */
export async function importErrorReport(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  importId: string,
  locale: ProblemLocale,
): Promise<ErrorReport> {
  const rec = await getImport(ctx, actor, companyId, importId);
  const problems = await ctx.repos.imports.problems(companyId, importId, 100_000);
  const en = locale === 'en';
  const header = en
    ? ['Line', 'Column', 'Reason', 'Value', 'Code']
    : ['行號', '欄位', '原因', '內容', '代碼'];
  const base = rec.fileName.replace(/\.[^.]+$/, '').replace(/[^\w\u4e00-\u9fff.-]+/g, '_') || 'import';
  return {
    name: `${base}-${en ? 'errors' : '錯誤報告'}`,
    sheet: en ? 'Errors' : '錯誤',
    rows: [
      header,
      ...problems.map((p) => [p.line, p.column ?? '', describeLineProblem(p, locale), p.value ?? '', p.code]),
    ],
  };
}

export interface MappingPresetView {
  id: string;
  kind: ImportKind;
  name: string;
  mapping: Record<string, number | null>;
  headers: string[];
  updatedAt: string;
}

function presetView(p: MappingPresetRecord): MappingPresetView {
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

export async function listMappingPresets(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
): Promise<MappingPresetView[]> {
  await authorize(ctx, actor, companyId, 'data.import');
  return (await ctx.repos.imports.listPresets(companyId)).map(presetView);
}

export async function saveMappingPreset(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  preset: { kind: ImportKind; name: string; mapping: Record<string, number | null>; headers: string[] },
): Promise<MappingPresetView> {
  await authorize(ctx, actor, companyId, 'data.import');
  const saved = await ctx.repos.imports.savePreset(
    companyId,
    preset.kind,
    preset.name,
    JSON.stringify({ mapping: preset.mapping, headers: preset.headers }),
    nowIso(ctx),
  );
  return presetView(saved);
}

export async function deleteMappingPreset(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  presetId: string,
): Promise<void> {
  await authorize(ctx, actor, companyId, 'data.import');
  if (!(await ctx.repos.imports.deletePreset(companyId, presetId))) throw new AppError('NOT_FOUND');
}

/** The first `limit` rejected lines of an import, each with its reason in `locale`. */
export async function listImportProblems(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  importId: string,
  locale: ProblemLocale,
  limit = 1000,
) {
  await getImport(ctx, actor, companyId, importId);
  const problems = await ctx.repos.imports.problems(companyId, importId, limit);
  return problems.map((p) => ({ ...p, message: describeLineProblem(p, locale) }));
}
