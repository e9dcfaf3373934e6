import { AppError } from '../../core/errors/app-error.ts';
import { type DateOrder, type DateOrderDecision, DateOrderScan } from '../../core/ingest/date-order.ts';
import { LINE_RETURN_FIELDS, ORDER_LEVEL_FIELDS } from '../../core/ingest/fields.ts';
import { MAPPING_PRESETS } from '../../core/ingest/header-synonyms.ts';
import {
  classifyReturnStatus,
  classifyStatus,
  type ReturnState,
  type StatusClass,
} from '../../core/ingest/order-facts.ts';
import { currencyCode, currencyOfAmount } from '../../core/ingest/parse-amount.ts';
import { platformFromHeaders } from '../../core/ingest/platform.ts';
import type { ImportKind } from '../../core/ingest/records.ts';
import { type Currency, isCurrency } from '../../core/money/currency.ts';
import type { AppContext } from '../ports.ts';
import type { FullMapping } from './mapping.ts';
import type { FileReader, RawRow, RowOptions } from './ports.ts';

/** What the date and status columns of a file hold, read once from its start (or all of it). */
export interface FileScan {
  dates: DateOrderScan;
  statuses: Map<string, number>;
  /** The values of the line return-status column (退貨 / 退款狀態) and their lines. */
  returns: Map<string, number>;
  /** True when every line was read. */
  complete: boolean;
}

/** The status columns a scan reads: the order or line status, and the line return status. */
export interface StatusColumns {
  status: number | null;
  returnStatus: number | null;
}

const MAX_STATUSES = 50;

/** Counts a status value, up to MAX_STATUSES distinct ones. */
function tally(counts: Map<string, number>, raw: string | undefined): void {
  const s = raw?.trim();
  if (s && (counts.has(s) || counts.size < MAX_STATUSES)) counts.set(s, (counts.get(s) ?? 0) + 1);
}

/** Reads the date and status columns of up to `maxRows` data lines (after the header line). */
export async function scanFile(
  reader: FileReader,
  path: string,
  opts: RowOptions,
  headerLine: number,
  dateCol: number | null,
  statusCols: StatusColumns | null,
  maxRows: number,
): Promise<FileScan> {
  const dates = new DateOrderScan();
  const statuses = new Map<string, number>();
  const returns = new Map<string, number>();
  const statusCol = statusCols?.status ?? null;
  const returnCol = statusCols?.returnStatus ?? null;
  let rows = 0;
  let complete = true;
  const it = reader.batches(path, opts)[Symbol.asyncIterator]();
  try {
    outer: for (;;) {
      const next = await it.next();
      if (next.done) break;
      for (const row of next.value) {
        if (row.line <= headerLine) continue;
        if (rows >= maxRows) {
          complete = false;
          break outer;
        }
        rows++;
        if (dateCol !== null) {
          const v = row.cells[dateCol];
          if (v !== undefined && v.length > 0) dates.see(v, row.line);
        }
        if (statusCol !== null) tally(statuses, row.cells[statusCol]);
        if (returnCol !== null) tally(returns, row.cells[returnCol]);
      }
    }
  } finally {
    await it.return?.();
  }
  return { dates, statuses, returns, complete };
}

/** A scan of the lines already in hand (the preview's first lines, the import's first batch). */
export function scanRows(rows: readonly RawRow[], dateCol: number | null): DateOrderScan {
  const dates = new DateOrderScan();
  if (dateCol === null) return dates;
  for (const row of rows) {
    const v = row.cells[dateCol];
    if (v !== undefined && v.length > 0) dates.see(v, row.line);
  }
  return dates;
}

export interface CurrencyDecision {
  /**
   * The currency the file names (a Currency column, an amount's £ / US$ / HK$), else the one its
   * layout's amounts are always in (a Tmall report: CNY), or null.
   */
  file: string | null;
  source: 'column' | 'amount' | 'layout' | null;
  company: Currency;
  /**
   * same: the file's is the company's (or the file names none); setCompany: the company (with no
   * sales yet) takes the file's currency, as asked; offer: it could, if asked; refuse: the company
   * has sales in its own currency; unsupported: Pacer does not know the file's currency.
   */
  action: 'same' | 'setCompany' | 'offer' | 'refuse' | 'unsupported';
}

const MONEY_FIELDS = ['amount', 'unitPrice', 'spend', 'discount'];

/** The currency a file names, from its first lines: the Currency column, else an amount's sign. */
export function fileCurrency(
  rows: readonly RawRow[],
  mapping: Readonly<Record<string, number | null>>,
  layoutCurrency: string | null = null,
): { code: string | null; source: 'column' | 'amount' | 'layout' | null } {
  const col = mapping.currency ?? null;
  if (col !== null) {
    for (const row of rows) {
      const c = currencyCode(row.cells[col] ?? '');
      if (c !== null) return { code: c, source: 'column' };
    }
  }
  const money = MONEY_FIELDS.map((f) => mapping[f] ?? null).filter((c): c is number => c !== null);
  for (const row of rows.slice(0, 200))
    for (const c of money) {
      const code = currencyOfAmount(row.cells[c] ?? '');
      if (code !== null) return { code, source: 'amount' };
    }
  return layoutCurrency === null ? { code: null, source: null } : { code: layoutCurrency, source: 'layout' };
}

export async function decideCurrency(
  ctx: AppContext,
  companyId: string,
  company: Currency,
  found: { code: string | null; source: 'column' | 'amount' | 'layout' | null },
  setCompany: boolean,
): Promise<CurrencyDecision> {
  const base = { file: found.code, source: found.source, company };
  if (found.code === null || found.code === company) return { ...base, action: 'same' };
  if (!isCurrency(found.code)) return { ...base, action: 'unsupported' };
  const hasSales = (await ctx.repos.kpi.dimensionMembers(companyId, 'product')).length > 0;
  if (hasSales) return { ...base, action: 'refuse' };
  return { ...base, action: setCompany ? 'setCompany' : 'offer' };
}

