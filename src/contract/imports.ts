import { z } from 'zod';
import { DATA_GAPS } from '../core/ingest/data-gaps.ts';
import { idSchema, isoDateTimeSchema, textSchema } from './common.ts';

export const importKindSchema = z.enum(['sales', 'marketing', 'satisfaction']);
export type ImportKindDto = z.infer<typeof importKindSchema>;

export const fileFormatSchema = z.enum(['csv', 'tsv', 'xlsx']);

/** The answer to an upload: where the file waits, and what it looks like. */
export const uploadSchema = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  format: fileFormatSchema,
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheets: z.array(z.string()),
  /** The sheet imported unless another is chosen: the one whose first rows hold the table (XLSX). */
  sheet: z.string().nullable(),
});
export type Upload = z.infer<typeof uploadSchema>;

/** field → column index in the file (0-based), or null when the file has no such column. */
export const mappingSchema = z.record(z.string().max(40), z.number().int().min(0).max(10_000).nullable());

export const importOptionsSchema = z.object({
  uploadId: z.string().min(8).max(80),
  kind: importKindSchema,
  sheet: z.string().max(200).optional(),
  /**
   * 31/01/2024 (true) or 01/31/2024 (false) for slash dates with the year last. Omitted: decided from
   * the file's values (a value above 12 settles it) or its layout; when nothing tells, the preview's
   * decisions.dateOrder.source is 'unknown' and the import is refused until the user chooses.
   */
  dayFirst: z.boolean().optional(),
  /** The one channel of a file without a channel column (a single-platform export, e.g. Facebook). */
  channel: textSchema.trim().min(1).max(200).optional(),
  /** The file names another currency than the company's and the company has no sales yet: adopt it. */
  setCompanyCurrency: z.boolean().default(false),
  mapping: mappingSchema.optional(),
  /**
   * false (default): lines with a problem are rejected and listed, the others imported. true: import
   * nothing when any line has a problem (the error names the lines).
   */
  strict: z.boolean().default(false),
});

export const previewBodySchema = importOptionsSchema;
export const lineProblemSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  value: z.string().nullable(),
  message: z.string(),
});
const dateSampleSchema = z.object({ line: z.number().int(), value: z.string() }).nullable();

/** What the import will do beyond the mapped columns: each is shown in the wizard's preview. */
export const importDecisionsSchema = z.object({
  dateOrder: z.object({
    order: z.enum(['dayFirst', 'monthFirst']).nullable(),
    source: z.enum(['file', 'user', 'preset', 'notNeeded', 'unknown', 'conflict']),
    evidence: dateSampleSchema,
    other: dateSampleSchema,
    contradicted: z.boolean(),
  }),
  currency: z.object({
    file: z.string().nullable(),
    source: z.enum(['column', 'amount', 'layout']).nullable(),
    company: z.string(),
    action: z.enum(['same', 'setCompany', 'offer', 'refuse', 'unsupported']),
  }),
  statuses: z.array(
    z.object({
      value: z.string(),
      treatment: z.enum(['sale', 'refunded', 'voided', 'cancelled', 'unpaid', 'return']),
      lines: z.number().int(),
    }),
  ),
  returnStatuses: z.array(
    z.object({
      value: z.string(),
      treatment: z.enum(['done', 'open']),
      lines: z.number().int(),
    }),
  ),
  statusesComplete: z.boolean(),
  channel: z.object({ fixed: z.string().nullable(), suggested: z.string().nullable() }),
  notes: z.array(
    z.enum(['noProduct', 'noQuantity', 'noOrderId', 'noCustomer', 'orderFacts', 'oneChannel', 'returns']),
  ),
});
export type ImportDecisionsDto = z.infer<typeof importDecisionsSchema>;

export const previewSchema = z.object({
  headers: z.array(z.string()),
  fields: z.array(z.object({ field: z.string(), required: z.boolean(), label: z.string() })),
  mapping: mappingSchema,
  suggested: z.boolean(),
  unmappedHeaders: z.array(z.string()),
  rows: z.array(
    z.object({ line: z.number().int(), cells: z.array(z.string()), problems: z.array(lineProblemSchema) }),
  ),
  missingRequired: z.array(z.string()),
  decisions: importDecisionsSchema,
  /** The built-in export layout the headers match (shopify-orders, tw-pos-sales-detail...), if any. */
  layout: z.string().nullable(),
  /**
   * The file line of the header: above it, a report's title block (its name, print date, query
   * conditions), which is not imported.
   */
  headerLine: z.number().int(),
  /** How many lines above the header hold something (0: no title block, only blank lines if any). */
  titleLines: z.number().int(),
  /**
   * Where the kind asked leaves required fields unmapped: another kind whose every required field the
   * headers fill, and more of its fields (a marketing file uploaded as sales), else null.
   */
  otherKind: importKindSchema.nullable(),
});
export type Preview = z.infer<typeof previewSchema>;

