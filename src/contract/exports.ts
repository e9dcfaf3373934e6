import { z } from 'zod';
import { idSchema, localDateSchema as localDate } from './common.ts';
import { kpiQuerystringSchema } from './kpi.ts';

export const exportFormatSchema = z.enum(['csv', 'xlsx']);
export const exportTableSchema = z.enum(['sales', 'customers', 'products', 'marketing', 'satisfaction']);
export const exportTableParamsSchema = z.object({ companyId: idSchema, table: exportTableSchema });
export const exportTableQuerySchema = z.object({
  format: exportFormatSchema.default('xlsx'),
  from: localDate.optional(),
  to: localDate.optional(),
});
/** The KPI explorer's current view as a file: the KPI query plus the format. */
export const kpiExportQuerySchema = kpiQuerystringSchema.extend({
  format: exportFormatSchema.default('xlsx'),
});
