import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { ExportColumn } from '../app/export-columns.ts';
import { CURRENCY_EXPONENT, currencySymbol, isCurrency, roundHalfAway } from '../core/money/currency.ts';

/** A cell of an export: text, a number (kept numeric), a boolean, or empty. */
export type ExportCell = string | number | boolean | null | undefined;
export type ExportRows = Iterable<readonly ExportCell[]> | AsyncIterable<readonly ExportCell[]>;

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** True when a text cell would be read as a formula by a spreadsheet (CSV injection). */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && FORMULA_START.has(text[0]!);
}

/** Text with a leading apostrophe when it starts like a formula; other text unchanged. */
export function neutralizeText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

export type { ExportColumn };

const CIVIL_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const minorDigits = (currency: string): number => (isCurrency(currency) ? CURRENCY_EXPONENT[currency] : 2);

/** The digits a column's numbers keep in a CSV: as the screen shows them (fractions to 4 decimals or more). */
function csvDigits(col: ExportColumn): number | null {
  switch (col.kind) {
    case 'count':
      return 0;
    case 'decimal':
      return col.decimals;
    case 'percent':
      return Math.max(4, col.decimals + 2);
    case 'money':
      return col.precision === 'whole' ? 0 : minorDigits(col.currency);
    default:
      return null;
  }
}

/**
 * The digits a column's numbers keep in an XLSX: counts whole, money to its minor unit; fractions and
 * decimals exact (the cell's format rounds what is shown, Excel computes with the value).
 */
function xlsxDigits(col: ExportColumn): number | null {
  if (col.kind === 'count') return 0;
  if (col.kind === 'money') return minorDigits(col.currency);
  return null;
}

const decimalsFormat = (n: number): string => (n > 0 ? `.${'0'.repeat(n)}` : '');

/** The Excel number format of a column's cells; undefined for text. */
function numberFormat(col: ExportColumn): string | undefined {
  switch (col.kind) {
    case 'count':
      return '#,##0';
    case 'decimal':
      return `#,##0${decimalsFormat(col.decimals)}`;
    case 'percent':
      return `0${decimalsFormat(col.decimals)}%`;
    case 'money': {
      const symbol = `"${currencySymbol(col.currency)}"`;
      const n = `#,##0${decimalsFormat(col.precision === 'whole' ? 0 : minorDigits(col.currency))}`;
      return `${symbol}${n};-${symbol}${n}`;
    }
    case 'date':
      return 'yyyy-mm-dd';
    default:
      return undefined;
  }
}

function csvField(cell: ExportCell, col?: ExportColumn): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    const digits = col ? csvDigits(col) : null;
    return String(digits === null ? cell : roundHalfAway(cell, digits));
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const t = neutralizeText(cell);
  if (/[",\r\n]/.test(t) || t.startsWith(' ') || t.endsWith(' ')) return `"${t.replaceAll('"', '""')}"`;
  return t;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Writes rows as CSV: UTF-8 with a BOM (so Excel shows Chinese), CRLF line ends, RFC 4180 quoting,
 * text starting with = + - @ tab or CR prefixed with an apostrophe; numbers written as numbers,
 * rounded as their column's kind says (`columns`, by position; money to the unit the screen shows,
 * fractions to 4 decimals, counts whole). Does not end `out`.
 */
export async function writeCsv(
  rows: ExportRows,
  out: Writable,
  columns: readonly ExportColumn[] = [],
): Promise<void> {
  let buf = '\ufeff';
  for await (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : ',') + csvField(row[i], columns[i]);
    buf += `${line}\r\n`;
    if (buf.length > 64 * 1024) {
      await write(out, buf);
      buf = '';
    }
  }
  if (buf.length > 0) await write(out, buf);
}

export interface XlsxExportOptions {
  sheetName?: string;
  /** Widths of the columns, in characters. */
  columnWidths?: readonly number[];
  /** What each column holds, by position: money, percents, counts and dates get number formats. */
  columns?: readonly ExportColumn[];
}

let excel: Promise<typeof ExcelJS> | undefined;
/**
 * exceljs, loaded when an XLSX is first written: loading it took 0.3 s of the server's start (about
 * a fifth of its CPU), for a writer only exports use.
 */
const loadExcel = (): Promise<typeof ExcelJS> => {
  excel ??= import('exceljs').then((m) => m.default);
  return excel;
};

/**
 * Writes rows as an XLSX (exceljs streaming writer, constant memory): text cells are plain strings
 * (never formulas), numbers numeric (negative numbers included), booleans booleans. A column's kind
 * (`opts.columns`) gives its numbers a format (the currency's, a percent of the exact fraction,
 * whole counts) and makes its 'YYYY-MM-DD' text real Excel dates; other cells stay as they are.
 */
export async function writeXlsx(
  rows: ExportRows,
  target: string | Writable,
  opts: XlsxExportOptions = {},
): Promise<void> {
  const { stream: excelStream } = await loadExcel();
  const stream = typeof target === 'string' ? createWriteStream(target) : target;
  const columns = opts.columns ?? [];
  const formats = columns.map(numberFormat);
  const wb = new excelStream.xlsx.WorkbookWriter({
    stream,
    useSharedStrings: false,
    useStyles: formats.some((f) => f !== undefined),
  });
  const ws = wb.addWorksheet(sanitizeSheetName(opts.sheetName ?? 'Sheet1'));
  if (opts.columnWidths !== undefined) ws.columns = opts.columnWidths.map((width) => ({ width }));
  for await (const row of rows) {
    const values: (string | number | boolean | Date | null)[] = [];
    const formatted: number[] = [];
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      const col = columns[i];
      if (cell === undefined || cell === null) values.push(null);
      else if (typeof cell === 'number') {
        if (!Number.isFinite(cell)) {
          values.push(null);
          continue;
        }
        const digits = col ? xlsxDigits(col) : null;
        values.push(digits === null ? cell : roundHalfAway(cell, digits));
        if (formats[i] !== undefined && col?.kind !== 'date') formatted.push(i);
      } else if (typeof cell === 'string' && col?.kind === 'date' && CIVIL_DAY.test(cell)) {
        const [, y, m, d] = CIVIL_DAY.exec(cell)!;
        values.push(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))));
        formatted.push(i);
      } else values.push(cell);
    }
    const r = ws.addRow(values);
    for (const i of formatted) r.getCell(i + 1).numFmt = formats[i]!;
    // exceljs writes strings as text already; make sure nothing turned into a formula or a date.
    r.eachCell((c) => {
      if (typeof c.value === 'object' && c.value !== null && !(c.value instanceof Date))
        c.value = String(c.text);
    });
    r.commit();
  }
  ws.commit();
  await wb.commit();
  if (typeof target === 'string' && !stream.writableFinished) await once(stream, 'finish');
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sanitizeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned.length > 0 ? cleaned : 'Sheet1';
}
