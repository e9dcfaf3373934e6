import type { ErrorCode } from '../../core/errors/catalogue.ts';
import type { DataGap, GapLines } from '../../core/ingest/data-gaps.ts';
import type { OrderTotals } from '../../core/ingest/order-facts.ts';
import type {
  ImportKind,
  LineProblem,
  MarketingRecord,
  SalesRecord,
  SatisfactionRecord,
} from '../../core/ingest/records.ts';

/** What the file looks like, found from its content. */
export interface FileSniff {
  format: 'csv' | 'tsv' | 'xlsx';
  encoding?: string | undefined;
  delimiter?: string | undefined;
  sheets?: string[] | undefined;
}

export interface RowOptions {
  format: 'csv' | 'tsv' | 'xlsx';
  encoding?: string | undefined;
  delimiter?: string | undefined;
  sheet?: string | undefined;
}

/** A row of cells with its 1-based line (or sheet row) number. */
export interface RawRow {
  line: number;
  cells: string[];
}

/** Reads uploaded files (ingest/ implements it): streaming, bounded, with coded errors. */
export interface FileReader {
  sniff(path: string, originalName: string): Promise<FileSniff>;
  /**
   * The file's rows (header included, blank lines skipped) in batches: one await per batch, not per
   * row. `onBytes` is told how many bytes of the file were read (delimited files).
   */
  batches(path: string, opts: RowOptions, onBytes?: (bytes: number) => void): AsyncIterable<RawRow[]>;
  sha256(path: string): Promise<{ sha256: string; bytes: number }>;
}

export interface ImportMeta {
  id: string;
  companyId: string;
  kind: ImportKind;
  fileName: string;
  /** JSON text of the mapping and options used (kept so the import can be explained later). */
  mapping: string;
  createdBy: string | null;
  createdAt: string;
  currency: string;
}

export interface BatchResult {
  added: number;
  duplicates: number;
}

/** Where an import writes, inside its one transaction. */
export interface ImportSink {
  /**
   * How many batches may be in flight at once (default 1: each write is awaited before the next
   * batch is read). A sink whose writes run on another thread lets the reader prepare the next ones.
   */
  readonly pipeline?: number;
  /** The most lines a batch holds (default 2,000); `PACER_IMPORT_BATCH` overrides it. */
  readonly batchLines?: number;
  writeSales(records: readonly SalesRecord[]): Promise<BatchResult>;
  writeMarketing(records: readonly MarketingRecord[]): Promise<BatchResult>;
  writeSatisfaction(records: readonly SatisfactionRecord[]): Promise<BatchResult>;
  recordProblems(problems: readonly LineProblem[]): Promise<void>;
  /**
   * Called once the whole file is written and found good: a sink that stages lines adds them now and
   * answers what the writes left uncounted (lines added and duplicates).
   */
  settle?(): Promise<BatchResult>;
  /**
   * The lines that repeated an earlier line of the file, as keyed so far (asked once, after `settle`):
   * sales lines, or a satisfaction import's responses (`keys` only). `keys` lines were not added, and
   * are not counted among the duplicates either.
   */
  repeats?(): { lines: LineRepeats; keys: LineRepeats };
}

/** Lines of one file that repeat an earlier line of it: how many, and the first file line numbers. */
export interface LineRepeats {
  count: number;
  /** The smallest of their file line numbers (up to 20), ascending. */
  lines: number[];
}

/** The imported file's digest and size: computed while the import runs, recorded when it commits. */
export interface ImportedFile {
  fileSha256: string;
  fileBytes: number;
}

export interface ImportSummary {
  linesRead: number;
  added: number;
  /** Lines already there before this import (a re-import, an overlapping file): not added. */
  duplicates: number;
  rejected: number;
  firstDate: string | null;
  lastDate: string | null;
  /**
   * Sales lines equal to an earlier line of the same order (or, without order ids, an earlier
   * identical line), every field alike: each imported as a sale of its own (a file pasted twice
   * doubles its orders this way), so the user is told.
   */
  repeatedLines?: LineRepeats | undefined;
  /**
   * Sales lines with the order id and line number of an earlier line of the same file; satisfaction
   * responses with the key of an earlier line (its response id, or without one its day, customer,
   * channel, scores and comment: a survey export pasted twice). Only the first was imported; not
   * counted in `duplicates` (those were there before this import).
   */
  repeatedKeys?: LineRepeats | undefined;
  /** What the import left out and the facts its file lacked: recorded with it (sales and the rest). */
  account?: ImportAccount | undefined;
}

/** What an import left out and which facts its file lacked, kept in its record for the history. */
export interface ImportAccount {
  /** The currency the lines were stored in (the orders' money below is in its minor units). */
  currency: string;
  /** Sales files with order facts: lines left out by their order's status, returns, refunds, discounts. */
  orders: OrderTotals | null;
  /** Rejected lines by the code of their first problem (a date the decided order cannot read...). */
  rejectedByCode: Record<string, number>;
  /** Facts the sales file lacked (no product column...): every line it added lacks them. */
  gaps: DataGap[];
  /**
   * Lines sent to the store per day, counted only when the file lacks a fact. Exact when nothing was
   * a duplicate; otherwise the store counts the import's own lines instead. Not kept in the record.
   */
  sentPerDay?: Record<string, number> | undefined;
  /** The same for the lines with an empty order-id cell (blankOrderIds), when the file has the column. */
  blankOrderIdsPerDay?: Record<string, number> | undefined;
}

