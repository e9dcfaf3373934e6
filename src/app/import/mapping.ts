import { AppError } from '../../core/errors/app-error.ts';
import { FIELDS_BY_KIND, type FieldOf, REQUIRED_FIELDS } from '../../core/ingest/fields.ts';
import type { ImportKind } from '../../core/ingest/records.ts';

export type FullMapping<K extends ImportKind> = Record<FieldOf<K>, number | null>;

/**
 * Turns a client's mapping (field → column) into the full mapping of the kind. Unknown fields,
 * columns past the header and one column used twice are refused with the field's path.
 */
export function resolveMapping<K extends ImportKind>(
  kind: K,
  given: Readonly<Record<string, number | null>>,
  columnCount: number,
): FullMapping<K> {
  const fields = FIELDS_BY_KIND[kind] as readonly FieldOf<K>[];
  const known = new Set<string>(fields);
  const errors: { path: string; message: string }[] = [];
  for (const key of Object.keys(given)) {
    if (!known.has(key)) errors.push({ path: `mapping.${key}`, message: 'unknown_field' });
  }
  const out = Object.create(null) as FullMapping<K>;
  const used = new Map<number, string>();
  for (const f of fields) {
    const col = Object.hasOwn(given, f) ? (given[f] ?? null) : null;
    if (col !== null && col >= columnCount)
      errors.push({ path: `mapping.${f}`, message: 'column_out_of_range' });
    if (col !== null && used.has(col)) errors.push({ path: `mapping.${f}`, message: 'column_used_twice' });
    if (col !== null) used.set(col, f);
    out[f] = col;
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors);
  return out;
}

/** Required fields the mapping leaves without a column (sales needs an amount, or quantity and price). */
export function missingRequired<K extends ImportKind>(kind: K, mapping: FullMapping<K>): string[] {
  const missing = (REQUIRED_FIELDS[kind] as readonly FieldOf<K>[])
    .filter((f) => mapping[f] === null)
    .map(String);
  if (kind === 'sales') {
    const m = mapping as FullMapping<'sales'>;
    if (m.amount === null && (m.quantity === null || m.unitPrice === null)) missing.push('amount');
  }
  return [...new Set(missing)];
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
    const idx = name === undefined ? -1 : headers.indexOf(name);
    out[field] = idx >= 0 ? idx : null;
  }
  return out;
}
