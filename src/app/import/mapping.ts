import { AppError } from '../../core/errors/app-error.ts';
import type { UseCaseFieldMessageCode } from '../../core/errors/field-messages.ts';
import { FIELDS_BY_KIND, type FieldOf } from '../../core/ingest/fields.ts';
import { toHalfWidth } from '../../core/ingest/half-width.ts';
import { normalizeHeader } from '../../core/ingest/normalize-header.ts';
import type { ImportKind } from '../../core/ingest/records.ts';
import { type MappingIssue, validateMapping } from '../../core/ingest/validate-mapping.ts';

export type FullMapping<K extends ImportKind> = Record<FieldOf<K>, number | null>;

/** The field message (core/errors/field-messages.ts) of a column a mapping cannot use. */
const MAPPING_FIELD_MESSAGES = {
  COLUMN_OUT_OF_RANGE: 'column_out_of_range',
  COLUMN_MAPPED_TWICE: 'column_mapped_twice',
} as const satisfies Record<Exclude<MappingIssue['code'], 'FIELD_NOT_MAPPED'>, UseCaseFieldMessageCode>;

/**
 * Turns a client's mapping (field → column) into the full mapping of the kind. Unknown fields,
 * columns past the header and one column used twice are refused with the field's path; the column
 * checks are core's validateMapping, the same ones the wizard's preview reports.
 */
export function resolveMapping<K extends ImportKind>(
  kind: K,
  given: Readonly<Record<string, number | null>>,
  columnCount: number,
): FullMapping<K> {
  const fields = FIELDS_BY_KIND[kind] as readonly FieldOf<K>[];
  const known = new Set<string>(fields);
  const errors = Object.keys(given)
    .filter((key) => !known.has(key))
    .map((key) => ({ path: `mapping.${key}`, message: 'unknown_field' satisfies UseCaseFieldMessageCode }));
  const out = Object.create(null) as FullMapping<K>;
  for (const f of fields) out[f] = Object.hasOwn(given, f) ? (given[f] ?? null) : null;
  for (const issue of validateMapping(kind, out, columnCount)) {
    if (issue.code !== 'FIELD_NOT_MAPPED')
      errors.push({ path: `mapping.${issue.field}`, message: MAPPING_FIELD_MESSAGES[issue.code] });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors);
  return out;
}

/** Required fields the mapping leaves without a column (core's validateMapping decides which). */
export function missingRequired<K extends ImportKind>(kind: K, mapping: FullMapping<K>): string[] {
  const issues = validateMapping(kind, mapping, Number.MAX_SAFE_INTEGER);
  return [...new Set(issues.filter((i) => i.code === 'FIELD_NOT_MAPPED').map((i) => i.field))];
}

/** Maps a saved preset (field → header name) onto a new file's headers. */
export function mappingFromHeaders(
  saved: Readonly<Record<string, number | null>>,
  savedHeaders: readonly string[],
  headers: readonly string[],
): Record<string, number | null> {
  const out: Record<string, number | null> = Object.create(null);
  for (const [field, col] of Object.entries(saved)) {
    const name = col === null ? undefined : savedHeaders[col];
    const idx = name === undefined ? -1 : columnOfHeader(name, headers);
    out[field] = idx >= 0 ? idx : null;
  }
  return out;
}

const folded = (h: string) => toHalfWidth(h).trim().toLowerCase();

/**
 * The column of a header named in a mapping file or preset: the exact text, else the text trimmed
 * and width-folded (「收货地址 」 = 「收货地址」, ＳＫＵ = SKU), else the one header equal after header
 * normalization (spaces, punctuation, simplified/traditional). -1 when none (or several) match.
 */
export function columnOfHeader(name: string, headers: readonly string[]): number {
  const exact = headers.indexOf(name);
  if (exact >= 0) return exact;
  const f = folded(name);
  const byFold = headers.findIndex((h) => folded(h) === f);
  if (byFold >= 0) return byFold;
  const key = normalizeHeader(name);
  if (key.length === 0) return -1;
  const matches = headers.flatMap((h, i) => (normalizeHeader(h) === key ? [i] : []));
  return matches.length === 1 ? matches[0]! : -1;
}
