import { FIELDS_BY_KIND, type FieldOf } from './fields.ts';
import { MAPPING_PRESETS, type MappingPreset, SYNONYMS_BY_KIND } from './header-synonyms.ts';
import { normalizeHeader } from './normalize-header.ts';
import type { ImportKind } from './records.ts';

export interface MappingSuggestion<K extends ImportKind> {
  /** Column index of each field, or null. Keys are the fixed field names, never header text. */
  mapping: Record<FieldOf<K>, number | null>;
  /** 1 = exact synonym or preset column, 0.6–0.9 = lesser synonym or partial match, 0 = unmapped. */
  confidence: Record<FieldOf<K>, number>;
  /** Columns no field took, in file order. */
  unmappedHeaders: { index: number; header: string }[];
  /** The preset whose layout the headers match, if any. */
  preset: string | null;
}

interface SynonymHit {
  field: string;
  rank: number;
}

const MAX_HEADERS = 10_000;
const indexCache = new Map<ImportKind, { exact: Map<string, SynonymHit[]>; words: [string, SynonymHit][] }>();

function synonymIndex(kind: ImportKind) {
  let idx = indexCache.get(kind);
  if (idx !== undefined) return idx;
  const exact = new Map<string, SynonymHit[]>();
  const words: [string, SynonymHit][] = [];
  const table = SYNONYMS_BY_KIND[kind] as Readonly<Record<string, readonly string[]>>;
  for (const field of FIELDS_BY_KIND[kind] as readonly string[]) {
    const list = table[field] ?? [];
    list.forEach((word, rank) => {
      const key = normalizeHeader(word);
      const hit = { field, rank };
      const hits = exact.get(key);
      if (hits === undefined) exact.set(key, [hit]);
      else hits.push(hit);
      if (key.length >= 2) words.push([key, hit]);
    });
  }
  idx = { exact, words };
  indexCache.set(kind, idx);
  return idx;
}

interface Candidate {
  field: string;
  column: number;
  score: number;
  order: number;
}

/**
 * Suggests which column holds each field of `kind`, from zh-TW / zh-CN / English header synonyms
 * and the known export presets. Each column serves at most one field. Never throws; header text is
 * only ever used as a Map key, so `__proto__` or `constructor` headers are plain strings.
 */
