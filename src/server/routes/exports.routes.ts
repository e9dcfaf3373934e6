import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { exportTable } from '../../app/data/exports.ts';
import { getKpi, getKpiGlossary } from '../../app/kpi/kpi-use-cases.ts';
import { companyParamsSchema } from '../../contract/common.ts';
import {
  exportTableParamsSchema,
  exportTableQuerySchema,
  kpiExportQuerySchema,
} from '../../contract/exports.ts';
import { dataGapMessage } from '../../core/ingest/data-gaps.ts';
import { type ExportRows, writeCsv, writeXlsx } from '../../ingest/export-table.ts';
import { requireActor } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { type RouteDeps, zodApp } from './deps.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streams rows as CSV or XLSX (formula injection neutralised) with a download file name. */
function sendRows(
  reply: FastifyReply,
  rows: ExportRows,
  format: 'csv' | 'xlsx',
  name: string,
  sheet: string,
) {
  const out = new PassThrough();
  const file = `${name}.${format}`;
  reply.header(
    'content-disposition',
    `attachment; filename="export.${format}"; filename*=UTF-8''${encodeURIComponent(file)}`,
  );
  reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
  const write =
    format === 'csv' ? writeCsv(rows, out).then(() => out.end()) : writeXlsx(rows, out, { sheetName: sheet });
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
      const actor = requireActor(req);
      const locale = requestLocale(req);
      const result = await getKpi(ctx, actor, req.params.companyId, {
        metric: req.query.metric,
        from: req.query.from,
        to: req.query.to,
        grain: req.query.grain,
        by: req.query.by,
        where: req.query.where,
      });
      const glossary = await getKpiGlossary(ctx, actor, req.params.companyId, locale);
      const label = glossary.find((g) => g.metric === result.metric)?.name ?? result.metric;
      const header =
        locale === 'en'
          ? ['Period', 'From', 'To', ...(result.by ? [result.by] : []), label, 'Same period last year']
          : ['期間', '起', '迄', ...(result.by ? [result.by] : []), label, '去年同期'];
      const rows = [
        header,
        ...result.series.map((p, i) => {
          // The comparison is the same buckets last year, in the same order as the series.
          const ly = result.comparison[i];
          const lastYearValue = ly && (ly.key ?? '') === (p.key ?? '') ? ly.value : null;
          return [p.label, p.start, p.end, ...(result.by ? [p.key ?? ''] : []), p.value, lastYearValue];
        }),
        // What the files in the range lacked that this KPI depends on, as the explorer and CLI say it.
        ...(result.caveats.length > 0 ? [[]] : []),
        ...result.caveats.map((c) => [
          locale === 'en' ? 'Note' : '注意',
          dataGapMessage(c.gap, c.lines, locale),
        ]),
      ];
      return sendRows(reply, rows, req.query.format, `${label}-${result.from}-${result.to}`, label);
    },
  );
}
