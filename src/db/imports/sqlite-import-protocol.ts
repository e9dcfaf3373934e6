import type { ImportedFile, ImportMeta, ImportSummary } from '../../app/import/ports.ts';

/**
 * Messages between an SQLite import (main thread: reads the file, finds dimension ids, keys the
 * lines) and its writer thread (owns the import's connection and transaction: inserts, roll-ups,
 * commit). The two run at once on separate cores.
 */

export const DIM_TABLES = [
  'product_categories',
  'products',
  'channels',
  'regions',
  'sales_reps',
  'customers',
] as const;
export type DimTable = (typeof DIM_TABLES)[number];

/**
 * New dimension rows, in the order they must be written (categories before products, regions
 * before customers), each a flat list of values:
 * - product_categories, channels, regions, sales_reps: id, name
 * - products: id, name, category_id
 * - customers: id, code, name, customer_type, age_band, member_tier, region_id, first_seen_on
 */
export type NewDims = Partial<Record<DimTable, unknown[]>>;
export const DIM_WIDTH: Record<DimTable, number> = {
  product_categories: 2,
  products: 3,
  channels: 2,
  regions: 2,
  sales_reps: 2,
  customers: 8,
};

/** Per sales line: strings order_id, sold_at, sale_date, campaign_code (null allowed). */
export const SALES_STRINGS = 4;
/**
 * Per sales line: numbers line_no, product_id, customer_id, channel_id, rep_id, region_id, quantity,
 * unit_price_minor, discount_minor, amount_minor; NaN stands for null.
 */
export const SALES_NUMBERS = 10;

/**
 * Many strings as one: their concatenation and each one's length (−1 for null). One string and one
 * typed array cross between threads at the cost of a copy, where an array of strings costs a
 * serialization per string.
 */
export interface PackedStrings {
  text: string;
  lengths: Int32Array;
}

export function packStrings(values: readonly (string | null)[]): PackedStrings {
  const lengths = new Int32Array(values.length);
  const parts: string[] = [];
  values.forEach((v, i) => {
    if (v === null) lengths[i] = -1;
    else {
      lengths[i] = v.length;
      parts.push(v);
    }
  });
  return { text: parts.join(''), lengths };
}

export function unpackStrings(packed: PackedStrings): (string | null)[] {
  const out: (string | null)[] = new Array(packed.lengths.length);
  let at = 0;
  for (let i = 0; i < packed.lengths.length; i++) {
    const n = packed.lengths[i] as number;
    if (n < 0) out[i] = null;
    else {
      out[i] = packed.text.slice(at, at + n);
      at += n;
    }
  }
  return out;
}

export type WorkerRequest =
  | { op: 'begin'; file: string; meta: ImportMeta }
  | { op: 'sales'; dims: NewDims; strings: PackedStrings; numbers: Float64Array; count: number }
  /** day, channel_id, campaign, impressions, visits, leads, opportunities, spend_minor per row */
  | { op: 'marketing'; dims: NewDims; rows: unknown[] }
  /** response_key, responded_on, customer_id, channel_id, csat, nps, comment per row */
  | { op: 'satisfaction'; dims: NewDims; rows: unknown[] }
  /** line, column_name, code, value per row */
  | { op: 'problems'; rows: unknown[] }
  /** Adds the staged sales lines (replies how many were added). */
  | { op: 'settle' }
  | { op: 'finish'; summary: ImportSummary & ImportedFile }
  | { op: 'rollback' };

export interface BeginReply {
  tenantId: number;
  seq: number;
  /** The company's dimension members (customers by code), and the next free id of each table. */
  dims: Record<DimTable, { keys: string[]; ids: number[] }>;
  nextIds: Record<DimTable, number>;
}

export interface WorkerReply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: { message: string; code?: string | undefined };
}
