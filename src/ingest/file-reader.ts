import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileReader, FileSniff, RawRow, RowOptions } from '../app/import/ports.ts';
import { AppError } from '../core/errors/app-error.ts';
import type { FileErrorCode } from '../core/ingest/problem-messages.ts';
import type { TextEncoding } from './detect-encoding.ts';
import { isIngestError } from './ingest-error.ts';
import type { IngestLimits } from './limits.ts';
import type { Delimiter } from './parse-delimited.ts';
import { openDelimited } from './read-delimited.ts';
import { readXlsxRows } from './read-xlsx.ts';
import { sniffFile } from './sniff-file.ts';

/** An IngestError as the use cases speak: a catalogue code with the line and the reason. */
export function toAppError(e: unknown): unknown {
  if (!isIngestError(e)) return e;
  const code: FileErrorCode = e.code;
  const params = { line: e.line ?? 0, reason: code };
  switch (code) {
    case 'FILE_TOO_LARGE':
      return new AppError('IMPORT_FILE_TOO_LARGE', undefined, { limit: '200 MB' });
    case 'FILE_EMPTY':
      return new AppError('IMPORT_EMPTY_FILE');
    case 'FILE_FORMAT_UNKNOWN':
    case 'XLS_NOT_SUPPORTED':
      return new AppError('IMPORT_UNSUPPORTED_FORMAT', undefined, { reason: code });
    case 'XLSX_SHEET_NOT_FOUND':
      return new AppError('IMPORT_SHEET_NOT_FOUND', undefined, { sheet: '' });
    case 'TOO_MANY_COLUMNS':
    case 'TOO_MANY_ROWS':
    case 'LINE_TOO_LONG':
    case 'XLSX_TOO_MANY_ENTRIES':
    case 'XLSX_TOO_LARGE':
      return new AppError('IMPORT_LIMIT_EXCEEDED', undefined, params);
    case 'CSV_QUOTE_NOT_CLOSED':
    case 'CSV_QUOTE_INVALID':
    case 'CSV_MALFORMED':
    case 'XLSX_INVALID':
      return new AppError('IMPORT_MALFORMED', undefined, params);
  }
}

const XLSX_BATCH = 500;

/** The ingest side of imports: sniffing, streaming rows with limits, hashing. */
export function createFileReader(limits?: Partial<IngestLimits>): FileReader {
  return {
    async sniff(path, originalName): Promise<FileSniff> {
      try {
        return await sniffFile(path, originalName, limits);
      } catch (e) {
        throw toAppError(e);
      }
    },
    batches(path, opts: RowOptions, onBytes): AsyncIterable<RawRow[]> {
      return (async function* () {
        try {
          if (opts.format === 'xlsx') {
            let batch: RawRow[] = [];
            for await (const row of readXlsxRows(path, opts.sheet, limits === undefined ? {} : { limits })) {
              batch.push(row);
              if (batch.length >= XLSX_BATCH) {
                yield batch;
                batch = [];
              }
            }
            if (batch.length) yield batch;
          } else {
            const opened = await openDelimited(path, {
              ...(limits === undefined ? {} : { limits }),
              ...(opts.encoding ? { encoding: opts.encoding as TextEncoding } : {}),
              ...(opts.delimiter ? { delimiter: opts.delimiter as Delimiter } : {}),
              ...(onBytes ? { onBytes } : {}),
            });
            yield* opened.batches;
          }
        } catch (e) {
          throw toAppError(e);
        }
      })();
    },
    async sha256(path) {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      return { sha256: hash.digest('hex'), bytes };
    },
  };
}
