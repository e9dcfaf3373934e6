import { FIELDS_BY_KIND, type FieldOf, REQUIRED_FIELDS } from './fields.ts';
import type { ImportKind } from './records.ts';

export interface MappingIssue {
  /** The field concerned ('amount' stands for "amount, or quantity and unit price" in sales). */
  field: string;
  code: 'FIELD_NOT_MAPPED' | 'COLUMN_MAPPED_TWICE' | 'COLUMN_OUT_OF_RANGE';
}

/** Checks a mapping before any line is read: required fields present, each column used once. */
export function validateMapping<K extends ImportKind>(
  kind: K,
  mapping: Readonly<Record<FieldOf<K>, number | null>>,
  columnCount: number,
): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const m = mapping as Readonly<Record<string, number | null | undefined>>;
  for (const f of REQUIRED_FIELDS[kind] as readonly string[])
    if (m[f] == null) issues.push({ field: f, code: 'FIELD_NOT_MAPPED' });
  if (kind === 'sales' && m.amount == null && m.unitPrice == null)
    issues.push({ field: 'amount', code: 'FIELD_NOT_MAPPED' });
  if (kind === 'satisfaction' && m.csat == null && m.nps == null)
    issues.push({ field: 'csat', code: 'FIELD_NOT_MAPPED' });
  const seen = new Set<number>();
  for (const f of FIELDS_BY_KIND[kind] as readonly string[]) {
    const col = m[f];
    if (col == null) continue;
    if (!Number.isInteger(col) || col < 0 || col >= columnCount)
      issues.push({ field: f, code: 'COLUMN_OUT_OF_RANGE' });
    else if (seen.has(col)) issues.push({ field: f, code: 'COLUMN_MAPPED_TWICE' });
    else seen.add(col);
  }
  return issues;
}
