import { filledCells } from './half-width.ts';
import { IMPORT_KINDS, type ImportKind } from './records.ts';
import { suggestMapping } from './suggest-mapping.ts';

/** How many of a file's first non-empty rows may stand above its header (a report's title block). */
export const HEADER_SEARCH_ROWS = 20;

/**
 * How strongly a sheet's first rows read as a table of some import kind: the most fields that the
 * header row findHeaderRow picks names, over the kinds. 0 for a cover sheet, a note or a pivot.
 */
export function headerStrength(rows: readonly (readonly string[])[]): number {
  if (rows.length === 0) return 0;
  let best = 0;
  for (const kind of IMPORT_KINDS) {
    const at = findHeaderRow(kind, rows);
    best = Math.max(best, fieldsNamed(kind, rows[at] as readonly string[]));
  }
  return best;
}

/** How many of `kind`'s fields the row's cells name, as headers (「日期」, 「品名」, Order ID...). */
function fieldsNamed(kind: ImportKind, cells: readonly string[]): number {
  const { confidence } = suggestMapping(kind, cells);
  let n = 0;
  for (const c of Object.values(confidence) as number[]) if (c > 0) n++;
  return n;
}

/**
 * Which of a file's first non-empty rows (at most HEADER_SEARCH_ROWS) is its header, as an index
 * into `rows`. A report exported from a POS or an ERP often starts with a title block: the report's
 * name, the print date, the query's conditions (「門市銷售報表」, 「列印日期:2024/06/01」, 「期間:,2024/05/01
 * ~2024/05/31」), each row narrower than the table below. The header is the row that names the most
 * fields (at least two) among the rows wider than every row above them; a row as narrow as one above
 * it is never taken, so a table whose first row is its header keeps it, whatever its data rows hold.
 * Without such a row: the first row, or the second when the first is a notice of one cell above a
 * row of three or more (PChome's exports start with 【※此匯出資料…】 above their header).
 */
export function findHeaderRow(kind: ImportKind, rows: readonly (readonly string[])[]): number {
  const first = rows[0];
  if (first === undefined) return 0;
  let best = 0;
  let bestNamed = fieldsNamed(kind, first);
  let widest = filledCells(first);
  const last = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let k = 1; k < last; k++) {
    const cells = rows[k] as readonly string[];
    const filled = filledCells(cells);
    if (filled > widest) {
      const named = fieldsNamed(kind, cells);
      if (named >= 2 && named > bestNamed) {
        best = k;
        bestNamed = named;
      }
      widest = filled;
    }
  }
  if (best > 0) return best;
  const second = rows[1];
  return filledCells(first) === 1 && second !== undefined && filledCells(second) >= 3 ? 1 : 0;
}

/**
 * What the lines above the header were taken for, or null when none of them holds anything (blank
 * lines are no title block): 「第 1–3 行是欄名上方的報表標題…」, "Lines 1–3 above the header…".
 */
export function titleBlockMessage(
  above: { headerLine: number; titleLines: number },
  locale: 'zh-TW' | 'en',
): string | null {
  const { headerLine, titleLines } = above;
  if (titleLines === 0 || headerLine <= 1) return null;
  const last = headerLine - 1;
  const lines = last === 1 ? '1' : `1–${last}`;
  return locale === 'en'
    ? `${last === 1 ? 'Line' : 'Lines'} ${lines} above the header (line ${headerLine}) ${last === 1 ? 'is' : 'are'} the report's title (its name, print date or conditions): not imported`
    : `第 ${lines} 行是欄名（第 ${headerLine} 行）上方的報表標題（名稱、列印日期或查詢條件），未匯入`;
}
