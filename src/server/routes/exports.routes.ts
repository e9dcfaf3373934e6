import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { exportTable } from '../../app/data/exports.ts';
import type { ExportColumn } from '../../app/export-columns.ts';
import { exportKpiView } from '../../app/kpi/kpi-export.ts';
import { companyParamsSchema } from '../../contract/common.ts';
import {
  exportTableParamsSchema,
  exportTableQuerySchema,
  kpiExportQuerySchema,
} from '../../contract/exports.ts';
import { type ExportRows, writeCsv, writeXlsx } from '../../ingest/export-table.ts';
import { requireActor } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { type RouteDeps, zodApp } from './deps.ts';
import { kpiQueryOf } from './kpi-query.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streams rows as CSV or XLSX (formula injection neutralised) with a download file name. */
function sendRows(
  reply: FastifyReply,
  rows: ExportRows,
  format: 'csv' | 'xlsx',
  name: string,
  sheet: string,
  columns?: readonly ExportColumn[],
) {
  const out = new PassThrough();
  const file = `${name}.${format}`;
  reply.header(
    'content-disposition',
    `attachment; filename="export.${format}"; filename*=UTF-8''${encodeURIComponent(file)}`,
  );
  reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
  const write =
    format === 'csv'
      ? writeCsv(rows, out, columns).then(() => out.end())
      : writeXlsx(rows, out, { sheetName: sheet, ...(columns ? { columns } : {}) });
  write.catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return reply.send(out);
}

export function exportRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const r = zodApp(app);
  const { ctx } = deps;
  const config = { access: 'company' as const };
  const tags = ['exports'];

  r.get(
    '/api/companies/:companyId/exports/:table',
    { config, schema: { tags, params: exportTableParamsSchema, querystring: exportTableQuerySchema } },
    async (req, reply) => {
      const locale = requestLocale(req);
      const rows = await exportTable(
        ctx,
        requireActor(req),
        req.params.companyId,
        req.params.table,
        { from: req.query.from, to: req.query.to },
        locale,
      );
      const names = {
        sales: ['銷售明細', 'sales'],
        customers: ['客戶', 'customers'],
        products: ['品項', 'products'],
        marketing: ['行銷', 'marketing'],
        satisfaction: ['滿意度', 'satisfaction'],
      } as const;
      const name = names[req.params.table][locale === 'en' ? 1 : 0];
      return sendRows(reply, rows, req.query.format, name, name);
    },
  );

  r.get(
    '/api/companies/:companyId/kpi/export',
    { config, schema: { tags, params: companyParamsSchema, querystring: kpiExportQuerySchema } },
    async (req, reply) => {
      const file = await exportKpiView(
        ctx,
        requireActor(req),
        req.params.companyId,
        kpiQueryOf(req.query),
        requestLocale(req),
      );
      return sendRows(reply, file.rows, req.query.format, file.name, file.sheet, file.columns);
    },
  );
}
