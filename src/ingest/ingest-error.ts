import type { FileErrorCode } from '../core/ingest/problem-messages.ts';

/** A file that cannot be read on: a stable code (messages in core/ingest/problem-messages) and the line. */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly code: FileErrorCode,
    /** 1-based line (CSV) or row (XLSX) where reading stopped; null when not tied to a line. */
    readonly line: number | null,
    message?: string,
  ) {
    super(message ?? (line === null ? code : `${code} at line ${line}`));
  }
}

export function isIngestError(e: unknown): e is IngestError {
  return e instanceof IngestError;
}
