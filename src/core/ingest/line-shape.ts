import { filledCells, firstFilledCell, trimCell } from './half-width.ts';
import type { LineProblem } from './records.ts';

const VALUE_CUT = 200;
/** The front half of an amount cut at an unquoted thousands separator: `NT$1`, `$12`, `-1`, `1`. */
const AMOUNT_HEAD = /^[^\d,]{0,6}-?\d{1,3}$/;
/** Its back half: exactly three digits, maybe decimals and a currency word after (`200`, `200.50元`). */
const AMOUNT_TAIL = /^\d{3}(?:[.,]\d{3})*(?:\.\d{1,6})?[^\d,]{0,6}$/;

function joined(cells: readonly string[]): string {
  const s = cells.join(',');
  return s.length > VALUE_CUT ? s.slice(0, VALUE_CUT) : s;
}

/**
 * A delimited line whose number of fields differs from the header's is a problem line, never cut to
 * fit: four fields under three headers from `113/01/04,拿鐵,NT$1,200` would otherwise store NT$1.
 * Extra fields that are all empty (a trailing delimiter) and missing fields under empty headers are
 * harmless. When one extra field sits right after an amount column and the two halves read as an
 * amount split at its thousands separator, the problem names that column and the rejoined amount.
 * `amountColumns`: the columns mapped to money or quantity fields. One length comparison per line.
 */
export function checkLineShape(
  cells: readonly string[],
  line: number,
  headers: readonly string[],
  amountColumns: readonly number[],
): LineProblem | null {
  const n = headers.length;
  const k = cells.length;
  if (k === n) return null;
  if (k > n) {
    let extra = false;
    for (let i = n; i < k; i++) if (trimCell(cells[i]!).length > 0) extra = true;
    if (!extra) return null;
    if (k === n + 1) {
      for (const c of amountColumns) {
        const head = trimCell(cells[c] ?? '');
        const tail = trimCell(cells[c + 1] ?? '');
        if (AMOUNT_HEAD.test(head) && AMOUNT_TAIL.test(tail))
          return { line, column: headers[c] ?? null, code: 'FIELDS_SPLIT_AMOUNT', value: `${head},${tail}` };
      }
    }
    return { line, column: null, code: 'FIELDS_TOO_MANY', value: joined(cells) };
  }
  for (let i = k; i < n; i++)
    if (trimCell(headers[i]!).length > 0)
      return { line, column: null, code: 'FIELDS_TOO_FEW', value: joined(cells) };
  return null;
}

/** A subtotal or total word, alone or after a short label (「信義店小計」, 「本頁合計：」, "Grand total"). */
const SUMMARY_CELL =
  /^.{0,12}?(?:小計|小计|合計|合计|總計|总计|共計|共计|總和|总和)[:：]?$|^(?:.{0,12}?\s)?(?:sub-?\s?totals?|grand\s+totals?|totals?)[:：]?$/i;
/** A cheap first look before SUMMARY_CELL: a total word's telling character. */
const MAYBE_SUMMARY = /[計计和]|otal/i;
/** In the date column, any cell that starts with such a word (「合計 12 筆」, "Total (May)"). */
const SUMMARY_START =
  /^(?:小計|小计|合計|合计|總計|总计|共計|共计|總和|总和|sub-?\s?total|grand\s+total|total)/i;

/**
 * A report's subtotal or total row (「小計,,4,,450」, 「合計,,7,,810」): no sale, whatever its amount
 * column holds; or its header printed again (every page of a printed report): HEADER_REPEATED. Told by its date cell starting with a total word, or its first filled cell being one
 * (alone or after a short label: 「信義店小計」), so that a product named 「Total Care」 is no such row.
 */
export function checkSummaryRow(
  cells: readonly string[],
  line: number,
  headers: readonly string[],
  dateColumn: number | null,
  titles: ReportTitles = NO_TITLES,
): LineProblem | null {
  if (dateColumn !== null) {
    const v = trimCell(cells[dateColumn] ?? '');
    if (SUMMARY_START.test(v))
      return { line, column: headers[dateColumn] ?? null, code: 'SUMMARY_ROW', value: v };
    // The header again (a printed report repeats it on every page): every cell its header's.
    if (v.length > 0 && v === trimCell(headers[dateColumn] ?? '') && isHeaderAgain(cells, headers))
      return { line, column: null, code: 'HEADER_REPEATED', value: joined(cells) };
  }
  for (let i = 0; i < cells.length; i++) {
    const v = trimCell(cells[i]!);
    if (v.length === 0) continue;
    if (titleAgain(v, cells, titles))
      return { line, column: null, code: 'TITLE_REPEATED', value: joined(cells) };
    const maybe = v.length <= 40 && MAYBE_SUMMARY.test(v);
    return maybe && SUMMARY_CELL.test(v)
      ? { line, column: headers[i] ?? null, code: 'SUMMARY_ROW', value: v }
      : null;
  }
  return null;
}

/**
 * A report's title block, as its rows begin (first filled cell → how many cells that row fills): a
 * row of a later page that begins the same and is no wider is the title printed again.
 */
export type ReportTitles = ReadonlyMap<string, number>;
const NO_TITLES: ReportTitles = new Map();

/** The title block's rows (the lines above the header) as ReportTitles. */
export function reportTitles(rows: readonly (readonly string[])[]): ReportTitles {
  const out = new Map<string, number>();
  for (const cells of rows) {
    const first = firstFilledCell(cells);
    if (first !== null) out.set(first, Math.max(filledCells(cells), out.get(first) ?? 0));
  }
  return out;
}

/** A page number a printed report writes on each page: 「第 2 頁」, 「第2頁/共5頁」, "Page 2 of 5". */
const PAGE_LINE =
  /^(?:第\s*\d+\s*頁(?:\s*[,，/、]?\s*共\s*\d+\s*頁)?|page\s+\d+(?:\s*(?:of|\/)\s*\d+)?|\d+\s*\/\s*\d+\s*頁)$/i;

function titleAgain(first: string, cells: readonly string[], titles: ReportTitles): boolean {
  const width = titles.get(first);
  if (width === undefined) return first.length < 24 && PAGE_LINE.test(first);
  return filledCells(cells) <= width;
}

function isHeaderAgain(cells: readonly string[], headers: readonly string[]): boolean {
  for (let i = 0; i < headers.length; i++)
    if (trimCell(cells[i] ?? '') !== trimCell(headers[i]!)) return false;
  return true;
}

/**
 * A cell holding U+FFFD: bytes the decoder could not read (a UTF-8 file with a few bad bytes, or a
 * Big5 file with a stray one). The line is a problem line naming the column, never stored garbled.
 */
export function checkDecodedText(
  cells: readonly string[],
  line: number,
  headers: readonly string[],
): LineProblem | null {
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]!;
    if (v.indexOf('\uFFFD') !== -1)
      return {
        line,
        column: headers[i] ?? `#${i + 1}`,
        code: 'ENCODING_INVALID',
        value: v.length > VALUE_CUT ? v.slice(0, VALUE_CUT) : v,
      };
  }
  return null;
}
