import { dayNumber } from './rollup-accumulator.ts';

/**
 * Distinct orders without scanning the lines: `kpi_orders_daily` counts orders per day × channel ×
 * rep × region, additively. Only sale lines count (a return line nets in the sums but is no purchase,
 * core/ingest isReturnLine): an order counts in a cell where it has a sale line, so an order of
 * returns alone is no order, and "its lines" below are its sale lines (the tracker is fed those
 * alone, line-rollups.ts; the refreshes and the suspects' reads filter them). That is exact for a "simple" order — all its lines on one day with one
 * channel, rep, region and customer (nearly every real order): it lies in one cell, so a count per
 * cell sums to distinct orders over any days and any of those dimensions. Any other order is listed
 * in `kpi_complex_orders`, is left out of the counts, and readers count it from its lines (exact,
 * and cheap while such orders are few). The two sets are disjoint, so their sum is the distinct count.
 *
 * Imports keep both as they add lines (OrderTracker): an order counts +1 in the cell of its first
 * run of lines; lines that continue the run in the same cell change nothing. Whatever else could
 * break the rule — a run that changes cell, an order seen again later in the file (or a 32-bit hash
 * collision that looks like one), an order that already had lines before this import — makes the
 * order a suspect, resolved exactly from its lines at the end of the import (resolveSuspects).
 * Undo and merges recompute a date range from the lines (refresh-sales-rollups.ts). Every count the
 * tracker makes, and every move resolveSuspects makes, is also made in the order's customer-month
 * cell (kpi_customer_monthly, customer-activity.ts), so the two stay in step.
 */

/** The members an order's lines must share to be counted in the roll-up. */
export interface OrderCell {
  saleDate: string;
  channelId: number | null;
  repId: number | null;
  regionId: number | null;
  customerId: number | null;
}

export interface OrderLine extends OrderCell {
  orderId: string;
  productId: number;
  /** The line's row id (sales_lines.id; negative: a row of an SQLite import's stage, sqlite-import-writer.ts). */
  rowid: number;
}

/** Additive counts for one cell (negative rows undo an earlier count). */
export interface OrderCountRow {
  saleDate: string;
  channelId: number | null;
  repId: number | null;
  regionId: number | null;
  orders: number;
  customerOrders: number;
}

export const sameCell = (a: OrderCell, b: OrderCell): boolean =>
  a.saleDate === b.saleDate &&
  a.channelId === b.channelId &&
  a.repId === b.repId &&
  a.regionId === b.regionId &&
  a.customerId === b.customerId;

/** 32-bit FNV-1a of a string's UTF-16 units. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Where an order's count also goes: the customer-month cells (RollupAccumulator.countOrder). */
export interface OrderCountSink {
  countOrder(cell: OrderCell, sign: number): void;
}

/** One move of an order's count: `sign` × one order in `cell` (kpi_customer_monthly follows them). */
export interface OrderMove {
  cell: OrderCell;
  sign: number;
}

const TEN = 1 << 10;

/**
 * One key for a day × channel × rep × region: a number when the ids are small (the usual case; a
 * number is cheaper to hash than a string built for every order), else a string (the day as the
 * roll-ups number it: unique and in date order).
 */
function cellKey(cell: OrderCell): number | string {
  const d = cell.saleDate;
  const b = cell.channelId === null ? 0 : cell.channelId + 1;
  const r = cell.repId === null ? 0 : cell.repId + 1;
  const g = cell.regionId === null ? 0 : cell.regionId + 1;
  if (d.length === 10 && b < TEN && r < TEN && g < TEN && b >= 0 && r >= 0 && g >= 0) {
    const n = dayNumber(d);
    if (Number.isInteger(n) && n >= 0) return n * TEN * TEN * TEN + (b * TEN + r) * TEN + g;
  }
  return `${d}|${cell.channelId}|${cell.repId}|${cell.regionId}`;
}

/** Adds `sign` × one order of `cell` to a map of count rows keyed by cell (and to `moves`). */
function count(
  into: Map<number | string, OrderCountRow>,
  cell: OrderCell,
  sign: number,
  moves?: OrderMove[],
) {
  moves?.push({ cell, sign });
  const key = cellKey(cell);
  let row = into.get(key);
  if (!row) {
    row = {
      saleDate: cell.saleDate,
      channelId: cell.channelId,
      repId: cell.repId,
      regionId: cell.regionId,
      orders: 0,
      customerOrders: 0,
    };
    into.set(key, row);
  }
  row.orders += sign;
  if (cell.customerId !== null) row.customerOrders += sign;
}

/** What resolveSuspects needs to know about one suspect order. */
export interface SuspectOrder {
  orderId: string;
  /** The cell this import counted it in, if it did. */
  counted: OrderCell | null;
  /** Every line of the order (this import's and earlier ones'). */
  lines: readonly (OrderCell & { current: boolean })[];
  /** Already listed in kpi_complex_orders. */
  complex: boolean;
}

/**
 * The count rows that make the roll-up exact for the suspects (their tentative and earlier counts
 * taken back, their true count added), the same as moves per full cell (for the customer-month
 * cells), and the orders that join kpi_complex_orders.
 */
export function resolveSuspects(suspects: readonly SuspectOrder[]): {
  rows: OrderCountRow[];
  moves: OrderMove[];
  complex: string[];
} {
  const rows = new Map<number | string, OrderCountRow>();
  const moves: OrderMove[] = [];
  const complex: string[] = [];
  for (const s of suspects) {
    if (s.counted) count(rows, s.counted, -1, moves);
    if (s.complex) continue;
    // Earlier imports counted it once, in the cell all its earlier lines share.
    const earlier = s.lines.find((l) => !l.current);
    if (earlier) count(rows, earlier, -1, moves);
    const first = s.lines[0];
    if (first && s.lines.every((l) => sameCell(l, first))) count(rows, first, +1, moves);
    else if (first) complex.push(s.orderId);
  }
  return {
    rows: [...rows.values()].filter((r) => r.orders !== 0 || r.customerOrders !== 0),
    moves,
    complex,
  };
}

