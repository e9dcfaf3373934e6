/** Limits on an uploaded file; each breach stops reading with an IngestError. */
export interface IngestLimits {
  /** Bytes of the file as stored (counted while streaming). Default 200 MB. */
  maxFileBytes: number;
  /** Cells in one line. Default 500. */
  maxColumns: number;
  /** Characters in one line (CSV: the record, quoted newlines included; XLSX: all cells). Default 1 MB. */
  maxLineChars: number;
  /** Data lines after the header. Default 1,048,576 (Excel's sheet size). */
  maxRows: number;
  /** Parts inside an XLSX. Default 10,000. */
  maxZipEntries: number;
  /** Decompressed bytes of an XLSX, declared and actually inflated. Default 1 GB. */
  maxUncompressedBytes: number;
}

export const DEFAULT_LIMITS: Readonly<IngestLimits> = {
  maxFileBytes: 200 * 1024 * 1024,
  maxColumns: 500,
  maxLineChars: 1024 * 1024,
  maxRows: 1_048_576,
  maxZipEntries: 10_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
};

export function resolveLimits(partial: Partial<IngestLimits> | undefined): IngestLimits {
  return { ...DEFAULT_LIMITS, ...partial };
}

/**
 * A row as read from a file: 1-based line (CSV physical line of the record's start, XLSX row number).
 * Cells of 13+ characters may be V8 slices of the decoded chunk: a caller that keeps a cell for the
 * whole import (a new dimension name in a Map) should keep a copy, or the chunk stays in memory.
 */
export interface RawRow {
  line: number;
  cells: string[];
}
