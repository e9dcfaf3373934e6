import { AppError } from '../../core/errors/app-error.ts';
import type { UseCaseFieldMessageCode } from '../../core/errors/field-messages.ts';
import { type DataGap, dataGapsOf, LINE_GAPS } from '../../core/ingest/data-gaps.ts';
import type { DateOrder } from '../../core/ingest/date-order.ts';
import { decideDateOrder } from '../../core/ingest/date-order.ts';
import { FIELDS_BY_KIND, REQUIRED_FIELDS } from '../../core/ingest/fields.ts';
import { filledCells } from '../../core/ingest/half-width.ts';
import { findHeaderRow, HEADER_SEARCH_ROWS, headerStrength } from '../../core/ingest/header-row.ts';
import {
  checkDecodedText,
  checkLineShape,
  checkSummaryRow,
  type ReportTitles,
  reportTitles,
} from '../../core/ingest/line-shape.ts';
import { normalizeHeader } from '../../core/ingest/normalize-header.ts';
import {
  type NormalizeOptions,
  normalizeMarketingRow,
  normalizeSalesRow,
  normalizeSatisfactionRow,
} from '../../core/ingest/normalize-row.ts';
import { type LineFacts, OrderAssembler, type OrderTotals } from '../../core/ingest/order-facts.ts';
import { REPORT_ROW_CODES } from '../../core/ingest/problem-messages.ts';
import {
  IMPORT_KINDS,
  type ImportKind,
  type LineProblem,
  type MarketingRecord,
  type SalesRecord,
  type SatisfactionRecord,
} from '../../core/ingest/records.ts';
import { detectPreset, suggestMapping } from '../../core/ingest/suggest-mapping.ts';
import { CURRENCY_EXPONENT, type Currency } from '../../core/money/currency.ts';
import { type Actor, authorize, nowIso } from '../access.ts';
import type { AppContext } from '../ports.ts';
import { newId } from '../security/secrets.ts';
import {
  assemblesOrders,
  assertCurrency,
  assertDateOrder,
  channelChoice,
  contradiction,
  decideCurrency,
  fileCurrency,
  type ImportDecisions,
  importNotes,
  presetCurrency,
  presetDateOrder,
  returnStatusList,
  scanFile,
  scanRows,
  statusList,
} from './import-decisions.ts';
import { type FullMapping, mappingFromHeaders, missingRequired, resolveMapping } from './mapping.ts';
import type { FileReader, ImportAccount, ImportSink, ImportSummary, RawRow, RowOptions } from './ports.ts';

export interface ImportFile {
  path: string;
  fileName: string;
}

export interface ImportRequest {
  kind: ImportKind;
  sheet?: string | undefined;
  /**
   * 31/01/2024 (true) or 01/31/2024 (false) for dates with the year last; omitted: decided from the
   * file's values (a value above 12 settles it), else the layout's; when nothing tells, the import
   * is refused and the user asked.
   */
  dayFirst?: boolean | undefined;
  /** field → column; omitted: the suggestion from the headers (or the preset). */
  mapping?: Readonly<Record<string, number | null>> | undefined;
  presetId?: string | undefined;
  /** Import nothing when any line has a problem (default: problem lines are rejected and listed). */
  strict?: boolean | undefined;
  /** The one channel of a file without a channel column (a single-platform export). */
  channel?: string | undefined;
  /** Set the company's currency to the file's (only for a company with no sales yet). */
  setCompanyCurrency?: boolean | undefined;
}

export interface ImportProgress {
  linesRead: number;
  /** Bytes of the file read so far (delimited files; an XLSX reports none). */
  bytesRead?: number | undefined;
  /** `saving`: the file is read; the lines are being added and the KPIs updated. */
  phase?: 'reading' | 'saving';
}

/**
 * Lines are written in batches of this many: the sink's own count, or 2,000. `PACER_IMPORT_BATCH` sets
 * another count (the property tests write a few lines a batch, so that small files keep several
 * batches in a sink at once); read at each import, so that a test can set it after the modules are
 * loaded.
 */
const importBatch = (sink: ImportSink) =>
  Math.max(1, Number(process.env.PACER_IMPORT_BATCH) || sink.batchLines || 2000);
