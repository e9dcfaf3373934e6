import { AppError } from '../../core/errors/app-error.ts';

/**
 * The storage failures an import can meet, as coded errors the user can act on: a full disk and a
 * database that stays locked by another writer. Either way the import's transaction is rolled back:
 * nothing of it was saved. Other errors pass through unchanged.
 */
export function asImportStorageError(e: unknown): unknown {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  switch (code) {
    case 'SQLITE_FULL':
    case 'SQLITE_IOERR_WRITE':
    case '53100': // PostgreSQL disk_full
      return new AppError('IMPORT_DISK_FULL');
    case 'SQLITE_BUSY':
    case 'SQLITE_BUSY_TIMEOUT':
    case 'SQLITE_LOCKED':
    case '55P03': // PostgreSQL lock_not_available
      return new AppError('IMPORT_DATABASE_BUSY');
    default:
      return e;
  }
}
