import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { type DetectedEncoding, detectEncoding, type TextEncoding } from './detect-encoding.ts';
import { IngestError } from './ingest-error.ts';
import { type IngestLimits, type RawRow, resolveLimits } from './limits.ts';
import { DelimitedParser, type Delimiter, detectDelimiter } from './parse-delimited.ts';

export type ByteSource = string | Readable | AsyncIterable<Uint8Array>;

export interface ReadDelimitedOptions {
  limits?: Partial<IngestLimits>;
  /** Skip detection. */
  encoding?: TextEncoding;
  /** Skip detection. */
  delimiter?: Delimiter;
  /** Whether the first non-empty line is a header (not counted against maxRows). Default true. */
  header?: boolean;
  /** Told the bytes read so far, as the file is read (an import's progress). */
  onBytes?: (bytes: number) => void;
}

export interface OpenedDelimited {
  encoding: TextEncoding;
  delimiter: Delimiter;
  /** The rows, header included; blank lines (all cells empty) skipped. Iterate once. */
  rows: AsyncIterable<RawRow>;
  /**
   * The same rows in batches (one per chunk read, a few hundred rows): the fast way for an
   * importer, one await per batch instead of per row. Iterate either `rows` or `batches`, once.
   */
  batches: AsyncIterable<RawRow[]>;
}

const SAMPLE_BYTES = 64 * 1024;
/**
 * Bytes read at a time. Small enough that a decoded chunk (a string the cells are cut from) stays
 * below V8's large-object size: 256 KB chunks went straight to the old generation and piled up as
 * ≈ 100 MB of garbage between full collections during a 1M-line import.
 */
const READ_CHUNK = 64 * 1024;

function toIterable(source: ByteSource): AsyncIterable<Uint8Array> {
  if (typeof source === 'string') return createReadStream(source, { highWaterMark: READ_CHUNK });
  return source;
}

/**
 * Opens a CSV/TSV file or stream: reads the first 64 KB to detect the encoding (BOM, UTF-16, UTF-8,
 * else Big5/CP950) and the delimiter (, \t ; |), then streams rows with limits on bytes, columns,
 * line length and rows. Errors are IngestError with a code and line.
 */
export async function openDelimited(
  source: ByteSource,
  opts: ReadDelimitedOptions = {},
): Promise<OpenedDelimited> {
  const limits = resolveLimits(opts.limits);
  const iterator = toIterable(source)[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < SAMPLE_BYTES) {
    const r = await iterator.next();
    if (r.done) {
      done = true;
      break;
    }
    head.push(r.value);
    headBytes += r.value.length;
    if (headBytes > limits.maxFileBytes) {
      await iterator.return?.();
      throw new IngestError('FILE_TOO_LARGE', null);
    }
  }
  const sample = Buffer.concat(head);
  const detected: DetectedEncoding = opts.encoding
    ? { encoding: opts.encoding, bomLength: 0 }
    : detectEncoding(sample.subarray(0, SAMPLE_BYTES));
  const encoding = detected.encoding;
  const delimiter =
    opts.delimiter ??
    detectDelimiter(iconv.decode(sample.subarray(0, Math.min(sample.length, 16 * 1024)), encoding));
  const batches = streamBatches(
    head,
    headBytes,
    done,
    iterator,
    encoding,
    delimiter,
    limits,
    opts.header ?? true,
    opts.onBytes,
  );
  return { encoding, delimiter, rows: unbatch(batches), batches };
}

/** The rows of a CSV/TSV file or stream (see openDelimited). */
export async function* readDelimited(
  source: ByteSource,
  opts: ReadDelimitedOptions = {},
): AsyncGenerator<RawRow> {
  const opened = await openDelimited(source, opts);
  yield* opened.rows;
}

interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string | undefined;
}

/**
 * UTF-8 and UTF-16LE through WHATWG TextDecoder (about 30 % faster than iconv-lite's here); Big5
 * (CP950) and UTF-16BE through iconv-lite. Both strip a BOM.
 */
function textDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'utf8' || encoding === 'utf16le') {
    const td = new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'utf-16le');
    return { write: (chunk) => td.decode(chunk, { stream: true }), end: () => td.decode() };
  }
  return iconv.getDecoder(encoding, { stripBOM: true });
}

async function* unbatch(batches: AsyncIterable<RawRow[]>): AsyncGenerator<RawRow> {
  for await (const batch of batches) yield* batch;
}

function isBlank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++)
    if (cells[i]!.length > 0 && cells[i]!.trim().length > 0) return false;
  return true;
}

async function* streamBatches(
  head: Uint8Array[],
  headBytes: number,
  done: boolean,
  iterator: AsyncIterator<Uint8Array>,
  encoding: TextEncoding,
  delimiter: Delimiter,
  limits: IngestLimits,
  header: boolean,
  onBytes: ((bytes: number) => void) | undefined,
): AsyncGenerator<RawRow[]> {
  const decoder = textDecoder(encoding);
  const parser = new DelimitedParser(delimiter, limits);
  let out: RawRow[] = [];
  let total = headBytes;
  let rows = 0;
  const maxRecords = limits.maxRows + (header ? 1 : 0);
  let finished = false;
  /** Drops blank rows, counts rows against the limit; returns the batch and starts a new one. */
  function take(): RawRow[] {
    const batch = out;
    out = [];
    let w = 0;
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i]!;
      if (isBlank(row.cells)) continue;
      rows++;
      if (rows > maxRecords) throw new IngestError('TOO_MANY_ROWS', row.line);
      batch[w++] = row;
    }
    batch.length = w;
    return batch;
  }
  const toBuffer = (c: Uint8Array) =>
    Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
  try {
    for (const chunk of head) {
      parser.push(decoder.write(toBuffer(chunk)), false, out);
      const batch = take();
      if (batch.length > 0) yield batch;
    }
    onBytes?.(total);
    while (!done) {
      const r = await iterator.next();
      if (r.done) break;
      total += r.value.length;
      if (total > limits.maxFileBytes) throw new IngestError('FILE_TOO_LARGE', parser.currentLine);
      onBytes?.(total);
      parser.push(decoder.write(toBuffer(r.value)), false, out);
      const batch = take();
      if (batch.length > 0) yield batch;
    }
    finished = true;
    parser.push(decoder.end() ?? '', true, out);
    const batch = take();
    if (batch.length > 0) yield batch;
  } finally {
    if (!finished) await iterator.return?.();
  }
}