/** At most this many rejected lines are kept for the error report (the count is always exact). */
export const MAX_STORED_PROBLEMS = 100_000;
/** Lines named in the error of a strict import that found problems. */
const STRICT_LINES_LISTED = 20;
/** Lines read at the start of a file for its currency and a first look at its dates. */
const SAMPLE_LINES = 500;
/** Lines the preview reads for the statuses when the dates do not need the whole file. */
const PREVIEW_SCAN_LINES = 100_000;

async function companySettings(ctx: AppContext, companyId: string) {
  const profile = await ctx.repos.profiles.get(companyId);
  if (!profile) throw new AppError('COMPANY_NOT_FOUND');
  return profile;
}

/** Sheets of a workbook read for the one holding the table, at most. */
const SHEETS_TRIED = 12;

/**
 * The sheet of a workbook to import when none was chosen: the first whose first rows hold a header
 * naming the most fields (a workbook often opens on a cover, a summary or a pivot, with the lines on
 * a later sheet), else the first sheet.
 */
export async function suggestSheet(
  reader: FileReader,
  path: string,
  sheets: readonly string[],
): Promise<string | undefined> {
  if (sheets.length <= 1) return sheets[0];
  let best = sheets[0];
  let strength = 0;
  for (const sheet of sheets.slice(0, SHEETS_TRIED)) {
    const rows: string[][] = [];
    const it = reader.batches(path, { format: 'xlsx', sheet })[Symbol.asyncIterator]();
    try {
      while (rows.length < HEADER_SEARCH_ROWS) {
        const next = await it.next();
        if (next.done) break;
        for (const row of next.value) if (filledCells(row.cells) > 0) rows.push(row.cells);
      }
    } finally {
      await it.return?.();
    }
    const s = headerStrength(rows.slice(0, HEADER_SEARCH_ROWS));
    if (s > strength) {
      best = sheet;
      strength = s;
    }
  }
  return best;
}

async function rowOptions(
  reader: FileReader,
  file: ImportFile,
  sheet: string | undefined,
): Promise<RowOptions> {
  const sniff = await reader.sniff(file.path, file.fileName);
  if (sniff.format === 'xlsx') {
    const sheets = sniff.sheets ?? [];
    const chosen = sheet ?? (await suggestSheet(reader, file.path, sheets));
    if (chosen === undefined || !sheets.includes(chosen))
      throw new AppError('IMPORT_SHEET_NOT_FOUND', undefined, { sheet: sheet ?? '' });
    return { format: 'xlsx', sheet: chosen };
  }
  return { format: sniff.format, encoding: sniff.encoding, delimiter: sniff.delimiter };
}

/**
 * The rows of a file, batch by batch, with the header taken off the front (core/ingest/header-row.ts:
 * the row that names the fields, below a report's title block if it has one).
 */
class RowStream {
  private pending: RawRow[] = [];
  private ended = false;
  /** The lines above the header (a report's title block), once the header is read. */
  aboveHeader: number[] = [];
  /** Those lines' cells: a report prints its title again on each page. */
  titleRows: string[][] = [];
  constructor(private readonly source: AsyncIterator<RawRow[]>) {}

  async header(kind: ImportKind): Promise<RawRow> {
    const first: RawRow[] = [];
    while (first.length < HEADER_SEARCH_ROWS) {
      const row = await this.nonEmpty();
      if (row === null) break;
      first.push(row);
    }
    if (first.length === 0) throw new AppError('IMPORT_EMPTY_FILE');
    const at = findHeaderRow(
      kind,
      first.map((r) => r.cells),
    );
    this.aboveHeader = first.slice(0, at).map((r) => r.line);
    this.titleRows = first.slice(0, at).map((r) => r.cells);
    this.pending = first.slice(at + 1).concat(this.pending);
    return first[at] as RawRow;
  }

  /** The next row holding something, or null at the end of the file. */
  private async nonEmpty(): Promise<RawRow | null> {
    for (;;) {
      const row = this.pending.shift();
      if (row) {
        if (filledCells(row.cells) > 0) return row;
        continue;
      }
      if (this.ended) return null;
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        return null;
      }
      this.pending = next.value.slice();
    }
  }

  /** The next data rows, up to `n` of them, without taking them off the stream. */
  async peek(n: number): Promise<readonly RawRow[]> {
    while (this.pending.length < n && !this.ended) {
      const next = await this.source.next();
      if (next.done) this.ended = true;
      else this.pending = this.pending.length ? this.pending.concat(next.value) : next.value.slice();
    }
    return this.pending.slice(0, n);
  }

  /** The next batch of data rows, or null at the end. */
  async next(): Promise<readonly RawRow[] | null> {
    if (this.pending.length) {
      const rest = this.pending;
      this.pending = [];
      return rest;
    }
    if (this.ended) return null;
    const next = await this.source.next();
    return next.done ? null : next.value;
  }

  async close(): Promise<void> {
    await this.source.return?.();
  }
}

