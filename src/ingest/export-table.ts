import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

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

function csvField(cell: ExportCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
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
 * text starting with = + - @ tab or CR prefixed with an apostrophe; numbers written as numbers.
 * Does not end `out`.
 */
export async function writeCsv(rows: ExportRows, out: Writable): Promise<void> {
  let buf = '\ufeff';
  for await (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : ',') + csvField(row[i]);
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
 * (never formulas), numbers numeric (negative numbers included), booleans booleans.
 */
export async function writeXlsx(
  rows: ExportRows,
  target: string | Writable,
  opts: XlsxExportOptions = {},
): Promise<void> {
  const { stream: excelStream } = await loadExcel();
  const stream = typeof target === 'string' ? createWriteStream(target) : target;
  const wb = new excelStream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet(sanitizeSheetName(opts.sheetName ?? 'Sheet1'));
  if (opts.columnWidths !== undefined) ws.columns = opts.columnWidths.map((width) => ({ width }));
  for await (const row of rows) {
    const values: (string | number | boolean | null)[] = [];
    for (const cell of row) {
      if (cell === undefined || cell === null) values.push(null);
      else if (typeof cell === 'number') values.push(Number.isFinite(cell) ? cell : null);
      else values.push(cell);
    }
    const r = ws.addRow(values);
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