export function suggestMapping<K extends ImportKind>(
  kind: K,
  headers: readonly string[],
): MappingSuggestion<K> {
  const fields = FIELDS_BY_KIND[kind] as readonly FieldOf<K>[];
  const count = Math.min(headers.length, MAX_HEADERS);
  const normalized: string[] = [];
  for (let i = 0; i < count; i++) normalized.push(normalizeHeader(String(headers[i] ?? '')));
  const { exact, words } = synonymIndex(kind);
  const candidates: Candidate[] = [];
  const fieldOrder = new Map<string, number>();
  fields.forEach((f, i) => {
    fieldOrder.set(f, i);
  });

  let presetId: string | null = null;
  const preset = detectPreset(kind, normalized);
  /** The preset's order-level columns (Subtotal, Total...): never suggested for a line's field. */
  const orderLevel = new Set<number>();
  if (preset !== null) {
    presetId = preset.id;
    for (const header of preset.orderLevel ?? []) {
      const col = normalized.indexOf(normalizeHeader(header));
      if (col >= 0) orderLevel.add(col);
    }
    const columns = preset.columns as Partial<Record<string, string>>;
    for (const field of fields) {
      const header = columns[field];
      if (header === undefined) continue;
      const col = normalized.indexOf(normalizeHeader(header));
      if (col >= 0) candidates.push({ field, column: col, score: 1.01, order: fieldOrder.get(field) ?? 0 });
    }
  }

  for (let col = 0; col < count; col++) {
    const h = normalized[col]!;
    if (h.length === 0 || orderLevel.has(col)) continue;
    const hits = exact.get(h);
    if (hits !== undefined) {
      for (const hit of hits)
        candidates.push({
          field: hit.field,
          column: col,
          score: Math.max(0.9, 1 - hit.rank * 0.005),
          order: fieldOrder.get(hit.field) ?? 0,
        });
      continue;
    }
    if (h.length > 40) continue;
    let best: SynonymHit | null = null;
    let bestLen = 0;
    for (const [word, hit] of words) {
      if (word.length > bestLen && partialMatch(h, word)) {
        best = hit;
        bestLen = word.length;
      }
    }
    if (best !== null)
      candidates.push({
        field: best.field,
        column: col,
        score: 0.6 + Math.min(0.2, bestLen * 0.02),
        order: fieldOrder.get(best.field) ?? 0,
      });
  }

  candidates.sort((a, b) => b.score - a.score || a.order - b.order || a.column - b.column);
  const mapping = Object.create(null) as Record<FieldOf<K>, number | null>;
  const confidence = Object.create(null) as Record<FieldOf<K>, number>;
  for (const f of fields) {
    mapping[f] = null;
    confidence[f] = 0;
  }
  const usedColumns = new Set<number>();
  const usedFields = new Set<string>();
  for (const c of candidates) {
    if (usedColumns.has(c.column) || usedFields.has(c.field)) continue;
    usedColumns.add(c.column);
    usedFields.add(c.field);
    mapping[c.field as FieldOf<K>] = c.column;
    confidence[c.field as FieldOf<K>] = Math.min(1, Math.round(c.score * 100) / 100);
  }
  // An order's total (訂單金額, Order total) repeated on each line of a line-item file is no line's
  // amount: with a product and a unit price, the amount is quantity × price.
  const mm = mapping as Record<string, number | null>;
  if (kind === 'sales' && mm.amount != null && mm.product != null && mm.unitPrice != null) {
    const h = normalized[mm.amount] ?? '';
    if (h.includes('訂單') || h.startsWith('order')) {
      usedColumns.delete(mm.amount);
      mm.amount = null;
      (confidence as Record<string, number>).amount = 0;
    }
  }
  // A lone "time" column (交易時間, Created at) with no date column holds the date and the time
  // together: it is the date (the date parser reads the time from it too).
  const m = mapping as Record<string, number | null>;
  const c = confidence as Record<string, number>;
  if ('time' in m && m.date === null && m.time !== null) {
    m.date = m.time ?? null;
    c.date = c.time ?? 0;
    m.time = null;
    c.time = 0;
  }
  const unmappedHeaders: { index: number; header: string }[] = [];
  for (let col = 0; col < count; col++)
    if (!usedColumns.has(col)) unmappedHeaders.push({ index: col, header: String(headers[col] ?? '') });
  return { mapping, confidence, unmappedHeaders, preset: presetId };
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

/**
 * A header that contains a synonym (「銷售金額(含稅)」 ⊃ 「銷售金額」) or, for Chinese, is contained in one.
 * English words match only as a prefix or suffix of at least 5 letters ('prototype' is not 'type').
 */
function partialMatch(header: string, word: string): boolean {
  if (isAscii(word)) return word.length >= 5 && (header.startsWith(word) || header.endsWith(word));
  return header.includes(word) || (header.length >= 2 && !isAscii(header) && word.includes(header));
}

/** The preset of `kind` most of whose columns appear among the headers (at least 4 and 70 %). */
export function detectPreset(kind: ImportKind, normalizedHeaders: readonly string[]): MappingPreset | null {
  const present = new Set(normalizedHeaders);
  let best: MappingPreset | null = null;
  let bestShare = 0;
  for (const preset of MAPPING_PRESETS) {
    if (preset.kind !== kind) continue;
    const cols = Object.values(preset.columns as Record<string, string>);
    let hit = 0;
    for (const c of cols) if (present.has(normalizeHeader(c))) hit++;
    const share = hit / cols.length;
    if (hit >= 4 && share >= 0.7 && share > bestShare) {
      best = preset;
      bestShare = share;
    }
  }
  return best;
}