/** Line fields an order-level column (a preset's Subtotal, Total...) may never fill. */
const LINE_FIELDS = ['amount', 'unitPrice', 'discount', 'quantity'];

async function chooseMapping(ctx: AppContext, companyId: string, req: ImportRequest, headers: string[]) {
  const normalized = headers.map((h) => normalizeHeader(h));
  const layout = detectPreset(req.kind, normalized);
  const checkOrderLevel = (mapping: FullMapping<ImportKind>) => {
    const m = mapping as Readonly<Record<string, number | null>>;
    const orderLevel = new Set((layout?.orderLevel ?? []).map((h) => normalized.indexOf(normalizeHeader(h))));
    const errors = LINE_FIELDS.filter((f) => m[f] != null && orderLevel.has(m[f] as number)).map((f) => ({
      path: `mapping.${f}`,
      message: 'order_level_column' satisfies UseCaseFieldMessageCode,
    }));
    if (errors.length) throw new AppError('VALIDATION_FAILED', errors);
    return mapping;
  };
  if (req.mapping)
    return {
      mapping: checkOrderLevel(resolveMapping(req.kind, req.mapping, headers.length)),
      suggested: false,
      layout: layout?.id ?? null,
    };
  if (req.presetId) {
    const preset = (await ctx.repos.imports.listPresets(companyId, req.kind)).find(
      (p) => p.id === req.presetId,
    );
    if (preset) {
      const saved = JSON.parse(preset.mapping) as {
        mapping: Record<string, number | null>;
        headers: string[];
      };
      const mapped = mappingFromHeaders(saved.mapping, saved.headers, headers);
      return {
        mapping: checkOrderLevel(resolveMapping(req.kind, mapped, headers.length)),
        suggested: false,
        layout: layout?.id ?? null,
      };
    }
  }
  const suggestion = suggestMapping(req.kind, headers);
  return {
    mapping: suggestion.mapping as FullMapping<ImportKind>,
    suggested: true,
    layout: suggestion.preset,
  };
}

type Normalized =
  | { ok: true; kind: 'sales'; record: SalesRecord; facts: LineFacts | null }
  | { ok: true; kind: 'marketing'; record: MarketingRecord }
  | { ok: true; kind: 'satisfaction'; record: SatisfactionRecord }
  | { ok: false; problems: LineProblem[] };

/** Columns holding money or quantities: where an unquoted thousands separator splits a value. */
const NUMBER_FIELDS = ['amount', 'unitPrice', 'discount', 'quantity', 'spend'];

function normalizer(
  kind: ImportKind,
  mapping: FullMapping<ImportKind>,
  opts: NormalizeOptions & { headers: readonly string[]; titles: ReportTitles },
  format: RowOptions['format'],
): (row: RawRow) => Normalized {
  const inner = rowNormalizer(kind, mapping, opts);
  const m = mapping as Readonly<Record<string, number | null>>;
  const amountColumns = NUMBER_FIELDS.map((f) => m[f]).filter((c): c is number => typeof c === 'number');
  const headers = opts.headers;
  // XLSX rows have no delimiter to miscount (and omit trailing empty cells): only text files are checked.
  const delimited = format !== 'xlsx';
  const dateColumn = m.date ?? null;
  return (row) => {
    const summary = checkSummaryRow(row.cells, row.line, headers, dateColumn, opts.titles);
    if (summary !== null) return { ok: false, problems: [summary] };
    if (delimited) {
      const shape = checkLineShape(row.cells, row.line, headers, amountColumns);
      if (shape !== null) return { ok: false, problems: [shape] };
    }
    const bad = checkDecodedText(row.cells, row.line, headers);
    if (bad !== null) return { ok: false, problems: [bad] };
    return inner(row);
  };
}

