/**
 * What a column of an exported table holds, said by the use case that builds the table; the one
 * CSV/XLSX writer (ingest/export-table.ts) decides from it how the column's values are written
 * (number formats in XLSX, rounding in CSV). Cells that are not of the column's kind (the header,
 * a note row) are written as they are.
 */
export type ExportColumn =
  /** Written as it is (text, or a number kept as given). */
  | { kind: 'text' }
  /** Whole numbers. */
  | { kind: 'count' }
  /** A plain number shown with this many decimals (scores, ×-ratios). */
  | { kind: 'decimal'; decimals: number }
  /**
   * A fraction (0.25 = 25 %): in XLSX the exact fraction under a percent format with `decimals`
   * decimals of a percent; in CSV the fraction rounded to at least 4 decimals.
   */
  | { kind: 'percent'; decimals: number }
  /** Money in currency units: `whole` as totals are shown (NT$1,234), `minor` to the currency's minor unit. */
  | { kind: 'money'; currency: string; precision: 'whole' | 'minor' }
  /** A civil day 'YYYY-MM-DD': an Excel date in XLSX, the ISO text in CSV. */
  | { kind: 'date' };