export const startImportBodySchema = importOptionsSchema.extend({
  /** Save the mapping under this name for the next file of the same layout. */
  savePresetAs: textSchema.trim().min(1).max(80).optional(),
});

/** Lines of the file that repeat an earlier line of it: how many, and the first (up to 20) file line numbers. */
export const lineRepeatsSchema = z.object({
  count: z.number().int(),
  lines: z.array(z.number().int()),
});
export type LineRepeatsDto = z.infer<typeof lineRepeatsSchema>;

export const importSummarySchema = z.object({
  linesRead: z.number().int(),
  /** The file line of the header (a running import's result; lines above it are a report title block). */
  headerLine: z.number().int().optional(),
  titleLines: z.number().int().optional(),
  added: z.number().int(),
  /** Lines already there before this import (a re-import, an overlapping file): not added. */
  duplicates: z.number().int(),
  rejected: z.number().int(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  /**
   * Sales lines equal, every field alike, to an earlier line of the same order (or, without order
   * ids, to an earlier line): each imported as a sale of its own; a file pasted twice shows here.
   */
  repeatedLines: lineRepeatsSchema.optional(),
  /** Sales lines with the order id and line number of an earlier line of the file: not imported. */
  repeatedKeys: lineRepeatsSchema.optional(),
  /** Sales files with order facts: lines left out by their order's status, returns, refunds, discounts. */
  orders: z
    .object({
      excludedLines: z.number().int(),
      /** The same lines by reason. */
      excludedLinesBy: z
        .object({
          refunded: z.number().int(),
          voided: z.number().int(),
          cancelled: z.number().int(),
          unpaid: z.number().int(),
        })
        .optional(),
      excludedOrders: z.object({
        refunded: z.number().int(),
        voided: z.number().int(),
        cancelled: z.number().int(),
        unpaid: z.number().int(),
      }),
      returnLines: z.number().int(),
      /** In currency units. */
      refunded: z.number(),
      orderDiscount: z.number(),
    })
    .nullable()
    .optional(),
});

export const importJobSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  linesRead: z.number().int(),
  bytesRead: z.number().int(),
  totalBytes: z.number().int(),
  /** `saving`: the file is read; its lines are being added and the KPIs updated. */
  phase: z.enum(['reading', 'saving']),
  importId: z.string().nullable(),
  result: importSummarySchema.nullable(),
  error: z.object({ code: z.string(), message: z.string(), line: z.number().int().nullable() }).nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importRecordSchema = importSummarySchema.extend({
  id: idSchema,
  kind: importKindSchema,
  fileName: z.string(),
  fileBytes: z.number().int(),
  status: z.enum(['committed', 'undone']),
  createdByName: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  finishedAt: isoDateTimeSchema.nullable(),
  undoneAt: isoDateTimeSchema.nullable(),
  /**
   * Kept with the import (null for imports made before it was): the currency, rejected lines by the
   * code of their first problem, the facts the file lacked and how many added lines lack each (`orders`
   * above holds the lines left out by their order's status).
   */
  account: z
    .object({
      currency: z.string(),
      /** Rejected lines by their first problem, with its message in the reader's language. */
      rejectedReasons: z.array(z.object({ code: z.string(), lines: z.number().int(), message: z.string() })),
      gaps: z.array(z.enum(DATA_GAPS)),
      gapLines: z.partialRecord(z.enum(DATA_GAPS), z.number().int()),
      /** Lines that repeated an earlier line of the file (as the import's result said them), when some did. */
      repeatedLines: lineRepeatsSchema.optional(),
      repeatedKeys: lineRepeatsSchema.optional(),
    })
    .nullable(),
});
export type ImportRecordDto = z.infer<typeof importRecordSchema>;

export const importParamsSchema = z.object({ companyId: idSchema, importId: idSchema });
export const jobParamsSchema = z.object({ companyId: idSchema, jobId: z.string().min(8).max(80) });
export const reportQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const presetSchema = z.object({
  id: z.string(),
  kind: importKindSchema,
  name: z.string(),
  mapping: mappingSchema,
  headers: z.array(z.string()),
  updatedAt: isoDateTimeSchema,
});
export type Preset = z.infer<typeof presetSchema>;
export const savePresetBodySchema = z.object({
  kind: importKindSchema,
  name: textSchema.trim().min(1).max(80),
  mapping: mappingSchema,
  headers: z.array(z.string().max(200)).max(10_000),
});
export const presetParamsSchema = z.object({ companyId: idSchema, presetId: z.string().max(40) });