function rowNormalizer(
  kind: ImportKind,
  mapping: FullMapping<ImportKind>,
  opts: NormalizeOptions,
): (row: RawRow) => Normalized {
  switch (kind) {
    case 'sales':
      return (row) => {
        const r = normalizeSalesRow(row.cells, row.line, mapping as FullMapping<'sales'>, opts);
        return r.ok ? { ok: true, kind, record: r.record, facts: r.facts ?? null } : r;
      };
    case 'marketing':
      return (row) => {
        const r = normalizeMarketingRow(row.cells, row.line, mapping as FullMapping<'marketing'>, opts);
        return r.ok ? { ok: true, kind, record: r.record } : r;
      };
    case 'satisfaction':
      return (row) => {
        const r = normalizeSatisfactionRow(row.cells, row.line, mapping as FullMapping<'satisfaction'>, opts);
        return r.ok ? { ok: true, kind, record: r.record } : r;
      };
  }
}

/**
 * The cells as the preview shows them: a date written as a bare number (an Excel serial: a spreadsheet
 * keeps dates as day counts) is shown with the day it was read as, 「46273 → 2026-09-08」, so that the
 * user sees the date, not a count.
 */
function shownCells(cells: string[], dateColumn: number | null, n: Normalized): string[] {
  if (dateColumn === null || !n.ok) return cells;
  const raw = cells[dateColumn];
  if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw.trim())) return cells;
  const shown = [...cells];
  shown[dateColumn] = `${raw.trim()} → ${recordDay(n)}`;
  return shown;
}

