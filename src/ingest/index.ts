export { type DetectedEncoding, detectEncoding, isValidUtf8, type TextEncoding } from './detect-encoding.ts';
export {
  type ExportCell,
  type ExportRows,
  isFormulaLike,
  neutralizeText,
  sanitizeSheetName,
  writeCsv,
  writeXlsx,
  type XlsxExportOptions,
} from './export-table.ts';
export { IngestError, isIngestError } from './ingest-error.ts';
export { DEFAULT_LIMITS, type IngestLimits, type RawRow, resolveLimits } from './limits.ts';
export { DELIMITERS, DelimitedParser, type Delimiter, detectDelimiter } from './parse-delimited.ts';
export {
  type ByteSource,
  type OpenedDelimited,
  openDelimited,
  type ReadDelimitedOptions,
  readDelimited,
} from './read-delimited.ts';
export { columnIndex, listXlsxSheets, type ReadXlsxOptions, readXlsxRows } from './read-xlsx.ts';
export { type SniffedFile, sniffFile } from './sniff-file.ts';
