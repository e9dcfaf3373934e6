import { type ImportKindDto, importKindSchema } from '../../../contract/imports.ts';
import { repeatKind } from '../../../core/ingest/repeated-lines.ts';

export type ImportKind = ImportKindDto;
export const IMPORT_KINDS: readonly ImportKind[] = importKindSchema.options;

/** field → 0-based column index in the file, or null. */
export type Mapping = Record<string, number | null>;

/** The options shared by preview and commit. */
export interface ImportOptions {
  uploadId: string;
  kind: ImportKind;
  sheet?: string;
  /** Omitted: decided from the file's dates (the preview says how). */
  dayFirst?: boolean;
  mapping?: Mapping;
  /** Import nothing if any line has a problem. */
  strict?: boolean;
  /** One channel for every line of a file without a channel column. */
  channel?: string;
  /** Adopt the file's currency (a company with no sales yet). */
  setCompanyCurrency?: boolean;
}

/** How slash dates with the year last are read: from the file's values, or as the user says. */
export type DateOrderChoice = 'auto' | 'dayFirst' | 'monthFirst';

/**
 * The i18n key of an import's repeats (`repeatedLines` or `repeatedKeys` of its result), the sentence
 * core/ingest/repeated-lines.ts says for the CLI and the API: a satisfaction import's repeated keys are
 * survey responses; the advice of an import that added nothing points to the earlier import.
 */
export function repeatKey(kind: ImportKind, field: 'repeatedLines' | 'repeatedKeys', added: number): string {
  const said = repeatKind(kind, field === 'repeatedLines' ? 'lines' : 'keys');
  if (said === 'keys') return 'imports.result.repeatedKeys';
  const key = said === 'responses' ? 'repeatedResponses' : 'repeatedLines';
  return `imports.result.${key}${added === 0 ? 'Earlier' : ''}`;
}

/** The reader's encoding code → the i18n key of its name in words. */
export function encodingKey(encoding: string | null): string {
  switch ((encoding ?? '').toLowerCase().replace(/[^a-z0-9]/g, '')) {
    case 'utf8':
      return 'imports.encodings.utf8';
    case 'utf16le':
    case 'utf16be':
    case 'utf16':
      return 'imports.encodings.utf16';
    case 'cp950':
    case 'big5':
      return 'imports.encodings.big5';
    default:
      return 'imports.encodings.unknown';
  }
}

/** The delimiter character → the i18n key of its name. */
export function delimiterKey(delimiter: string | null): string {
  switch (delimiter) {
    case ',':
      return 'imports.delimiters.comma';
    case '\t':
      return 'imports.delimiters.tab';
    case ';':
      return 'imports.delimiters.semicolon';
    case '|':
      return 'imports.delimiters.pipe';
    default:
      return 'imports.delimiters.none';
  }
}

/** Progress of a running job in percent (0–100) from the bytes read. */
export function jobPercent(bytesRead: number, totalBytes: number): number {
  if (totalBytes <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((bytesRead / totalBytes) * 100)));
}

/**
 * A saved preset's mapping for this file: each field follows its column's header name when the file
 * has it (columns may be in another order), else keeps the column number if the file is that wide.
 */
export function presetMapping(
  preset: { mapping: Mapping; headers: readonly string[] },
  headers: readonly string[],
): Mapping {
  const next: Mapping = {};
  for (const [field, col] of Object.entries(preset.mapping)) {
    const header = col === null ? undefined : preset.headers[col];
    const byName = header === undefined ? -1 : headers.indexOf(header);
    next[field] = byName >= 0 ? byName : col !== null && col < headers.length ? col : null;
  }
  return next;
}