function recordDay(n: Extract<Normalized, { ok: true }>): string {
  switch (n.kind) {
    case 'sales':
      return n.record.saleDate;
    case 'marketing':
      return n.record.day;
    case 'satisfaction':
      return n.record.respondedOn;
  }
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** Required fields without a column: a marketing file may take one channel for all its lines. */
function missingFields(kind: ImportKind, mapping: FullMapping<ImportKind>, channel: string | null): string[] {
  const missing = missingRequired(kind, mapping);
  const m = mapping as Readonly<Record<string, number | null>>;
  if (kind === 'marketing' && m.channel == null && !channel) missing.push('channel');
  return missing;
}

/** Everything decided before the first line is read: mapping, date order, currency, channel. */
interface Prepared {
  headers: string[];
  mapping: FullMapping<ImportKind>;
  suggested: boolean;
  decisions: ImportDecisions;
  currency: Currency;
  opts: NormalizeOptions & { headers: readonly string[]; titles: ReportTitles };
  headerLine: number;
  titleLines: number;
}

async function prepare(
  ctx: AppContext,
  reader: FileReader,
  companyId: string,
  file: ImportFile,
  req: ImportRequest,
  rows: RowStream,
  rowOpts: RowOptions,
  forPreview: boolean,
): Promise<Prepared> {
  const profile = await companySettings(ctx, companyId);
  const header = await rows.header(req.kind);
  const headers = header.cells.map((c) => c.trim());
  const { mapping, suggested, layout } = await chooseMapping(ctx, companyId, req, headers);
  const m = mapping as Readonly<Record<string, number | null>>;
  const sample = await rows.peek(SAMPLE_LINES);
  const dateCol = m.date ?? null;
  const statusCols = { status: m.status ?? null, returnStatus: m.returnStatus ?? null };
  const readStatuses = statusCols.status !== null || statusCols.returnStatus !== null;
  const chosen: DateOrder | null =
    req.dayFirst === undefined ? null : req.dayFirst ? 'dayFirst' : 'monthFirst';
  // The whole date column is read only when its first values have the year last (03/04/2024):
  // ISO and ROC dates, the common case, cost nothing more.
  let dates = scanRows(sample, dateCol);
  let statuses = new Map<string, number>();
  let returns = new Map<string, number>();
  let statusesComplete = true;
  const needDates = dates.yearLast > 0;
  if (needDates || (forPreview && readStatuses)) {
    const scan = await scanFile(
      reader,
      file.path,
      rowOpts,
      header.line,
      needDates ? dateCol : null,
      forPreview ? statusCols : null,
      needDates ? Number.POSITIVE_INFINITY : PREVIEW_SCAN_LINES,
    );
    if (needDates) dates = scan.dates;
    statuses = scan.statuses;
    returns = scan.returns;
    statusesComplete = scan.complete;
  }
  const dateOrder = decideDateOrder(dates, chosen, presetDateOrder(layout));
  const found =
    req.kind === 'satisfaction'
      ? { code: null, source: null }
      : fileCurrency(sample, m, presetCurrency(layout));
  const currency = await decideCurrency(
    ctx,
    companyId,
    profile.currency,
    found,
    req.setCompanyCurrency === true,
  );
  const channel = channelChoice(req.kind, mapping, headers, req.channel);
  const effectiveChannel = channel.fixed;
  const decisions: ImportDecisions = {
    dateOrder,
    currency,
    statuses: statusList(statuses),
    returnStatuses: returnStatusList(returns),
    statusesComplete,
    channel,
    notes: importNotes(req.kind, m, effectiveChannel),
  };
  const target = currency.action === 'setCompany' ? (currency.file as Currency) : profile.currency;
  const opts = {
    dayFirst: dateOrder.order === null ? null : dateOrder.order === 'dayFirst',
    currencyExponent: CURRENCY_EXPONENT[target],
    timeZone: profile.timeZone,
    headers,
    titles: reportTitles(rows.titleRows),
    channel: effectiveChannel,
    fileCurrency: currency.file,
  };
  return {
    headers,
    mapping,
    suggested,
    decisions,
    currency: target,
    opts,
    headerLine: header.line,
    titleLines: rows.aboveHeader.length,
  };
}

export interface PreviewResult {
  headers: string[];
  mapping: FullMapping<ImportKind>;
  suggested: boolean;
  unmappedHeaders: string[];
  rows: { line: number; cells: string[]; problems: LineProblem[] }[];
  missingRequired: string[];
  fields: { field: string; required: boolean }[];
  decisions: ImportDecisions;
  /** The built-in layout the headers match (shopify-orders...), if any. */
  layout: string | null;
  /** The file line of the header (lines above it: a report's title block, not imported). */
  headerLine: number;
  /** How many lines above the header hold something (the title block's). */
  titleLines: number;
  /** Where the kind asked lacks required fields: another kind the headers fit (kindTheHeadersFit). */
  otherKind: ImportKind | null;
}

/**
 * Where the kind asked leaves required fields unmapped, the kind the headers fit instead: every
 * required field of it mapped, and more of its fields than of the kind asked (a marketing file's
 * date, channel, spend and visits against a sales mapping of its date alone); the one mapping most
 * when several do. Null when the kind asked is complete, or no other kind does better.
 */
function kindTheHeadersFit(
  kind: ImportKind,
  headers: readonly string[],
  mapping: FullMapping<ImportKind>,
  missing: readonly string[],
) {
  if (missing.length === 0) return null;
  const fieldsMapped = (m: FullMapping<ImportKind>) => Object.values(m).filter((v) => v != null).length;
  let best: { kind: ImportKind; count: number } | null = null;
  for (const k of IMPORT_KINDS) {
    if (k === kind) continue;
    const m = suggestMapping(k, headers).mapping as FullMapping<ImportKind>;
    const count = fieldsMapped(m);
    if (missingRequired(k, m).length === 0 && count > (best?.count ?? fieldsMapped(mapping)))
      best = { kind: k, count };
  }
  return best?.kind ?? null;
}

/** Reads the header and the first lines, suggests (or applies) a mapping, and shows each line's problems. */
export async function previewImport(
  ctx: AppContext,
  reader: FileReader,
  actor: Actor,
  companyId: string,
  file: ImportFile,
  req: ImportRequest,
  lines = 20,
): Promise<PreviewResult> {
  await authorize(ctx, actor, companyId, 'data.import');
  const opts = await rowOptions(reader, file, req.sheet);
  const rows = new RowStream(reader.batches(file.path, opts)[Symbol.asyncIterator]());
  try {
    const p = await prepare(ctx, reader, companyId, file, req, rows, opts, lines > 0);
    const { headers, mapping } = p;
    const used = new Set(Object.values(mapping).filter((v): v is number => v !== null));
    const normalize = normalizer(req.kind, mapping, p.opts, opts.format);
    const out: PreviewResult['rows'] = [];
    const dateColumn = (mapping as Readonly<Record<string, number | null>>).date ?? null;
    while (out.length < lines) {
      const batch = await rows.next();
      if (batch === null) break;
      for (const row of batch) {
        if (out.length >= lines) break;
        if (isBlank(row.cells)) continue;
        const n = normalize(row);
        out.push({
          line: row.line,
          cells: shownCells(row.cells, dateColumn, n),
          problems: n.ok ? [] : n.problems,
        });
      }
    }
    const required = new Set<string>(REQUIRED_FIELDS[req.kind] as readonly string[]);
    const layout = detectPreset(
      req.kind,
      headers.map((h) => normalizeHeader(h)),
    );
    const missing = missingFields(req.kind, mapping, p.decisions.channel.fixed);
    return {
      headers,
      mapping,
      suggested: p.suggested,
      unmappedHeaders: headers.filter((_, i) => !used.has(i)),
      rows: out,
      missingRequired: missing,
      fields: (FIELDS_BY_KIND[req.kind] as readonly string[]).map((field) => ({
        field,
        required: required.has(field),
      })),
      decisions: p.decisions,
      layout: layout?.id ?? null,
      headerLine: p.headerLine,
      titleLines: p.titleLines,
      otherKind: kindTheHeadersFit(req.kind, headers, mapping, missing),
    };
  } finally {
    await rows.close();
  }
}

export interface ImportOutcome extends ImportSummary {
  importId: string;
  /** The file line of the header (lines above it: a report's title block, not imported). */
  headerLine: number;
  /** How many lines above the header hold something (the title block's). */
  titleLines: number;
  /** Orders left out by their status, returns, refunds and order discounts (sales files with order facts). */
  orders: OrderTotals | null;
  decisions: ImportDecisions;
  /** The currency the lines were stored in. */
  currency: Currency;
}

/**
 * Imports a whole file, all or nothing: every accepted line appears at once when it succeeds;
 * rejected lines are counted and kept for the error report; a failure or a kill leaves nothing.
 */
export async function importFile(
  ctx: AppContext,
  reader: FileReader,
  actor: Actor,
  companyId: string,
  file: ImportFile,
  req: ImportRequest,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportOutcome> {
  await authorize(ctx, actor, companyId, 'data.import');
  // The file's digest is computed while the import runs (it is recorded at the commit).
  const hashing = reader.sha256(file.path);
  hashing.catch(() => undefined);
  const opts = await rowOptions(reader, file, req.sheet);
  // Bytes read so far, reported with the lines (the wizard's progress bar).
  let bytesRead = 0;
  const rows = new RowStream(
    reader
      .batches(file.path, opts, (bytes) => {
        bytesRead = bytes;
      })
      [Symbol.asyncIterator](),
  );
  const progress = (p: ImportProgress) => onProgress({ ...p, bytesRead: p.bytesRead ?? bytesRead });
  try {
    const p = await prepare(ctx, reader, companyId, file, req, rows, opts, false);
    const { headers, mapping, decisions } = p;
    const missing = missingFields(req.kind, mapping, decisions.channel.fixed);
    if (missing.length) {
      // Columns that fit another kind (a marketing file imported as sales): said, with the kind.
      const other = req.mapping ? null : kindTheHeadersFit(req.kind, headers, mapping, missing);
      if (other !== null)
        throw new AppError('IMPORT_KIND_MISMATCH', undefined, { kind: other, asked: req.kind, code: other });
      throw new AppError('IMPORT_MAPPING_INCOMPLETE', undefined, { fields: missing.join(', ') });
    }
    assertDateOrder(decisions.dateOrder);
    assertCurrency(decisions.currency);
    if (decisions.currency.action === 'setCompany')
      await setCompanyCurrency(ctx, actor, companyId, p.currency);
    const normalize = normalizer(req.kind, mapping, p.opts, opts.format);
    const assembler = assemblesOrders(req.kind, decisions) ? new OrderAssembler() : null;
    const importId = newId();
    const gaps = req.kind === 'sales' ? dataGapsOf(mapping as Readonly<Record<string, number | null>>) : [];
    const summary = await ctx.repos.imports.run(
      {
        id: importId,
        companyId,
        kind: req.kind,
        fileName: file.fileName,
        mapping: JSON.stringify({
          mapping,
          headers,
          dayFirst: p.opts.dayFirst,
          channel: p.opts.channel,
          sheet: opts.sheet ?? null,
        }),
        createdBy: actor.userId,
        createdAt: nowIso(ctx),
        currency: p.currency,
      },
      async (sink) => {
        const summary = await pump(
          rows,
          normalize,
          sink,
          progress,
          req.strict === true,
          assembler,
          p.opts.dayFirst,
          { currency: p.currency, gaps },
        );
        const { sha256, bytes } = await hashing;
        return { ...summary, fileSha256: sha256, fileBytes: bytes };
      },
    );
    await ctx.repos.audit.append(
      {
        companyId,
        userId: actor.userId,
        action: 'import.committed',
        entity: 'import',
        entityId: importId,
        details: {
          kind: req.kind,
          fileName: file.fileName,
          added: summary.added,
          duplicates: summary.duplicates,
          rejected: summary.rejected,
        },
      },
      nowIso(ctx),
    );
    return {
      ...summary,
      importId,
      headerLine: p.headerLine,
      titleLines: p.titleLines,
      orders: assembler?.totals ?? null,
      decisions,
      currency: p.currency,
    };
  } finally {
    await rows.close();
  }
}

/** A company with no sales takes the currency of its first file (asked for explicitly). */
async function setCompanyCurrency(ctx: AppContext, actor: Actor, companyId: string, currency: Currency) {
  const profile = await companySettings(ctx, companyId);
  const { version: _v, updatedAt: _u, ...rest } = profile;
  const saved = await ctx.repos.profiles.save(
    companyId,
    { ...rest, currency },
    profile.version,
    actor.userId ?? '',
    nowIso(ctx),
  );
  if (!saved) throw new AppError('VERSION_CONFLICT');
}

async function pump(
  rows: RowStream,
  normalize: (row: RawRow) => Normalized,
  sink: ImportSink,
  onProgress: (p: ImportProgress) => void,
  strict: boolean,
  assembler: OrderAssembler | null = null,
  dayFirst: boolean | null = null,
  record: { currency: string; gaps: DataGap[] } = { currency: '', gaps: [] },
): Promise<ImportSummary> {
  const account: ImportAccount = {
    currency: record.currency,
    orders: null,
    rejectedByCode: {},
    gaps: record.gaps,
    sentPerDay: record.gaps.some((g) => !LINE_GAPS.includes(g)) ? {} : undefined,
    blankOrderIdsPerDay: record.gaps.includes('blankOrderIds') ? {} : undefined,
  };
  const s: ImportSummary = {
    linesRead: 0,
    added: 0,
    duplicates: 0,
    rejected: 0,
    firstDate: null,
    lastDate: null,
    account,
  };
  const perDay = account.sentPerDay;
  const blankPerDay = account.blankOrderIdsPerDay;
  let sales: SalesRecord[] = [];
  let marketing: MarketingRecord[] = [];
  let satisfaction: SatisfactionRecord[] = [];
  let problems: LineProblem[] = [];
  let storedProblems = 0;
  const strictLines: (LineProblem | null)[] = [];
  /** Lines with a problem of the data: a strict import is refused for them (a report's own rows are not). */
  let refused = 0;
  /** A date only the other day/month order reads, or one no order is known for: the import is refused. */
  let dateOrderProblem: LineProblem | null = null;
  const seeDate = (d: string) => {
    if (s.firstDate === null || d < s.firstDate) s.firstDate = d;
    if (s.lastDate === null || d > s.lastDate) s.lastDate = d;
  };
  // Up to `depth` batches are written at once (a sink on another thread); every write has a
  // rejection handler from the start, and all are awaited before the pump returns or throws.
  const depth = Math.max(1, sink.pipeline ?? 1);
  const batchSize = importBatch(sink);
  const inflight: Promise<void>[] = [];
  const settleAll = async () => {
    const results = await Promise.allSettled(inflight.splice(0));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  };
  /** Hands the batch held so far to the sink (not waiting for it). */
  const flush = () => {
    if (perDay) for (const r of sales) perDay[r.saleDate] = (perDay[r.saleDate] ?? 0) + 1;
    if (blankPerDay)
      for (const r of sales)
        if (r.orderId === null) blankPerDay[r.saleDate] = (blankPerDay[r.saleDate] ?? 0) + 1;
    const work = Promise.all([
      sink.writeSales(sales),
      sink.writeMarketing(marketing),
      sink.writeSatisfaction(satisfaction),
      problems.length ? sink.recordProblems(problems) : undefined,
    ]).then(([a, b, c]) => {
      for (const r of [a, b, c]) {
        s.added += r.added;
        s.duplicates += r.duplicates;
      }
    });
    work.catch(() => undefined);
    inflight.push(work);
    sales = [];
    marketing = [];
    satisfaction = [];
    problems = [];
    onProgress({ linesRead: s.linesRead });
  };
  /** Waits until fewer than `depth` writes are in flight. */
  const room = async () => {
    while (inflight.length >= depth) await inflight.shift();
  };
  try {
    for (;;) {
      let batch = await rows.next();
      if (batch === null) break;
      for (const row of batch) {
        if (isBlank(row.cells)) continue;
        s.linesRead += 1;
        const n = normalize(row);
        if (!n.ok) {
          s.rejected += 1;
          const code = n.problems[0]?.code ?? 'UNKNOWN';
          account.rejectedByCode[code] = (account.rejectedByCode[code] ?? 0) + 1;
          if (dateOrderProblem === null)
            for (const p of n.problems)
              if (p.code === 'DATE_ORDER_CONTRADICTS' || p.code === 'DATE_ORDER_UNKNOWN')
                dateOrderProblem = p;
          // A report's own row (a subtotal, its header or title again) is left out and listed, strict
          // or not: it is no problem of the data.
          const reportRow = REPORT_ROW_CODES.has(code);
          if (strict && !reportRow) {
            refused += 1;
            if (refused === 1) {
              // Nothing of this import will be kept: stop writing, read on to count and name the lines.
              sales = [];
              marketing = [];
              satisfaction = [];
              problems = [];
            }
            if (strictLines.length < STRICT_LINES_LISTED) strictLines.push(n.problems[0] ?? null);
            continue;
          }
          if (strict && refused > 0) continue;
          for (const p of n.problems) {
            if (storedProblems < MAX_STORED_PROBLEMS) {
              problems.push(p);
              storedProblems += 1;
            }
          }
        } else if (strict && refused > 0) {
          continue;
        } else if (n.kind === 'sales') {
          if (assembler === null) {
            seeDate(n.record.saleDate);
            sales.push(n.record);
          } else {
            const from = sales.length;
            assembler.push(n.record, n.facts, sales);
            for (let i = from; i < sales.length; i++) seeDate(sales[i]!.saleDate);
          }
        } else if (n.kind === 'marketing') {
          seeDate(n.record.day);
          marketing.push(n.record);
        } else {
          seeDate(n.record.respondedOn);
          satisfaction.push(n.record);
        }
        if (sales.length + marketing.length + satisfaction.length + problems.length >= batchSize) {
          // Never more than `depth` writes at once (a sink may not take two at a time).
          await room();
          flush();
        }
      }
      // The rows read are not held while this waits for the writer (they would outlive young
      // collections and fill the old generation).
      batch = null;
      await room();
    }
    if (assembler !== null && !(strict && refused > 0)) {
      const from = sales.length;
      assembler.flush(sales);
      for (let i = from; i < sales.length; i++) seeDate(sales[i]!.saleDate);
    }
    await room();
    flush();
  } catch (e) {
    // The read failed (or a write did): let the writes in flight finish before the store rolls back.
    await Promise.allSettled(inflight.splice(0));
    throw e;
  }
  await settleAll();
  account.orders = assembler?.totals ?? null;
  if (dateOrderProblem !== null) {
    const at = { line: dateOrderProblem.line, value: dateOrderProblem.value ?? '' };
    if (dateOrderProblem.code === 'DATE_ORDER_UNKNOWN' || dayFirst === null)
      throw new AppError('IMPORT_DATE_ORDER_UNKNOWN', undefined, at);
    throw contradiction(dayFirst, at);
  }
  if (strict && refused > 0) {
    const first = strictLines.find((p) => p !== null) ?? null;
    const lines = strictLines.filter((p): p is LineProblem => p !== null).map((p) => p.line);
    throw new AppError('IMPORT_STRICT_REJECTED', undefined, {
      count: refused,
      lines: `${lines.join(', ')}${refused > lines.length ? ', …' : ''}`,
      line: first?.line ?? 0,
      reason: first?.code ?? '',
      // The first problem's value, for a reason worded from it (a date that does not exist).
      value: first?.value ?? '',
    });
  }
  if (sink.settle) {
    onProgress({ linesRead: s.linesRead, phase: 'saving' });
    const r = await sink.settle();
    s.added += r.added;
    s.duplicates += r.duplicates;
  }
  // Lines that repeat an earlier line of the file: imported as sales of their own (same content) or
  // not at all (same order id and line number); either way the user is told, with the lines.
  const repeats = sink.repeats?.();
  if (repeats) {
    s.repeatedLines = repeats.lines;
    s.repeatedKeys = repeats.keys;
  }
  return s;
}