/** Refuses an import whose currency would be relabelled. */
export function assertCurrency(d: CurrencyDecision): void {
  const params = { file: d.file ?? '', company: d.company };
  if (d.action === 'refuse') throw new AppError('IMPORT_CURRENCY_MISMATCH', undefined, params);
  if (d.action === 'offer') throw new AppError('IMPORT_CURRENCY_OFFER', undefined, params);
  if (d.action === 'unsupported') throw new AppError('IMPORT_CURRENCY_UNSUPPORTED', undefined, params);
}

/** Refuses an import whose dates cannot be read one way for every line. */
export function assertDateOrder(d: DateOrderDecision): void {
  const at = (s: { line: number; value: string } | null) => ({ line: s?.line ?? 0, value: s?.value ?? '' });
  if (d.source === 'conflict')
    throw new AppError('IMPORT_DATE_ORDER_CONFLICT', undefined, {
      ...at(d.evidence),
      line2: d.other?.line ?? 0,
      value2: d.other?.value ?? '',
    });
  if (d.contradicted) throw contradiction(d.order === 'dayFirst', d.evidence);
  if (d.source === 'unknown') throw new AppError('IMPORT_DATE_ORDER_UNKNOWN', undefined, at(d.evidence));
}

export function contradiction(dayFirst: boolean, at: { line: number; value: string } | null): AppError {
  return new AppError('IMPORT_DATE_ORDER_CONTRADICTS', undefined, {
    chosenEn: dayFirst ? 'day-first (31/01/2024)' : 'month-first (01/31/2024)',
    chosenZh: dayFirst ? '日/月/年' : '月/日/年',
    line: at?.line ?? 0,
    value: at?.value ?? '',
  });
}

/** The currency a layout's amounts are always in (a built-in preset's), if any. */
export function presetCurrency(presetId: string | null): string | null {
  return MAPPING_PRESETS.find((x) => x.id === presetId)?.currency ?? null;
}

/** The date order a layout (a built-in preset) fixes, if any. */
export function presetDateOrder(presetId: string | null): DateOrder | null {
  const p = MAPPING_PRESETS.find((x) => x.id === presetId);
  if (p?.dayFirst === undefined) return null;
  return p.dayFirst ? 'dayFirst' : 'monthFirst';
}

export type ImportNote =
  | 'noProduct'
  | 'noQuantity'
  | 'noOrderId'
  | 'noCustomer'
  | 'orderFacts'
  | 'oneChannel'
  | 'returns';

/** What the preview says the import will do besides reading the mapped columns. */
export interface ImportDecisions {
  dateOrder: DateOrderDecision;
  currency: CurrencyDecision;
  /** Each status value found, what it does to the figures, and on how many lines. */
  statuses: { value: string; treatment: StatusClass; lines: number }[];
  /** Each line return-status value found (退貨 / 退款狀態), what it does to its line, and on how many lines. */
  returnStatuses: { value: string; treatment: ReturnState; lines: number }[];
  /** False when the statuses were read from the start of a long file only. */
  statusesComplete: boolean;
  /** The one channel of a file without a channel column: as asked, else the platform the headers reveal. */
  channel: { fixed: string | null; suggested: string | null };
  notes: ImportNote[];
}

export function importNotes(
  kind: ImportKind,
  mapping: Readonly<Record<string, number | null>>,
  channel: string | null,
): ImportNote[] {
  const notes: ImportNote[] = [];
  if (kind === 'sales') {
    if (mapping.product == null) notes.push('noProduct');
    if (mapping.quantity == null) notes.push('noQuantity');
    if (mapping.orderId == null) notes.push('noOrderId');
    if (mapping.customer == null) notes.push('noCustomer');
    if (ORDER_LEVEL_FIELDS.some((f) => mapping[f] != null)) notes.push('orderFacts');
    if (LINE_RETURN_FIELDS.some((f) => mapping[f] != null)) notes.push('returns');
  }
  if (kind !== 'satisfaction' && mapping.channel == null && channel) notes.push('oneChannel');
  return notes;
}

/** The values a status column holds, each with what `classify` makes of it, most lines first. */
function valueList<T>(counts: ReadonlyMap<string, number>, classify: (value: string) => T) {
  return [...counts]
    .map(([value, lines]) => ({ value, treatment: classify(value), lines }))
    .sort((a, b) => b.lines - a.lines);
}

export const statusList = (statuses: ReadonlyMap<string, number>): ImportDecisions['statuses'] =>
  valueList(statuses, classifyStatus);

export const returnStatusList = (returns: ReadonlyMap<string, number>): ImportDecisions['returnStatuses'] =>
  valueList(returns, classifyReturnStatus);

/** Whether an import's lines go through the order assembler (order facts, or line returns). */
export function assemblesOrders(kind: ImportKind, decisions: ImportDecisions): boolean {
  return kind === 'sales' && (decisions.notes.includes('orderFacts') || decisions.notes.includes('returns'));
}

export function channelChoice(
  kind: ImportKind,
  mapping: FullMapping<ImportKind>,
  headers: readonly string[],
  asked: string | undefined,
): ImportDecisions['channel'] {
  const m = mapping as Readonly<Record<string, number | null>>;
  const suggested = kind !== 'satisfaction' && m.channel == null ? platformFromHeaders(headers) : null;
  const fixed = asked?.trim() ? asked.trim() : null;
  return { fixed, suggested };
}