/** The account as the history shows it: `gapLines` counts the lines the import added lacking each fact. */
export interface ImportAccountView extends Omit<ImportAccount, 'sentPerDay' | 'blankOrderIdsPerDay'> {
  gapLines: GapLines;
  /** Lines of the file that repeated an earlier line of it (kept only when some did: see ImportSummary). */
  repeatedLines?: LineRepeats;
  repeatedKeys?: LineRepeats;
}

export interface ImportRecordView extends Omit<ImportSummary, 'account'> {
  id: string;
  kind: ImportKind;
  fileName: string;
  fileBytes: number;
  status: 'committed' | 'undone';
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  mapping: string;
  /** Null for imports recorded before accounts were kept. */
  account: ImportAccountView | null;
}

export interface MappingPresetRecord {
  id: string;
  kind: ImportKind;
  name: string;
  mapping: string;
  updatedAt: string;
}

/** Imports as stored: all-or-nothing runs, history, rejected lines, undo, presets. */
export interface ImportStore {
  /**
   * Runs `fn` in one write transaction. Everything it writes, and the import's own record, becomes
   * visible at once when it returns; if it throws (or the process dies) nothing is visible.
   */
  run(
    meta: ImportMeta,
    fn: (sink: ImportSink) => Promise<ImportSummary & ImportedFile>,
  ): Promise<ImportSummary & ImportedFile>;
  /** Removes every line the import added, in one transaction; false when already undone or unknown. */
  undo(companyId: string, importId: string, by: string, at: string): Promise<boolean>;
  list(companyId: string, limit: number): Promise<ImportRecordView[]>;
  get(companyId: string, importId: string): Promise<ImportRecordView | null>;
  problems(companyId: string, importId: string, limit: number): Promise<LineProblem[]>;
  /**
   * Lines of committed imports dated `from`..`to` whose files lacked each fact (an undone import's
   * lines are gone, and so are its counts).
   */
  gapLines(companyId: string, from: string, to: string): Promise<GapLines>;
  listPresets(companyId: string, kind?: ImportKind): Promise<MappingPresetRecord[]>;
  savePreset(
    companyId: string,
    kind: ImportKind,
    name: string,
    mapping: string,
    at: string,
  ): Promise<MappingPresetRecord>;
  deletePreset(companyId: string, presetId: string): Promise<boolean>;
}

export interface StoredUpload {
  uploadId: string;
  companyId: string;
  fileName: string;
  bytes: number;
  path: string;
  createdAt: string;
}

/** Uploaded files wait on disk (per company) until imported, for a day at most. */
export interface UploadStore {
  /** Streams `source` to disk; throws IMPORT_FILE_TOO_LARGE past `maxBytes` (nothing kept). */
  save(
    companyId: string,
    fileName: string,
    source: AsyncIterable<Uint8Array>,
    maxBytes: number,
  ): Promise<StoredUpload>;
  get(companyId: string, uploadId: string): Promise<StoredUpload | null>;
  remove(companyId: string, uploadId: string): Promise<void>;
  /** Deletes uploads older than `maxAgeMs`; returns how many. */
  sweep(maxAgeMs: number): Promise<number>;
}

/** What a finished import reports. */
export interface ImportJobResult extends ImportSummary {
  importId: string;
  /** The file line of the header (lines above it: a report's title block, not imported). */
  headerLine?: number;
  /** How many lines above the header hold something (the title block's). */
  titleLines?: number;
  /** The currency the lines were stored in (the company's, or the one it just adopted). */
  currency?: string;
  /** Sales files with order facts: what the orders' statuses, refunds and discounts did (minor units). */
  orders?: OrderTotals | null;
}

export interface ImportJobProgress {
  linesRead: number;
  bytesRead?: number | undefined;
  /** `saving`: the file is read; its lines are being added and the KPIs updated. */
  phase?: 'reading' | 'saving' | undefined;
}

export interface ImportJobState {
  jobId: string;
  companyId: string;
  /** `running` from the start, also while the job waits its turn (nothing read yet). */
  state: 'running' | 'done' | 'failed';
  linesRead: number;
  bytesRead: number;
  totalBytes: number;
  phase: 'reading' | 'saving';
  startedAt: number;
  result: ImportJobResult | null;
  error: { code: ErrorCode; params: Readonly<Record<string, string | number>> | undefined } | null;
}

/**
 * Imports started from the web run in the background; the wizard polls their progress. Imports that
 * would write to the same database at once wait their turn, so each reports what really happened.
 */
export interface ImportJobQueue {
  start(
    companyId: string,
    totalBytes: number,
    run: (progress: (p: ImportJobProgress) => void) => Promise<ImportJobResult>,
    onSettled?: () => void,
  ): ImportJobState;
  get(companyId: string, jobId: string): ImportJobState | null;
  /** Failures that are not expected (not an AppError) are handed to `listener`, e.g. the server log. */
  reportUnexpectedTo(listener: (e: unknown) => void): void;
}