/**
 * Follows the lines an import adds (in file order) and keeps the order counts, with memory flat in
 * the number of lines but for a 12-byte slot per order (hash and first row id).
 */
export class OrderTracker {
  private hashes = new Int32Array(1 << 16);
  /** Each slot's first line row id (0: empty): 32-bit, or doubles once a row id needs them. */
  private rowids: Int32Array | Float64Array = new Int32Array(1 << 16);
  private used = 0;
  private counts = new Map<number | string, OrderCountRow>();
  /** Suspect order ids, and the row ids of the first lines of the slots involved. */
  private suspectIds = new Set<string>();
  private suspectFirsts = new Set<number>();
  /** Orders whose earlier lines (other imports) must be checked: id and slot row id. */
  private probes: { orderId: string; rowid: number }[] = [];
  private runOrder: string | null = null;
  private runRowid = 0;
  /** The products of the current run of an order's lines (a repeat lists it, product-orders.ts). */
  private runProducts: number[] = [];
  private repeatIds = new Set<string>();
  private runCell: OrderCell = {
    saleDate: '',
    channelId: null,
    repId: null,
    regionId: null,
    customerId: null,
  };

  /**
   * `priorLines`: the company had lines before this import (new orders may continue old ones);
   * `sink` receives every count as it is made (the customer-month cells).
   */
  constructor(
    private readonly priorLines: boolean,
    private readonly sink: OrderCountSink | null = null,
  ) {}

  add(l: OrderLine): void {
    if (l.orderId === this.runOrder) {
      if (!sameCell(l, this.runCell)) this.suspect(l.orderId, this.runRowid);
      if (this.runProducts.includes(l.productId)) this.repeatIds.add(l.orderId);
      else this.runProducts.push(l.productId);
      return;
    }
    this.runOrder = l.orderId;
    // Reused, not replaced: most orders are one line, and this runs for every one.
    this.runProducts.length = 0;
    this.runProducts.push(l.productId);
    this.runCell = {
      saleDate: l.saleDate,
      channelId: l.channelId,
      repId: l.repId,
      regionId: l.regionId,
      customerId: l.customerId,
    };
    const h = hash32(l.orderId);
    const mask = this.hashes.length - 1;
    let i = h & mask;
    for (;;) {
      const r = this.rowids[i] as number;
      if (r === 0) break;
      if (this.hashes[i] === h) {
        // Seen before, or another order with the same hash: resolved at the end.
        this.runRowid = r;
        this.suspect(l.orderId, r);
        return;
      }
      i = (i + 1) & mask;
    }
    if (this.rowids instanceof Int32Array && (l.rowid | 0) !== l.rowid)
      this.rowids = Float64Array.from(this.rowids);
    this.hashes[i] = h;
    this.rowids[i] = l.rowid;
    this.runRowid = l.rowid;
    this.used += 1;
    if (this.used * 2 > this.hashes.length) this.grow();
    count(this.counts, this.runCell, +1);
    this.sink?.countOrder(this.runCell, +1);
    if (this.priorLines) this.probes.push({ orderId: l.orderId, rowid: l.rowid });
  }

  private suspect(orderId: string, slotRowid: number) {
    this.suspectIds.add(orderId);
    this.suspectFirsts.add(slotRowid);
  }

  private grow() {
    const hashes = new Int32Array(this.hashes.length * 2);
    const rowids =
      this.rowids instanceof Int32Array
        ? new Int32Array(this.rowids.length * 2)
        : new Float64Array(this.rowids.length * 2);
    const mask = hashes.length - 1;
    for (let j = 0; j < this.rowids.length; j++) {
      const r = this.rowids[j] as number;
      if (r === 0) continue;
      const h = this.hashes[j] as number;
      let i = h & mask;
      while (rowids[i] !== 0) i = (i + 1) & mask;
      hashes[i] = h;
      rowids[i] = r;
    }
    this.hashes = hashes;
    this.rowids = rowids;
  }

  /** True when the held counts or probes should be written out or run. */
  get full(): boolean {
    return this.counts.size + this.probes.length >= 50_000;
  }

  /** The counts held so far (tentative for suspects; resolveSuspects corrects them). */
  drainCounts(): OrderCountRow[] {
    const out = [...this.counts.values()];
    this.counts = new Map();
    return out;
  }

  /** The orders to look up among earlier lines; call `continuesEarlier` for each that has some. */
  takeProbes(): { orderId: string; rowid: number }[] {
    const out = this.probes;
    this.probes = [];
    return out;
  }

  continuesEarlier(orderId: string, rowid: number): void {
    this.suspect(orderId, rowid);
  }

  /**
   * Orders that may have two or more lines of one product: a product repeated within a run of the
   * order's lines, and every suspect (its lines were not all seen together). The writers check them
   * against the lines (kpi_repeat_product_orders).
   */
  repeatCandidates(): string[] {
    return [...new Set([...this.repeatIds, ...this.suspectIds])];
  }

  /** The suspect order ids and the first-line row ids of their slots (empty for a clean import). */
  suspects(): { orderIds: string[]; firstRowids: number[] } {
    return { orderIds: [...this.suspectIds], firstRowids: [...this.suspectFirsts] };
  }
}
